/**
 * The part of mvdan-sh (the GopherJS build of github.com/mvdan/sh/v3 syntax, pinned in
 * package.json) that the shell interpreter uses. Nodes are Go structs seen through GopherJS:
 * fields keep their Go names (syntax/nodes.go); `NodeType` names a node's Go type.
 */
declare module 'mvdan-sh' {
  namespace sh {
    /** Any syntax node: fields by their Go names (syntax/nodes.go); see evaluate.ts for those read. */
    interface Node {
      Pos(): { Offset(): number };
      End(): { Offset(): number };
      [field: string]: any;
    }
    interface Parser {
      /** Parses a whole script; throws a syntax.ParseError (its `Error()` is "1:4: reason"). */
      Parse(text: string, name: string): Node;
    }
    type ParserOption = unknown;
  }
  const sh: {
    syntax: {
      NewParser(...options: sh.ParserOption[]): sh.Parser;
      Variant(lang: number): sh.ParserOption;
      LangBash: number;
      LangPOSIX: number;
      NodeType(node: sh.Node): string;
    };
  };
  export = sh;
}
