import { MAX_NODE_SCORE, ok, unresolvable, unschedulable, type FilterPlugin, type Resources, type ScorePlugin } from '../framework.ts';
import { podRequests } from '../../../kube/pod-resources.ts';
import { behaviour } from '../../../kube/kubernetes-versions.ts';
import type { KubeObject } from '../../store/types.ts';

/**
 * The pod's requests as filtered (as given) and as scored (with the non-zero defaults), computed
 * once per cycle, and whether a request beyond a node's whole allocatable is beyond preemption.
 */
interface State { req: Resources; nonZero: Resources; scalar: Array<[string, number]>; beyondIsUnresolvable: boolean }

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
  prepare(pod: KubeObject, ctx): State {
    const req = podRequests(pod);
    const beyondIsUnresolvable = behaviour(ctx.version, 'scheduler.nodeResourcesFit.beyondAllocatableUnresolvable').value;
    return { req, nonZero: podRequests(pod, true), scalar: Object.entries(req.scalar).filter(([, amount]) => amount > 0), beyondIsUnresolvable };
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
    // From 1.34 a request more than the node could ever allocate makes the node one preemption
    // cannot help (fitsRequest's Unresolvable, fit.go v1.34.4:592-654); the pod count never does.
    const beyond = s.beyondIsUnresolvable && ((cpu && req.milliCpu > allocatable.milliCpu) || (memory && req.memory > allocatable.memory)
      || (storage && req.ephemeralStorage > allocatable.ephemeralStorage) || short.some(([name, amount]) => amount > (allocatable.scalar[name] ?? 0)));
    return beyond ? unresolvable(...reasons) : unschedulable(...reasons);
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
