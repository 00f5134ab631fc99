import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../../../errors.ts';
import { binFolder, goCommand, goEnvironment, goToolchainVersion, markReleaseFolder, versionLdflags, type BuildLayout } from '../build.ts';
import { REFERENCE_BUILDS, type ReferenceBuild } from '../versions.ts';
import type { KnownMinor } from '../../../kube/kubernetes-versions.ts';
import { ensureBusybox } from './busybox-build.ts';

/**
 * What a real node runs beside the Debian packages, built into the release's build folder (the
 * control plane's, so one cache key covers both): kubelet and kube-proxy of the same release from
 * the same module graph, agnhost (the upstream e2e test image's binary, in the kubernetes module
 * under test/images/agnhost), CoreDNS from its own module, and pause compiled from the C source
 * the kubernetes module carries (build/pause/linux/pause.c). busybox, the images' shell, is the
 * one piece outside the release's folder: its build depends on no release (busybox-build.ts).
 */
export interface NodeBinaries {
  kubelet: string;
  kubeProxy: string;
  agnhost: string;
  coredns: string;
  pause: string;
  /** The busybox the images carry: built as the official image's (busybox-build.ts), else Debian's busybox-static. */
  busybox: string;
  /** Earlier pause tags whose Linux program is this one's (samePauseProgram), each compiled with its own version. */
  earlierPause: Array<{ version: string; program: string }>;
  /** agnhost tags the scenarios name besides this release's, each built from its own release (agnhostReleases). */
  earlierAgnhost: Array<{ version: string; program: string }>;
  /** The tags the images get, read from the sources they are built from. */
  agnhostVersion: string;
  pauseVersion: string;
  corednsVersion: string;
}

/**
 * CoreDNS of the release, as kubeadm's constants pin it (cmd/kubeadm/app/constants: CoreDNSVersion),
 * built with `go install` from its own module: its go.mod has no replace directives.
 */
const corednsVersions: Record<string, string> = { '1.32': 'v1.11.3', '1.35': 'v1.13.1', '1.36': 'v1.14.2', '1.37': 'v1.14.6' };

/**
 * Earlier pause tags whose Linux program is the same pause.c: 3.10.1 and 3.10.2 changed the
 * Windows image only (build/pause/CHANGELOG.md of K@1.37.2; pause.c is byte-identical in K@1.32.13,
 * which tags 3.10, and K@1.37.2). Scenarios written for 1.32 name pause:3.10; a real node of a
 * later release holds it too, compiled from the same source with its own version string.
 */
const samePauseProgram: Record<string, string[]> = { '3.10.1': ['3.10'], '3.10.2': ['3.10', '3.10.1'] };

/**
 * The agnhost tags the scenarios name (registry.k8s.io/e2e-test-images/agnhost:2.53 throughout
 * features/), each with the reference build whose test/images/agnhost/VERSION says it: 2.53 is
 * K@1.32.5's. A node of another release (1.37: 2.66.1) builds it too, from that release's module
 * graph into that release's build folder, so a 2.53 image holds 2.53's program, never a later one
 * tagged 2.53.
 */
const agnhostReleases: Record<string, KnownMinor> = { '2.53': '1.32' };

/** Why a release cannot have a real node here (no CoreDNS named for it), or undefined. */
export function realNodeReleaseMissing(build: ReferenceBuild): string | undefined {
  return corednsVersions[build.minor] ? undefined : `a real node of ${build.minor} has no CoreDNS release named here (src/cluster/reference/real-node/node-build.ts)`;
}

export async function ensureNodeBinaries(layout: BuildLayout, build: ReferenceBuild, log: (line: string) => void): Promise<NodeBinaries> {
  const goVersion = await goToolchainVersion();
  const binDir = binFolder(layout, build, goVersion);
  mkdirSync(binDir, { recursive: true });
  const kubernetesModule = await moduleDir(layout, build, `k8s.io/kubernetes@${build.kubernetesVersion}`);
  const corednsVersion = corednsVersions[build.minor];
  if (!corednsVersion) throw new UserError(realNodeReleaseMissing(build)!);
  const pauseVersion = /^TAG \?= (\S+)$/m.exec(readFileSync(join(kubernetesModule, 'build/pause/Makefile'), 'utf8'))?.[1] ?? '3.10';
  const result: NodeBinaries = {
    kubelet: join(binDir, 'kubelet'),
    kubeProxy: join(binDir, 'kube-proxy'),
    agnhost: join(binDir, 'agnhost'),
    coredns: join(binDir, 'coredns'),
    pause: join(binDir, 'pause'),
    busybox: (await ensureBusybox(layout.cacheDir, log)).program,
    agnhostVersion: readFileSync(join(kubernetesModule, 'test/images/agnhost/VERSION'), 'utf8').trim(),
    pauseVersion,
    earlierPause: (samePauseProgram[pauseVersion] ?? []).map((version) => ({ version, program: join(binDir, `pause-${version}`) })),
    earlierAgnhost: [],
    corednsVersion,
  };
  const fromKubernetes = (['kubelet', 'kube-proxy', 'agnhost'] as const).filter((b) => !existsSync(join(binDir, b)));
  if (fromKubernetes.length) {
    log(`building ${fromKubernetes.join(', ')} ${build.kubernetesVersion} with ${goVersion} (cold: a few minutes more after the control plane)`);
    await buildFromKubernetes(layout, build, binDir, fromKubernetes);
  }
  if (!existsSync(result.coredns)) {
    log(`building CoreDNS ${corednsVersion} from its module (cold: several minutes)`);
    const gobin = join(binDir, `.coredns-build-${process.pid}`);
    await goCommand(['install', `github.com/coredns/coredns@${corednsVersion}`], layout.moduleDir, { ...goEnvironment(), GOBIN: gobin, GOFLAGS: '-trimpath -mod=mod' });
    renameSync(join(gobin, 'coredns'), result.coredns);
    rmSync(gobin, { recursive: true, force: true });
  }
  for (const { version, program } of [{ version: result.pauseVersion, program: result.pause }, ...result.earlierPause]) {
    if (existsSync(program)) continue;
    log(`compiling pause ${version} from ${join('k8s.io/kubernetes', 'build/pause/linux/pause.c')}`);
    await compilePause(join(kubernetesModule, 'build/pause/linux/pause.c'), program, version);
  }
  result.earlierAgnhost = await otherAgnhosts(layout, result.agnhostVersion, goVersion, log);
  return result;
}

/**
 * The scenarios' agnhost tags this release does not build (agnhostReleases), each built once from
 * its own release. One that cannot be built (no module proxy) is left out with a line saying why:
 * its image then fails to pull, as any image not built here.
 */
export async function otherAgnhosts(layout: BuildLayout, ownVersion: string, goVersion: string, log: (line: string) => void): Promise<NodeBinaries['earlierAgnhost']> {
  const built: NodeBinaries['earlierAgnhost'] = [];
  for (const [version, minor] of Object.entries(agnhostReleases)) {
    if (version === ownVersion) continue;
    const source = REFERENCE_BUILDS[minor]!;
    const binDir = binFolder(layout, source, goVersion);
    const program = join(binDir, 'agnhost');
    try {
      if (!existsSync(program)) {
        const said = readFileSync(join(await moduleDir(layout, source, `k8s.io/kubernetes@${source.kubernetesVersion}`), 'test/images/agnhost/VERSION'), 'utf8').trim();
        if (said !== version) throw new Error(`${source.kubernetesVersion}'s test/images/agnhost/VERSION says ${said}`);
        log(`building agnhost ${version} from ${source.kubernetesVersion}, the tag the scenarios name (cold: a few minutes)`);
        mkdirSync(binDir, { recursive: true });
        markReleaseFolder(binDir, source);
        await buildFromKubernetes(layout, source, binDir, ['agnhost']);
      }
      built.push({ version, program });
    } catch (e) {
      log(`real node: no agnhost ${version} image: building it from ${source.kubernetesVersion} failed: ${(e as Error).message.trim().split('\n').pop()}`);
    }
  }
  return built;
}

/**
 * kubelet, kube-proxy and agnhost from the release's module graph, resolved with -mod=mod against
 * a copy of its go.mod (as kubectl is): their packages' sums are completed in the cache, never in
 * the source tree. Built beside the final names and renamed, so a half-written file never runs.
 */
async function buildFromKubernetes(layout: BuildLayout, build: ReferenceBuild, binDir: string, names: readonly string[]): Promise<void> {
  const work = join(binDir, `.node-build-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const modfile = join(layout.moduleDir, build.modfile ?? 'go.mod');
  copyFileSync(modfile, join(work, 'go.mod'));
  copyFileSync(modfile.replace(/\.mod$/, '.sum'), join(work, 'go.sum'));
  const packages = names.map((n) => (n === 'agnhost' ? 'k8s.io/kubernetes/test/images/agnhost' : `k8s.io/kubernetes/cmd/${n}`));
  // CGO_ENABLED=0 (goEnvironment): static binaries, as upstream builds kubelet and agnhost.
  await goCommand(['build', '-p', '2', `-modfile=${join(work, 'go.mod')}`, '-mod=mod', '-ldflags', versionLdflags(build), '-o', work + '/', ...packages], layout.moduleDir, goEnvironment());
  for (const n of names) renameSync(join(work, n), join(binDir, n));
  rmSync(work, { recursive: true, force: true });
}

/** Where the Go module cache holds a module (downloading it when it is not there yet). */
async function moduleDir(layout: BuildLayout, build: ReferenceBuild, module: string): Promise<string> {
  const args = ['mod', 'download', '-json', ...(build.modfile ? [`-modfile=${build.modfile}`] : []), module];
  const { stdout, exitCode, stderr } = await execa('go', args, { cwd: layout.moduleDir, env: goEnvironment(), reject: false });
  const dir = exitCode === 0 ? (JSON.parse(stdout) as { Dir?: string }).Dir : undefined;
  if (!dir) throw new UserError(`\`go mod download ${module}\` failed: ${stderr.trim() || stdout.trim()}`);
  return dir;
}

/** pause.c, as build/pause's Makefile compiles it: static, -Os, with the version compiled in. */
async function compilePause(source: string, out: string, version: string): Promise<void> {
  const result = await execa('gcc', ['-Os', '-Wall', '-Werror', '-static', `-DVERSION=v${version}-kubespec`, '-o', `${out}.tmp`, source], { reject: false, all: true });
  if (result.exitCode !== 0) {
    throw new UserError(`compiling the pause image's program failed (gcc with a static libc is needed: Debian's gcc and libc6-dev):\n${result.all ?? (result as { message?: string }).message}`);
  }
  renameSync(`${out}.tmp`, out);
}
