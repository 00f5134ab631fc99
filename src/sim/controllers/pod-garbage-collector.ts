import type { Clock, Millis } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import { defaultKubernetesVersion, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { observed, observedGeneration } from '../observed-generation.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/** Pods of a vanished node wait this long before the collector deletes them. */
const QUARANTINE: Millis = 40_000;

/**
 * The pod garbage collector (pkg/controller/podgc): pods bound to a node that no longer exists
 * are force-deleted after a 40s quarantine (no kubelet is left to stop them gracefully). An
 * unfinished one is first marked Failed with DisruptionTarget (DeletionByPodGC), so a Job's
 * podFailurePolicy can tell it apart. Keyed by node name.
 */
export class PodGarbageCollector implements Controller {
  readonly name = 'PodGC';
  private readonly goneSince = new Map<string, Millis>();

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly version: KubernetesRelease = defaultKubernetesVersion()) {}

  reconcile(key: ObjectKey): ReconcileResult {
    if (this.store.get('Node', { name: key.name })) {
      this.goneSince.delete(key.name);
      return {};
    }
    const now = this.clock.now();
    if (!this.goneSince.has(key.name)) this.goneSince.set(key.name, now);
    const due = this.goneSince.get(key.name)! + QUARANTINE;
    if (due > now) return { requeueAfter: due - now };
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName === key.name)) {
      this.markFailed(pod, now);
      this.store.delete('Pod', pod.metadata, { gracePeriodSeconds: 0 });
    }
    return {};
  }

  /** markFailedAndDeletePodWithCondition (gc_controller.go v1.32): an orphan would stay Running forever. */
  private markFailed(pod: KubeObject, now: Millis): void {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const status = thaw(pod.status ?? {});
    status.phase = 'Failed';
    // markFailedAndDeletePodWithCondition (gc_controller.go) also records the generation it saw.
    const generation = observedGeneration(this.version, pod);
    if (generation !== undefined) status.observedGeneration = generation;
    status.conditions = upsertCondition(status.conditions, observed({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: rfc3339(now) }, generation));
    this.store.updateStatus({ ...pod, status });
  }
}
