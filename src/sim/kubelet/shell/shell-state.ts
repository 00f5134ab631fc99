import type { Millis } from '../../clock.ts';
import type { Guess } from '../../assumptions.ts';
import type { ImageFilesystem } from './image-filesystem.ts';

/** What a command returns: its exit status and what it wrote. */
export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
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
  readonly guesses: Guess[] = [];

  constructor(
    readonly vars: Map<string, string>,
    readonly fs: ImageFilesystem,
    readonly positional: string[],
    cwd: string,
    /** The container field a guess is about (`command` or `args`). */
    readonly field: string,
  ) {
    this.cwd = cwd;
  }

  /** Writes down what was taken to be true, once per text. */
  guess(assumed: string, why: string): void {
    if (!this.guesses.some((g) => g.assumed === assumed)) this.guesses.push({ field: this.field, assumed, why });
  }
}

/** What an unknown program is taken to do: what most server images do. */
export const SERVER_GUESS = 'it runs until stopped and stops promptly on SIGTERM';
