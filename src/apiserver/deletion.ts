import { ApiError, apiGroupOf, type DeleteOptions, type KindInfo, type SimCluster, type WriteOptions } from '../sim/index.ts';
import type { VersionView } from '../sim/store/version-views.ts';
import { optionalJsonBody, type ApiBody } from './api-request.ts';
import { selected, type Selection } from './collections.ts';
import { getOrThrow, type Key } from './objects.ts';
import { dryRunOf } from './write-options.ts';

/** DeleteOptions from the body or the query; kubectl sends a delete's dryRun in the body. */
function deleteOptions(body: ApiBody | undefined, q: URLSearchParams, write: WriteOptions): DeleteOptions {
  const options = optionalJsonBody(body) ?? {};
  const dryRun = write.dryRun || dryRunOf(new URLSearchParams((options.dryRun ?? []).map((v: string) => ['dryRun', v])));
  const grace = options.gracePeriodSeconds ?? (q.get('gracePeriodSeconds') !== null ? Number(q.get('gracePeriodSeconds')) : undefined);
  let policy = options.propagationPolicy ?? q.get('propagationPolicy') ?? undefined;
  if (options.orphanDependents === true) policy = 'Orphan';
  if (policy && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw new ApiError('Invalid', 422, `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  return { ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}), ...(policy ? { propagationPolicy: policy } : {}), dryRun };
}

/**
 * DELETE of one object. A graceful deletion answers with the object as it now is; a finished
 * one with a Status. (A dry run removes nothing: it would have removed the object if it returns
 * it unchanged.)
 */
export function deleteOne(cluster: SimCluster, info: KindInfo, view: VersionView, key: Key, body: ApiBody | undefined, q: URLSearchParams, write: WriteOptions): object {
  const options = deleteOptions(body, q, write);
  const before = getOrThrow(cluster, info, key);
  const after = cluster.store.delete(info.kind, key, options);
  cluster.clock.settle();
  const remains = options.dryRun ? after !== before : cluster.store.get(info.kind, key) !== undefined;
  if (remains) return view.toServed(after);
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: key.name, group: apiGroupOf(info.apiVersion), kind: info.plural, uid: after.metadata.uid } };
}

/** DELETE of a collection: every object the selectors pick, answered with the list of them. */
export function deleteCollection(cluster: SimCluster, info: KindInfo, s: Selection, body: ApiBody | undefined, q: URLSearchParams, write: WriteOptions): object {
  const options = deleteOptions(body, q, write);
  const victims = selected(cluster, info, s);
  for (const v of victims) if (cluster.store.get(info.kind, v.metadata)) cluster.store.delete(info.kind, v.metadata, options);
  cluster.clock.settle();
  return { kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata: { resourceVersion: String(cluster.store.currentRevision()) }, items: victims };
}
