import { MAX_NODE_SCORE, type Resources, type ScorePlugin } from '../framework.ts';
import { podRequests } from '../../../kube/pod-resources.ts';
import type { KubeObject } from '../../store/types.ts';

export const NAME = 'NodeResourcesBalancedAllocation';

/**
 * Prefers nodes whose cpu and memory fractions stay close after placing the pod:
 * score = (1 - standard deviation of the fractions) * 100 (reference/scheduling.md §5).
 */
export const balancedAllocation = {
  name: NAME,
  // NewBalancedAllocation (noderesources/balanced_allocation.go) sets useRequested: true, so
  // calculateResourceAllocatableRequest (resource_allocation.go) reads the node's Requested and the
  // pod's own requests, without the non-zero defaults (100m, 200Mi) that LeastAllocated adds.
  prepare(pod: KubeObject): Resources {
    return podRequests(pod, false);
  },
  score(_pod: KubeObject, info, req: Resources) {
    const cpu = fraction(info.requested.milliCpu + req.milliCpu, info.allocatable.milliCpu);
    const memory = fraction(info.requested.memory + req.memory, info.allocatable.memory);
    // The standard deviation of two fractions is half their distance.
    const std = Math.abs(cpu - memory) / 2;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
} satisfies ScorePlugin;

function fraction(requested: number, capacity: number): number {
  return capacity === 0 ? 1 : Math.min(1, requested / capacity);
}
