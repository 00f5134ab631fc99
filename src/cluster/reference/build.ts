import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../../errors.ts';
import { inheritedEnvironment } from '../../environment.ts';

/** The Kubernetes release the reference control plane is built from (see its go.mod for why). */
export const referenceVersion = 'v1.32.5';
/** KWOK plays the kubelet for fake nodes; v0.7.0 is the release closest to a 1.32 cluster. */
export const kwokModule = 'sigs.k8s.io/kwok/cmd/kwok@v0.7.0';

export const referenceBinaries = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'local-path-provisioner', 'kwok'] as const;

/** Our own commands in the Go module (cmd/<name>); the rest come from k8s.io/kubernetes. */
const ownCommands = new Set(['etcd', 'local-path-provisioner']);

export interface BuildLayout {
  /** scripts/reference-cluster: our Go module naming the upstream versions. */
  moduleDir: string;
  /** .cache/reference-cluster: builds and running clusters, git-ignored. */
  cacheDir: string;
}

/**
 * Builds the control-plane binaries unless a build from the same inputs (go.mod, go.sum, our Go
 * sources, the Go version, the KWOK version) is already in the cache, and returns its folder.
 * `log` hears what is going on, because a cold build takes minutes.
 */
export async function ensureReferenceBinaries(layout: BuildLayout, log: (line: string) => void): Promise<string> {
  const goVersion = await goToolchainVersion();
  const binDir = join(layout.cacheDir, `bin-${inputsDigest(layout.moduleDir, goVersion)}`);
  const missing = referenceBinaries.filter((b) => !existsSync(join(binDir, b)));
  if (!missing.length) return binDir;
  mkdirSync(binDir, { recursive: true });
  const env = inheritedEnvironment({ GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-trimpath' });
  const kube = missing.filter((b) => b !== 'kwok');
  if (kube.length) {
    log(`building ${kube.join(', ')} ${referenceVersion} with ${goVersion} (a cold build takes 10-20 minutes on 2 cores)`);
    const packages = kube.map((b) => (ownCommands.has(b) ? `./cmd/${b}` : `k8s.io/kubernetes/cmd/${b}`));
    await goCommand(['build', '-p', '2', '-ldflags', versionLdflags(), '-o', binDir + '/', ...packages], layout.moduleDir, env);
  }
  if (missing.includes('kwok')) {
    log(`building ${kwokModule}`);
    await goCommand(['install', kwokModule], layout.moduleDir, { ...env, GOBIN: binDir, GOFLAGS: '-trimpath -mod=mod' });
  }
  // Older builds are 300 MB each and never used again once the inputs changed.
  for (const old of readdirSync(layout.cacheDir).filter((d) => d.startsWith('bin-') && join(layout.cacheDir, d) !== binDir)) {
    rmSync(join(layout.cacheDir, old), { recursive: true, force: true });
  }
  return binDir;
}

/**
 * Without these the binaries say v0.0.0-master, so kubectl warns about skew and anything that
 * reads the version (discovery, kwokctl) is misled; upstream's hack/lib/version.sh sets the same.
 */
function versionLdflags(): string {
  const [major, minor] = referenceVersion.slice(1).split('.');
  const keys = { gitVersion: referenceVersion, gitMajor: major, gitMinor: minor, gitTreeState: 'clean', buildDate: '1970-01-01T00:00:00Z' };
  const sets = Object.entries(keys).flatMap(([k, v]) => [`-X k8s.io/component-base/version.${k}=${v}`, `-X k8s.io/client-go/pkg/version.${k}=${v}`]);
  return ['-s', '-w', ...sets].join(' ');
}

function inputsDigest(moduleDir: string, goVersion: string): string {
  const hash = createHash('sha256').update(goVersion).update(kwokModule).update(versionLdflags());
  const sources = ['go.mod', 'go.sum', ...readdirSync(join(moduleDir, 'cmd'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.go')).map((f) => join('cmd', f))];
  for (const file of sources.sort()) hash.update(file).update(readFileSync(join(moduleDir, file)));
  return hash.digest('hex').slice(0, 12);
}

async function goToolchainVersion(): Promise<string> {
  try {
    const { stdout } = await execa('go', ['env', 'GOVERSION'], { env: { GOTOOLCHAIN: 'local' } });
    return stdout.trim();
  } catch {
    throw new UserError('the reference control plane is built from Go modules, but `go` is not on PATH (install Go 1.23 or newer)');
  }
}

async function goCommand(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const result = await execa('go', args, { cwd, env, reject: false, all: true });
  if (result.exitCode !== 0) {
    throw new UserError(`\`go ${args[0]}\` of the reference control plane failed (exit ${result.exitCode}):\n${tail(result.all ?? '', 30)}`);
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
