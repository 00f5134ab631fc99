import { ApiError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { amount } from '../quota-usage.ts';
import { qosClass } from '../qos.ts';
import type { AdmissionPlugin } from './admission.ts';

/** The annotation LimitRanger writes on a pod it gave defaults to (admission.go `limitRangerAnnotation`). */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger, reference/api-machinery.md §8)
 * for Container limits: missing requests and limits get defaultRequest and default (one LimitRange
 * after another, each noting what it set in the `kubernetes.io/limit-ranger` annotation), then min,
 * max and maxLimitRequestRatio are enforced with the plugin's messages (several in brackets).
 */
export function limitRanger(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'LimitRanger',
    admit({ operation, object }) {
      if (operation !== 'CREATE' || object.kind !== 'Pod' || !object.spec) return;
      const ranges = store().list('LimitRange', { namespace: object.metadata.namespace });
      const limits = ranges.flatMap((r) => (r.spec?.limits ?? []).filter((l: any) => (l.type ?? 'Container') === 'Container'));
      if (limits.length === 0) return;
      // Admit (the mutating pass) runs PodMutateLimitFunc once per LimitRange; the pod's own
      // defaulting (a limit without a request gives the request) happened before, in Defaulting.
      let defaulted = false;
      for (const range of ranges) {
        const note = mergePodResourceRequirements(object, containerDefaults(range));
        if (note) (object.metadata.annotations ??= {})[LIMIT_RANGER_ANNOTATION] = note;
        defaulted ||= note !== undefined;
      }
      // The pod strategy's PrepareForCreate sets the QoS class after mutating admission
      // (pkg/registry/core/pod/strategy.go), so it counts the defaults given here.
      if (defaulted && object.status) object.status.qosClass = qosClass(object);
      const errors: string[] = [];
      // PodValidateLimitFunc checks containers, then init containers.
      for (const c of [...(object.spec.containers ?? []), ...(object.spec.initContainers ?? [])]) {
        c.resources ??= {};
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

/**
 * The defaults one LimitRange gives a container (admission.go `defaultContainerResourceRequirements`):
 * `default` and `defaultRequest` of its Container items, a later item overriding an earlier one.
 * The items were defaulted when the LimitRange was stored (SetDefaults_LimitRangeItem, see Defaulting).
 */
function containerDefaults(range: any): { limits: Record<string, string>; requests: Record<string, string> } {
  const limits: Record<string, string> = {}, requests: Record<string, string> = {};
  for (const l of range.spec?.limits ?? []) {
    if ((l.type ?? 'Container') !== 'Container') continue;
    Object.assign(requests, l.defaultRequest ?? {});
    Object.assign(limits, l.default ?? {});
  }
  return { limits, requests };
}

/**
 * Gives each container the limits and requests it lacks, and returns the annotation's text naming
 * what was set, or undefined when nothing was (admission.go `mergePodResourceRequirements` and
 * `mergeContainerResources`, k8s v1.32): containers, then init containers; per container the
 * requests set, then the limits set, resource names sorted, e.g.
 * `LimitRanger plugin set: cpu, memory request for container app; cpu limit for init container setup`.
 */
export function mergePodResourceRequirements(pod: any, defaults: { limits: Record<string, string>; requests: Record<string, string> }): string | undefined {
  const notes: string[] = [];
  const merge = (c: any, prefix: string) => {
    c.resources ??= {};
    const setLimits: string[] = [], setRequests: string[] = [];
    for (const [r, q] of Object.entries(defaults.limits)) {
      if (c.resources.limits?.[r] === undefined) { (c.resources.limits ??= {})[r] = q; setLimits.push(r); }
    }
    for (const [r, q] of Object.entries(defaults.requests)) {
      if (c.resources.requests?.[r] === undefined) { (c.resources.requests ??= {})[r] = q; setRequests.push(r); }
    }
    // Go's sort.Strings: byte order, which is what the default array sort gives for these names.
    if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${c.name}`);
    if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${c.name}`);
  };
  for (const c of pod.spec?.containers ?? []) merge(c, 'container');
  for (const c of pod.spec?.initContainers ?? []) merge(c, 'init container');
  return notes.length ? `LimitRanger plugin set: ${notes.join('; ')}` : undefined;
}
