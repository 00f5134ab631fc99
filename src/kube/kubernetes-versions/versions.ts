/**
 * The Kubernetes releases kubespec knows facts about, and the ones a run may choose
 * (`--kubernetes-version`, issue 26). Each release is pinned to the newest patch in the Go module
 * cache (~/go/pkg/mod/k8s.io/kubernetes@vX.Y.Z), because that module is where every fact below was
 * read. 1.33 and 1.34 are known (facts need them to say when something changed) but not selectable;
 * 1.32 is selectable only as the legacy value kubespec simulated before issue 26.
 */

/** Every minor with facts in this folder, oldest first. */
export const KNOWN_MINORS = ['1.32', '1.33', '1.34', '1.35', '1.36', '1.37'] as const;

/** A minor with facts ("1.35"). */
export type KnownMinor = (typeof KNOWN_MINORS)[number];

/** One release as kubespec presents it: the /version it serves and the module its facts come from. */
export interface KubernetesRelease {
  readonly minor: KnownMinor;
  /** `gitVersion` of /version, the node's kubeletVersion and kube-proxy version. */
  readonly gitVersion: string;
  /** `goVersion` of /version: the Go the release was built with. */
  readonly goVersion: string;
  /** Where goVersion was read: the module's .go-version (build/build-image/cross/VERSION agrees). */
  readonly goVersionSource: string;
  /** The module every other fact about this release was read from. */
  readonly module: string;
}

const release = (minor: KnownMinor, patch: number, go: string): KubernetesRelease => ({
  minor,
  gitVersion: `v${minor}.${patch}`,
  goVersion: `go${go}`,
  goVersionSource: `k8s.io/kubernetes@v${minor}.${patch}/.go-version`,
  module: `k8s.io/kubernetes@v${minor}.${patch}`,
});

/**
 * The pinned patch of each known minor. Go versions are each module's .go-version (cross-checked
 * with build/build-image/cross/VERSION, e.g. v1.37.0-go1.26.10-bullseye.0). Note 1.34.4 was built
 * with an older Go (1.24.12) than 1.33.13 (1.25.11): patch releases of older minors move Go on later.
 */
export const RELEASES: Readonly<Record<KnownMinor, KubernetesRelease>> = {
  '1.32': release('1.32', 13, '1.24.13'),
  '1.33': release('1.33', 13, '1.25.11'),
  '1.34': release('1.34', 4, '1.24.12'),
  '1.35': release('1.35', 4, '1.25.9'),
  '1.36': release('1.36', 3, '1.26.5'),
  '1.37': release('1.37', 2, '1.26.10'),
};

/** The minors a run may choose: the maintained ones (issue 26) plus legacy 1.32. */
export const SUPPORTED_MINORS = ['1.35', '1.36', '1.37'] as const;
/** Kept selectable so today's scenarios and the v1.32 reference cluster keep working. */
export const LEGACY_MINORS = ['1.32'] as const;

/** A minor a run may choose. */
export type SupportedMinor = (typeof SUPPORTED_MINORS)[number] | (typeof LEGACY_MINORS)[number];

/** The version a run uses when it names none: the newest maintained minor. */
export const DEFAULT_MINOR: SupportedMinor = '1.37';

/** A parsed, supported Kubernetes version: always a pinned release. */
export type KubernetesVersion = KubernetesRelease & { readonly minor: SupportedMinor };

/** Thrown for a version kubespec cannot simulate; the message lists what would be valid. */
export class KubernetesVersionError extends Error {
  constructor(text: string, why: string) {
    super(`"${text}" is not a Kubernetes version kubespec simulates: ${why} (supported: ${supportedList()})`);
    this.name = 'KubernetesVersionError';
  }
}

function supportedList(): string {
  const maintained = SUPPORTED_MINORS.map((m) => `${m} (${RELEASES[m].gitVersion}${m === DEFAULT_MINOR ? ', default' : ''})`);
  const legacy = LEGACY_MINORS.map((m) => `legacy ${m} (${RELEASES[m].gitVersion})`);
  return [...maintained, ...legacy].join(', ');
}

const isSupported = (minor: string): minor is SupportedMinor =>
  (SUPPORTED_MINORS as readonly string[]).includes(minor) || (LEGACY_MINORS as readonly string[]).includes(minor);

/**
 * Parses `1.37`, `v1.37` or `1.37.2` into the pinned release. A patch other than the pinned one is
 * refused rather than silently mapped, since facts are only known for the pinned patch.
 */
export function parseKubernetesVersion(text: string): KubernetesVersion {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new KubernetesVersionError(text, 'expected MAJOR.MINOR or MAJOR.MINOR.PATCH, optionally with a leading v');
  const minor = `${Number(m[1])}.${Number(m[2])}`;
  if (!isSupported(minor)) throw new KubernetesVersionError(text, `minor ${minor} is not simulated`);
  const pinned = RELEASES[minor];
  if (m[3] !== undefined && `v${minor}.${Number(m[3])}` !== pinned.gitVersion) {
    throw new KubernetesVersionError(text, `only patch ${pinned.gitVersion} of ${minor} is modelled`);
  }
  return pinned as KubernetesVersion;
}

/** The release used when no version is named. */
export const defaultKubernetesVersion = (): KubernetesVersion => RELEASES[DEFAULT_MINOR] as KubernetesVersion;

/** Orders minors: negative when a is older than b. */
export function compareMinors(a: KnownMinor, b: KnownMinor): number {
  return KNOWN_MINORS.indexOf(a) - KNOWN_MINORS.indexOf(b);
}
