import { ApiError, qualifiedResource } from '../../kube/api-errors.ts';
import { apiGroupOf } from '../../kube/kinds.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { amount, formatAmount, missingForQuota, usageOf } from '../quota-usage.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * ResourceQuota admission (reference/api-machinery.md §8): a new object whose charge would take
 * any quota of its namespace over `hard` is refused (403) naming the exceeded resources, their
 * request, current use and limit; a pod that leaves out a request or limit a quota tracks is
 * refused with "must specify". The charge is added to status.used at once, as the API server does.
 */
export function resourceQuotaAdmission(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    admit({ operation, object, old, info, dryRun, subresource }) {
      // A resize is charged too, by what it adds (podEvaluator.Handles "resize"; checkRequest's delta).
      const resize = operation === 'UPDATE' && subresource === 'resize' && old !== undefined;
      if ((operation !== 'CREATE' && !resize) || !info.namespaced || object.kind === 'Event') return;
      const quotas = store().list('ResourceQuota', { namespace: object.metadata.namespace });
      if (quotas.length === 0) return;
      const group = apiGroupOf(info.apiVersion);
      const charge = resize ? addedUsage(usageOf(object, info.plural, group), usageOf(old!, info.plural, group)) : usageOf(object, info.plural, group);
      const subject = `${qualifiedResource(info.plural, group)} "${object.metadata.name}"`;
      for (const q of quotas) {
        const hard: Record<string, string> = q.spec?.hard ?? {};
        if (object.kind === 'Pod') {
          const missing = missingForQuota(object, Object.keys(hard));
          if (missing) throw new ApiError('Forbidden', 403, `${subject} is forbidden: failed quota: ${q.metadata.name}: must specify ${missing}`);
        }
        const exceeded = Object.keys(hard).filter((r) => charge[r] !== undefined && charge[r]! > 0)
          .filter((r) => (q.status?.used?.[r] !== undefined ? amount(r, q.status.used[r]) : 0) + charge[r]! > amount(r, hard[r]!))
          .sort();
        if (exceeded.length) {
          const list = (f: (r: string) => string) => exceeded.map((r) => `${r}=${f(r)}`).join(',');
          throw new ApiError('Forbidden', 403, `${subject} is forbidden: exceeded quota: ${q.metadata.name}, requested: ${list((r) => formatAmount(r, charge[r]!))}, used: ${list((r) => formatAmount(r, q.status?.used?.[r] !== undefined ? amount(r, q.status.used[r]) : 0))}, limited: ${list((r) => hard[r]!)}`);
        }
      }
      // Charge every quota now, so objects admitted right after see this one (the controller recounts later).
      if (dryRun) return;
      for (const q of quotas) {
        const used: Record<string, string> = { ...(q.status?.used ?? {}) };
        let changed = false;
        for (const r of Object.keys(q.spec?.hard ?? {})) {
          if (!charge[r]) continue;
          used[r] = formatAmount(r, (used[r] !== undefined ? amount(r, used[r]) : 0) + charge[r]!);
          changed = true;
        }
        if (changed) store().updateStatus({ ...q, status: { hard: { ...(q.spec?.hard ?? {}) }, used } });
      }
    },
  };
}

/** What an update adds to each resource's use (quota.SubtractWithNonNegativeResult): never below zero. */
function addedUsage(now: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(now).map(([r, n]) => [r, Math.max(0, n - (before[r] ?? 0))]));
}
