/**
 * Builds a Go client kept under test/clients/<name> (its own go.mod, pinned versions from the Go
 * module proxy) into .cache/clients/<name>-<digest>/, as the reference cluster's tools are built
 * and cached: the digest covers the Go version, go.mod, go.sum and the Go sources, so a warm run
 * costs a hash. The build flags are the reference cluster's (CGO off, -trimpath), so packages
 * both compile (client-go, apimachinery) come out of the same Go build cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { packageRoot } from '../../src/package-root.ts';

/** Built, or why it cannot be on this machine (no Go, no module proxy): one line to report. */
export type GoClient = { binary: string; builtNow: boolean; seconds: number } | { missing: string };

const goEnvironment = { GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-trimpath' };

export async function ensureGoClient(name: string, log: (line: string) => void = () => {}): Promise<GoClient> {
  const source = join(packageRoot, 'test', 'clients', name);
  const version = await execa('go', ['env', 'GOVERSION'], { env: goEnvironment, reject: false }).catch(() => undefined);
  if (!version || version.exitCode !== 0) return { missing: `Go is not on the PATH: ${name} (controller-runtime, from the Go module proxy) cannot be built` };
  const folder = join(packageRoot, '.cache', 'clients', `${name}-${inputsDigest(source, version.stdout.trim())}`);
  const binary = join(folder, name);
  if (existsSync(binary)) return { binary, builtNow: false, seconds: 0 };
  const started = Date.now();
  log(`building ${name} with ${version.stdout.trim()} (a cold build takes minutes)`);
  // Modules first: a proxy that cannot be reached is the machine's lack, not a failing build.
  const download = await execa('go', ['mod', 'download'], { cwd: source, env: goEnvironment, reject: false, all: true });
  if (download.exitCode !== 0) return { missing: `the Go module proxy did not serve ${name}'s modules: ${firstLine(download.all)}` };
  const work = join(folder, `.build-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const build = await execa('go', ['build', '-p', '2', '-o', join(work, name), '.'], { cwd: source, env: goEnvironment, reject: false, all: true });
  if (build.exitCode !== 0) throw new Error(`go build of test/clients/${name} failed (exit ${build.exitCode}):\n${build.all}`);
  // Renamed into place, so a parallel run never starts a half-written binary.
  renameSync(join(work, name), binary);
  rmSync(work, { recursive: true, force: true });
  // Builds of older inputs are never used again.
  for (const old of readdirSync(join(folder, '..')).filter((d) => d.startsWith(`${name}-`) && join(folder, '..', d) !== folder)) {
    rmSync(join(folder, '..', old), { recursive: true, force: true });
  }
  return { binary, builtNow: true, seconds: Math.round((Date.now() - started) / 1000) };
}

function inputsDigest(source: string, goVersion: string): string {
  const hash = createHash('sha256').update(goVersion).update(JSON.stringify(goEnvironment));
  const files = readdirSync(source).filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go')).sort();
  for (const f of files) hash.update(f).update(readFileSync(join(source, f)));
  return hash.digest('hex').slice(0, 12);
}

function firstLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n').find((l) => l.trim()) ?? 'no output';
}
