import type { ObjectStore } from '../store/object-store.ts';
import { apiGroupOf, knownKinds } from '../../kube/kinds.ts';
import type { ObjectKey } from '../store/types.ts';
import { formatAmount, usageOf } from '../quota-usage.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/**
 * The resource quota controller (pkg/controller/resourcequota): status.hard mirrors spec.hard and
 * status.used is recomputed from the namespace's objects for every tracked resource. Keyed by quota.
 */
export class ResourceQuotaController implements Controller {
  readonly name = 'ResourceQuota';

  constructor(private readonly store: ObjectStore) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const quota = this.store.get('ResourceQuota', key);
    if (!quota) return {};
    const hard: Record<string, string> = quota.spec?.hard ?? {};
    const totals: Record<string, number> = Object.fromEntries(Object.keys(hard).map((r) => [r, 0]));
    for (const info of knownKinds.filter((k) => k.namespaced && k.kind !== 'Event')) {
      const group = apiGroupOf(info.apiVersion);
      for (const obj of this.store.list(info.kind, { namespace: key.namespace })) {
        if (obj.kind === 'Pod' && obj.metadata.deletionTimestamp) continue;
        for (const [r, v] of Object.entries(usageOf(obj, info.plural, group))) if (r in totals) totals[r]! += v;
      }
    }
    const status = { hard: { ...hard }, used: Object.fromEntries(Object.entries(totals).map(([r, v]) => [r, formatAmount(r, v)])) };
    if (JSON.stringify(status) !== JSON.stringify(quota.status ?? {})) this.store.updateStatus({ ...quota, status });
    return {};
  }
}
