import { MAX_NODE_SCORE, ok, unschedulable, type FilterPlugin, type Resources, type ScorePlugin } from '../framework.ts';
import { podRequests } from '../../../kube/pod-resources.ts';
import type { KubeObject } from '../../store/types.ts';

/** The pod's requests as filtered (as given) and as scored (with the non-zero defaults), computed once per cycle. */
interface State { req: Resources; nonZero: Resources; scalar: Array<[string, number]> }

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
  prepare(pod: KubeObject): State {
    const req = podRequests(pod);
    return { req, nonZero: podRequests(pod, true), scalar: Object.entries(req.scalar).filter(([, amount]) => amount > 0) };
  },
  filter(_pod: KubeObject, info, s: State) {
    const { req, scalar } = s;
    const { requested, allocatable } = info;
    const pods = requested.pods + 1 > allocatable.pods;
    const cpu = req.milliCpu > 0 && requested.milliCpu + req.milliCpu > allocatable.milliCpu;
    const memory = req.memory > 0 && requested.memory + req.memory > allocatable.memory;
    const storage = req.ephemeralStorage > 0 && requested.ephemeralStorage + req.ephemeralStorage > allocatable.ephemeralStorage;
    // Most pods ask for no extended resources: no array is made for them (this runs per node per pod).
    const short = scalar.length === 0 ? scalar : scalar.filter(([name, amount]) => (requested.scalar[name] ?? 0) + amount > (allocatable.scalar[name] ?? 0));
    if (!pods && !cpu && !memory && !storage && short.length === 0) return ok();
    const reasons: string[] = [];
    if (pods) reasons.push(reasonTooManyPods);
    if (cpu) reasons.push(reasonInsufficient('cpu'));
    if (memory) reasons.push(reasonInsufficient('memory'));
    if (storage) reasons.push(reasonInsufficient('ephemeral-storage'));
    for (const [name] of short) reasons.push(reasonInsufficient(name));
    return unschedulable(...reasons);
  },
  score(_pod: KubeObject, info, s: State) {
    const req = s.nonZero;
    const cpu = leastAllocated(info.nonZeroRequested.milliCpu + req.milliCpu, info.allocatable.milliCpu);
    const mem = leastAllocated(info.nonZeroRequested.memory + req.memory, info.allocatable.memory);
    return Math.trunc((cpu + mem) / 2);
  },
} satisfies FilterPlugin & ScorePlugin;

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}
