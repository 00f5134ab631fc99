import { bytes, milliCpu } from '../../kube/quantity.ts';
import type { KubeObject } from '../store/types.ts';
import type { NodeInfo, Resources } from './framework.ts';
import { memoByObject } from '../memo.ts';

/** kube-scheduler's stand-ins for missing requests when scoring (pkg/scheduler/util/pod_resources.go). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

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

function add(a: Resources, b: Resources): Resources {
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
export function podRequests(pod: KubeObject, nonZero = false): Resources {
  return nonZero ? nonZeroRequestsOf(pod) : requestsOf(pod);
}

// Keyed by the spec: a status write shares the stored spec, so a pod's requests are computed
// once per spec, not once per status change.
const NO_SPEC = Object.freeze({});
const requestsOfSpec = memoByObject((spec: any) => computeRequests(spec, false));
const nonZeroRequestsOfSpec = memoByObject((spec: any) => computeRequests(spec, true));
const requestsOf = (pod: KubeObject) => requestsOfSpec(pod.spec ?? NO_SPEC);
const nonZeroRequestsOf = (pod: KubeObject) => nonZeroRequestsOfSpec(pod.spec ?? NO_SPEC);

function computeRequests(spec: any, nonZero: boolean): Resources {
  let apps = emptyResources();
  let inits = emptyResources();
  let sidecars = emptyResources();
  for (const c of spec.containers ?? []) apps = add(apps, fromList(c.resources?.requests, nonZero));
  for (const c of spec.initContainers ?? []) {
    const r = fromList(c.resources?.requests, nonZero);
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, r);
      apps = add(apps, r);
    } else {
      inits = max(inits, add(r, sidecars));
    }
  }
  const total = add(max(apps, inits), fromList(spec.overhead));
  total.pods = 1;
  return total;
}

export const nodeAllocatable = memoByObject(computeAllocatable);

function computeAllocatable(node: KubeObject): Resources {
  const list = node.status?.allocatable ?? node.status?.capacity ?? {};
  const r = fromList(list);
  r.pods = Number(list.pods ?? 110);
  return r;
}

export function hasPodAffinity(pod: KubeObject): boolean {
  const a = pod.spec?.affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

/** Pods that hold resources on a node: bound there and not finished. */
export function holdsResources(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** Builds the NodeInfo of every node from the current pods, at once (the scheduler keeps them up to date instead: NodeInfoCache). */
export function buildNodeInfos(nodes: KubeObject[], pods: KubeObject[]): NodeInfo[] {
  const byName = new Map<string, NodeInfo>();
  for (const node of nodes) {
    byName.set(node.metadata.name, {
      node,
      pods: [],
      podsWithAffinity: [],
      requested: emptyResources(),
      nonZeroRequested: emptyResources(),
      allocatable: nodeAllocatable(node),
    });
  }
  for (const pod of pods) {
    const info = pod.spec?.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    if (!info || !holdsResources(pod)) continue;
    addPod(info, pod);
  }
  return [...byName.values()];
}

/** Accounts a pod on a node (used after binding within one cycle, too). */
export function addPod(info: NodeInfo, pod: KubeObject): void {
  info.pods.push(pod);
  if (hasPodAffinity(pod)) info.podsWithAffinity.push(pod);
  info.requested = add(info.requested, podRequests(pod));
  info.nonZeroRequested = add(info.nonZeroRequested, podRequests(pod, true));
}
