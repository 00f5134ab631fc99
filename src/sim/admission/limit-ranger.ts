import { ApiError } from '../store/errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { amount } from '../quota-usage.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger, reference/api-machinery.md §8)
 * for Container limits: missing requests and limits get defaultRequest and default, then min, max
 * and maxLimitRequestRatio are enforced with the plugin's messages (several in brackets).
 */
export function limitRanger(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'LimitRanger',
    admit({ operation, object }) {
      if (operation !== 'CREATE' || object.kind !== 'Pod' || !object.spec) return;
      const ranges = store().list('LimitRange', { namespace: object.metadata.namespace });
      const limits = ranges.flatMap((r) => (r.spec?.limits ?? []).filter((l: any) => (l.type ?? 'Container') === 'Container'));
      if (limits.length === 0) return;
      const errors: string[] = [];
      for (const c of [...(object.spec.initContainers ?? []), ...(object.spec.containers ?? [])]) {
        c.resources ??= {};
        for (const l of limits) {
          for (const [r, q] of Object.entries<string>(l.defaultRequest ?? {})) if (c.resources.requests?.[r] === undefined && c.resources.limits?.[r] === undefined) (c.resources.requests ??= {})[r] = q;
          for (const [r, q] of Object.entries<string>(l.default ?? {})) if (c.resources.limits?.[r] === undefined) (c.resources.limits ??= {})[r] = q;
        }
        // A limit without a request makes the request equal the limit (core defaulting).
        for (const [r, q] of Object.entries<string>(c.resources.limits ?? {})) if (c.resources.requests?.[r] === undefined) (c.resources.requests ??= {})[r] = q;
        for (const l of limits) {
          for (const [r, q] of Object.entries<string>(l.min ?? {})) {
            const req = c.resources.requests?.[r];
            if (req === undefined) errors.push(`minimum ${r} usage per Container is ${q}.  No request is specified`);
            else if (amount(r, req) < amount(r, q)) errors.push(`minimum ${r} usage per Container is ${q}, but request is ${req}`);
          }
          for (const [r, q] of Object.entries<string>(l.max ?? {})) {
            const lim = c.resources.limits?.[r];
            if (lim === undefined) errors.push(`maximum ${r} usage per Container is ${q}.  No limit is specified`);
            else if (amount(r, lim) > amount(r, q)) errors.push(`maximum ${r} usage per Container is ${q}, but limit is ${lim}`);
          }
          for (const [r, q] of Object.entries<string>(l.maxLimitRequestRatio ?? {})) {
            const req = c.resources.requests?.[r], lim = c.resources.limits?.[r];
            if (req === undefined || amount(r, req) === 0) errors.push(`${r} max limit to request ratio per Container is ${q}, but no request is specified or request is 0`);
            else if (lim !== undefined && amount(r, lim) / amount(r, req) > Number(q)) errors.push(`${r} max limit to request ratio per Container is ${q}, but provided ratio is ${(amount(r, lim) / amount(r, req)).toFixed(6)}`);
          }
        }
      }
      if (errors.length) {
        throw new ApiError('Forbidden', 403, `pods "${object.metadata.name}" is forbidden: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`);
      }
    },
  };
}
