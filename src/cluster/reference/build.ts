import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../../errors.ts';
import { inheritedEnvironment } from '../../environment.ts';
import { referenceBuild, type ReferenceBuild } from './versions.ts';

export const referenceBinaries = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'local-path-provisioner', 'kwok'] as const;

/** Our own commands in the Go module (cmd/<name>); the rest come from k8s.io/kubernetes. */
const ownCommands = new Set(['etcd', 'local-path-provisioner']);

/** A file in each build folder naming the release it holds, so cleaning up keeps other releases. */
const versionMarker = 'kubernetes-version';

export interface BuildLayout {
  /** scripts/reference-cluster: our Go module naming the upstream versions. */
  moduleDir: string;
  /** .cache/reference-cluster: builds and running clusters, git-ignored. */
  cacheDir: string;
}

/**
 * Builds the control-plane binaries of a release (default: DEFAULT_REFERENCE_MINOR's) unless a
 * build from the same inputs (the release's go.mod and go.sum, build tags, our Go sources, the Go
 * version, the KWOK version) is already in the cache, and returns its folder, bin-<digest>.
 * `log` hears what is going on, because a cold build takes minutes.
 */
export async function ensureReferenceBinaries(layout: BuildLayout, log: (line: string) => void, build: ReferenceBuild = referenceBuild()): Promise<string> {
  const goVersion = await goToolchainVersion();
  const binDir = binFolder(layout, build, goVersion);
  const missing = referenceBinaries.filter((b) => !existsSync(join(binDir, b)));
  // Written afresh each time (cheap), so a changed list of stages needs no rebuild.
  if (build.kwokStages && !missing.includes('kwok')) await writeKwokStages(build, binDir);
  if (!missing.length) return binDir;
  mkdirSync(binDir, { recursive: true });
  markReleaseFolder(binDir, build);
  const env = goEnvironment();
  const kube = missing.filter((b) => b !== 'kwok');
  if (kube.length) {
    log(`building ${kube.join(', ')} ${build.kubernetesVersion} with ${goVersion} (a cold build takes 10-20 minutes on 2 cores)`);
    const packages = kube.map((b) => (ownCommands.has(b) ? `./cmd/${b}` : `k8s.io/kubernetes/cmd/${b}`));
    await goCommand(['build', '-p', '2', ...moduleFlags(build), '-ldflags', versionLdflags(build), '-o', binDir + '/', ...packages], layout.moduleDir, env);
  }
  if (missing.includes('kwok')) {
    log(`building ${build.kwokModule}`);
    await goCommand(['install', build.kwokModule], layout.moduleDir, { ...env, GOBIN: binDir, GOFLAGS: '-trimpath -mod=mod' });
  }
  if (build.kwokStages && missing.includes('kwok')) await writeKwokStages(build, binDir);
  // Older builds of the same release are 300 MB each and never used again once the inputs changed;
  // other releases' builds stay. A folder without a marker predates versioned builds, when 1.32
  // was the only release built.
  for (const old of readdirSync(layout.cacheDir).filter((d) => d.startsWith('bin-') && join(layout.cacheDir, d) !== binDir)) {
    const marker = join(layout.cacheDir, old, versionMarker);
    const version = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : referenceBuild('1.32').kubernetesVersion;
    if (version === build.kubernetesVersion) rmSync(join(layout.cacheDir, old), { recursive: true, force: true });
  }
  return binDir;
}

/**
 * kubectl of a release, built from k8s.io/kubernetes/cmd/kubectl of the same module graph into
 * the release's build folder (kubectl of a matching minor, issue 26). The graph is resolved with
 * -mod=mod against a copy of the release's go.mod, so a go.sum without kubectl's packages (1.32's)
 * is completed in the cache, never in the source tree. Returns the binary's path; undefined when
 * it is not built yet and `options.build` is false.
 */
export async function ensureReferenceKubectl(layout: BuildLayout, build: ReferenceBuild, log: (line: string) => void, options = { build: true }): Promise<string | undefined> {
  const goVersion = await goToolchainVersion();
  const binDir = binFolder(layout, build, goVersion);
  const binary = join(binDir, 'kubectl');
  if (existsSync(binary)) return binary;
  if (!options.build) return undefined;
  // Per process: parallel workers may each build; the last rename wins, with the same binary.
  const work = join(binDir, `.kubectl-build-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(binDir, versionMarker), `${build.kubernetesVersion}\n`);
  const modfile = join(layout.moduleDir, build.modfile ?? 'go.mod');
  copyFileSync(modfile, join(work, 'go.mod'));
  copyFileSync(modfile.replace(/\.mod$/, '.sum'), join(work, 'go.sum'));
  log(`building kubectl ${build.kubernetesVersion} with ${goVersion} (a cold build takes a few minutes)`);
  // Built beside the final name and renamed: a parallel worker never runs a half-written file.
  await goCommand(['build', '-p', '2', `-modfile=${join(work, 'go.mod')}`, '-mod=mod', '-ldflags', versionLdflags(build), '-o', join(work, 'kubectl'), 'k8s.io/kubernetes/cmd/kubectl'], layout.moduleDir, goEnvironment());
  renameSync(join(work, 'kubectl'), binary);
  rmSync(work, { recursive: true, force: true });
  return binary;
}

/** The KWOK config of a build whose KWOK has no built-in stages (`kwokStages`), beside its binary. */
export const kwokStagesFile = 'kwok-stages.yaml';

/** Joins the build's KWOK stage files, read from KWOK's module as `go install` left it in the module cache. */
async function writeKwokStages(build: ReferenceBuild, binDir: string): Promise<void> {
  const [path, version] = build.kwokModule.split('@');
  const { stdout } = await execa('go', ['env', 'GOMODCACHE'], { env: goEnvironment() });
  const moduleRoot = join(stdout.trim(), `${path!.replace(/\/cmd\/kwok$/, '')}@${version}`, 'kustomize', 'stage');
  const stages = (build.kwokStages ?? []).map((f) => readFileSync(join(moduleRoot, f), 'utf8').trim());
  writeFileSync(join(binDir, kwokStagesFile), `${stages.join('\n---\n')}\n`);
}

/** Names the release a build folder holds, so cleaning up after another build of it finds it (and keeps other releases'). */
export function markReleaseFolder(binDir: string, build: ReferenceBuild): void {
  writeFileSync(join(binDir, versionMarker), `${build.kubernetesVersion}\n`);
}

export function binFolder(layout: BuildLayout, build: ReferenceBuild, goVersion: string): string {
  return join(layout.cacheDir, `bin-${inputsDigest(layout.moduleDir, build, goVersion)}`);
}

export function goEnvironment(): NodeJS.ProcessEnv {
  return inheritedEnvironment({ GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '-trimpath' });
}

/** `-modfile` and `-tags` of a release's build (none for the module's own go.mod). */
function moduleFlags(build: ReferenceBuild): string[] {
  return [...(build.modfile ? [`-modfile=${build.modfile}`] : []), ...(build.tags.length ? ['-tags', build.tags.join(',')] : [])];
}

/**
 * Without these the binaries say v0.0.0-master, so kubectl warns about skew and anything that
 * reads the version (discovery, kwokctl) is misled; upstream's hack/lib/version.sh sets the same.
 */
export function versionLdflags(build: ReferenceBuild): string {
  const [major, minor] = build.kubernetesVersion.slice(1).split('.');
  const keys = { gitVersion: build.kubernetesVersion, gitMajor: major, gitMinor: minor, gitTreeState: 'clean', buildDate: '1970-01-01T00:00:00Z' };
  const sets = Object.entries(keys).flatMap(([k, v]) => [`-X k8s.io/component-base/version.${k}=${v}`, `-X k8s.io/client-go/pkg/version.${k}=${v}`]);
  return ['-s', '-w', ...sets].join(' ');
}

function inputsDigest(moduleDir: string, build: ReferenceBuild, goVersion: string): string {
  const hash = createHash('sha256').update(goVersion).update(build.kwokModule).update(versionLdflags(build)).update(moduleFlags(build).join(' '));
  const modfile = build.modfile ?? 'go.mod';
  const sources = [modfile, modfile.replace(/\.mod$/, '.sum'), ...readdirSync(join(moduleDir, 'cmd'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.go')).map((f) => join('cmd', f))];
  for (const file of sources.sort()) hash.update(file).update(readFileSync(join(moduleDir, file)));
  return hash.digest('hex').slice(0, 12);
}

export async function goToolchainVersion(): Promise<string> {
  try {
    const { stdout } = await execa('go', ['env', 'GOVERSION'], { env: { GOTOOLCHAIN: 'local' } });
    return stdout.trim();
  } catch {
    throw new UserError('the reference control plane is built from Go modules, but `go` is not on PATH (install Go 1.23 or newer; 1.26 for Kubernetes 1.36 and later)');
  }
}

export async function goCommand(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const result = await execa('go', args, { cwd, env, reject: false, all: true });
  if (result.exitCode !== 0) {
    throw new UserError(`\`go ${args[0]}\` of the reference control plane failed (exit ${result.exitCode}):\n${tail(result.all ?? '', 30)}`);
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
