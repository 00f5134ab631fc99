import type { Clock } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import type { EventRecorder } from '../events.ts';
import { controllerRef, isPodActive, isPodReady, podCondition } from '../pod-status.ts';
import { thaw } from '../store/freeze.ts';
import { LabelSelector, podSelectorSpec } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { rankForDeletion } from './pod-deletion-rank.ts';

const COMPONENT = 'replicaset-controller';
/** At most this many creates or deletes per sync (burstReplicas). */
const BURST_REPLICAS = 500;

/**
 * The ReplicaSet controller (reference/workloads.md §1), from
 * pkg/controller/replicaset/replica_set.go: adopts matching orphans and releases pods whose
 * labels no longer match, creates missing pods in slow-start batches (1, 2, 4, ...; a failed
 * batch stops the rest), deletes surplus pods by the upstream ranking, and writes status with
 * a ReplicaFailure condition while creates or deletes fail. The store answers synchronously,
 * so the informer-lag "expectations" of the real controller are not needed.
 */
export class ReplicaSetController implements Controller {
  readonly name: string;
  private readonly component: string;

  /**
   * `kind` ReplicationController makes this the replication manager, which upstream is this
   * same controller run on ReplicationControllers (pkg/controller/replication).
   */
  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    private readonly kind: 'ReplicaSet' | 'ReplicationController' = 'ReplicaSet',
    /**
     * Report status.terminatingReplicas (the DeploymentReplicaSetTerminatingReplicas gate, on from
     * 1.35): ReplicaSets only, the replication manager never does (replication_controller.go).
     */
    private readonly terminatingReplicas = false,
  ) {
    this.name = kind;
    this.component = kind === 'ReplicaSet' ? COMPONENT : 'replication-controller';
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const rs = this.store.get(this.kind, key);
    if (!rs) return {};
    const pods = this.claimPods(rs);
    let failure: { reason: string; message: string } | undefined;
    if (!rs.metadata.deletionTimestamp) failure = this.manageReplicas(rs, pods.filter(isPodActive));
    return this.updateStatus(rs, failure);
  }

  /** Owned pods, after adopting matching orphans and releasing owned pods that stopped matching. */
  private claimPods(rs: KubeObject): KubeObject[] {
    const selector = LabelSelector.fromSpec(podSelectorSpec(rs));
    const owned: KubeObject[] = [];
    // Only its own pods and the orphans (FilterPodsByOwner): every pod of the namespace on each sync
    // is what made large clusters slow.
    const candidates = new Set([
      ...this.store.list('Pod', { namespace: rs.metadata.namespace, ownerUid: rs.metadata.uid, unsorted: true }),
      ...this.store.listOrphans('Pod', rs.metadata.namespace),
    ]);
    for (const pod of candidates) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
      const matches = selector.matches(pod.metadata.labels);
      if (ref?.uid === rs.metadata.uid) {
        if (matches) owned.push(pod);
        else this.setOwner(pod, undefined, rs);
      } else if (!ref && matches && !pod.metadata.deletionTimestamp && !rs.metadata.deletionTimestamp) {
        owned.push(this.setOwner(pod, rs, rs));
      }
    }
    return owned.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  }

  private setOwner(pod: KubeObject, owner: KubeObject | undefined, rs: KubeObject): KubeObject {
    const next = thaw(pod);
    const others = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
    next.metadata.ownerReferences = owner ? [...others, controllerRef(owner)] : others;
    if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
    return this.store.update(next);
  }

  private manageReplicas(rs: KubeObject, active: KubeObject[]): { reason: string; message: string } | undefined {
    const diff = active.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      const error = slowStart(Math.min(-diff, BURST_REPLICAS), () => this.createPod(rs));
      return error ? { reason: 'FailedCreate', message: error } : undefined;
    }
    if (diff > 0) {
      const related = this.relatedPods(rs);
      for (const pod of rankForDeletion(active, related, this.clock.now()).slice(0, Math.min(diff, BURST_REPLICAS))) {
        try {
          this.store.delete('Pod', { namespace: pod.metadata.namespace, name: pod.metadata.name });
          this.events.record(this.component, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (e) {
          this.events.record(this.component, rs, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
          return { reason: 'FailedDelete', message: (e as Error).message };
        }
      }
    }
    return undefined;
  }

  /** Active pods of every ReplicaSet that shares this one's owner (a Deployment's old and new sets). */
  private relatedPods(rs: KubeObject): KubeObject[] {
    const owner = rs.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    const siblings = owner
      ? this.store.list(this.kind, { namespace: rs.metadata.namespace, ownerUid: owner })
      : [rs];
    return siblings.flatMap((s) => this.store.list('Pod', { namespace: rs.metadata.namespace, ownerUid: s.metadata.uid }));
  }

  /** The ReplicaSet's pods that are being deleted and have not finished (controller.IsPodTerminating). */
  private terminatingPods(rs: KubeObject): KubeObject[] {
    return this.store.list('Pod', { namespace: rs.metadata.namespace, ownerUid: rs.metadata.uid })
      .filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  }

  private createPod(rs: KubeObject): void {
    const template = thaw(rs.spec.template ?? {});
    try {
      const pod = this.store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${rs.metadata.name}-`,
          namespace: rs.metadata.namespace,
          labels: template.metadata?.labels,
          annotations: template.metadata?.annotations,
          ownerReferences: [controllerRef(rs)],
        },
        spec: template.spec,
      }, { handOver: true });
      this.events.record(this.component, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    } catch (e) {
      this.events.record(this.component, rs, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
  }

  private updateStatus(rs: KubeObject, failure: { reason: string; message: string } | undefined): ReconcileResult {
    const pods = this.store.list('Pod', { namespace: rs.metadata.namespace, ownerUid: rs.metadata.uid }).filter(isPodActive);
    const templateLabels = LabelSelector.fromSpec({ matchLabels: rs.spec.template?.metadata?.labels ?? {} });
    const minReady = (rs.spec.minReadySeconds ?? 0) * 1000;
    const now = this.clock.now();
    const ready = pods.filter(isPodReady);
    let requeueAfter: number | undefined;
    const available = ready.filter((p) => {
      const since = Date.parse(podCondition(p, 'Ready')?.lastTransitionTime ?? '');
      const wait = since + minReady - now;
      if (wait > 0) requeueAfter = Math.min(requeueAfter ?? wait, wait);
      return wait <= 0;
    });
    // calculateStatus sets ReplicaFailure only when it is absent (keeping the first error's message,
    // so repeated failures do not rewrite the status) and removes it after a clean sync.
    const existing = (rs.status?.conditions ?? []).find((c: any) => c.type === 'ReplicaFailure');
    let conditions = (rs.status?.conditions ?? []).filter((c: any) => c.type !== 'ReplicaFailure');
    if (failure) conditions = existing ? [...(rs.status?.conditions ?? [])] : upsertCondition(rs.status?.conditions, { type: 'ReplicaFailure', status: 'True', reason: failure.reason, message: failure.message, lastTransitionTime: rfc3339(now) });
    const status: Record<string, unknown> = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => templateLabels.matches(p.metadata.labels)).length,
      readyReplicas: ready.length,
      availableReplicas: available.length,
      // A *int32: a zero is still written. FilterTerminatingPods: deleting, not yet Succeeded/Failed.
      ...(this.terminatingReplicas ? { terminatingReplicas: this.terminatingPods(rs).length } : {}),
      observedGeneration: rs.metadata.generation,
    };
    // apps/v1 ReplicaSetStatus: these are `omitempty`, so a zero is absent from what the API returns.
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[k] === 0) delete status[k];
    if (conditions.length) status.conditions = conditions;
    const current = this.store.get(this.kind, rs.metadata)!;
    if (JSON.stringify(status) !== JSON.stringify(current.status)) this.store.updateStatus({ ...current, status });
    if (failure) throw new Error(failure.message); // retried with backoff, as the real controller does
    return requeueAfter === undefined ? {} : { requeueAfter };
  }
}

/**
 * slowStartBatch: runs `count` creates in batches of 1, 2, 4, ...; the first failure stops the
 * remaining batches. Returns the first error's message.
 */
export function slowStart(count: number, create: () => void): string | undefined {
  let remaining = count;
  for (let batch = 1; remaining > 0; batch *= 2) {
    const size = Math.min(batch, remaining);
    let error: string | undefined;
    for (let i = 0; i < size; i++) {
      try {
        create();
      } catch (e) {
        error ??= (e as Error).message;
      }
    }
    if (error) return error;
    remaining -= size;
  }
  return undefined;
}
