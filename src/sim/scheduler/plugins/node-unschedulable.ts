import { ok, unresolvable, type FilterPlugin } from '../framework.ts';
import { tolerates } from './taint-toleration.ts';

export const NAME = 'NodeUnschedulable';
export const reasonUnschedulable = 'node(s) were unschedulable';

/** Cordoned nodes (spec.unschedulable) take no pods unless the pod tolerates node.kubernetes.io/unschedulable. */
export const nodeUnschedulable = {
  name: NAME,
  filter(pod, info) {
    if (!info.unschedulable) return ok();
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    return (pod.spec?.tolerations ?? []).some((t: any) => tolerates(t, taint)) ? ok() : unresolvable(reasonUnschedulable);
  },
} satisfies FilterPlugin;
