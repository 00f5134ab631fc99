import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { UnsupportedError } from './errors.ts';
import { formatDuration } from '../kube/duration.ts';
import { helmBinary } from './helm-binary.ts';

/** A helm command a step asks a driver to run. */
export interface HelmCommand {
  /** The arguments after `helm`, without --namespace, --kube-context or --timeout (the driver's). */
  args: readonly string[];
  /** The folder relative chart and values paths start from (the feature file's). */
  cwd: string;
  /** The project whose .cache/helm holds the built helm. */
  projectRoot: string;
  /**
   * For commands that may wait (install, upgrade, rollback, uninstall: hooks, --wait): how long,
   * in the cluster's time. The driver turns it into helm's --timeout in the time it keeps.
   */
  waitMs?: number;
}

/** What helm printed and how it ended. */
export interface HelmResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How a driver runs helm: which kubeconfig, namespace and --timeout (in wall time). */
export interface HelmTarget {
  kubeconfig: string;
  namespace: string;
  /** helm's --timeout, wall time; undefined: the command takes none. */
  timeoutMs?: number;
}

/** Beyond helm's own --timeout, how long its process may take (starting, rendering, the last requests). */
const HELM_OVERHEAD_MS = 60_000;

let helmHome: string | undefined;

/**
 * The pinned Helm's path (helm-binary.ts; built on first use, minutes when cold). A machine
 * without it skips the step, and stderr hears why in one line.
 */
export async function helmFor(command: HelmCommand): Promise<string> {
  const choice = await helmBinary({ cacheRoot: command.projectRoot, build: true });
  if ('missing' in choice) {
    // Said once per process on stderr: the console's summary counts skipped steps without reasons.
    if (!toldMissing) process.stderr.write(`kubespec: the Helm steps are skipped: ${choice.missing}\n`);
    toldMissing = true;
    throw new UnsupportedError(choice.missing);
  }
  return choice.path;
}

let toldMissing = false;

/**
 * Runs helm with the run's kubeconfig and the scenario's namespace. Helm's configuration, cache
 * and data folders are a private temporary folder for the process, so a scenario neither reads
 * nor changes the user's repositories and plugins.
 */
export async function runHelm(helm: string, command: HelmCommand, target: HelmTarget): Promise<HelmResult> {
  helmHome ??= mkdtempSync(join(tmpdir(), 'kubespec-helm-'));
  const args = [...command.args, '--namespace', target.namespace, ...(target.timeoutMs === undefined ? [] : ['--timeout', goDuration(target.timeoutMs)])];
  const wallLimit = (target.timeoutMs ?? 0) + HELM_OVERHEAD_MS;
  const result = await execa(helm, args, {
    cwd: command.cwd,
    env: { KUBECONFIG: target.kubeconfig, HELM_CONFIG_HOME: join(helmHome, 'config'), HELM_CACHE_HOME: join(helmHome, 'cache'), HELM_DATA_HOME: join(helmHome, 'data'), NO_COLOR: '1' },
    extendEnv: true,
    reject: false,
    timeout: wallLimit,
    stdin: 'ignore',
  });
  if (result.timedOut) return { exitCode: 124, stdout: result.stdout, stderr: `${result.stderr}\nkubespec: helm did not finish within ${formatDuration(wallLimit)}` };
  return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Milliseconds as a Go duration helm parses ("1500ms"); at least 1s, so helm has time for its requests. */
function goDuration(ms: number): string {
  return `${Math.max(1000, Math.round(ms))}ms`;
}
