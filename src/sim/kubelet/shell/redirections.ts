import { resolvePath } from './image-filesystem.ts';
import { OP, type ShNode } from './parse.ts';
import { done, Unsupported, type CommandResult } from './shell-state.ts';
import type { Context, Sink } from './context.ts';

/** A command's standard input, where its output (fd 1) and error (fd 2) go, or the redirection that failed. */
export interface Io {
  stdin: string;
  out: Sink;
  err: Sink;
  failed?: CommandResult;
}

/** Paths that are the container's log or nothing: not modelled. /dev/stdout and /dev/stderr are the command's own. */
const DISCARDED = new Set(['/dev/null', '/proc/1/fd/1', '/proc/1/fd/2']);

/**
 * A statement's redirections, left to right as the shell applies them (POSIX 2.7): `2>&1` makes
 * fd 2 what fd 1 is at that point, so `2>&1 >f` leaves errors where output was. Files are opened
 * (and truncated) first; a missing directory fails with busybox ash's message.
 */
export function redirections(ctx: Context, redirs: ShNode[], stdin: string, text: (word: ShNode) => string): Io {
  const { state } = ctx;
  const io: Io = { stdin, out: ctx.out, err: ctx.err };
  const fdOf = (r: ShNode, byDefault: 1 | 2 | 0) => {
    const fd = r.N ? Number(r.N.Value) : byDefault;
    if (fd > 2) throw new Unsupported(`a redirection of file descriptor ${fd}`);
    return fd;
  };
  for (const r of redirs) {
    if (r.Op === OP.hdoc || r.Op === OP.dashHdoc) {
      io.stdin = r.Hdoc ? text(r.Hdoc) : '';
      continue;
    }
    if (r.Op === OP.wordHdoc) {
      io.stdin = `${text(r.Word)}\n`;
      continue;
    }
    const target = text(r.Word);
    if (r.Op === OP.dplOut) {
      // `>&2`, `1>&2`, `2>&1`: the descriptor becomes a copy of the other one as it is now.
      const fd = fdOf(r, 1);
      if (target !== '1' && target !== '2') throw new Unsupported(`the redirection >&${target}`);
      const copy = target === '1' ? io.out : io.err;
      if (fd === 1) io.out = copy;
      else if (fd === 2) io.err = copy;
      continue;
    }
    if (r.Op === OP.rdrIn) {
      const path = resolvePath(state.cwd, target);
      if (state.fs.kind(path) === 'none') io.failed = done(1, '', `sh: can't open '${target}': No such file or directory\n`);
      io.stdin = state.fs.read(path) ?? '';
      continue;
    }
    if (![OP.rdrOut, OP.appOut, OP.clbOut, OP.rdrAll, OP.appAll].includes(r.Op)) throw new Unsupported('a redirection');
    const fd = fdOf(r, 1);
    const path = resolvePath(state.cwd, target);
    let sink: Sink = 'discard';
    if (path === '/dev/stdout') sink = io.out;
    else if (path === '/dev/stderr') sink = io.err;
    else if (!DISCARDED.has(path)) {
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      if (state.fs.kind(dir) === 'none') {
        io.failed = done(1, '', `sh: can't create ${target}: nonexistent directory\n`);
        continue;
      }
      const append = r.Op === OP.appOut || r.Op === OP.appAll;
      sink = { path };
      state.fs.write(path, '', append); // the shell opens it first (`>` truncates it)
    }
    if (r.Op === OP.rdrAll || r.Op === OP.appAll) io.out = io.err = sink;
    else if (fd === 2) io.err = sink;
    else io.out = sink;
  }
  return io;
}

/** Writes a command's output where its descriptors point; returns its status. */
export function output(ctx: Context, io: Io, r: CommandResult): number {
  const write = (sink: Sink, text: string) => {
    if (!text || sink === 'discard') return;
    if ('path' in sink) ctx.state.fs.write(sink.path, text, true);
    else sink.buffer.text += text;
  };
  write(io.out, r.stdout);
  write(io.err, r.stderr);
  // Output kubespec cannot know (`date`, `id`) matters only where the script reads it back: in a
  // file at once, from a command substitution where its value is used (evaluate.ts runCommand).
  if (r.unknownOutput && io.out !== 'discard') {
    if ('buffer' in io.out) (io.out.buffer.unknown ??= []).push(r.unknownOutput);
    else ctx.state.guessOutput(r.unknownOutput);
  }
  return r.status;
}
