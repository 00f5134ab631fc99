import type { Millis } from '../../clock.ts';
import type { Guess } from '../../assumptions.ts';
import { builtin } from './builtins.ts';
import { ImageFilesystem, resolvePath, type ScriptFiles } from './image-filesystem.ts';
import { nodeType, OP, parseScript, ShellSyntaxError, type ShNode } from './parse.ts';
import { sleepSeconds } from './sleep-seconds.ts';
import { done, ExitShell, LoopJump, RunsUntilStopped, SERVER_GUESS, ShellState, Unsupported, type CommandResult, type WaitCondition } from './shell-state.ts';

/** What a container's command is run with. */
export interface ShellInput {
  /** command + args, after the kubelet's $(VAR) expansion. */
  argv: string[];
  /** The container's environment where its value is known (env entries with a value). */
  env: Record<string, string>;
  /** Names whose value comes from elsewhere (valueFrom, envFrom, service links): unknown here. */
  unknownEnv: (name: string) => boolean;
  /** The image's file list (images.yaml `paths`), if kubespec has one. */
  imagePaths?: readonly string[];
  /** Where volumes are mounted: their content comes from outside the script. */
  mounts: readonly string[];
  workingDir?: string;
  /** The container field the command came from, for guesses: `command` or `args`. */
  field: string;
}

/** What the command does, in ContainerBehavior's terms (see container-behavior.ts). */
export interface ShellOutcome {
  runsFor?: Millis;
  exitCode: number;
  ignoresSigterm: boolean;
  files?: ScriptFiles;
  waitsFor?: WaitCondition;
  guesses: Guess[];
}

/** The command is not one kubespec can read (a construct it does not model, a syntax error): why. */
export interface NotInterpreted {
  notInterpreted: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);
/** Loops that run this many times without ending are taken to be endless. */
const MAX_ITERATIONS = 1000;

/**
 * Runs a container's command on the model: `sh -c SCRIPT [NAME ARGS…]` (also bash, /bin/sh) is
 * parsed by mvdan/sh's parser and interpreted; any other argv is one program run directly.
 * Time passes only in `sleep`; the outcome says when it exits and how, or that it runs until
 * stopped, which files it left, and what it had to assume.
 */
export function evaluateCommand(input: ShellInput): ShellOutcome | NotInterpreted {
  const [program, ...rest] = input.argv;
  const base = program!.slice(program!.lastIndexOf('/') + 1);
  const viaShell = SHELLS.has(base) && rest[0] === '-c' && rest[1] !== undefined;
  const now = () => state.elapsed;
  const fs = new ImageFilesystem(input.imagePaths, input.mounts, now);
  const state: ShellState = new ShellState(new Map(Object.entries(input.env)), fs, viaShell ? rest.slice(2) : [], input.workingDir ?? '/', input.field);
  const ctx: Context = { state, unknownEnv: input.unknownEnv, script: viaShell ? rest[1]! : '' };
  let runsFor: Millis | undefined;
  let exitCode = 0;
  let waitingForJobs = false;
  let inServer = false;
  try {
    try {
      if (viaShell) {
        const file = parseScript(rest[1]!);
        runList(ctx, file.Stmts, true, '');
        exitCode = state.status;
      } else {
        exitCode = runProgram(ctx, input.argv, '', true).status;
      }
      runsFor = state.elapsed;
    } catch (e) {
      if (e instanceof ExitShell) {
        exitCode = e.code;
        runsFor = state.elapsed;
      } else if (e instanceof RunsUntilStopped) {
        waitingForJobs = e.waitingForJobs;
        inServer = e.unknownProgram;
      } else throw e;
    }
  } catch (e) {
    // A script that does not parse: the shell says so and exits 2 at once (POSIX 2.8.1, ash's syntax error).
    if (e instanceof ShellSyntaxError) return { runsFor: 0, exitCode: 2, ignoresSigterm: false, guesses: [] };
    if (e instanceof Unsupported) return { notInterpreted: e.message };
    if (e instanceof LoopJump) return { notInterpreted: `${e.kind} outside a loop` };
    throw e;
  }
  // PID 1 without a handler ignores SIGTERM: a shell, sleep, tail. A shell that traps TERM acts
  // on it while it waits in `wait`, not while a foreground child runs. An unknown program is
  // taken to be a server that stops on SIGTERM (the guess says so).
  const ignoresSigterm = inServer ? false : viaShell ? !(state.trapsTerm && waitingForJobs) : base === 'sleep' || base === 'tail';
  return {
    ...(runsFor !== undefined ? { runsFor } : {}),
    exitCode,
    ignoresSigterm,
    ...(Object.keys(fs.written).length ? { files: fs.written } : {}),
    ...(state.waitsFor ? { waitsFor: state.waitsFor } : {}),
    guesses: state.guesses,
  };
}

interface Context {
  state: ShellState;
  unknownEnv: (name: string) => boolean;
  script: string;
  /** Where a command's standard output goes when not redirected: a command substitution collects it. */
  capture?: { out: string };
}

/** Runs statements in order; the last one in tail position when the list is. */
function runList(ctx: Context, stmts: ShNode[], tail: boolean, stdin: string): number {
  stmts.forEach((stmt, i) => runStmt(ctx, stmt, tail && i === stmts.length - 1, stdin));
  return ctx.state.status;
}

function runStmt(ctx: Context, stmt: ShNode, tail: boolean, stdin: string): number {
  const { state } = ctx;
  if (stmt.Background) {
    background(ctx, stmt);
    return (state.status = 0);
  }
  let status = runCommand(ctx, stmt.Cmd, tail && !stmt.Negated, stdin, stmt.Redirs);
  if (stmt.Negated) status = status === 0 ? 1 : 0;
  state.status = status;
  return status;
}

/** `cmd &`: a sleep or tail in the background keeps `wait` waiting; anything else is not modelled. */
function background(ctx: Context, stmt: ShNode): void {
  const cmd = stmt.Cmd;
  const words = nodeType(cmd) === 'CallExpr' ? cmd.Args.map((w: ShNode) => wordText(ctx, w)) : [];
  if (words[0] === 'sleep' || words[0] === 'tail') {
    ctx.state.backgroundForever = true;
    return;
  }
  throw new Unsupported(`a background job (${ctx.script.slice(stmt.Pos().Offset(), stmt.End().Offset())})`);
}

function runCommand(ctx: Context, cmd: ShNode, tail: boolean, stdin: string, redirs: ShNode[]): number {
  const { state } = ctx;
  const type = nodeType(cmd);
  const io = redirections(ctx, redirs, stdin);
  if (io.failed) return io.failed.status;
  const emit = (r: CommandResult) => output(ctx, io, r);
  switch (type) {
    case 'CallExpr': {
      const assigns = cmd.Assigns.map((a: ShNode) => [a.Name.Value, a.Value ? wordText(ctx, a.Value) : ''] as const);
      const argv = cmd.Args.flatMap((w: ShNode) => expandWord(ctx, w));
      if (argv.length === 0) {
        for (const [name, value] of assigns) state.vars.set(name, value);
        return (state.status = 0);
      }
      const wait = waitLoopCondition(argv);
      if (wait) {
        // A condition outside an until-loop: whether DNS answers or the port takes a connection is the cluster's.
        state.guess(`\`${argv.join(' ')}\` succeeds`, 'kubespec judges a name or port only in an `until` loop at the start of a script');
        return emit(done(0));
      }
      return emit(runProgram(ctx, argv, io.stdin, tail));
    }
    case 'BinaryCmd': {
      if (cmd.Op === OP.pipe) {
        const saved = ctx.capture;
        ctx.capture = { out: '' };
        runStmt(ctx, cmd.X, false, io.stdin);
        const piped = ctx.capture.out;
        ctx.capture = saved;
        return runStmt(ctx, cmd.Y, false, piped);
      }
      const left = runStmt(ctx, cmd.X, false, io.stdin);
      if (cmd.Op === OP.and ? left !== 0 : left === 0) return left;
      return runStmt(ctx, cmd.Y, tail, io.stdin);
    }
    case 'IfClause':
      return runIf(ctx, cmd, tail, io.stdin);
    case 'WhileClause':
      return runWhile(ctx, cmd, io.stdin);
    case 'ForClause':
      return runFor(ctx, cmd, io.stdin);
    case 'Block':
      return runList(ctx, cmd.Stmts, tail, io.stdin);
    case 'Subshell': {
      const saved = new Map(state.vars);
      const cwd = state.cwd;
      try {
        return runList(ctx, cmd.Stmts, tail, io.stdin);
      } catch (e) {
        if (!(e instanceof ExitShell)) throw e;
        return (state.status = e.code);
      } finally {
        state.vars.clear();
        for (const [k, v] of saved) state.vars.set(k, v);
        state.cwd = cwd;
      }
    }
    default:
      throw new Unsupported(`${type} (${ctx.script.slice(cmd.Pos().Offset(), cmd.End().Offset())})`);
  }
}

function runIf(ctx: Context, clause: ShNode, tail: boolean, stdin: string): number {
  const { state } = ctx;
  for (let c: ShNode | null = clause; c; c = c.Else) {
    if (c.Cond.length === 0) return runList(ctx, c.Then, tail, stdin); // a plain else
    if (runList(ctx, c.Cond, false, stdin) === 0) return runList(ctx, c.Then, tail, stdin);
  }
  return (state.status = 0);
}

/**
 * `while`/`until`. `until nslookup NAME; do …; sleep N; done` (or `nc -z HOST PORT`) as the
 * script's first step is a wait on the cluster: the kubelet model polls it every N. Any other
 * loop is run on the model; one that has not ended after MAX_ITERATIONS runs until stopped.
 */
function runWhile(ctx: Context, loop: ShNode, stdin: string): number {
  const { state } = ctx;
  const condition = loop.Cond.length === 1 && nodeType(loop.Cond[0].Cmd) === 'CallExpr' && !loop.Cond[0].Negated
    ? waitLoopCondition(loop.Cond[0].Cmd.Args.flatMap((w: ShNode) => hostWord(ctx, w))) : undefined;
  if (loop.Until && condition) {
    if (state.elapsed !== 0 || state.waitsFor || Object.keys(state.fs.written).length) throw new Unsupported('a wait loop after the start of the script');
    const nap = loop.Do.map((s: ShNode) => (nodeType(s.Cmd) === 'CallExpr' ? s.Cmd.Args.map((w: ShNode) => wordText(ctx, w)) : [])).find((w: string[]) => w[0] === 'sleep');
    const every = nap ? sleepSeconds(nap[1] ?? '') : 1;
    if (every === undefined) throw new Unsupported(`sleep ${nap?.[1]}`);
    state.waitsFor = { ...condition, every: every * 1000 };
    return (state.status = 0);
  }
  const literallyTrue = loop.Cond.length === 1 && nodeType(loop.Cond[0].Cmd) === 'CallExpr' && ['true', ':'].includes(wordText(ctx, loop.Cond[0].Cmd.Args[0]) ?? '');
  let status = 0;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const holds = runList(ctx, loop.Cond, false, stdin) === 0;
    if (holds === Boolean(loop.Until)) return (state.status = status);
    try {
      status = runList(ctx, loop.Do, false, stdin);
    } catch (e) {
      if (!(e instanceof LoopJump)) throw e;
      if (e.kind === 'break') return (state.status = 0);
    }
  }
  if (!literallyTrue) state.guess('the loop never ends', `it had not ended after ${MAX_ITERATIONS} rounds on kubespec's model`);
  throw new RunsUntilStopped();
}

function runFor(ctx: Context, loop: ShNode, stdin: string): number {
  const { state } = ctx;
  const iter = loop.Loop;
  if (nodeType(iter) !== 'WordIter') throw new Unsupported('a C-style for loop');
  const items: string[] = iter.InPos.Offset() === 0 && iter.Items.length === 0 ? state.positional.slice(1) : iter.Items.flatMap((w: ShNode) => expandWord(ctx, w));
  let status = 0;
  for (const item of items) {
    state.vars.set(iter.Name.Value, item);
    try {
      status = runList(ctx, loop.Do, false, stdin);
    } catch (e) {
      if (!(e instanceof LoopJump)) throw e;
      if (e.kind === 'break') break;
    }
  }
  return (state.status = status);
}

/** `nslookup NAME` or `nc -z [-w N] HOST PORT`: what a wait loop waits for. */
function waitLoopCondition(argv: string[]): Omit<WaitCondition, 'every'> | undefined {
  if (argv[0] === 'nslookup' && argv.length === 2) return { until: 'dns', host: argv[1]! };
  if (argv[0] === 'nc' && argv.includes('-z')) {
    // Operands, leaving out options and the value of -w/-i/-q (busybox and netcat-openbsd forms).
    const [host, port] = argv.slice(1).filter((a, i, all) => !a.startsWith('-') && !/^-[wiq]$/.test(all[i - 1] ?? ''));
    if (host !== undefined && port !== undefined && /^\d+$/.test(port)) return { until: 'tcp', host, port: Number(port) };
  }
  return undefined;
}

/**
 * A host name in a wait loop, as the kubelet model reads it: a command substitution in it (the
 * service account's namespace file) stays as written for waiting-scripts.ts to resolve.
 */
function hostWord(ctx: Context, word: ShNode): string[] {
  if (word.Parts.some((p: ShNode) => nodeType(p) === 'CmdSubst')) return [ctx.script.slice(word.Pos().Offset(), word.End().Offset())];
  return expandWord(ctx, word);
}

/** Runs one program (a builtin, or an unknown one: then an assumption). */
function runProgram(ctx: Context, argv: string[], stdin: string, tail: boolean): CommandResult {
  const { state } = ctx;
  const [name, ...args] = argv;
  const base = name!.slice(name!.lastIndexOf('/') + 1);
  if (base === 'exec') {
    if (args.length === 0) return done(0);
    throw new ExitShell(runProgram(ctx, args, stdin, true).status);
  }
  if (SHELLS.has(base) && args[0] === '-c' && args[1] !== undefined) {
    const inner = evaluateCommand({ argv: [base, ...args], env: Object.fromEntries(state.vars), unknownEnv: ctx.unknownEnv, mounts: [], field: state.field });
    if ('notInterpreted' in inner) throw new Unsupported(inner.notInterpreted);
    state.guesses.push(...inner.guesses);
    if (inner.runsFor === undefined) throw new RunsUntilStopped();
    state.elapsed += inner.runsFor;
    return done(inner.exitCode);
  }
  const program = builtin(base);
  if (program) {
    const result = program(args, stdin, state);
    if (result.status !== 0 && state.vars.get('-e') === '1' && !tail) throw new ExitShell(result.status);
    return result;
  }
  const line = argv.join(' ');
  if (tail) {
    state.guess(SERVER_GUESS, `kubespec does not know what \`${line}\` does`);
    throw new RunsUntilStopped(false, true);
  }
  state.guess(`\`${line}\` exits 0 at once`, `kubespec does not know what \`${line}\` does`);
  return done(0);
}

interface Io {
  stdin: string;
  /** Where standard output goes: a file (append or not), nowhere, or the default. */
  stdout?: { path: string; append: boolean } | 'discard';
  stderr?: { path: string; append: boolean } | 'discard' | 'stdout';
  failed?: CommandResult;
}

const DISCARDED = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/proc/1/fd/1', '/proc/1/fd/2']);

/** A statement's redirections: files written, standard input read, busybox ash's errors. */
function redirections(ctx: Context, redirs: ShNode[], stdin: string): Io {
  const { state } = ctx;
  const io: Io = { stdin };
  for (const r of redirs) {
    const fd = r.N ? Number(r.N.Value) : undefined;
    if (r.Op === OP.hdoc || r.Op === OP.dashHdoc) {
      io.stdin = r.Hdoc ? wordText(ctx, r.Hdoc) : '';
      continue;
    }
    if (r.Op === OP.wordHdoc) {
      io.stdin = `${wordText(ctx, r.Word)}\n`;
      continue;
    }
    const target = wordText(ctx, r.Word);
    if (r.Op === OP.dplOut) {
      if (fd === 2 && target === '1') io.stderr = 'stdout';
      continue;
    }
    if (r.Op === OP.rdrIn) {
      const path = resolvePath(state.cwd, target);
      const kind = state.fs.kind(path);
      if (kind === 'none') io.failed = done(1, '', `sh: can't open '${target}': No such file or directory\n`);
      io.stdin = state.fs.read(path) ?? '';
      continue;
    }
    if (![OP.rdrOut, OP.appOut, OP.clbOut, OP.rdrAll, OP.appAll].includes(r.Op)) throw new Unsupported('a redirection');
    const append = r.Op === OP.appOut || r.Op === OP.appAll;
    const path = resolvePath(state.cwd, target);
    let sink: Io['stdout'] = 'discard';
    if (!DISCARDED.has(path)) {
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      if (state.fs.kind(dir) === 'none') {
        io.failed = done(1, '', `sh: can't create ${target}: nonexistent directory\n`);
        continue;
      }
      sink = { path, append };
      state.fs.write(path, append ? '' : '', append); // the shell opens (and truncates) it first
    }
    if (fd === 2) io.stderr = sink;
    else io.stdout = sink;
    if (r.Op === OP.rdrAll || r.Op === OP.appAll) io.stderr = 'stdout';
  }
  return io;
}

function output(ctx: Context, io: Io, r: CommandResult): number {
  const write = (sink: Io['stdout'], text: string) => {
    if (!text || sink === 'discard') return;
    if (sink) ctx.state.fs.write(sink.path, text, true);
    else if (ctx.capture) ctx.capture.out += text;
  };
  write(io.stdout, r.stdout);
  if (io.stderr === 'stdout') write(io.stdout, r.stderr);
  else if (io.stderr && io.stderr !== 'discard') write(io.stderr, r.stderr);
  return (ctx.state.status = r.status);
}

/** A word as one string (assignments, redirection targets, case words): no field splitting. */
function wordText(ctx: Context, word: ShNode | null): string {
  if (!word) return '';
  return word.Parts.map((p: ShNode) => partText(ctx, p, false)).join('');
}

/** A word as fields: unquoted expansions split at whitespace, an empty unquoted expansion vanishes. */
function expandWord(ctx: Context, word: ShNode): string[] {
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
  const saved = ctx.capture;
  const vars = new Map(ctx.state.vars);
  ctx.capture = { out: '' };
  try {
    runList(ctx, subst.Stmts, false, '');
  } catch (e) {
    if (!(e instanceof ExitShell)) throw e;
  } finally {
    ctx.state.vars.clear();
    for (const [k, v] of vars) ctx.state.vars.set(k, v);
  }
  const out = ctx.capture.out;
  ctx.capture = saved;
  return out.replace(/\n+$/, '');
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
