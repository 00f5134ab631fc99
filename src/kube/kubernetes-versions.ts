/**
 * The one place kubespec keeps what differs between Kubernetes releases (issue 26): which release
 * a run simulates, what its /version says, which feature gates are on by default, which APIs a
 * default API server serves, and versioned texts and behaviours. The simulator, serve and the step
 * catalogue ask these functions instead of hard-coding v1.32; adding a minor is adding its data to
 * ./kubernetes-versions/ plus the behaviour that is truly new. Every answer carries its upstream
 * source (a file in the Go module cache, or a CHANGELOG pull request). The catalogue in prose, with
 * what kubespec models, is docs/kubernetes-versions.md.
 *
 * Imports nothing outside src/kube/.
 */
import { BEHAVIOURS, type BehaviourId } from './kubernetes-versions/behaviours.ts';
import { FEATURE_GATES, GATE_LIST_SOURCES, type FeatureGateName, type GateStage } from './kubernetes-versions/feature-gates.ts';
import { ADDED_GROUP_VERSIONS, ADDED_KINDS, BASE_GROUP_VERSIONS, BASE_GROUP_VERSIONS_SOURCE, type GroupVersion } from './kubernetes-versions/served-apis.ts';
import { compareMinors, KNOWN_MINORS, type KnownMinor, type KubernetesRelease } from './kubernetes-versions/versions.ts';

export {
  DEFAULT_MINOR, defaultKubernetesVersion, KNOWN_MINORS, KubernetesVersionError, LEGACY_MINORS, parseKubernetesVersion,
  RELEASES, SUPPORTED_MINORS,
} from './kubernetes-versions/versions.ts';
export type { KnownMinor, KubernetesRelease, KubernetesVersion, SupportedMinor } from './kubernetes-versions/versions.ts';
export { BEHAVIOURS, FEATURE_GATES };
export type { BehaviourId, FeatureGateName, GateStage, GroupVersion };

/** Anything that names a minor: a parsed version or a release. */
type HasMinor = Pick<KubernetesRelease, 'minor'>;

/** A gate's default in one release, and where that was read. */
export interface GateDefault {
  readonly gate: FeatureGateName;
  readonly enabled: boolean;
  /** The gate's stage, or 'removed' when the gate is gone and the feature unconditional (or gone). */
  readonly stage: GateStage | 'removed' | 'absent';
  readonly locked: boolean;
  readonly source: string;
}

/**
 * A gate's default in a release. A gate removed from the release's list is reported as its last
 * state says: a GA gate's feature stays on, a deprecated or alpha one's stays off.
 */
export function gateDefault(version: HasMinor, gate: FeatureGateName): GateDefault {
  const states = FEATURE_GATES[gate].states as Readonly<Record<KnownMinor, unknown>>;
  const source = `${GATE_LIST_SOURCES[version.minor]} (${gate})`;
  const state = states[version.minor];
  if (Array.isArray(state)) {
    return { gate, enabled: state[1] as boolean, stage: state[0] as GateStage, locked: state[2] === 'locked', source };
  }
  if (state === 'absent') return { gate, enabled: false, stage: 'absent', locked: false, source };
  const last = lastListedState(states, version.minor);
  const enabled = last !== undefined && last[0] === 'GA' && last[1] === true;
  return { gate, enabled, stage: 'removed', locked: true, source: `${source}; removed after ${last ? `${last[0]} default ${last[1]}` : 'never listed'}` };
}

function lastListedState(states: Readonly<Record<KnownMinor, unknown>>, before: KnownMinor): readonly [GateStage, boolean] | undefined {
  let found: readonly [GateStage, boolean] | undefined;
  for (const m of KNOWN_MINORS) {
    if (compareMinors(m, before) >= 0) break;
    const s = states[m];
    if (Array.isArray(s)) found = [s[0] as GateStage, s[1] as boolean];
  }
  return found;
}

/** Whether a gate's feature is on by default in a release (`featureEnabled(v, 'SidecarContainers')`). */
export const featureEnabled = (version: HasMinor, gate: FeatureGateName): boolean => gateDefault(version, gate).enabled;

/** The first known minor in which a gate's feature is on by default, or undefined if none is. */
export function enabledSince(gate: FeatureGateName): KnownMinor | undefined {
  return KNOWN_MINORS.find((minor) => featureEnabled({ minor }, gate));
}

/** The gates whose default differs between two releases, oldest-first order of names kept. */
export function gateDefaultChanges(from: HasMinor, to: HasMinor): { gate: FeatureGateName; from: boolean; to: boolean }[] {
  const out: { gate: FeatureGateName; from: boolean; to: boolean }[] = [];
  for (const gate of Object.keys(FEATURE_GATES) as FeatureGateName[]) {
    const a = featureEnabled(from, gate);
    const b = featureEnabled(to, gate);
    if (a !== b) out.push({ gate, from: a, to: b });
  }
  return out;
}

/** The stable group versions a default API server of the release serves, with the source. */
export function servedGroupVersions(version: HasMinor): { groupVersions: GroupVersion[]; source: string } {
  const added = ADDED_GROUP_VERSIONS.filter((c) => compareMinors(c.since, version.minor) <= 0);
  return {
    groupVersions: [...BASE_GROUP_VERSIONS, ...added.map((c) => c.groupVersion)],
    source: [BASE_GROUP_VERSIONS_SOURCE, ...added.map((c) => c.source)].join('; '),
  };
}

/**
 * Whether a default API server of the release serves a group version (`'resource.k8s.io/v1'`,
 * `'v1'` for core). Beta and alpha group versions are never served by default in 1.32-1.37.
 */
export const servesGroupVersion = (version: HasMinor, groupVersion: GroupVersion): boolean =>
  servedGroupVersions(version).groupVersions.includes(groupVersion);

/**
 * Whether a default API server of the release serves a kind that was added to a group version
 * after 1.32 (its group version served, the kind registered, its gate on). Kinds that exist in
 * every known release (Pod, Deployment, ...) are not listed and answer true when their group
 * version is served.
 */
export function servesKind(version: HasMinor, groupVersion: GroupVersion, kind: string): boolean {
  if (!servesGroupVersion(version, groupVersion)) return false;
  const fact = ADDED_KINDS.find((k) => k.groupVersion === groupVersion && k.kind === kind);
  if (!fact) return true;
  return compareMinors(fact.since, version.minor) <= 0 && featureEnabled(version, fact.gate);
}

/** A versioned behaviour's value in a release, and the change it comes from. */
export function behaviour<Id extends BehaviourId>(version: HasMinor, id: Id): { value: (typeof BEHAVIOURS)[Id]['changes'][number]['value']; since: KnownMinor; source: string } {
  const changes = BEHAVIOURS[id].changes as readonly { since: KnownMinor; value: unknown; source: string }[];
  let current = changes[0];
  for (const c of changes) if (compareMinors(c.since, version.minor) <= 0) current = c;
  if (!current) throw new Error(`behaviour ${id} has no values`);
  return current as { value: (typeof BEHAVIOURS)[Id]['changes'][number]['value']; since: KnownMinor; source: string };
}

/** The body of GET /version, as kube-apiserver of the release serves it (buildDate/gitCommit are kubespec's). */
export function versionInfo(version: KubernetesRelease, build: { gitCommit: string; buildDate: string; platform: string }): Record<string, string> {
  const minor = version.minor.split('.')[1] ?? '';
  const compat: Record<string, string> = behaviour(version, 'version.compatibilityFields').value
    ? { emulationMajor: '1', emulationMinor: minor, minCompatibilityMajor: '1', minCompatibilityMinor: String(Number(minor) - 1) }
    : {};
  return {
    major: '1', minor, ...compat, gitVersion: version.gitVersion, gitCommit: build.gitCommit, gitTreeState: 'clean',
    buildDate: build.buildDate, goVersion: version.goVersion, compiler: 'gc', platform: build.platform,
  };
}

/** kubectl's supported skew to the server, in minors (staging kubectl pkg/cmd/version/skew_warning.go). */
export const KUBECTL_SUPPORTED_MINOR_SKEW = 1;

/**
 * The warning `kubectl version` prints (to stderr, prefixed "Warning: ") when client and server
 * minors differ by more than one, or undefined within the skew. Same text in kubectl 0.32-0.37.
 */
export function kubectlSkewWarning(client: { major: number; minor: number }, server: { major: number; minor: number }): string | undefined {
  if (client.major === server.major && Math.abs(client.minor - server.minor) <= KUBECTL_SUPPORTED_MINOR_SKEW) return undefined;
  return `version difference between client (${client.major}.${client.minor}) and server (${server.major}.${server.minor}) exceeds the supported minor version skew of +/-${KUBECTL_SUPPORTED_MINOR_SKEW}`;
}
