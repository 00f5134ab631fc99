import { apiGroupOf, kindInfo, type KindInfo } from '../sim/index.ts';
import { kubectlShortNames } from '../kube/kinds.ts';
import { alternateVersions } from '../sim/store/version-views.ts';
import { upstreamOpenApi } from '../apiserver/index.ts';
import { defaultKubernetesVersion, featureEnabled, type KubernetesRelease } from '../kube/kubernetes-versions.ts';

/**
 * What the served API advertises: the legacy discovery documents (/api, /apis, one resource list
 * per group version), with short names and subresources as `kubectl api-resources` on v1.32
 * shows them, and a minimal OpenAPI v3 that tells kubectl the server validates fields.
 */
const subresources: Record<string, string[]> = {
  pods: ['status', 'log', 'eviction', 'resize'],
  deployments: ['status', 'scale'], replicasets: ['status', 'scale'], statefulsets: ['status', 'scale'], replicationcontrollers: ['status', 'scale'],
  apiservices: ['status'],
  daemonsets: ['status'], jobs: ['status'], cronjobs: ['status'], services: ['status'], nodes: ['status'],
  namespaces: ['status'], persistentvolumeclaims: ['status'], persistentvolumes: ['status'],
  horizontalpodautoscalers: ['status'], poddisruptionbudgets: ['status'], ingresses: ['status'],
};

const categories: Record<string, string[]> = {
  pods: ['all'], services: ['all'], deployments: ['all'], replicasets: ['all'], statefulsets: ['all'], daemonsets: ['all'],
  jobs: ['all'], cronjobs: ['all'], horizontalpodautoscalers: ['all'], replicationcontrollers: ['all'],
};

function shortNamesOf(k: KindInfo): readonly string[] {
  return k.custom?.shortNames ?? kubectlShortNames[k.plural] ?? [];
}

function categoriesOf(k: KindInfo): readonly string[] {
  return k.custom?.categories ?? categories[k.plural] ?? [];
}

function subresourcesOf(k: KindInfo, release: KubernetesRelease): string[] {
  // pods/resize is registered only while InPlacePodVerticalScaling is on (storage_core.go; on from 1.33).
  if (k.plural === 'pods' && !featureEnabled(release, 'InPlacePodVerticalScaling')) return subresources.pods!.filter((s) => s !== 'resize');
  if (!k.custom) return subresources[k.plural] ?? [];
  return [...(k.custom.statusSubresource ? ['status'] : []), ...(k.custom.scaleSubresource ? ['scale'] : [])];
}

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** A virtual resource: only `create`, answered at once and never stored (access reviews). */
export interface ReviewResource {
  kind: string;
  apiVersion: string;
  plural: string;
}

export const reviewResources: readonly ReviewResource[] = [
  { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', plural: 'selfsubjectaccessreviews' },
  { kind: 'SubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', plural: 'subjectaccessreviews' },
];

function versionOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[1]! : apiVersion;
}

/** The group versions a kind is served at: custom kinds at each served version of their CRD. */
function versionsOf(k: KindInfo): string[] {
  return k.custom ? k.custom.versions.map((v) => v.apiVersion) : [k.apiVersion];
}

/** The stored kind served at `<group>/<version>/<plural>`; `kinds` are the cluster's (built-in and custom). */
export function kindForPath(kinds: readonly KindInfo[], apiVersion: string, plural: string): KindInfo | undefined {
  const alternate = alternateVersions.find((a) => a.apiVersion === apiVersion && a.plural === plural);
  if (alternate) return kindInfo(alternate.kind);
  return kinds.find((k) => k.plural === plural && versionsOf(k).includes(apiVersion));
}

/** The kinds served at a group version: stored there, or converted from another version. */
function servedKinds(kinds: readonly KindInfo[], apiVersion: string): Array<KindInfo & { servedVersion: string }> {
  return [
    ...kinds.filter((k) => versionsOf(k).includes(apiVersion)),
    ...alternateVersions.filter((a) => a.apiVersion === apiVersion).map((a) => kindInfo(a.kind)!),
  ].map((k) => ({ ...k, servedVersion: apiVersion }));
}

export function reviewForPath(apiVersion: string, plural: string): ReviewResource | undefined {
  return reviewResources.find((r) => r.apiVersion === apiVersion && r.plural === plural);
}

function groupVersions(kinds: readonly KindInfo[]): string[] {
  return [...new Set([...kinds.flatMap(versionsOf), ...alternateVersions.map((a) => a.apiVersion), ...reviewResources.map((r) => r.apiVersion)])];
}

/** GET /api */
export function coreVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** GET /apis; `aggregated` are the groups of aggregated API servers (metrics-server). */
export function groupList(kinds: readonly KindInfo[], aggregated: readonly object[] = []): object {
  const byGroup = new Map<string, string[]>();
  for (const gv of groupVersions(kinds).filter((g) => g.includes('/'))) byGroup.set(apiGroupOf(gv), [...(byGroup.get(apiGroupOf(gv)) ?? []), gv]);
  const groups = [...[...byGroup].map(([name, gvs]) => groupDocument(kinds, name, gvs)), ...aggregated];
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** GET /apis/<group> */
export function group(kinds: readonly KindInfo[], name: string): object | undefined {
  const gvs = groupVersions(kinds).filter((g) => apiGroupOf(g) === name && g.includes('/'));
  return gvs.length ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(kinds, name, gvs) } : undefined;
}

/** A group's versions, the stored (newest) one preferred first, as the apiserver lists them. */
function groupDocument(kinds: readonly KindInfo[], name: string, gvs: string[]): { name: string; versions: object[]; preferredVersion: object } {
  const stored = gvs.find((gv) => kinds.some((k) => k.apiVersion === gv)) ?? gvs[0]!;
  const ordered = [stored, ...gvs.filter((g) => g !== stored)].map((gv) => ({ groupVersion: gv, version: versionOf(gv) }));
  return { name, versions: ordered, preferredVersion: ordered[0]! };
}

/** GET /api/v1 or /apis/<group>/<version>; undefined for a group version not served. */
export function resourceList(clusterKinds: readonly KindInfo[], apiVersion: string, release: KubernetesRelease = defaultKubernetesVersion()): object | undefined {
  const kinds = servedKinds(clusterKinds, apiVersion);
  const reviews = reviewResources.filter((r) => r.apiVersion === apiVersion);
  if (!kinds.length && !reviews.length) return undefined;
  const resources: object[] = [];
  for (const k of kinds) {
    resources.push({
      name: k.plural, singularName: k.kind.toLowerCase(), namespaced: k.namespaced, kind: k.kind, verbs: allVerbs,
      ...(shortNamesOf(k).length ? { shortNames: shortNamesOf(k) } : {}),
      ...(categoriesOf(k).length ? { categories: categoriesOf(k) } : {}),
    });
    for (const sub of subresourcesOf(k, release)) {
      const scale = sub === 'scale';
      resources.push({
        name: `${k.plural}/${sub}`, singularName: '', namespaced: k.namespaced,
        ...(scale ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { kind: sub === 'eviction' ? 'Eviction' : k.kind }),
        verbs: sub === 'eviction' ? ['create'] : sub === 'log' ? ['get'] : ['get', 'patch', 'update'],
        ...(sub === 'eviction' ? { group: 'policy', version: 'v1' } : {}),
      });
    }
  }
  for (const r of reviews) resources.push({ name: r.plural, singularName: '', namespaced: false, kind: r.kind, verbs: ['create'] });
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersion, resources };
}

function openApiPathOf(gv: string): string {
  return gv.includes('/') ? `apis/${gv}` : `api/${gv}`;
}

/** GET /openapi/v3: one document per group version. */
export function openApiIndex(kinds: readonly KindInfo[]): object {
  const paths: Record<string, object> = {};
  for (const gv of groupVersions(kinds)) paths[openApiPathOf(gv)] = { serverRelativeURL: `/openapi/v3/${openApiPathOf(gv)}` };
  return { paths };
}

/**
 * GET /openapi/v3/<api|apis/g>/<v>: the upstream release's document for that group version
 * (every schema, so `kubectl explain` works), or, when it cannot be had, the PATCH operation of
 * every kind, carrying what kubectl's query-parameter verifier looks for (the GVK extension and
 * the fieldValidation parameter); kubectl then computes patches from its compiled-in types.
 */
export async function openApiGroupVersion(kinds: readonly KindInfo[], path: string, release: KubernetesRelease = defaultKubernetesVersion()): Promise<object | undefined> {
  const gv = groupVersions(kinds).find((g) => openApiPathOf(g) === path);
  if (!gv) return undefined;
  return (await upstreamOpenApi(path, release)) ?? patchOperations(kinds, gv, release);
}

function patchOperations(kinds: readonly KindInfo[], gv: string, release: KubernetesRelease): object {
  const paths: Record<string, object> = {};
  for (const k of servedKinds(kinds, gv)) {
    const prefix = `/${openApiPathOf(gv)}${k.namespaced ? '/namespaces/{namespace}' : ''}/${k.plural}/{name}`;
    paths[prefix] = {
      patch: {
        operationId: `patch${k.kind}`,
        'x-kubernetes-group-version-kind': { group: apiGroupOf(gv), version: versionOf(gv), kind: k.kind },
        parameters: ['fieldValidation', 'fieldManager', 'dryRun', 'force'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })),
        requestBody: { content: { 'application/merge-patch+json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: release.gitVersion }, paths, components: { schemas: {} } };
}
