import { ApiError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { AdmissionPlugin } from './admission.ts';

/** The PriorityClasses every cluster has (reference/scheduling.md §11). */
export const builtInPriorityClasses = [
  { name: 'system-cluster-critical', value: 2_000_000_000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
  { name: 'system-node-critical', value: 2_000_001_000, description: 'Used for system critical pods that must not be moved from their current node.' },
];

/**
 * The Priority admission plugin (plugin/pkg/admission/priority): resolves a pod's
 * priorityClassName (or the globalDefault class) to spec.priority and preemptionPolicy, and
 * refuses an unknown class with the API server's message.
 */
export function priorityAdmission(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'Priority',
    admit({ operation, object }) {
      if (operation !== 'CREATE' || object.kind !== 'Pod' || !object.spec) return;
      const classes = store().list('PriorityClass');
      const name: string | undefined = object.spec.priorityClassName;
      const pc = name ? classes.find((c) => c.metadata.name === name) : classes.find((c) => c.globalDefault);
      if (name && !pc) {
        throw new ApiError('Forbidden', 403, `pods "${object.metadata.name}" is forbidden: no PriorityClass with name ${name} was found`);
      }
      object.spec.priority = pc?.value ?? 0;
      if (pc) object.spec.priorityClassName = pc.metadata.name;
      object.spec.preemptionPolicy ??= pc?.preemptionPolicy ?? 'PreemptLowerPriority';
    },
  };
}
