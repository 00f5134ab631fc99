import { MAX_NODE_SCORE, ok, unschedulable, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import { podRequests } from '../resources.ts';

export const NAME = 'NodeResourcesFit';
export const reasonTooManyPods = 'Too many pods';
export const reasonInsufficient = (resource: string) => `Insufficient ${resource}`;

/**
 * Filters on requests against allocatable (every insufficient resource is a reason) and scores
 * with the default LeastAllocated strategy over cpu and memory, weight 1 each, using the
 * non-zero request defaults (reference/scheduling.md §5).
 */
export const nodeResourcesFit = {
  name: NAME,
  filter(pod, info) {
    const req = podRequests(pod);
    const reasons: string[] = [];
    if (info.requested.pods + 1 > info.allocatable.pods) reasons.push(reasonTooManyPods);
    if (req.milliCpu > 0 && info.requested.milliCpu + req.milliCpu > info.allocatable.milliCpu) reasons.push(reasonInsufficient('cpu'));
    if (req.memory > 0 && info.requested.memory + req.memory > info.allocatable.memory) reasons.push(reasonInsufficient('memory'));
    if (req.ephemeralStorage > 0 && info.requested.ephemeralStorage + req.ephemeralStorage > info.allocatable.ephemeralStorage) {
      reasons.push(reasonInsufficient('ephemeral-storage'));
    }
    for (const [name, amount] of Object.entries(req.scalar)) {
      if (amount > 0 && (info.requested.scalar[name] ?? 0) + amount > (info.allocatable.scalar[name] ?? 0)) reasons.push(reasonInsufficient(name));
    }
    return reasons.length ? unschedulable(...reasons) : ok();
  },
  score(pod, info) {
    const req = podRequests(pod, true);
    const cpu = leastAllocated(info.nonZeroRequested.milliCpu + req.milliCpu, info.allocatable.milliCpu);
    const mem = leastAllocated(info.nonZeroRequested.memory + req.memory, info.allocatable.memory);
    return Math.trunc((cpu + mem) / 2);
  },
} satisfies FilterPlugin & ScorePlugin;

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}
