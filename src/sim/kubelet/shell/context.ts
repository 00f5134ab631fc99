// The interpreter's context, shared by evaluate.ts (control flow), expand.ts (words) and
// redirections.ts (where output goes). It lives apart so none of them imports another in a circle.
import type { ShNode } from './parse.ts';
import type { ShellState } from './shell-state.ts';

/** What every part of the interpreter works with: the shell's state, the script, and where output goes. */
export interface Context {
  state: ShellState;
  unknownEnv: (name: string) => boolean;
  script: string;
  /**
   * Where a command's standard output and error go when it does not redirect them: a file, a
   * command substitution's or a pipe's buffer, or the container's log (not modelled: 'discard').
   */
  out: Sink;
  err: Sink;
  /**
   * The interpreter's statement runner (evaluate.ts `runList`), for the statements a word runs:
   * a command substitution. Handed in, so word expansion and the interpreter need not import
   * each other.
   */
  runList: (ctx: Context, stmts: ShNode[], tail: boolean, stdin: string) => number;
}

/** Where output goes: a file, a buffer (a command substitution or a pipe), or nowhere kubespec models. */
export type Sink = { path: string } | { buffer: Buffer } | 'discard';

/** What a command substitution or a pipe collects, and which programs in it printed what kubespec does not know. */
export interface Buffer {
  text: string;
  unknown?: string[];
}
