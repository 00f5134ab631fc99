import type { KubeObject } from '../drivers/driver.ts';

export const REDACTED = '<redacted>';

/**
 * A copy of an object safe to show in reports and logs: Secret values and the
 * last-applied-configuration annotation (which repeats them) are replaced by `<redacted>`.
 */
export function redact(obj: KubeObject): KubeObject {
  if (obj.kind !== 'Secret') return obj;
  const copy = structuredClone(obj);
  for (const field of ['data', 'stringData'] as const) {
    if (copy[field]) copy[field] = Object.fromEntries(Object.keys(copy[field]).map((k) => [k, REDACTED]));
  }
  const annotations = copy.metadata.annotations;
  if (annotations?.['kubectl.kubernetes.io/last-applied-configuration']) {
    annotations['kubectl.kubernetes.io/last-applied-configuration'] = REDACTED;
  }
  return copy;
}
