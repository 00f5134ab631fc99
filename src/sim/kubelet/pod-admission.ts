import type { Millis } from '../clock.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import type { ContainerBehavior } from './container-behavior.ts';
import type { ContainerRuntime, PodRuntime } from './pod-runtime.ts';
import { MIRROR_ANNOTATION } from './static-pods.ts';
import { timings } from './timings.ts';

/** What the kubelet knows a pod by: its uid, or for a mirror pod the static pod's config hash. */
export function identity(pod: KubeObject): string {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] ?? pod.metadata.uid;
}

/**
 * The runtime of a pod the kubelet has just admitted: its sandbox on the way (timings.sandbox),
 * its address, and every container waiting with the kubelet's default reason (kubelet_pods.go:
 * PodInitializing when the pod has init containers, else ContainerCreating). `behavior` says
 * what each container's process will do (container-behavior.ts).
 */
export function admittedRuntime(pod: KubeObject, now: Millis, podIP: string, outagesSeen: number, behavior: (c: any, init: boolean) => ContainerBehavior): PodRuntime {
  const waitingReason = pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  const toRuntime = (c: any, init: boolean): ContainerRuntime => ({
    name: c.name,
    image: c.image,
    init,
    sidecar: init && c.restartPolicy === 'Always',
    behavior: behavior(c, init),
    state: 'waiting',
    waitingReason,
    restartCount: 0,
    pulled: false,
  });
  const mirrorOf = pod.metadata.annotations?.[MIRROR_ANNOTATION];
  return {
    uid: identity(pod),
    ...(mirrorOf !== undefined ? { staticPodNode: pod.spec.nodeName as string } : {}),
    sandboxReadyAt: now + timings.sandbox,
    podIP,
    startTime: now,
    containers: [
      ...(pod.spec.initContainers ?? []).map((c: any) => toRuntime(c, true)),
      ...(pod.spec.containers ?? []).map((c: any) => toRuntime(c, false)),
    ],
    terminating: false,
    outagesSeen,
  };
}

/** Pod and node addresses: each node hands out its pod CIDR's addresses in order. */
export class PodAddresses {
  private readonly nextIp = new Map<string, number>();

  constructor(private readonly store: ObjectStore) {}

  /** A node's InternalIP (a hostNetwork pod's address, the resolver behind dnsPolicy Default). */
  nodeAddress(node: string): string {
    return this.store.get('Node', { name: node })?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address ?? '';
  }

  /** The next address of the node's pod CIDR; a hostNetwork pod has the node's own address. */
  newPodIp(pod: KubeObject): string {
    const node: string = pod.spec.nodeName;
    if (pod.spec.hostNetwork) return this.nodeAddress(node);
    const n = (this.nextIp.get(node) ?? 1) + 1;
    this.nextIp.set(node, n);
    const cidr: string = this.store.get('Node', { name: node })?.spec?.podCIDR ?? '10.244.0.0/24';
    return `${cidr.slice(0, cidr.lastIndexOf('.'))}.${n}`;
  }
}
