import * as jsonPatch from 'fast-json-patch/index.mjs';
import { featureEnabled } from '../kube/kubernetes-versions.ts';
import { ApiError, jsonMerge, strategicMerge, type KindInfo, type KubeObject, type SimCluster, type WriteOptions } from '../sim/index.ts';
import { identityView } from '../sim/store/version-views.ts';
import { jsonBody, type ApiBody, type ApiRequest, type ApiResponse } from './api-request.ts';
import { getOrThrow, methodNotAllowed, objectBody, resourceNotFound, type Key } from './objects.ts';

const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

/**
 * pods/<name>/resize (ResizeREST, k8s.io/kubernetes@v1.37.2 pkg/registry/core/pod/storage/storage.go:404):
 * GET answers the pod; PUT and PATCH (JSON, merge and strategic merge patch) change only its
 * containers' resources and resizePolicy (podResizeStrategy.PrepareForUpdate, dropNonResizeUpdates,
 * pkg/registry/core/pod/strategy.go:386): everything else the client sent, metadata and status
 * included, is the stored pod's. The write goes through the store as a `resize` update, so
 * ValidatePodResize and PodResizeValidator (sim/admission/pod-resize-validation.ts) judge it and
 * a changed spec bumps the pod's generation (updatePodGeneration).
 *
 * Registered only while InPlacePodVerticalScaling is on (pkg/registry/core/rest/storage_core.go:
 * off by default up to 1.32): before, the path is not served at all, a 404 NotFound.
 * Server-side apply through the subresource is not modelled (415).
 */
export function handlePodResize(cluster: SimCluster, info: KindInfo, request: ApiRequest, body: ApiBody | undefined, key: Key, write: WriteOptions): ApiResponse {
  if (!featureEnabled(cluster.version, 'InPlacePodVerticalScaling')) throw resourceNotFound();
  const pod = getOrThrow(cluster, info, key);
  const method = request.method;
  if (method === 'GET') return { status: 200, body: pod, warnings: [] };
  if (method !== 'PUT' && method !== 'PATCH') throw methodNotAllowed(method, 'pods/resize');
  const desired = method === 'PUT' ? putBody(body, info, key) : patched(pod, request.contentType ?? '', body);
  const next = resizeUpdate(desired, pod, featureEnabled(cluster.version, 'InPlacePodLevelResourcesVerticalScaling'));
  const rv = desired.metadata?.resourceVersion || pod.metadata.resourceVersion;
  const updated = cluster.store.update({ ...next, metadata: { ...next.metadata, resourceVersion: rv } }, { ...write, subresource: 'resize' });
  cluster.clock.settle();
  return { status: 200, body: updated, warnings: write.warnings ?? [] };
}

function putBody(body: ApiBody | undefined, info: KindInfo, key: Key): any {
  const obj = objectBody(body, info, identityView(info.apiVersion));
  if (obj.metadata?.name !== key.name) throw new ApiError('BadRequest', 400, `the name of the object (${obj.metadata?.name}) does not match the name on the URL (${key.name})`);
  return obj;
}

function patched(pod: KubeObject, type: string, body: ApiBody | undefined): any {
  const patch = jsonBody(body);
  if (type === 'application/json-patch+json') {
    if (!Array.isArray(patch)) throw new ApiError('BadRequest', 400, 'the JSON patch must be a list of operations');
    try {
      return jsonPatch.applyPatch(structuredClone(pod), patch, true, true).newDocument;
    } catch (e) {
      throw new ApiError('BadRequest', 400, `the server rejected our request due to an error in our request: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (type === 'application/merge-patch+json') return jsonMerge(pod, patch);
  if (type === 'application/strategic-merge-patch+json') return strategicMerge(pod, patch);
  throw new ApiError('UnsupportedMediaType', 415, `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`);
}

/**
 * dropNonResizeUpdates: the stored pod with the desired containers' resources and resizePolicy
 * (and pod-level resources where `podLevel`, InPlacePodLevelResourcesVerticalScaling, is on).
 * A container added, removed, renamed or moved leaves the desired spec as it is, for validation
 * to refuse (validatePodResizeContainerOrdering).
 */
export function resizeUpdate(desired: any, stored: KubeObject, podLevel: boolean): KubeObject {
  const spec = desired?.spec ?? {};
  const merged = (now: any[] | undefined, before: any[] | undefined): any[] | undefined => {
    if (!now?.length) return now ?? before;
    return before!.map((c, i) => {
      const out = { ...c };
      for (const field of ['resources', 'resizePolicy']) {
        if (now[i][field] === undefined) delete out[field];
        else out[field] = now[i][field];
      }
      return out;
    });
  };
  const sameShape = (field: 'containers' | 'initContainers') => {
    const now: any[] = spec[field] ?? [];
    const before: any[] = stored.spec?.[field] ?? [];
    return now.length === before.length && now.every((c, i) => c?.name === before[i].name);
  };
  if (!sameShape('containers') || !sameShape('initContainers')) return { ...stored, spec: { ...stored.spec, containers: spec.containers, initContainers: spec.initContainers } };
  const next: any = { ...stored, spec: { ...stored.spec, containers: merged(spec.containers, stored.spec.containers) } };
  // Pod-level resources come from the client only with InPlacePodLevelResourcesVerticalScaling.
  if (podLevel && spec.resources === undefined) delete next.spec.resources;
  else if (podLevel) next.spec.resources = spec.resources;
  if (stored.spec.initContainers) next.spec.initContainers = merged(spec.initContainers, stored.spec.initContainers);
  return next;
}
