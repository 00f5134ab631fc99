/**
 * Which Kubernetes releases the reference control plane can be built from (issue 26), and what
 * each build takes: the Go module inputs under scripts/reference-cluster, build tags, and the
 * KWOK release that plays the kubelet. Each minor runs in its own cluster folder (ports are picked
 * free at `up`), so versions can run side by side.
 *
 * The reference build of a minor is normally the patch src/kube pins for its facts (RELEASES).
 * 1.32 is the exception, kept explicit here: the facts come from v1.32.13 but the cluster is
 * built from v1.32.5, the newest 1.32 patch whose staging modules the module proxy serves.
 */
import { RELEASES, type KnownMinor } from '../../kube/kubernetes-versions.ts';
import { UserError } from '../../errors.ts';

export interface ReferenceBuild {
  readonly minor: KnownMinor;
  /** The release the binaries are built from and report as their version. */
  readonly kubernetesVersion: string;
  /**
   * The go.mod naming the upstream versions, relative to scripts/reference-cluster (passed as
   * `-modfile`; its go.sum sits beside it). Undefined: the module's own go.mod.
   */
  readonly modfile?: string;
  /** `go build -tags`: which external-provisioner major cmd/local-path-provisioner uses. */
  readonly tags: readonly string[];
  /** KWOK is installed from its own module graph, the release whose client-go is nearest. */
  readonly kwokModule: string;
  /**
   * KWOK's stage files (in its module, under kustomize/stage/) written as its config. Undefined:
   * an empty config, for which KWOK v0.7.0 picks its built-in stages; v0.8.0 has none built in.
   */
  readonly kwokStages?: readonly string[];
  /** Why this build differs from the pinned release, when it does. */
  readonly note?: string;
}

/**
 * KWOK v0.8.0 has no built-in stages, so its builds name the stage files KWOK v0.7.0 chose for an
 * empty config with a node lease duration set (getDefaultNodeStages(false), getDefaultPodStages).
 */
const V0_7_0_DEFAULT_STAGES = ['node/fast/node-initialize.yaml', 'node/heartbeat/node-heartbeat.yaml', 'pod/fast/pod-ready.yaml', 'pod/fast/pod-complete.yaml', 'pod/fast/pod-delete.yaml'];

export const REFERENCE_BUILDS: Readonly<Partial<Record<KnownMinor, ReferenceBuild>>> = {
  '1.32': {
    minor: '1.32',
    kubernetesVersion: 'v1.32.5',
    tags: [],
    // v0.7.0 is built against client-go v0.33.0, the nearest to 0.32.
    kwokModule: 'sigs.k8s.io/kwok/cmd/kwok@v0.7.0',
    note: `facts are ${RELEASES['1.32'].gitVersion}'s; v1.32.6 to v1.32.13 each lack a staging module on the proxy (scripts/reference-cluster/go.mod)`,
  },
  '1.35': {
    minor: '1.35',
    kubernetesVersion: RELEASES['1.35'].gitVersion,
    modfile: 'versions/1.35/go.mod',
    // Provisioner library v13.0.0 (client-go v0.34.0): v13.1.0 would lift client-go to v0.37.
    tags: ['provisioner_v13'],
    // v0.8.0 (client-go v0.36.1) is one minor away; v0.7.0 (client-go v0.33.0) two.
    kwokModule: 'sigs.k8s.io/kwok/cmd/kwok@v0.8.0',
    kwokStages: V0_7_0_DEFAULT_STAGES,
    note: 'etcd v3.6.5, the one its go.mod requires: build/dependencies.yaml names 3.6.6, which the module proxy does not serve (versions/1.35/go.mod)',
  },
  '1.36': {
    minor: '1.36',
    kubernetesVersion: RELEASES['1.36'].gitVersion,
    modfile: 'versions/1.36/go.mod',
    // Provisioner library v13.0.0 (client-go v0.34.0): v13.1.0 would lift client-go to v0.37.
    tags: ['provisioner_v13'],
    // v0.8.0 is built against client-go v0.36.1, this very minor.
    kwokModule: 'sigs.k8s.io/kwok/cmd/kwok@v0.8.0',
    kwokStages: V0_7_0_DEFAULT_STAGES,
  },
  '1.37': {
    minor: '1.37',
    kubernetesVersion: RELEASES['1.37'].gitVersion,
    modfile: 'versions/1.37/go.mod',
    tags: ['provisioner_v13'],
    // v0.8.0 is built against client-go v0.36.1, the newest KWOK release.
    kwokModule: 'sigs.k8s.io/kwok/cmd/kwok@v0.8.0',
    kwokStages: V0_7_0_DEFAULT_STAGES,
  },
};

/**
 * The minor `cluster reference up` builds when none is named, and the one whose cluster lives in
 * the unversioned folder `.cache/reference-cluster/cluster` (CI and the fidelity run read it).
 */
export const DEFAULT_REFERENCE_MINOR: KnownMinor = '1.37';

/** The minors a reference cluster can be built for, oldest first. */
export const referenceMinors = (): KnownMinor[] => Object.keys(REFERENCE_BUILDS) as KnownMinor[];

/**
 * The build of `--kubernetes-version` (`1.37`, `v1.37`, or the build's exact patch `1.37.2`);
 * undefined picks the default. Anything else is refused with the list of what can be built.
 */
export function referenceBuild(version?: string): ReferenceBuild {
  if (version === undefined) return REFERENCE_BUILDS[DEFAULT_REFERENCE_MINOR]!;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version.trim());
  const build = m ? REFERENCE_BUILDS[`${Number(m[1])}.${Number(m[2])}` as KnownMinor] : undefined;
  if (!build) throw new UserError(`--kubernetes-version ${version}: the reference cluster is built for ${offeredList()}`);
  if (m![3] !== undefined && `v${build.minor}.${Number(m![3])}` !== build.kubernetesVersion) {
    throw new UserError(`--kubernetes-version ${version}: the ${build.minor} reference cluster is built from ${build.kubernetesVersion} only`);
  }
  return build;
}

/** The folder a minor's running cluster lives in, under .cache/reference-cluster. */
export const clusterFolderName = (build: ReferenceBuild): string =>
  build.minor === DEFAULT_REFERENCE_MINOR ? 'cluster' : `cluster-${build.minor}`;

const offeredList = (): string =>
  referenceMinors().map((m) => `${m} (${REFERENCE_BUILDS[m]!.kubernetesVersion}${m === DEFAULT_REFERENCE_MINOR ? ', default' : ''})`).join(', ');

/** The help of `cluster reference --kubernetes-version`: what can be built, the default marked. */
export const referenceVersionHelp = (): string => `the release to build and run: ${offeredList()}; each runs in its own cluster`;
