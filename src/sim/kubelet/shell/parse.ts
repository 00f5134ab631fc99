import sh from 'mvdan-sh';

/** A node of mvdan/sh's syntax tree (syntax/nodes.go), as the GopherJS build hands it out. */
export type ShNode = sh.Node;

/** A script that did not parse: the parser's own words ("1:4: `if` must be followed by a statement list"). */
export class ShellSyntaxError extends Error {}

// One parser for the process: parsing is synchronous and keeps no state between scripts.
const parser = sh.syntax.NewParser(sh.syntax.Variant(sh.syntax.LangBash));

/**
 * Parses a script with mvdan/sh's parser in its bash variant (a superset of what busybox ash
 * accepts; what the interpreter does not model is reported, not guessed). Throws ShellSyntaxError.
 */
export function parseScript(script: string): ShNode {
  try {
    return parser.Parse(script, '');
  } catch (e: any) {
    throw new ShellSyntaxError(typeof e?.Error === 'function' ? e.Error() : String(e));
  }
}

/** The Go type of a node: `CallExpr`, `BinaryCmd`, `IfClause`, `Lit`, `ParamExp`, … */
export const nodeType = (node: ShNode): string => sh.syntax.NodeType(node);

/**
 * Operator numbers are Go constants (syntax/tokens.go) whose values the JS build does not
 * export and which shift between versions: read them off the parser itself, once.
 */
const first = (script: string) => parser.Parse(script, '').Stmts[0];
const binCmd = (script: string): number => first(script).Cmd.Op;
const redir = (script: string): number => first(script).Redirs[0].Op;
const arith = (expr: string): number => first(`x $((${expr}))`).Cmd.Args[1].Parts[0].X.Op;
const paramExp = (text: string): number => first(`x ${text}`).Cmd.Args[1].Parts[0].Exp.Op;

export const OP = {
  and: binCmd('a && b'), or: binCmd('a || b'), pipe: binCmd('a | b'),
  rdrOut: redir('a > f'), appOut: redir('a >> f'), rdrIn: redir('a < f'), dplOut: redir('a 2>&1'), clbOut: redir('a >| f'),
  rdrAll: redir('a &> f'), appAll: redir('a &>> f'), hdoc: redir('a <<E\nE'), dashHdoc: redir('a <<-E\nE'), wordHdoc: redir('a <<< w'),
  add: arith('a+b'), sub: arith('a-b'), mul: arith('a*b'), quo: arith('a/b'), rem: arith('a%b'),
  lss: arith('a<b'), gtr: arith('a>b'), leq: arith('a<=b'), geq: arith('a>=b'), eql: arith('a==b'), neq: arith('a!=b'),
  defaultUnset: paramExp('${a-b}'), defaultUnsetOrNull: paramExp('${a:-b}'), alternateUnset: paramExp('${a+b}'),
  alternateUnsetOrNull: paramExp('${a:+b}'), assignUnset: paramExp('${a=b}'), assignUnsetOrNull: paramExp('${a:=b}'),
} as const;
