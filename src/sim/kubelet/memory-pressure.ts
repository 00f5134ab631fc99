import type { Millis } from '../clock.ts';
import { bytes } from '../quantity.ts';
import type { KubeObject } from '../store/types.ts';
import type { PodRuntime } from './pod-runtime.ts';

/** The default hard eviction threshold on Linux: memory.available<100Mi. */
export const MEMORY_AVAILABLE_THRESHOLD = 100 * 1024 * 1024;
/** How often the eviction manager looks (its monitoring interval). */
export const EVICTION_CHECK_INTERVAL: Millis = 10_000;
/** evictionPressureTransitionPeriod: how long a pressure condition stays after the pressure is gone. */
export const PRESSURE_TRANSITION_PERIOD: Millis = 5 * 60_000;

/** What one container of a pod uses now: its behavior's memory once it has grown (0 before, or unknown). */
export function containerMemory(rt: PodRuntime, name: string, now: Millis): number {
  const c = rt.containers.find((x) => x.name === name);
  if (!c || c.state !== 'running' || !c.behavior.memory) return 0;
  return now >= c.startedAt! + c.behavior.memory.after ? c.behavior.memory.bytes : 0;
}

export interface MemoryCandidate {
  pod: KubeObject;
  rt: PodRuntime;
}

const memoryRequest = (pod: KubeObject) => (pod.spec?.containers ?? []).reduce((sum: number, c: any) => sum + bytes(c.resources?.requests?.memory), 0);
const usageOf = (x: MemoryCandidate, now: Millis) => (x.pod.spec?.containers ?? []).reduce((sum: number, c: any) => sum + containerMemory(x.rt, c.name, now), 0);

/**
 * The eviction manager's memory ranking (rankMemoryPressure): pods using more than they
 * requested first, then lower priority, then more usage above the request. BestEffort pods
 * (no request) go first; Guaranteed and Burstable pods within their requests last.
 */
export function rankForMemoryEviction(pods: MemoryCandidate[], now: Millis): MemoryCandidate[] {
  const key = (x: MemoryCandidate) => {
    const usage = usageOf(x, now);
    const request = memoryRequest(x.pod);
    return { exceeds: usage > request ? 0 : 1, priority: x.pod.spec?.priority ?? 0, above: usage - request };
  };
  return [...pods].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka.exceeds - kb.exceeds || ka.priority - kb.priority || kb.above - ka.above;
  });
}

/** The available memory of a node: its capacity less what its pods use. */
export function availableMemory(node: KubeObject, pods: MemoryCandidate[], now: Millis): number {
  return bytes(node.status?.capacity?.memory) - pods.reduce((sum, x) => sum + usageOf(x, now), 0);
}

/** The evicted pod's status message (evictionMessage), quantities in Ki as the kubelet prints them. */
export function evictionMessage(victim: MemoryCandidate, available: number, now: Millis): string {
  const ki = (n: number) => `${Math.floor(n / 1024)}Ki`;
  let message = `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${ki(available)}. `;
  for (const c of victim.pod.spec?.containers ?? []) {
    const usage = containerMemory(victim.rt, c.name, now);
    const request = bytes(c.resources?.requests?.memory);
    if (usage > request) message += `Container ${c.name} was using ${ki(usage)}, request is ${c.resources?.requests?.memory ?? '0'}, has larger consumption of memory. `;
  }
  return message;
}
