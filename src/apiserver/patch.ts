import { parse as parseYaml } from 'yaml';
import * as jsonPatch from 'fast-json-patch/index.mjs';
import { ApiError, applyConfiguration, checkApplyTypes, jsonMerge, strategicMerge, type KindInfo, type KubeObject, type SimCluster, type WriteOptions } from '../sim/index.ts';
import type { VersionView } from '../sim/store/version-views.ts';
import { jsonBody, type ApiBody } from './api-request.ts';
import type { FieldCheck } from './write-options.ts';
import { getOrThrow, type Key } from './objects.ts';

export const APPLY_PATCH = 'application/apply-patch+yaml';

/**
 * PATCH in the four content types: JSON patch (RFC 6902), JSON merge patch, strategic merge
 * patch and server-side apply. Apply creates a missing object, merges the configuration by the
 * schema's list types, and keeps field ownership (conflicts, pruning: see apply/field-manager.ts).
 */
export function patchObject(cluster: SimCluster, info: KindInfo, view: VersionView, key: Key, type: string, body: ApiBody | undefined, q: URLSearchParams, statusOnly: boolean, options: WriteOptions, fields: FieldCheck): { object: KubeObject; created: boolean } {
  const current = cluster.store.get(info.kind, key);
  if (q.has('force') && type !== APPLY_PATCH) {
    throw new ApiError('Invalid', 422, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  }
  if (type === APPLY_PATCH) {
    if (!q.get('fieldManager')) throw new ApiError('Invalid', 422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    const applied = applyBody(body);
    checkApplyTypes({ ...applied, metadata: { ...applied?.metadata, name: key.name, namespace: key.namespace } });
    const config = view.toStored({ ...applied, metadata: { ...applied.metadata, name: key.name, ...(key.namespace ? { namespace: key.namespace } : {}) } });
    const next = applyConfiguration(current, config, options.writer!, q.get('force') === 'true', info.custom?.versions.find((v) => v.apiVersion === config.apiVersion)?.schema);
    const plain = { ...options, writer: undefined };
    if (!current) {
      const created = cluster.store.create(next, plain);
      cluster.clock.settle();
      return { object: created, created: true };
    }
    return { object: writePatched(cluster, next, current, statusOnly, plain), created: false };
  }
  const stored = current ?? getOrThrow(cluster, info, key);
  const obj = view.toServed(stored);
  const raw = jsonBody(body);
  const patch = type === 'application/json-patch+json' ? raw : fields.patch(raw);
  let next: any;
  if (type === 'application/json-patch+json') {
    if (!Array.isArray(patch)) throw new ApiError('BadRequest', 400, 'the JSON patch must be a list of operations');
    try {
      next = jsonPatch.applyPatch(structuredClone(obj), patch, true, true).newDocument;
    } catch (e) {
      const m = (e as Error).message.split('\n')[0];
      throw new ApiError(/test/i.test(m ?? '') ? 'Invalid' : 'BadRequest', /test/i.test(m ?? '') ? 422 : 400, `the server rejected our request due to an error in our request: ${m}`);
    }
  } else if (type === 'application/merge-patch+json') {
    next = jsonMerge(obj, patch);
  } else if (type === 'application/strategic-merge-patch+json' && !info.custom) {
    next = strategicMerge(obj, patch);
  } else {
    // Custom resources have no patch merge keys, so no strategic merge patch (reference §6).
    const accepted = ['application/json-patch+json', 'application/merge-patch+json', APPLY_PATCH, ...(info.custom ? [] : ['application/strategic-merge-patch+json'])];
    throw new ApiError('UnsupportedMediaType', 415, `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
  }
  return { object: writePatched(cluster, view.toStored(next), stored, statusOnly, options), created: false };
}

/** An apply patch: YAML (JSON is YAML) as text, or the configuration itself in process. */
function applyBody(body: ApiBody | undefined): any {
  if (body && 'object' in body) return body.object;
  try {
    return parseYaml(body?.text ?? '');
  } catch (e) {
    throw new ApiError('BadRequest', 400, `error decoding YAML: ${(e as Error).message}`);
  }
}

/** Writes a patched object: the patch's resourceVersion, if it set one, is a precondition. */
function writePatched(cluster: SimCluster, next: KubeObject, current: KubeObject, statusOnly: boolean, options: WriteOptions): KubeObject {
  const rv = next.metadata?.resourceVersion ?? current.metadata.resourceVersion;
  const candidate = { ...next, metadata: { ...next.metadata, resourceVersion: rv } };
  const out = statusOnly ? cluster.store.updateStatus(candidate, options) : cluster.store.update(candidate, options);
  cluster.clock.settle();
  return out;
}
