import type { Clock, Millis } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import { isPodReady } from '../pod-status.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { scaledValue } from './deployment/rollout-math.ts';

/** An evicted pod stops counting as healthy for this long, or until it is gone (DeletionTimeout). */
export const DISRUPTION_TIMEOUT: Millis = 120_000;

/**
 * The disruption controller (pkg/controller/disruption): a PodDisruptionBudget's expected pods
 * (the controllers' scale for percentages and maxUnavailable, the pod count for an integer
 * minAvailable), desired and current healthy pods, disruptionsAllowed, the disrupted-pods map
 * the eviction API writes, the DisruptionAllowed condition, and a NoPods event while it selects none.
 */
export class DisruptionController implements Controller {
  readonly name = 'Disruption';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const pdb = this.store.get('PodDisruptionBudget', key);
    if (!pdb || pdb.metadata.deletionTimestamp) return {};
    const now = this.clock.now();
    const pods = this.store.list('Pod', { namespace: pdb.metadata.namespace, selector: LabelSelector.fromSpec(pdb.spec.selector) });
    // trySync (disruption.go v1.32) says so at every sync that finds none.
    if (pods.length === 0) this.events.record('controllermanager', pdb, 'Normal', 'NoPods', 'No matching pods found');
    let expected: number;
    let desired: number;
    if (pdb.spec.maxUnavailable !== undefined) {
      expected = this.expectedScale(pods);
      desired = Math.max(0, expected - scaledValue(pdb.spec.maxUnavailable, expected, true));
    } else if (typeof pdb.spec.minAvailable === 'string') {
      expected = this.expectedScale(pods);
      desired = scaledValue(pdb.spec.minAvailable, expected, true);
    } else {
      expected = pods.length;
      desired = pdb.spec.minAvailable ?? 0;
    }
    // Evictions the API recorded stay "disrupted" until the pod is gone or the timeout passes.
    const disrupted: Record<string, string> = {};
    let recheck: Millis | undefined;
    for (const [name, at] of Object.entries<string>(pdb.status?.disruptedPods ?? {})) {
      const pod = pods.find((p) => p.metadata.name === name);
      const until = Date.parse(at) + DISRUPTION_TIMEOUT;
      if (!pod || pod.metadata.deletionTimestamp || until <= now) continue;
      disrupted[name] = at;
      recheck = Math.min(recheck ?? until - now, until - now);
    }
    const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && !disrupted[p.metadata.name] && isPodReady(p)).length;
    const allowed = expected <= 0 || healthy - desired <= 0 ? 0 : healthy - desired;
    const previous = (pdb.status?.conditions ?? []).find((c: any) => c.type === 'DisruptionAllowed');
    const condStatus = allowed > 0 ? 'True' : 'False';
    const status: any = {
      observedGeneration: pdb.metadata.generation,
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions: [{
        type: 'DisruptionAllowed',
        status: condStatus,
        observedGeneration: pdb.metadata.generation,
        lastTransitionTime: previous?.status === condStatus ? previous.lastTransitionTime : rfc3339(now),
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
        message: '',
      }],
    };
    const latest = this.store.get('PodDisruptionBudget', key)!;
    if (JSON.stringify(status) !== JSON.stringify(latest.status ?? {})) this.store.updateStatus({ ...latest, status });
    return recheck === undefined ? {} : { requeueAfter: recheck };
  }

  /** getExpectedScale: the sum of the scale of every controller owning a selected pod. */
  private expectedScale(pods: KubeObject[]): number {
    const scales = new Map<string, number>();
    for (const pod of pods) {
      const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
      if (!ref) continue;
      let owner = this.store.get(ref.kind, { namespace: pod.metadata.namespace, name: ref.name });
      // A ReplicaSet owned by a Deployment counts through the Deployment's scale.
      const parent = owner?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
      if (owner && parent) owner = this.store.get('Deployment', { namespace: pod.metadata.namespace, name: parent.name }) ?? owner;
      if (owner) scales.set(owner.metadata.uid, owner.spec?.replicas ?? 1);
    }
    return [...scales.values()].reduce((a, b) => a + b, 0);
  }
}
