import { canonicalQuantity } from '../../kube/quantity.ts';
import type { AdmissionPlugin } from './admission.ts';

/** Built-in kinds whose quantity fields the API server decodes as resource.Quantity. */
const KINDS = new Set(['Pod', 'PodTemplate', 'ReplicaSet', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob',
  'PersistentVolumeClaim', 'PersistentVolume', 'ResourceQuota', 'LimitRange', 'Node']);

/** Maps of name → quantity, by the key that holds them. */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity', 'allocatable', 'hard', 'used', 'overhead', 'max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']);

/**
 * Quantities come back as the API server stores them: decoding into resource.Quantity and
 * encoding again writes the canonical form ("1000m" → "1", "1024Mi" → "1Gi"). Runs first,
 * as decoding does, so defaults copied from these fields (requests from limits) are canonical too.
 */
export const canonicalQuantities: AdmissionPlugin = {
  name: 'CanonicalQuantities',
  admit({ object }) {
    if (KINDS.has(object.kind)) visit(object);
  },
};

/** A frozen part was taken over from the stored object (the status of an update): canonical already. */
function visit(node: unknown): void {
  if (!node || typeof node !== 'object' || Object.isFrozen(node)) return;
  if (Array.isArray(node)) return node.forEach(visit);
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'metadata') continue;
    if (QUANTITY_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value)) canonicalizeMap(value as Record<string, unknown>);
    else if (key === 'sizeLimit' && (typeof value === 'string' || typeof value === 'number')) (node as Record<string, unknown>)[key] = canonicalQuantity(value) ?? value;
    else visit(value);
  }
}

function canonicalizeMap(map: Record<string, unknown>): void {
  if (Object.isFrozen(map)) return;
  for (const [name, value] of Object.entries(map)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const canonical = canonicalQuantity(value) ?? value;
    if (canonical !== value) map[name] = canonical;
  }
}
