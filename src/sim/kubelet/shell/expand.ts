import type { Buffer, Context } from './context.ts';
import { nodeType, OP, type ShNode } from './parse.ts';
import { ExitShell, Unsupported } from './shell-state.ts';

// Word expansion (POSIX 2.6) on the model: quoting, parameters, command substitution, arithmetic.

/** A word as one string (assignments, redirection targets, case words): no field splitting. */
export function wordText(ctx: Context, word: ShNode | null): string {
  if (!word) return '';
  return word.Parts.map((p: ShNode) => partText(ctx, p, false)).join('');
}

/** A word as fields: unquoted expansions split at whitespace, an empty unquoted expansion vanishes. */
export function expandWord(ctx: Context, word: ShNode): string[] {
  const fields: string[] = [];
  let current = '';
  let hasContent = false;
  for (const part of word.Parts) {
    const type = nodeType(part);
    const text = partText(ctx, part, false);
    if (type === 'ParamExp' || type === 'CmdSubst' || type === 'ArithmExp') {
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) {
          if (hasContent || current) fields.push(current);
          current = '';
          hasContent = false;
        }
        current += piece;
        if (piece) hasContent = true;
      });
    } else {
      current += text;
      hasContent = true;
    }
  }
  if (hasContent || current) fields.push(current);
  return fields;
}

function partText(ctx: Context, part: ShNode, quoted: boolean): string {
  switch (nodeType(part)) {
    case 'Lit':
      return quoted ? part.Value.replace(/\\([$`"\\\n])/g, '$1') : part.Value.replace(/\\(.)/g, '$1');
    case 'SglQuoted':
      if (part.Dollar) throw new Unsupported("$'…' quoting");
      return part.Value;
    case 'DblQuoted':
      return part.Parts.map((p: ShNode) => partText(ctx, p, true)).join('');
    case 'ParamExp':
      return parameter(ctx, part);
    case 'CmdSubst':
      return commandSubstitution(ctx, part);
    case 'ArithmExp':
      return String(arithmetic(ctx, part.X));
    default:
      throw new Unsupported(`${nodeType(part)} in a word`);
  }
}

/** Names the container's runtime sets whatever the manifest says (their values are not known here). */
const RUNTIME_NAMES = new Set(['HOSTNAME', 'HOME', 'PATH', 'TERM']);

function parameter(ctx: Context, exp: ShNode): string {
  const { state } = ctx;
  if (exp.Excl || exp.Slice || exp.Repl || exp.Index || exp.Width) throw new Unsupported(`\${…} form in ${ctx.script.slice(exp.Pos().Offset(), exp.End().Offset())}`);
  const name: string = exp.Param.Value;
  let value: string | undefined;
  if (name === '?') value = String(state.status);
  else if (name === '$') value = '1';
  else if (name === '#') value = String(Math.max(0, state.positional.length - 1));
  else if (name === '@' || name === '*') value = state.positional.slice(1).join(' ');
  else if (/^\d$/.test(name)) value = state.positional[Number(name)] ?? (name === '0' ? 'sh' : undefined);
  else {
    value = state.vars.get(name);
    if (value === undefined && (RUNTIME_NAMES.has(name) || ctx.unknownEnv(name))) {
      state.guess(`$${name} is empty`, `its value comes from outside the manifest's env values (the runtime, a Secret or ConfigMap, a Service)`);
    }
  }
  if (exp.Length) return String((value ?? '').length);
  const e = exp.Exp;
  if (!e) return value ?? '';
  const word = () => wordText(ctx, e.Word);
  switch (e.Op) {
    case OP.defaultUnset: return value ?? word();
    case OP.defaultUnsetOrNull: return value ? value : word();
    case OP.alternateUnset: return value !== undefined ? word() : '';
    case OP.alternateUnsetOrNull: return value ? word() : '';
    case OP.assignUnset:
    case OP.assignUnsetOrNull: {
      if (e.Op === OP.assignUnset ? value !== undefined : value) return value!;
      state.vars.set(name, word());
      return word();
    }
    default:
      throw new Unsupported(`\${…} form in ${ctx.script.slice(exp.Pos().Offset(), exp.End().Offset())}`);
  }
}

/** `$(…)`: run in a subshell on the model; its output, trailing newlines removed. */
function commandSubstitution(ctx: Context, subst: ShNode): string {
  const buffer: Buffer = { text: '' };
  const restore = ctx.state.save();
  try {
    ctx.runList({ ...ctx, out: { buffer } }, subst.Stmts, false, '');
  } catch (e) {
    if (!(e instanceof ExitShell)) throw e;
  } finally {
    restore();
  }
  ctx.state.unknownOutputs.push(...(buffer.unknown ?? []));
  return buffer.text.replace(/\n+$/, '');
}

function arithmetic(ctx: Context, x: ShNode): number {
  switch (nodeType(x)) {
    case 'Word': {
      const text = wordText(ctx, x).trim();
      if (/^-?\d+$/.test(text)) return Number(text);
      if (/^[A-Za-z_]\w*$/.test(text)) return Number(ctx.state.vars.get(text) ?? 0) || 0;
      throw new Unsupported(`arithmetic on "${text}"`);
    }
    case 'ParenArithm':
      return arithmetic(ctx, x.X);
    case 'BinaryArithm': {
      const a = arithmetic(ctx, x.X);
      const b = arithmetic(ctx, x.Y);
      switch (x.Op) {
        case OP.add: return a + b;
        case OP.sub: return a - b;
        case OP.mul: return a * b;
        case OP.quo: if (b === 0) throw new Unsupported('division by zero'); return Math.trunc(a / b);
        case OP.rem: if (b === 0) throw new Unsupported('division by zero'); return a % b;
        case OP.lss: return Number(a < b);
        case OP.gtr: return Number(a > b);
        case OP.leq: return Number(a <= b);
        case OP.geq: return Number(a >= b);
        case OP.eql: return Number(a === b);
        case OP.neq: return Number(a !== b);
      }
      throw new Unsupported('an arithmetic operator');
    }
    default:
      throw new Unsupported(`${nodeType(x)} in arithmetic`);
  }
}
