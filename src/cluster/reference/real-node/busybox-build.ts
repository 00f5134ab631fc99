import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { applyConfigChanges, configDisagreements, officialConfigChanges, type ConfigChanges } from './busybox-config.ts';

/**
 * The busybox the real node's images carry, built as the official image builds it (`make
 * defconfig` plus its changes, busybox-config.ts), because Debian's busybox-static is configured
 * otherwise: its `nc` has no `-z` (`nc -z -w1 mydb 6379`, the Kubernetes docs' init container,
 * never succeeds) and its `wget -T` dies of SIGSEGV.
 *
 * The source is upstream's 1.35.0 tarball as Debian's archive carries it (busybox.net is not
 * reachable here; the Debian mirror is), checked against the checksum Debian's .dsc states.
 */
export const busyboxSource = {
  version: '1.35.0',
  url: 'http://deb.debian.org/debian/pool/main/b/busybox/busybox_1.35.0.orig.tar.bz2',
  // busybox_1.35.0-4+deb12u1.dsc (same folder), Checksums-Sha256.
  sha256: 'faeeb244c35a348a334f4a59e44626ee870fb07b6884d68c10ae8bc19f83a694',
  size: 2_480_624,
} as const;

export type BusyboxSource = { version: string; url: string; sha256: string; size: number };

/** Debian's busybox-static: what the images carry when busybox cannot be built here. */
export const debianBusybox = '/bin/busybox';

/** The program the images' busybox is, and what it is, for log lines. */
export interface Busybox {
  program: string;
  /** `busybox 1.35.0 (make defconfig, as the official image)` or `Debian's busybox-static`. */
  describedAs: string;
}

export interface BusyboxBuildOptions {
  source?: BusyboxSource;
  changes?: ConfigChanges;
  /** Fetches `url` into the file `to` (tests pass a fake; the default speaks HTTP). */
  download?: (url: string, to: string) => Promise<void>;
}

/**
 * The busybox for the real node's images, built once into `<cacheDir>/busybox/<version>-<digest>/`
 * (the digest covers the source's checksum and the config changes, so a changed config builds
 * again; no release is in the key: every release's node uses it). The source tarball is kept in
 * `<cacheDir>/busybox/` and fetched only when absent or wrong. When the download, the check or
 * the build fails, the images carry Debian's busybox-static, with a line saying what differs.
 */
export async function ensureBusybox(cacheDir: string, log: (line: string) => void, options: BusyboxBuildOptions = {}): Promise<Busybox> {
  const source = options.source ?? busyboxSource;
  const changes = options.changes ?? officialConfigChanges;
  const folder = join(cacheDir, 'busybox');
  const program = busyboxProgram(cacheDir, source, changes);
  const describedAs = `busybox ${source.version} (make defconfig, as the official image)`;
  if (existsSync(program)) return { program, describedAs };
  try {
    mkdirSync(folder, { recursive: true });
    const tarball = await verifiedSource(folder, source, options.download ?? httpDownload);
    log(`building ${describedAs} from Debian's copy of its source (once, cold: a few minutes) into ${program}`);
    const started = Date.now();
    await buildBusybox(tarball, source.version, changes, program);
    log(`built ${describedAs} in ${Math.round((Date.now() - started) / 1000)} s`);
    return { program, describedAs };
  } catch (e) {
    log(fallbackLine(source.version, (e as Error).message));
    return { program: debianBusybox, describedAs: "Debian's busybox-static" };
  }
}

/** Where the built program lives for this source and config. */
export function busyboxProgram(cacheDir: string, source: BusyboxSource, changes: ConfigChanges): string {
  const digest = createHash('sha256').update(JSON.stringify({ sha256: source.sha256, changes })).digest('hex').slice(0, 12);
  return join(cacheDir, 'busybox', `${source.version}-${digest}`, 'busybox');
}

/** The line `up` prints when the images fall back to Debian's busybox-static. */
export function fallbackLine(version: string, why: string): string {
  const reason = why.trim().split('\n').slice(-3).join(' | ');
  return `real node: busybox ${version} could not be built (${reason}); the images carry Debian's busybox-static (${debianBusybox}) instead, whose nc has no -z and whose wget -T dies of SIGSEGV`;
}

/** The tarball in `folder`, downloaded when absent or not the one the .dsc names; throws when it cannot be had. */
async function verifiedSource(folder: string, source: BusyboxSource, download: (url: string, to: string) => Promise<void>): Promise<string> {
  const tarball = join(folder, source.url.split('/').pop()!);
  if (existsSync(tarball) && !sourceProblem(tarball, source)) return tarball;
  const partial = `${tarball}.download-${process.pid}`;
  try {
    await download(source.url, partial);
    const problem = sourceProblem(partial, source);
    if (problem) throw new Error(`${source.url} ${problem}`);
    renameSync(partial, tarball);
  } finally {
    rmSync(partial, { force: true });
  }
  return tarball;
}

/** Why a downloaded tarball is not the one Debian's .dsc names, or undefined. */
export function sourceProblem(file: string, source: BusyboxSource): string | undefined {
  const data = readFileSync(file);
  if (data.length !== source.size) return `has ${data.length} bytes, not the ${source.size} Debian's .dsc states`;
  const sha256 = createHash('sha256').update(data).digest('hex');
  return sha256 === source.sha256 ? undefined : `has sha256 ${sha256}, not the ${source.sha256} Debian's .dsc states`;
}

async function httpDownload(url: string, to: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${response.statusText}`);
  writeFileSync(to, Buffer.from(await response.arrayBuffer()));
}

/**
 * The official builder's steps (docker-library/busybox@c7624fc latest-1/glibc/Dockerfile.builder:
 * 43, 63-105, 134): SOURCE_DATE_EPOCH from the unpacked source folder's time (the build embeds
 * it, so the same source gives the same program), `make defconfig`, the changes, `make
 * oldconfig`, a check that they held, `make busybox`, and `busybox --help` runs. Built in a
 * scratch folder and renamed into place, so a half-built program is never used.
 */
async function buildBusybox(tarball: string, version: string, changes: ConfigChanges, program: string): Promise<void> {
  const work = `${program}.build-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    await step('tar', ['-xjf', tarball, '-C', work], work);
    const src = join(work, `busybox-${version}`);
    const env = { SOURCE_DATE_EPOCH: String(Math.floor(statSync(src).mtimeMs / 1000)) };
    await step('make', ['defconfig'], src, env);
    const configFile = join(src, '.config');
    writeFileSync(configFile, applyConfigChanges(readFileSync(configFile, 'utf8'), changes));
    await step('make', ['oldconfig'], src, env);
    const config = readFileSync(configFile, 'utf8');
    const disagreements = configDisagreements(config, changes);
    if (disagreements.length) throw new Error(`after make oldconfig: ${disagreements.join('; ')}`);
    // Two jobs: the machine's cores are shared with the cluster's other builds.
    await step('make', ['-j', '2', 'busybox'], src, env);
    await step(join(src, 'busybox'), ['--help'], src);
    writeFileSync(join(work, '..', 'busybox.config'), config);
    renameSync(join(src, 'busybox'), program);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function step(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<void> {
  const result = await execa(command, args, { cwd, env, stdin: 'ignore', all: true, reject: false });
  if (result.exitCode !== 0) {
    const tail = (result.all ?? (result as { message?: string }).message ?? '').trim().split('\n').slice(-3).join('\n');
    throw new Error(`\`${[command, ...args].join(' ')}\` failed (exit ${result.exitCode ?? 'none'}):\n${tail}`);
  }
}
