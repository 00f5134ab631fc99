import type { Clock, Millis } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import { defaultKubernetesVersion, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { observed, observedGeneration } from '../observed-generation.ts';
import type { EventRecorder } from '../events.ts';
import { tolerates } from '../scheduler/plugins/taint-toleration.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/**
 * The taint eviction controller (pkg/controller/tainteviction, reference/scheduling.md §12):
 * keyed by node. A pod that does not tolerate one of the node's NoExecute taints is deleted at
 * once; one that tolerates them all, some for a limited tolerationSeconds, is deleted when the
 * shortest of those runs out, counted from the taint's timeAdded. Before deleting, the pod gets
 * DisruptionTarget (DeletionByTaintManager) and a TaintManagerEviction event.
 */
export class TaintEvictionController implements Controller {
  readonly name = 'TaintEviction';
  /** When each NoExecute taint without timeAdded was first seen (the controller counts from there). */
  private readonly firstSeen = new Map<string, Millis>();

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder, private readonly version: KubernetesRelease = defaultKubernetesVersion()) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const node = this.store.get('Node', { name: key.name });
    if (!node) return {};
    const taints: any[] = (node.spec?.taints ?? []).filter((t: any) => t.effect === 'NoExecute');
    if (taints.length === 0) return {};
    const now = this.clock.now();
    const added = (t: any): Millis => {
      if (t.timeAdded) return Date.parse(t.timeAdded);
      const id = `${key.name}/${t.key}=${t.value ?? ''}`;
      if (!this.firstSeen.has(id)) this.firstSeen.set(id, now);
      return this.firstSeen.get(id)!;
    };
    let next: Millis | undefined;
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName === key.name && !p.metadata.deletionTimestamp)) {
      const due = evictionTime(pod, taints, added);
      if (due === undefined) continue;
      if (due <= now) this.evict(pod, now);
      else next = Math.min(next ?? due, due);
    }
    return next === undefined ? {} : { requeueAfter: next - now };
  }

  private evict(pod: KubeObject, now: Millis): void {
    this.events.record('taint-eviction-controller', pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
    const status = thaw(pod.status ?? {});
    status.conditions = upsertCondition(status.conditions, observed({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: rfc3339(now) }, observedGeneration(this.version, pod)));
    this.store.updateStatus({ ...pod, status });
    this.store.delete('Pod', pod.metadata);
  }
}

/** When the pod must go: now (an untolerated taint), at the earliest bounded toleration's end, or never. */
function evictionTime(pod: KubeObject, taints: any[], added: (taint: any) => Millis): Millis | undefined {
  let due: Millis | undefined;
  for (const taint of taints) {
    // The first toleration that matches applies (GetMatchingTolerations); none means at once,
    // one without tolerationSeconds means forever (getMinTolerationTime).
    const used = (pod.spec?.tolerations ?? []).find((t: any) => tolerates(t, taint));
    if (!used) return 0;
    if (used.tolerationSeconds === undefined || used.tolerationSeconds === null) continue;
    const at = added(taint) + Math.max(0, used.tolerationSeconds) * 1000;
    due = Math.min(due ?? at, at);
  }
  return due;
}
