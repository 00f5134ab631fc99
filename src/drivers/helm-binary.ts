/**
 * Which helm runs the Helm steps (issue 30): Helm HELM_VERSION, pinned. The machine's `helm`
 * when it is that version; otherwise one built from the Go module proxy
 * (`go install helm.sh/helm/v4/cmd/helm@<version>`, the ldflags Helm's Makefile sets) into
 * .cache/helm/, git-ignored, keyed by the Helm and Go versions. A machine with neither gets one
 * line saying what is missing, and the Helm steps are skipped with it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { inheritedEnvironment } from '../environment.ts';

/** The Helm release kubespec runs: the newest of the current major (v4) the module proxy served on 2026-12-06. */
export const HELM_VERSION = 'v4.3.2';

/** Helm's module; the command is its cmd/helm. */
const HELM_MODULE = 'helm.sh/helm/v4';

/** Where a helm comes from, or why there is none. */
export type HelmChoice = { path: string; from: 'machine' | 'cache' | 'build' } | { missing: string };

export interface HelmBinaryOptions {
  /** The folder whose .cache/helm holds builds (the project's root). */
  cacheRoot: string;
  /** Build one when neither the machine nor the cache has it (minutes, cold). */
  build: boolean;
  log?: (line: string) => void;
}

const resolved = new Map<string, Promise<HelmChoice>>();

/** The helm to run, decided once per cache folder for the life of the process. */
export function helmBinary(options: HelmBinaryOptions): Promise<HelmChoice> {
  const key = `${options.cacheRoot} ${options.build}`;
  let answer = resolved.get(key);
  if (!answer) {
    answer = chooseHelm(options);
    resolved.set(key, answer);
  }
  return answer;
}

async function chooseHelm(options: HelmBinaryOptions): Promise<HelmChoice> {
  if ((await helmVersion('helm')) === HELM_VERSION) return { path: 'helm', from: 'machine' };
  const go = await goVersion();
  if (!go) return { missing: `helm ${HELM_VERSION} is not on the PATH and cannot be built: there is no Go toolchain (\`go\`) on this machine` };
  const binary = join(helmCacheFolder(options.cacheRoot, go), 'helm');
  if (existsSync(binary)) return { path: binary, from: 'cache' };
  if (!options.build) return { missing: `helm ${HELM_VERSION} is not on the PATH nor built in ${join(options.cacheRoot, '.cache', 'helm')} yet` };
  try {
    await buildHelm(binary, go, options.log ?? ((line) => process.stderr.write(`${line}\n`)));
    return { path: binary, from: 'build' };
  } catch (e) {
    return { missing: (e as Error).message };
  }
}

/** .cache/helm/<helm version>-<go version>: a new Go or Helm version builds afresh beside the old. */
export function helmCacheFolder(cacheRoot: string, go: string): string {
  return join(cacheRoot, '.cache', 'helm', `${HELM_VERSION}-${go}`);
}

/** `helm version` of a binary ("v4.3.2"), or undefined when it does not run. */
export async function helmVersion(helm: string): Promise<string | undefined> {
  const r = await execa(helm, ['version', '--template', '{{.Version}}'], { reject: false, stdin: 'ignore' }).catch(() => undefined);
  return r && r.exitCode === 0 ? r.stdout.trim() : undefined;
}

async function goVersion(): Promise<string | undefined> {
  const r = await execa('go', ['env', 'GOVERSION'], { reject: false, stdin: 'ignore', env: { GOTOOLCHAIN: 'local' } }).catch(() => undefined);
  return r && r.exitCode === 0 ? r.stdout.trim() : undefined;
}

/** How long a process waits for another's build of helm before building itself. */
const OTHER_BUILD_WAIT_MS = 30 * 60_000;

/**
 * `go install` of Helm's command at the pinned version, into a work folder of this process,
 * then renamed into place, so no one runs a half-written file. One process builds at a time (a
 * lock file holding its pid): test files and workers that start together wait for its binary
 * instead of compiling the same packages again on the same cores. A failure (no module proxy, a
 * Go older than Helm's go.mod asks) is one line plus Go's last words.
 */
async function buildHelm(binary: string, go: string, log: (line: string) => void): Promise<void> {
  const folder = join(binary, '..');
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, '.building');
  const deadline = Date.now() + OTHER_BUILD_WAIT_MS;
  while (!takeLock(lock)) {
    if (existsSync(binary)) return;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  try {
    if (existsSync(binary)) return;
    await goInstallHelm(binary, go, log);
  } finally {
    if (readLock(lock) === process.pid) rmSync(lock, { force: true });
  }
}

/** Takes the build lock, or a stale one whose process is gone; false while a live process holds it. */
function takeLock(lock: string): boolean {
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = readLock(lock);
    if (holder !== undefined && holder !== process.pid && processAlive(holder)) return false;
    writeFileSync(lock, String(process.pid));
    return true;
  }
}

function readLock(lock: string): number | undefined {
  try {
    return Number(readFileSync(lock, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function goInstallHelm(binary: string, go: string, log: (line: string) => void): Promise<void> {
  const folder = join(binary, '..');
  const work = join(folder, `.build-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  log(`kubespec: building helm ${HELM_VERSION} from ${HELM_MODULE} with ${go} into ${folder} (once; a cold build, modules downloaded, takes 5-12 minutes on 2 cores)`);
  const ldflags = `-s -w -X ${HELM_MODULE}/internal/version.version=${HELM_VERSION} -X ${HELM_MODULE}/internal/version.gitTreeState=clean`;
  const r = await execa('go', ['install', '-p', '2', '-ldflags', ldflags, `${HELM_MODULE}/cmd/helm@${HELM_VERSION}`], {
    reject: false, all: true, stdin: 'ignore', cwd: work,
    env: inheritedEnvironment({ GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-trimpath', GOBIN: work }),
  });
  if (r.exitCode !== 0) {
    rmSync(work, { recursive: true, force: true });
    const last = (r.all ?? '').trim().split('\n').slice(-3).join(' / ');
    throw new Error(`helm ${HELM_VERSION} could not be built with ${go} (go install exit ${r.exitCode}): ${last}`);
  }
  renameSync(join(work, 'helm'), binary);
  rmSync(work, { recursive: true, force: true });
}
