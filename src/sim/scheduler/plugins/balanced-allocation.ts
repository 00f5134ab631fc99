import { MAX_NODE_SCORE, type ScorePlugin } from '../framework.ts';
import { podRequests } from '../resources.ts';

export const NAME = 'NodeResourcesBalancedAllocation';

/**
 * Prefers nodes whose cpu and memory fractions stay close after placing the pod:
 * score = (1 - standard deviation of the fractions) * 100 (reference/scheduling.md §5).
 */
export const balancedAllocation = {
  name: NAME,
  score(pod, info) {
    const req = podRequests(pod, true);
    const fractions = [
      fraction(info.nonZeroRequested.milliCpu + req.milliCpu, info.allocatable.milliCpu),
      fraction(info.nonZeroRequested.memory + req.memory, info.allocatable.memory),
    ];
    const mean = (fractions[0]! + fractions[1]!) / 2;
    const std = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) ** 2, 0) / fractions.length);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
} satisfies ScorePlugin;

function fraction(requested: number, capacity: number): number {
  return capacity === 0 ? 1 : Math.min(1, requested / capacity);
}
