import type { Millis } from '../clock.ts';
import { bytes, formatBytes } from '../../kube/quantity.ts';
import type { KubeObject } from '../store/types.ts';
import type { PodRuntime } from './pod-runtime.ts';
import type { ContainerBehavior } from './container-behavior.ts';
import { defaultCapacity } from '../nodes.ts';

/** How often the eviction manager looks (its monitoring interval). */
export const EVICTION_CHECK_INTERVAL: Millis = 10_000;
/** evictionPressureTransitionPeriod: how long a pressure condition stays after the pressure is gone. */
export const PRESSURE_TRANSITION_PERIOD: Millis = 5 * 60_000;

/**
 * One eviction signal the kubelet watches with its default hard threshold, and what it says
 * about it: memory.available<100Mi (MemoryPressure) and nodefs.available<10% (DiskPressure).
 */
export interface PressureSignal {
  condition: 'MemoryPressure' | 'DiskPressure';
  resource: 'memory' | 'ephemeral-storage';
  /** What one running container uses now (0 when unknown). */
  usage(rt: PodRuntime, container: string, now: Millis): number;
  capacity(node: KubeObject): number;
  threshold(node: KubeObject): number;
  /** How the kubelet prints a quantity of this resource in an eviction message. */
  format(n: number): string;
  /** [reason, message, event] of the condition under pressure and without. */
  pressure: [string, string, string];
  relief: [string, string, string];
}

/** What a running container's behavior has grown by now (`uses …` memory, `writes …` disk), or undefined. */
export function grownBy<W extends 'memory' | 'disk'>(rt: PodRuntime, name: string, now: Millis, what: W): NonNullable<ContainerBehavior[W]> | undefined {
  const c = rt.containers.find((x) => x.name === name);
  const growth = c?.state === 'running' ? c.behavior[what] : undefined;
  return growth && now >= c!.startedAt! + growth.after ? (growth as NonNullable<ContainerBehavior[W]>) : undefined;
}

const grown = (what: 'memory' | 'disk') => (rt: PodRuntime, name: string, now: Millis): number => grownBy(rt, name, now, what)?.bytes ?? 0;

export const MEMORY: PressureSignal = {
  condition: 'MemoryPressure',
  resource: 'memory',
  usage: grown('memory'),
  capacity: (node) => bytes(node.status?.capacity?.memory),
  threshold: () => 100 * 1024 * 1024,
  // A working set is rarely a round number: the kubelet's messages show Ki.
  format: (n) => `${Math.floor(n / 1024)}Ki`,
  pressure: ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available', 'NodeHasInsufficientMemory'],
  relief: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available', 'NodeHasSufficientMemory'],
};

export const DISK: PressureSignal = {
  condition: 'DiskPressure',
  resource: 'ephemeral-storage',
  usage: grown('disk'),
  capacity: (node) => bytes(node.status?.capacity?.['ephemeral-storage'] ?? defaultCapacity['ephemeral-storage']),
  threshold: (node) => Math.floor(DISK.capacity(node) / 10),
  format: formatBytes,
  pressure: ['KubeletHasDiskPressure', 'kubelet has disk pressure', 'NodeHasDiskPressure'],
  relief: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure', 'NodeHasNoDiskPressure'],
};

export interface EvictionCandidate {
  pod: KubeObject;
  rt: PodRuntime;
}

const requestOf = (pod: KubeObject, signal: PressureSignal) => (pod.spec?.containers ?? []).reduce((sum: number, c: any) => sum + bytes(c.resources?.requests?.[signal.resource]), 0);
const usageOf = (x: EvictionCandidate, signal: PressureSignal, now: Millis) => (x.pod.spec?.containers ?? []).reduce((sum: number, c: any) => sum + signal.usage(x.rt, c.name, now), 0);

/**
 * The eviction manager's ranking for memory and disk (rankMemoryPressure, rankDiskPressureFunc):
 * pods using more than they requested first, then lower priority, then more usage above the
 * request. BestEffort pods (no request) go first; pods within their requests last.
 */
export function rankForEviction(pods: EvictionCandidate[], signal: PressureSignal, now: Millis): EvictionCandidate[] {
  const key = (x: EvictionCandidate) => {
    const usage = usageOf(x, signal, now);
    const request = requestOf(x.pod, signal);
    return { exceeds: usage > request ? 0 : 1, priority: x.pod.spec?.priority ?? 0, above: usage - request };
  };
  return [...pods].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka.exceeds - kb.exceeds || ka.priority - kb.priority || kb.above - ka.above;
  });
}

/** What is left of the resource on a node: its capacity less what its pods use. */
export function available(node: KubeObject, pods: EvictionCandidate[], signal: PressureSignal, now: Millis): number {
  return signal.capacity(node) - pods.reduce((sum, x) => sum + usageOf(x, signal, now), 0);
}

/** The evicted pod's status message (evictionMessage). */
export function evictionMessage(victim: EvictionCandidate, node: KubeObject, left: number, signal: PressureSignal, now: Millis): string {
  let message = `The node was low on resource: ${signal.resource}. Threshold quantity: ${formatThreshold(node, signal)}, available: ${signal.format(left)}. `;
  for (const c of victim.pod.spec?.containers ?? []) {
    const usage = signal.usage(victim.rt, c.name, now);
    const request = bytes(c.resources?.requests?.[signal.resource]);
    if (usage > request) message += `Container ${c.name} was using ${signal.format(usage)}, request is ${c.resources?.requests?.[signal.resource] ?? '0'}, has larger consumption of ${signal.resource}. `;
  }
  return message;
}

/** The threshold as the kubelet states it: 100Mi for memory, the quantity 10% of the node's disk makes. */
const formatThreshold = (node: KubeObject, signal: PressureSignal) => (signal === MEMORY ? '100Mi' : formatBytes(signal.threshold(node)));
