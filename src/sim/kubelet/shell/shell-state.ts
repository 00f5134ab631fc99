import type { Millis } from '../../clock.ts';
import type { Guess } from '../../../kube/assumptions.ts';
import type { ImageFilesystem } from './image-filesystem.ts';

/** What a command returns: its exit status and what it wrote. */
export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
  /** The command printed something kubespec cannot know (`date`, `id`): its command line, for the guess. */
  unknownOutput?: string;
}

export const done = (status: number, stdout = '', stderr = ''): CommandResult => ({ status, stdout, stderr });

/** `exit N` (or `exec`'s program ending): the script ends with this code. */
export class ExitShell {
  constructor(readonly code: number) {}
}

/** The script blocks for good here (`sleep infinity`, `tail -f`, an endless loop, a server). */
export class RunsUntilStopped {
  constructor(readonly waitingForJobs = false, readonly unknownProgram = false) {}
}

/** `break`/`continue` out of the innermost loop. */
export class LoopJump {
  constructor(readonly kind: 'break' | 'continue') {}
}

/** Something the interpreter does not model: the whole command is then an assumption. */
export class Unsupported extends Error {}

/** A script waiting at its start for a name to resolve or a port to answer (`until nslookup …`). */
export interface WaitCondition {
  until: 'dns' | 'tcp';
  host: string;
  port?: number;
  every: Millis;
}

/**
 * The interpreter's state while it runs one container's command: virtual time since the start,
 * shell variables, the file system, the last status, positional parameters, and what it had to
 * take for granted.
 */
export class ShellState {
  elapsed: Millis = 0;
  status = 0;
  cwd: string;
  /** The container is a shell (sh -c): PID 1 without handlers ignores SIGTERM. */
  trapsTerm = false;
  backgroundForever = false;
  waitsFor?: WaitCondition;
  /** `set -e` / `set -o errexit`. */
  errexit = false;
  /** `set -o pipefail`: a pipeline under it is not modelled. */
  pipefail = false;
  /**
   * Above 0 while a command runs whose failure `set -e` ignores (POSIX 2.14 set -e; ash.c
   * evaltree's EV_TESTED): an if/elif/while/until condition, the left of && or ||, a `!` pipeline.
   */
  errexitIgnored = 0;
  /**
   * Programs whose output kubespec does not know (`date`) that a command substitution took in,
   * not yet written down as guesses: echoing the result to the container's log needs none.
   */
  readonly unknownOutputs: string[] = [];
  /** The names passed on to programs the script runs (the environment it got, `export`). */
  readonly exported: Set<string>;
  readonly guesses: Guess[] = [];

  constructor(
    readonly vars: Map<string, string>,
    readonly fs: ImageFilesystem,
    /** $0, $1, …: replaced in place by a nested `sh -c`. */
    readonly positional: string[],
    cwd: string,
    /** The container field a guess is about (`command` or `args`). */
    readonly field: string,
    /** The pod's host name, where known. */
    readonly hostname?: string,
  ) {
    this.cwd = cwd;
    this.exported = new Set(vars.keys());
  }

  /** What a subshell, a command substitution or a nested shell must not change in its parent. */
  save(): () => void {
    const vars = new Map(this.vars);
    const exported = new Set(this.exported);
    const positional = [...this.positional];
    const { cwd, errexit, trapsTerm } = this;
    return () => {
      this.vars.clear();
      for (const [k, v] of vars) this.vars.set(k, v);
      this.exported.clear();
      for (const k of exported) this.exported.add(k);
      this.positional.splice(0, this.positional.length, ...positional);
      Object.assign(this, { cwd, errexit, trapsTerm });
    };
  }

  /** The environment a program the script runs gets: the exported variables. */
  environment(): Map<string, string> {
    return new Map([...this.vars].filter(([k]) => this.exported.has(k)));
  }

  /** The guess that output kubespec does not know was read back by the script. */
  guessOutput(command: string): void {
    this.guess(`what \`${command}\` prints does not matter (kubespec takes it to print nothing)`, `kubespec does not know what \`${command}\` prints in this container`);
  }

  /** Writes down what was taken to be true, once per text. */
  guess(assumed: string, why: string): void {
    if (!this.guesses.some((g) => g.assumed === assumed)) this.guesses.push({ field: this.field, assumed, why });
  }
}

/** What an unknown program is taken to do: what most server images do. */
export const SERVER_GUESS = 'it runs until stopped and stops promptly on SIGTERM';
