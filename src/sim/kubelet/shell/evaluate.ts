// The interpreter's control flow: statements, lists, loops, programs and nested shells, which
// call each other recursively and so stay together (a little over 400 lines). Word expansion is
// in expand.ts, redirections in redirections.ts, the programs in builtins.ts.
import type { Millis } from '../../clock.ts';
import type { Guess } from '../../../kube/assumptions.ts';
import { builtin } from './builtins.ts';
import { ImageFilesystem, type ScriptFiles } from './image-filesystem.ts';
import { nodeType, OP, parseScript, ShellSyntaxError, type ShNode } from './parse.ts';
import { output, redirections } from './redirections.ts';
import { expandWord, wordText } from './expand.ts';
import { sleepSeconds } from './sleep-seconds.ts';
import { done, ExitShell, LoopJump, RunsUntilStopped, SERVER_GUESS, ShellState, Unsupported, type CommandResult, type WaitCondition } from './shell-state.ts';
import type { Buffer, Context } from './context.ts';

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
  /** The pod's host name (kubelet GeneratePodHostNameAndDomain), where known: `hostname`, $HOSTNAME. */
  hostname?: string;
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
  // The runtime sets HOSTNAME to the sandbox's host name unless the manifest's env does
  // (containerd internal/cri/server/container_create_linux.go: hostnameEnv before the config's envs).
  const env = { ...(input.hostname !== undefined ? { HOSTNAME: input.hostname } : {}), ...input.env };
  const state: ShellState = new ShellState(new Map(Object.entries(env)), fs, viaShell ? rest.slice(2) : [], input.workingDir ?? '/', input.field, input.hostname);
  const ctx: Context = { state, unknownEnv: input.unknownEnv, script: viaShell ? rest[1]! : '', out: 'discard', err: 'discard', runList };
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
        exitCode = runProgram(ctx, input.argv, '', true).status; // no shell: nothing to redirect
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
  for (const command of state.unknownOutputs.splice(0)) state.guessOutput(command); // read by a for list
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

/**
 * `set -e`: a command that fails ends the shell, except where its status is tested (POSIX 2.14
 * `set -e`; busybox ash.c evaltree exits on a failure unless EV_TESTED). Checked after each simple
 * command and subshell, so a compound command fails only through the command inside it that did.
 */
function errexit(ctx: Context, status: number): number {
  const { state } = ctx;
  state.status = status;
  if (status !== 0 && state.errexit && state.errexitIgnored === 0) throw new ExitShell(status);
  return status;
}

/** Runs what `set -e` does not apply to: a condition, the left of && or ||, a `!` pipeline. */
function tested<T>(ctx: Context, run: () => T): T {
  ctx.state.errexitIgnored++;
  try {
    return run();
  } finally {
    ctx.state.errexitIgnored--;
  }
}

/** Runs statements in order; the last one in tail position when the list is. */
export function runList(ctx: Context, stmts: ShNode[], tail: boolean, stdin: string): number {
  stmts.forEach((stmt, i) => runStmt(ctx, stmt, tail && i === stmts.length - 1, stdin));
  return ctx.state.status;
}

function runStmt(ctx: Context, stmt: ShNode, tail: boolean, stdin: string): number {
  const { state } = ctx;
  if (stmt.Background) {
    background(ctx, stmt);
    return (state.status = 0);
  }
  let status = stmt.Negated ? tested(ctx, () => runCommand(ctx, stmt.Cmd, false, stdin, stmt.Redirs)) : runCommand(ctx, stmt.Cmd, tail, stdin, stmt.Redirs);
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
  const unknownBefore = state.unknownOutputs.length;
  const io = redirections(ctx, redirs, stdin, (w) => wordText(ctx, w));
  if (io.failed) return errexit(ctx, output(ctx, io, io.failed));
  // The command's own standard output and error, for what runs inside it.
  const inner: Context = { ...ctx, out: io.out, err: io.err };
  switch (type) {
    case 'CallExpr': {
      const assigns = cmd.Assigns.map((a: ShNode) => [a.Name.Value, a.Value ? wordText(ctx, a.Value) : ''] as const);
      const argv = cmd.Args.flatMap((w: ShNode) => expandWord(ctx, w));
      // `echo "backup-$(date +%F)"` to the container's log: what date printed changes nothing.
      const toLog = (argv[0] === 'echo' || argv[0] === 'printf') && io.out === 'discard';
      for (const command of state.unknownOutputs.splice(unknownBefore)) if (!toLog) state.guessOutput(command);
      if (argv.length === 0) {
        for (const [name, value] of assigns) state.vars.set(name, value);
        return (state.status = 0);
      }
      const wait = waitLoopCondition(argv);
      if (wait) {
        // A condition outside an until-loop: whether DNS answers or the port takes a connection is the cluster's.
        state.guess(`\`${argv.join(' ')}\` succeeds`, 'kubespec judges a name or port only in an `until` loop at the start of a script');
        return errexit(ctx, output(ctx, io, done(0)));
      }
      const restore = prefixAssignments(state, argv[0]!, assigns);
      try {
        return errexit(ctx, output(ctx, io, runProgram(inner, argv, io.stdin, tail)));
      } finally {
        restore();
      }
    }
    case 'BinaryCmd': {
      if (cmd.Op === OP.pipe) {
        if (state.pipefail) throw new Unsupported('a pipeline under set -o pipefail');
        // Only the last command's status is the pipeline's, so only it can end the shell under `set -e`.
        const pipe: Buffer = { text: '' };
        tested(ctx, () => runStmt({ ...inner, out: { buffer: pipe } }, cmd.X, false, io.stdin));
        for (const command of pipe.unknown ?? []) state.guessOutput(command);
        return runStmt(inner, cmd.Y, false, pipe.text);
      }
      const left = tested(ctx, () => runStmt(inner, cmd.X, false, io.stdin));
      if (cmd.Op === OP.and ? left !== 0 : left === 0) return left;
      return runStmt(inner, cmd.Y, tail, io.stdin);
    }
    case 'IfClause':
      return runIf(inner, cmd, tail, io.stdin);
    case 'WhileClause':
      return runWhile(inner, cmd, io.stdin);
    case 'ForClause':
      return runFor(inner, cmd, io.stdin);
    case 'Block':
      return runList(inner, cmd.Stmts, tail, io.stdin);
    case 'DeclClause': {
      // `export NAME[=VALUE]…` (mvdan/sh parses it as a declaration): set and mark for the environment.
      if (cmd.Variant.Value !== 'export') throw new Unsupported(`${cmd.Variant.Value} (${ctx.script.slice(cmd.Pos().Offset(), cmd.End().Offset())})`);
      for (const a of cmd.Args) {
        if (!a.Name) throw new Unsupported(`export ${ctx.script.slice(a.Pos().Offset(), a.End().Offset())}`);
        if (!a.Naked) state.vars.set(a.Name.Value, a.Value ? wordText(ctx, a.Value) : '');
        state.exported.add(a.Name.Value);
      }
      return (state.status = 0);
    }
    case 'Subshell': {
      const restore = state.save();
      let status: number;
      try {
        status = runList(inner, cmd.Stmts, tail, io.stdin);
      } catch (e) {
        if (!(e instanceof ExitShell)) throw e;
        status = e.code;
      } finally {
        restore();
      }
      return errexit(ctx, status);
    }
    default:
      throw new Unsupported(`${type} (${ctx.script.slice(cmd.Pos().Offset(), cmd.End().Offset())})`);
  }
}

function runIf(ctx: Context, clause: ShNode, tail: boolean, stdin: string): number {
  const { state } = ctx;
  for (let c: ShNode | null = clause; c; c = c.Else) {
    if (c.Cond.length === 0) return runList(ctx, c.Then, tail, stdin); // a plain else
    if (tested(ctx, () => runList(ctx, c.Cond, false, stdin)) === 0) return runList(ctx, c.Then, tail, stdin);
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
    const holds = tested(ctx, () => runList(ctx, loop.Cond, false, stdin)) === 0;
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
  if (SHELLS.has(base) && args[0] === '-c' && args[1] !== undefined) return done(nestedShell(ctx, args[1], args.slice(2), stdin, tail));
  const program = builtin(base);
  if (program) return program(args, stdin, state);
  const line = argv.join(' ');
  if (tail) {
    state.guess(SERVER_GUESS, `kubespec does not know what \`${line}\` does`);
    throw new RunsUntilStopped(false, true);
  }
  state.guess(`\`${line}\` exits 0 at once`, `kubespec does not know what \`${line}\` does`);
  return done(0);
}

/**
 * `sh -c SCRIPT [NAME ARGS…]` run by the script: a child shell in the same container. It shares
 * the file system, the clock and what it waits for; it sees only exported variables (and the
 * command's prefix assignments), its own positional parameters and no `set -e`; what it sets
 * and where it cds stay in it. Its exit ends only it.
 */
function nestedShell(ctx: Context, script: string, positional: string[], stdin: string, tail: boolean): number {
  const { state } = ctx;
  const restore = state.save();
  const ignored = state.errexitIgnored;
  const env = state.environment();
  state.vars.clear();
  state.exported.clear();
  for (const [k, v] of env) {
    state.vars.set(k, v);
    state.exported.add(k);
  }
  state.positional.splice(0, state.positional.length, ...positional);
  Object.assign(state, { errexit: false, errexitIgnored: 0, trapsTerm: false });
  try {
    runList({ ...ctx, script }, parseScript(script).Stmts, tail, stdin);
    return state.status;
  } catch (e) {
    if (e instanceof ExitShell) return e.code;
    if (e instanceof ShellSyntaxError) return 2; // the child shell reports it and exits 2
    if (e instanceof LoopJump) throw new Unsupported(`${e.kind} outside a loop`);
    // PID 1 (the outer shell) waits for its child: a trap of its own does not act meanwhile.
    if (e instanceof RunsUntilStopped) throw new RunsUntilStopped(false, e.unknownProgram);
    throw e;
  } finally {
    restore();
    state.errexitIgnored = ignored;
  }
}

/** POSIX 2.14: assignments before a special builtin stay; before any other command they are its environment only. */
const SPECIAL_BUILTINS = new Set([':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset']);

function prefixAssignments(state: ShellState, program: string, assigns: ReadonlyArray<readonly [string, string]>): () => void {
  if (SPECIAL_BUILTINS.has(program)) {
    for (const [name, value] of assigns) state.vars.set(name, value);
    return () => {};
  }
  const before = assigns.map(([name]) => [name, state.vars.get(name), state.exported.has(name)] as const);
  for (const [name, value] of assigns) {
    state.vars.set(name, value);
    state.exported.add(name);
  }
  return () => {
    for (const [name, value, exported] of before.reverse()) {
      if (value === undefined) state.vars.delete(name);
      else state.vars.set(name, value);
      if (!exported) state.exported.delete(name);
    }
  };
}
