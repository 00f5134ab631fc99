import type { Millis } from '../clock.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import { SELECTED_NODE } from '../controllers/persistent-volume-controller.ts';
import { findMatchingVolume } from '../controllers/volume-matching.ts';

/** The volume binder polls the claims every second (wait.PollUntilContextTimeout, immediate=false). */
export const POLL_INTERVAL: Millis = 1_000;
/** kube-scheduler's default bindTimeoutSeconds (VolumeBindingArgs, pkg/scheduler/apis/config/v1/defaults.go). */
export const BIND_TIMEOUT: Millis = 600_000;
/** What the framework writes when VolumeBinding's PreBind gives up (framework/runtime/framework.go, binder.go). */
export const bindTimeoutMessage = 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded';

/** Where a pod waiting in PreBind stands. */
export type PreBindState = { kind: 'bound'; nodeName: string } | { kind: 'waiting'; nodeName: string; retryIn: Millis } | { kind: 'timedOut' };

/**
 * VolumeBinding's PreBind (pkg/scheduler/framework/plugins/volumebinding/binder.go, BindPodVolumes):
 * after a node is chosen, the pod's unbound delayed-binding claims are annotated with that node
 * (bindAPIUpdate), and the pod is bound only once every claim is Bound (checkBindings, polled every
 * second for up to bindTimeout). Until then the pod has no node, and its place on the node is only
 * assumed in the scheduler's cache.
 */
export class VolumePreBind {
  private readonly waiting = new Map<string, { nodeName: string; since: Millis }>();

  constructor(private readonly store: ObjectStore) {}

  /** The pod's claims that are not Bound yet (those a delayed-binding class leaves to the scheduler). */
  unboundClaims(pod: KubeObject): KubeObject[] {
    const out: KubeObject[] = [];
    for (const v of pod.spec?.volumes ?? []) {
      const name = v.persistentVolumeClaim?.claimName;
      const pvc = name && this.store.get('PersistentVolumeClaim', { namespace: pod.metadata.namespace, name });
      if (pvc && pvc.status?.phase !== 'Bound') out.push(pvc);
    }
    return out;
  }

  /**
   * bindAPIUpdate: a claim that matches a free volume on the node has that volume reserved for it
   * (the volume's claimRef, GetBindVolumeToClaim); the others learn the node
   * (volume.kubernetes.io/selected-node), so they are provisioned there.
   */
  start(pod: KubeObject, node: KubeObject, now: Millis): void {
    const nodeName = node.metadata.name;
    const taken = new Set<string>();
    for (const pvc of this.unboundClaims(pod)) {
      if (!pvc.metadata.annotations?.[SELECTED_NODE]) {
        const free = this.store.list('PersistentVolume').filter((pv) => pv.status?.phase === 'Available' && !taken.has(pv.metadata.name));
        const pv = findMatchingVolume(pvc, free, true, node);
        if (pv) {
          taken.add(pv.metadata.name);
          this.reserve(pv, pvc);
          continue;
        }
      }
      if (pvc.metadata.annotations?.[SELECTED_NODE] === nodeName) continue;
      const next = thaw(pvc);
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [SELECTED_NODE]: nodeName };
      this.store.update(next);
    }
    this.waiting.set(pod.metadata.uid, { nodeName, since: now });
  }

  private reserve(pv: KubeObject, pvc: KubeObject): void {
    const next = thaw(pv);
    next.spec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' };
    this.store.update(next);
  }

  /** The node a pod waits in PreBind for, if it does. */
  nodeFor(pod: KubeObject): string | undefined {
    return this.waiting.get(pod.metadata.uid)?.nodeName;
  }

  /** checkBindings for a waiting pod: bound, still waiting (and when to look again), or timed out. */
  check(pod: KubeObject, now: Millis): PreBindState {
    const w = this.waiting.get(pod.metadata.uid);
    if (!w) return { kind: 'timedOut' };
    // The poll looks on whole seconds from the start, whatever wakes the scheduler in between.
    const elapsed = now - w.since;
    const sinceTick = elapsed % POLL_INTERVAL;
    if (elapsed >= POLL_INTERVAL && sinceTick === 0) {
      if (this.unboundClaims(pod).length === 0) {
        this.waiting.delete(pod.metadata.uid);
        return { kind: 'bound', nodeName: w.nodeName };
      }
      if (elapsed >= BIND_TIMEOUT) {
        this.waiting.delete(pod.metadata.uid);
        return { kind: 'timedOut' };
      }
    }
    return { kind: 'waiting', nodeName: w.nodeName, retryIn: POLL_INTERVAL - sinceTick };
  }

  /** A pod that went away stops waiting. */
  forget(uid: string): void {
    this.waiting.delete(uid);
  }
}
