import { bytes, milliCpu } from './quantity.ts';
import type { KubeObject } from './object.ts';
import { memoByObject } from './memo.ts';

// What a pod requests and what a node can allocate, in the units kube-scheduler compares
// (pkg/scheduler/framework/types.go Resource, pkg/api/v1/resource). The simulator's scheduler
// fits pods with these; the placement assertions check any cluster's nodes with the same sums.

/** What these formulas read of a pod or node: its spec and status, so any object's shape will do. */
type SpecAndStatus = Pick<KubeObject, 'spec' | 'status'> & { [field: string]: any };

/** Resources in the units the scheduler compares: millicores, bytes, pod count. */
export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  pods: number;
  /** Extended resources (nvidia.com/gpu, ...), in whole units. */
  scalar: Record<string, number>;
}

/** kube-scheduler's stand-ins for missing requests when scoring (pkg/scheduler/util/pod_resources.go). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

/** Nothing requested: the start of a sum. */
export function emptyResources(): Resources {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} };
}

function fromList(list: Record<string, string | number> | undefined, nonZero = false): Resources {
  const r = emptyResources();
  r.milliCpu = list?.cpu !== undefined ? milliCpu(list.cpu) : nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0;
  r.memory = list?.memory !== undefined ? bytes(list.memory) : nonZero ? DEFAULT_MEMORY_REQUEST : 0;
  r.ephemeralStorage = bytes(list?.['ephemeral-storage']);
  for (const [k, v] of Object.entries(list ?? {})) if (!standard.has(k)) r.scalar[k] = bytes(v);
  return r;
}

/** The sum of two amounts, extended resources included. */
export function addResources(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar };
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = (scalar[k] ?? 0) + v;
  return { milliCpu: a.milliCpu + b.milliCpu, memory: a.memory + b.memory, ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage, pods: a.pods + b.pods, scalar };
}

function max(a: Resources, b: Resources): Resources {
  const scalar = { ...a.scalar };
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = Math.max(scalar[k] ?? 0, v);
  return { milliCpu: Math.max(a.milliCpu, b.milliCpu), memory: Math.max(a.memory, b.memory), ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage), pods: Math.max(a.pods, b.pods), scalar };
}

/**
 * A pod's effective request (reference/scheduling.md §5): the larger of the biggest init
 * container and the sum of app containers plus sidecars, plus pod overhead.
 */
export function podRequests(pod: SpecAndStatus, nonZero = false): Resources {
  return nonZero ? nonZeroRequestsOf(pod) : requestsOf(pod);
}

// Keyed by the spec: a status write shares the stored spec, so a pod's requests are computed
// once per spec, not once per status change.
const NO_SPEC = Object.freeze({});
const requestsOfSpec = memoByObject((spec: any) => computeRequests(spec, false));
const nonZeroRequestsOfSpec = memoByObject((spec: any) => computeRequests(spec, true));
const requestsOf = (pod: SpecAndStatus) => requestsOfSpec(pod.spec ?? NO_SPEC);
const nonZeroRequestsOf = (pod: SpecAndStatus) => nonZeroRequestsOfSpec(pod.spec ?? NO_SPEC);

function computeRequests(spec: any, nonZero: boolean): Resources {
  let apps = emptyResources();
  let inits = emptyResources();
  let sidecars = emptyResources();
  for (const c of spec.containers ?? []) apps = addResources(apps, fromList(c.resources?.requests, nonZero));
  for (const c of spec.initContainers ?? []) {
    const r = fromList(c.resources?.requests, nonZero);
    if (c.restartPolicy === 'Always') {
      sidecars = addResources(sidecars, r);
      apps = addResources(apps, r);
    } else {
      inits = max(inits, addResources(r, sidecars));
    }
  }
  const total = addResources(max(apps, inits), fromList(spec.overhead));
  total.pods = 1;
  return total;
}

/** What a node can allocate (status.allocatable, else capacity); 110 pods when it does not say (the kubelet's default maxPods). */
export const nodeAllocatable = memoByObject(computeAllocatable);

function computeAllocatable(node: SpecAndStatus): Resources {
  const list = node.status?.allocatable ?? node.status?.capacity ?? {};
  const r = fromList(list);
  r.pods = Number(list.pods ?? 110);
  return r;
}

/** Pods that hold resources on a node: bound there and not finished. */
export function holdsResources(pod: SpecAndStatus): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}
