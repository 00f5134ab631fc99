/**
 * The kinds the simulator serves, with their API group/version, plural and scope, as
 * `kubectl api-resources` on v1.32 lists them. A kind not listed here is refused the way the
 * API server refuses it: `no matches for kind "X" in version "v"`.
 */
import { servesKind, type KubernetesRelease } from './kubernetes-versions.ts';
import { ADDED_KINDS } from './kubernetes-versions/served-apis.ts';

export interface KindInfo {
  kind: string;
  apiVersion: string;
  plural: string;
  namespaced: boolean;
  /**
   * What bumps metadata.generation: a spec change (workloads, most kinds with a spec), any change
   * outside metadata plus label changes (EndpointSlice, which has no spec), or nothing.
   */
  generation: 'spec' | 'content' | false;
  /** Set for kinds a CustomResourceDefinition defines; see custom-kinds.ts. */
  custom?: CustomKind;
}

/** What a CustomResourceDefinition tells the API server about its kind. */
export interface CustomKind {
  /** The CRD's name, `<plural>.<group>`. */
  definition: string;
  /** The served versions (`group/version`), each with its OpenAPI v3 schema. */
  versions: ReadonlyArray<{ apiVersion: string; schema?: unknown }>;
  statusSubresource: boolean;
  scaleSubresource?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  shortNames: readonly string[];
  categories: readonly string[];
}

const table: Array<[kind: string, apiVersion: string, plural: string, namespaced: boolean, generation: KindInfo['generation']]> = [
  ['Namespace', 'v1', 'namespaces', false, false],
  ['Node', 'v1', 'nodes', false, false],
  ['Pod', 'v1', 'pods', true, false],
  ['Service', 'v1', 'services', true, false],
  ['Endpoints', 'v1', 'endpoints', true, false],
  ['ConfigMap', 'v1', 'configmaps', true, false],
  ['Secret', 'v1', 'secrets', true, false],
  ['ServiceAccount', 'v1', 'serviceaccounts', true, false],
  ['PersistentVolume', 'v1', 'persistentvolumes', false, false],
  ['PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', true, false],
  ['ResourceQuota', 'v1', 'resourcequotas', true, false],
  ['LimitRange', 'v1', 'limitranges', true, false],
  ['Event', 'v1', 'events', true, false],
  ['Deployment', 'apps/v1', 'deployments', true, 'spec'],
  ['ReplicaSet', 'apps/v1', 'replicasets', true, 'spec'],
  ['ReplicationController', 'v1', 'replicationcontrollers', true, 'spec'],
  ['StatefulSet', 'apps/v1', 'statefulsets', true, 'spec'],
  ['DaemonSet', 'apps/v1', 'daemonsets', true, 'spec'],
  ['ControllerRevision', 'apps/v1', 'controllerrevisions', true, false],
  ['Job', 'batch/v1', 'jobs', true, 'spec'],
  ['CronJob', 'batch/v1', 'cronjobs', true, 'spec'],
  ['EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices', true, 'content'],
  ['Ingress', 'networking.k8s.io/v1', 'ingresses', true, 'spec'],
  ['IngressClass', 'networking.k8s.io/v1', 'ingressclasses', false, 'spec'],
  ['NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies', true, 'spec'],
  ['StorageClass', 'storage.k8s.io/v1', 'storageclasses', false, false],
  // The HPA strategy (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go) never sets a generation.
  ['HorizontalPodAutoscaler', 'autoscaling/v2', 'horizontalpodautoscalers', true, false],
  ['PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets', true, 'spec'],
  ['PriorityClass', 'scheduling.k8s.io/v1', 'priorityclasses', false, false],
  ['Role', 'rbac.authorization.k8s.io/v1', 'roles', true, false],
  ['ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', false, false],
  ['RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings', true, false],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', false, false],
  ['Lease', 'coordination.k8s.io/v1', 'leases', true, false],
  ['CustomResourceDefinition', 'apiextensions.k8s.io/v1', 'customresourcedefinitions', false, 'spec'],
  ['APIService', 'apiregistration.k8s.io/v1', 'apiservices', false, false],
];

const byKind = new Map<string, KindInfo>(
  table.map(([kind, apiVersion, plural, namespaced, generation]) => [
    kind, { kind, apiVersion, plural, namespaced, generation },
  ]),
);

/** The API group of an apiVersion: "apps/v1" → "apps", "v1" → "" (the core group). */
export function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** All known kinds, in the order above. */
export const knownKinds: readonly KindInfo[] = [...byKind.values()];

/** The namespaced ones among the kinds later releases added (served-apis.ts ADDED_KINDS). */
const NAMESPACED_ADDED_KINDS = new Set(['ResourceClaim', 'ResourceClaimTemplate', 'PodCertificateRequest']);
/**
 * Added kinds whose objects the API server itself creates (the default ServiceCIDR, an IPAddress
 * per ClusterIP): serving them empty would contradict a real cluster, so the simulator does not.
 */
const POPULATED_BY_THE_API_SERVER = new Set(['ServiceCIDR', 'IPAddress']);

/**
 * The kinds a release serves beyond the table above, from the versioned data (`servesKind`):
 * MutatingAdmissionPolicy from 1.36, ClusterTrustBundle from 1.37, ... The simulator stores them
 * and serves them in discovery, but no component acts on them (a MutatingAdmissionPolicy mutates
 * nothing): they exist so that a scenario can see which release serves what.
 */
export function releaseKinds(version: Pick<KubernetesRelease, 'minor'>): KindInfo[] {
  return ADDED_KINDS
    .filter((k) => !POPULATED_BY_THE_API_SERVER.has(k.kind) && servesKind(version, k.groupVersion, k.kind))
    .map((k) => ({ kind: k.kind, apiVersion: k.groupVersion, plural: k.resource, namespaced: NAMESPACED_ADDED_KINDS.has(k.kind), generation: 'spec' as const }));
}

/** The info for `kind`, or undefined. Lookup is exact: Kubernetes kinds are case-sensitive. */
export function kindInfo(kind: string): KindInfo | undefined {
  return byKind.get(kind);
}

/**
 * Resolves a kind as a person writes it in a step ("pod", "Pod", "statefulset", "pods", "sts"
 * is not accepted: kubectl short names stay in kubectl) to its canonical name.
 */
export function canonicalKind(word: string): string | undefined {
  const lower = word.toLowerCase();
  for (const info of byKind.values()) {
    if (info.kind.toLowerCase() === lower || info.plural === lower) return info.kind;
  }
  return undefined;
}

/** kubectl's short names of the built-in resources, by plural, as `kubectl api-resources` on v1.32 lists them. */
export const kubectlShortNames: Readonly<Record<string, readonly string[]>> = {
  pods: ['po'], services: ['svc'], nodes: ['no'], namespaces: ['ns'], configmaps: ['cm'], serviceaccounts: ['sa'],
  persistentvolumes: ['pv'], persistentvolumeclaims: ['pvc'], endpoints: ['ep'], events: ['ev'], resourcequotas: ['quota'],
  limitranges: ['limits'], deployments: ['deploy'], replicasets: ['rs'], replicationcontrollers: ['rc'], statefulsets: ['sts'], daemonsets: ['ds'],
  cronjobs: ['cj'], ingresses: ['ing'], networkpolicies: ['netpol'], storageclasses: ['sc'], horizontalpodautoscalers: ['hpa'],
  poddisruptionbudgets: ['pdb'], priorityclasses: ['pc'], customresourcedefinitions: ['crd', 'crds'],
};

/**
 * The kind a resource word names as kubectl takes it: a kind, plural or short name in any case,
 * with or without its group (`storageclasses.storage.k8s.io`) or a name after it (`node/worker-1`).
 */
export function kindOfResourceWord(word: string): KindInfo | undefined {
  const resource = word.split('/')[0]!.split('.')[0]!.toLowerCase();
  const canonical = canonicalKind(resource);
  if (canonical) return kindInfo(canonical);
  const plural = Object.entries(kubectlShortNames).find(([, short]) => short.includes(resource))?.[0];
  return plural ? knownKinds.find((k) => k.plural === plural) : undefined;
}
