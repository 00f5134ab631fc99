import { sleepSeconds } from './sleep-seconds.ts';
import { resolvePath } from './image-filesystem.ts';
import { done, ExitShell, LoopJump, RunsUntilStopped, Unsupported, type CommandResult, type ShellState } from './shell-state.ts';

/**
 * The programs and shell builtins the interpreter models, with busybox's messages and exit
 * statuses (busybox is what the images of such scripts run: coreutils/cat.c, coreutils/ls.c,
 * coreutils/test.c, shell/ash.c). File checks ask the container's file system model; where it
 * does not know a path, the check is taken to find it and that is written down as a guess.
 * Commands that only print (date, hostname, env, id, …) succeed and take no time; what they
 * print is known for `pwd` and `hostname` (the pod's host name), else it is marked unknown.
 */
/**
 * What `cat` (also `tail`, `head`: their can't-open text is cat's) and `ls` print for a path that
 * does not exist: busybox's (libbb xfuncs, coreutils/ls.c), or GNU coreutils' for images that are
 * not busybox-based (the exec probes of probe-targets.ts use both).
 */
export function noSuchFile(program: string, path: string, gnu = false): string {
  if (program === 'ls') return gnu ? `ls: cannot access '${path}': No such file or directory\n` : `ls: ${path}: No such file or directory\n`;
  return gnu ? `${program}: ${path}: No such file or directory\n` : `${program}: can't open '${path}': No such file or directory\n`;
}

export type Program = (args: string[], stdin: string, state: ShellState) => CommandResult;

/** Programs that print something about the container and succeed at once. */
const PRINTERS = new Set(['date', 'hostname', 'env', 'printenv', 'id', 'whoami', 'pwd', 'uname', 'nproc', 'ps', 'df', 'free', 'uptime']);

export function builtin(name: string): Program | undefined {
  if (PRINTERS.has(name)) return (args, _in, state) => printer(name, args, state);
  return PROGRAMS[name];
}

function printer(name: string, args: string[], state: ShellState): CommandResult {
  if (name === 'pwd') return done(0, `${state.cwd}\n`);
  // `hostname` alone prints the UTS host name, the pod's (busybox networking/hostname.c).
  if (name === 'hostname' && args.length === 0 && state.hostname !== undefined) return done(0, `${state.hostname}\n`);
  return { ...done(0), unknownOutput: [name, ...args].join(' ') };
}

const isFlag = (a: string) => a.startsWith('-') && a !== '-';

/** A path the model cannot see: taken to exist, and said so. */
function assumeExists(state: ShellState, program: string, path: string): void {
  state.guess(`${path} exists (for \`${program}\`)`, `kubespec does not know the content of ${path} in this container (a volume, or an image without a file list in scenarios/behaviors/images.yaml)`);
}

const PROGRAMS: Record<string, Program> = {
  'true': () => done(0),
  ':': () => done(0),
  'false': () => done(1),
  exit(args, _in, state) {
    // ash.c exitcmd: number() takes digits only, else "sh: exit: line 1: Illegal number: abc"
    // (ash_vmsg) on stderr and the shell ends with status 2 (an EXERROR in a non-interactive shell).
    if (args[0] !== undefined && !/^\d+$/.test(args[0])) throw new ExitShell(2);
    throw new ExitShell(args[0] === undefined ? state.status : Number(args[0]) & 255);
  },
  'break': () => {
    throw new LoopJump('break');
  },
  'continue': () => {
    throw new LoopJump('continue');
  },
  echo(args) {
    // busybox coreutils/echo.c (FEATURE_FANCY_ECHO, as ash's builtin echo): leading words made
    // only of n, e and E are options; -n drops the newline, -e turns on backslash escapes.
    let i = 0;
    let newline = true;
    let escapes = false;
    for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
      if (args[i]!.includes('n')) newline = false;
      if (args[i]!.includes('e')) escapes = true;
    }
    const text = args.slice(i).join(' ');
    if (!escapes) return done(0, text + (newline ? '\n' : ''));
    const stop = text.search(/\\c/); // \c: no further output, not even the newline
    const out = unescape(stop < 0 ? text : text.slice(0, stop));
    return done(0, out + (newline && stop < 0 ? '\n' : ''));
  },
  printf(args) {
    if (args.length === 0) return done(1, '', 'printf: usage: printf FORMAT [ARGUMENT...]\n');
    return done(0, printf(args[0]!, args.slice(1)));
  },
  sleep(args, _in, state) {
    if (args.length === 0) return done(1, '', 'sleep: missing operand\n');
    let seconds = 0;
    for (const a of args) {
      if (a === 'infinity' || a === 'inf') throw new RunsUntilStopped();
      const s = sleepSeconds(a);
      if (s === undefined) return done(1, '', `sleep: invalid number '${a}'\n`);
      seconds += s;
    }
    state.elapsed += seconds * 1000;
    return done(0);
  },
  tail(args, stdin, state) {
    if (args.some((a) => /^-\w*[fF]/.test(a))) throw new RunsUntilStopped();
    return cat(args.filter((a) => !isFlag(a) && !/^\d+$/.test(a)), stdin, state, 'tail');
  },
  cat: (args, stdin, state) => cat(args.filter((a) => !isFlag(a)), stdin, state, 'cat'),
  ls(args, _in, state) {
    const paths = args.filter((a) => !isFlag(a));
    let out = '';
    let status = 0;
    for (const p of paths.length ? paths : [state.cwd]) {
      const kind = state.fs.kind(resolvePath(state.cwd, p));
      if (kind === 'none') {
        status = 1;
        continue;
      }
      if (kind === 'unknown') assumeExists(state, 'ls', p);
      out += kind === 'dir' ? state.fs.entries(resolvePath(state.cwd, p)).map((e) => `${e}\n`).join('') : `${p}\n`;
    }
    const missing = paths.filter((p) => state.fs.kind(resolvePath(state.cwd, p)) === 'none');
    return done(status, out, missing.map((p) => noSuchFile('ls', p)).join(''));
  },
  touch(args, _in, state) {
    for (const p of args.filter((a) => !isFlag(a))) {
      const path = resolvePath(state.cwd, p);
      const kind = state.fs.kind(path);
      if (kind === 'file' || kind === 'dir') continue;
      if (state.fs.kind(path.slice(0, path.lastIndexOf('/')) || '/') === 'none') return done(1, '', `touch: ${p}: No such file or directory\n`);
      state.fs.write(path, '', false);
    }
    return done(0);
  },
  mkdir(args, _in, state) {
    const parents = args.some((a) => /^-\w*p/.test(a));
    for (const p of args.filter((a) => !isFlag(a))) {
      const path = resolvePath(state.cwd, p);
      const kind = state.fs.kind(path);
      if (kind === 'dir' && parents) continue;
      if (kind === 'dir' || kind === 'file') return done(1, '', `mkdir: can't create directory '${p}': File exists\n`);
      if (!parents && state.fs.kind(path.slice(0, path.lastIndexOf('/')) || '/') === 'none') return done(1, '', `mkdir: can't create directory '${p}': No such file or directory\n`);
      state.fs.mkdir(path);
    }
    return done(0);
  },
  rm(args, _in, state) {
    const force = args.some((a) => /^-\w*f/.test(a));
    for (const p of args.filter((a) => !isFlag(a))) {
      const path = resolvePath(state.cwd, p);
      const kind = state.fs.kind(path);
      if (kind === 'none') {
        if (force) continue;
        return done(1, '', `rm: can't remove '${p}': No such file or directory\n`);
      }
      if (kind === 'unknown') assumeExists(state, 'rm', p);
      state.fs.remove(path);
    }
    return done(0);
  },
  cp: (args, _in, state) => copy(args, state, 'cp', false),
  mv: (args, _in, state) => copy(args, state, 'mv', true),
  cd(args, _in, state) {
    const path = resolvePath(state.cwd, args[0] ?? state.vars.get('HOME') ?? '/');
    const kind = state.fs.kind(path);
    if (kind === 'none' || kind === 'file') return done(2, '', `sh: cd: can't cd to ${args[0]}: ${kind === 'file' ? 'Not a directory' : 'No such file or directory'}\n`);
    if (kind === 'unknown') assumeExists(state, 'cd', path);
    state.cwd = path;
    return done(0);
  },
  export(args, _in, state) {
    for (const a of args.filter((x) => x !== '-p')) {
      const eq = a.indexOf('=');
      if (eq > 0) state.vars.set(a.slice(0, eq), a.slice(eq + 1));
      state.exported.add(eq > 0 ? a.slice(0, eq) : a);
    }
    return done(0);
  },
  unset(args, _in, state) {
    for (const a of args.filter((x) => !isFlag(x))) {
      state.vars.delete(a);
      state.exported.delete(a);
    }
    return done(0);
  },
  // `set -e`/`set -o errexit` (and + to undo), `set -x` and friends: errexit is the one that
  // changes control flow. `set -- ARGS` replaces the positional parameters.
  set(args, _in, state) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        state.positional.splice(1, state.positional.length, ...args.slice(i + 1));
        break;
      }
      if (!/^[-+]\w+$/.test(a)) {
        state.positional.splice(1, state.positional.length, ...args.slice(i));
        break;
      }
      const on = a.startsWith('-');
      if (a.includes('e')) state.errexit = on;
      if (a.includes('o')) {
        // -o NAME: errexit as -e; pipefail changes a pipeline's status, which is not modelled.
        const option = args[++i];
        if (option === 'errexit') state.errexit = on;
        if (option === 'pipefail') state.pipefail = on;
      }
    }
    return done(0);
  },
  trap(args, _in, state) {
    // `trap 'exit 0' TERM`: the shell now acts on SIGTERM (it still waits for a foreground child).
    if (args.slice(1).some((s) => /^(SIG)?TERM$|^15$/.test(s))) state.trapsTerm = args[0] !== '' && args[0] !== '-';
    return done(0);
  },
  wait(_args, _in, state) {
    if (state.backgroundForever) throw new RunsUntilStopped(true);
    return done(0);
  },
  test: (args, _in, state) => done(testExpression(args, state)),
  '[': (args, _in, state) => (args[args.length - 1] === ']' ? done(testExpression(args.slice(0, -1), state)) : done(2, '', "[: missing ]\n")),
};

function cat(paths: string[], stdin: string, state: ShellState, program: string): CommandResult {
  if (paths.length === 0) return done(0, stdin);
  let out = '';
  let err = '';
  let status = 0;
  for (const p of paths) {
    if (p === '-') { out += stdin; continue; }
    const path = resolvePath(state.cwd, p);
    const kind = state.fs.kind(path);
    if (kind === 'none') {
      err += noSuchFile(program, p);
      status = 1;
    } else if (kind === 'dir') {
      err += `${program}: read error: Is a directory\n`;
      status = 1;
    } else {
      if (kind === 'unknown') assumeExists(state, program, p);
      out += state.fs.read(path) ?? '';
    }
  }
  return done(status, out, err);
}

function copy(args: string[], state: ShellState, program: string, move: boolean): CommandResult {
  const paths = args.filter((a) => !isFlag(a));
  if (paths.length < 2) return done(1, '', `${program}: missing file operand\n`);
  const target = resolvePath(state.cwd, paths[paths.length - 1]!);
  const targetIsDir = state.fs.kind(target) === 'dir';
  for (const p of paths.slice(0, -1)) {
    const source = resolvePath(state.cwd, p);
    const kind = state.fs.kind(source);
    if (kind === 'none') return done(1, '', `${program}: can't stat '${p}': No such file or directory\n`);
    if (kind === 'unknown') assumeExists(state, program, p);
    if (kind === 'dir') throw new Unsupported(`${program} of a directory`);
    state.fs.write(targetIsDir ? `${target}/${source.slice(source.lastIndexOf('/') + 1)}` : target, state.fs.read(source) ?? '', false);
    if (move) state.fs.remove(source);
  }
  return done(0);
}

/**
 * POSIX test (coreutils/test.c): up to four arguments by the standard's rules by count, `!`,
 * the file operators -e -f -d -s -r -w -x, -z -n, = != and the integer comparisons.
 * 0 true, 1 false, 2 a usage error.
 */
export function testExpression(args: string[], state: ShellState): number {
  const truth = (b: boolean) => (b ? 0 : 1);
  const not = (s: number) => (s === 2 ? 2 : 1 - s);
  switch (args.length) {
    case 0: return 1;
    case 1: return truth(args[0] !== '');
    case 2:
      if (args[0] === '!') return not(testExpression(args.slice(1), state));
      return unary(args[0]!, args[1]!, state);
    case 3:
      if (BINARY.has(args[1]!)) return binary(args[0]!, args[1]!, args[2]!);
      if (args[0] === '!') return not(testExpression(args.slice(1), state));
      if (args[0] === '(' && args[2] === ')') return testExpression([args[1]!], state);
      return 2;
    case 4:
      if (args[0] === '!') return not(testExpression(args.slice(1), state));
      if (args[0] === '(' && args[3] === ')') return testExpression(args.slice(1, 3), state);
      return 2;
    default: {
      const join = args.findIndex((a) => a === '-a' || a === '-o');
      if (join < 0) return 2;
      const left = testExpression(args.slice(0, join), state);
      const right = testExpression(args.slice(join + 1), state);
      return args[join] === '-a' ? truth(left === 0 && right === 0) : truth(left === 0 || right === 0);
    }
  }
}

const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

function binary(a: string, op: string, b: string): number {
  if (op === '=' || op === '==') return a === b ? 0 : 1;
  if (op === '!=') return a !== b ? 0 : 1;
  if (!/^\s*-?\d+\s*$/.test(a) || !/^\s*-?\d+\s*$/.test(b)) return 2; // "[: abc: bad number"
  const x = Number(a);
  const y = Number(b);
  const r = { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op];
  return r ? 0 : 1;
}

function unary(op: string, operand: string, state: ShellState): number {
  if (op === '-z') return operand === '' ? 0 : 1;
  if (op === '-n') return operand !== '' ? 0 : 1;
  if (!['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h'].includes(op)) return 2;
  const path = resolvePath(state.cwd, operand);
  const kind = state.fs.kind(path);
  if (kind === 'unknown') {
    assumeExists(state, `test ${op}`, operand);
    return 0;
  }
  if (op === '-f') return kind === 'file' ? 0 : 1;
  if (op === '-d') return kind === 'dir' ? 0 : 1;
  if (op === '-s') return kind === 'file' && (state.fs.read(path) ?? 'x') !== '' ? 0 : kind === 'dir' ? 0 : 1;
  if (op === '-L' || op === '-h') return 1;
  return kind === 'none' ? 1 : 0;
}

/** Backslash escapes of `echo -e` and printf (busybox bb_process_escape_sequence): \n \t \\ …, octal \0NNN (or \NNN), hex \xHH. */
function unescape(text: string): string {
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  return text.replace(/\\(0?[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (whole, esc: string) => {
    if (simple[esc] !== undefined) return simple[esc]!;
    if (/^x/.test(esc)) return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(Number.parseInt(esc.length > 3 ? esc.slice(1) : esc, 8) & 255);
    return whole;
  });
}

/** printf's format: %s %d %i %% and backslash escapes, the format reused while arguments remain. */
function printf(format: string, args: string[]): string {
  let out = '';
  let i = 0;
  do {
    out += format.replace(/\\(.)|%([sdi%])/g, (_m, esc: string | undefined, conv: string | undefined) => {
      if (esc !== undefined) return ({ n: '\n', t: '\t', '\\': '\\', r: '\r' } as Record<string, string>)[esc] ?? `\\${esc}`;
      if (conv === '%') return '%';
      const arg = args[i++] ?? '';
      return conv === 's' ? arg : String(Number.parseInt(arg, 10) || 0);
    });
  } while (i < args.length && /%[sdi]/.test(format));
  return out;
}
