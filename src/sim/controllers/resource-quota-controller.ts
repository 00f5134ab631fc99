import type { Clock, Millis } from '../clock.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { apiGroupOf, knownKinds } from '../../kube/kinds.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { formatAmount, usageOf } from '../quota-usage.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/**
 * The resource quota controller (pkg/controller/resourcequota): status.hard mirrors spec.hard and
 * status.used is recomputed from the namespace's objects for every tracked resource. Keyed by quota.
 * A terminating pod is charged until QuotaV1Pod lets it go, and the quota is recounted then.
 */
export class ResourceQuotaController implements Controller {
  readonly name = 'ResourceQuota';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const quota = this.store.get('ResourceQuota', key);
    if (!quota) return {};
    const hard: Record<string, string> = quota.spec?.hard ?? {};
    const totals: Record<string, number> = Object.fromEntries(Object.keys(hard).map((r) => [r, 0]));
    const now = this.clock.now();
    let recount: Millis | undefined;
    for (const info of knownKinds.filter((k) => k.namespaced && k.kind !== 'Event')) {
      const group = apiGroupOf(info.apiVersion);
      for (const obj of this.store.list(info.kind, { namespace: key.namespace })) {
        let usage = usageOf(obj, info.plural, group);
        const stuckAt = obj.kind === 'Pod' ? stuckTerminatingAt(obj) : undefined;
        if (stuckAt !== undefined && now > stuckAt) usage = { 'count/pods': 1 };
        else if (stuckAt !== undefined) recount = Math.min(recount ?? Infinity, stuckAt + 1 - now);
        for (const [r, v] of Object.entries(usage)) if (r in totals) totals[r]! += v;
      }
    }
    const status = { hard: { ...hard }, used: Object.fromEntries(Object.entries(totals).map(([r, v]) => [r, formatAmount(r, v)])) };
    if (JSON.stringify(status) !== JSON.stringify(quota.status ?? {})) this.store.updateStatus({ ...quota, status });
    return recount === undefined ? {} : { requeueAfter: recount };
  }
}

/**
 * QuotaV1Pod (pkg/quota/v1/evaluator/core/pods.go v1.32): a terminating pod is charged until its
 * grace period has passed once more after its deletionTimestamp (one stuck on a lost node should
 * not block new pods); after that only count/pods counts it.
 */
function stuckTerminatingAt(pod: KubeObject): Millis | undefined {
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (!deletionTimestamp || deletionGracePeriodSeconds === undefined) return undefined;
  return Date.parse(deletionTimestamp) + deletionGracePeriodSeconds * 1000;
}
