import type { Clock } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import { controllerRef, isRunningAndReady, isTerminating, podCondition } from '../pod-status.ts';
import { thaw } from '../store/freeze.ts';
import { LabelSelector } from '../store/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { templateHash } from './template-hash.ts';

const COMPONENT = 'statefulset-controller';

/**
 * The StatefulSet controller of kube-controller-manager (reference/workloads.md §3), from
 * pkg/controller/statefulset/stateful_set_control.go. Covered: stable names and ordinals,
 * OrderedReady and Parallel management, scale-down from the highest ordinal one pod at a time,
 * recreation of failed pods, volumeClaimTemplates, identity labels, hostname/subdomain,
 * status and events. Not yet: rolling updates of the template and PVC retention (issue 5).
 */
export class StatefulSetController implements Controller {
  readonly name = 'StatefulSet';

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const sts = this.store.get('StatefulSet', key);
    if (!sts || sts.metadata.deletionTimestamp) return {};
    const revision = `${sts.metadata.name}-${templateHash(sts.spec.template)}`;
    const pods = this.ownedPods(sts);
    const requeue = this.manageReplicas(sts, pods, revision);
    this.updateStatus(sts, this.ownedPods(sts), revision);
    return requeue;
  }

  private ownedPods(sts: KubeObject): KubeObject[] {
    const selector = LabelSelector.fromSpec(sts.spec.selector);
    return this.store
      .list('Pod', { namespace: sts.metadata.namespace, ownerUid: sts.metadata.uid, selector })
      .filter((p) => parseOrdinal(sts, p) !== undefined);
  }

  /**
   * One pass of updateStatefulSet: first the replicas [start, start+replicas) in ascending
   * order, then the condemned ordinals in descending order. With OrderedReady ("monotonic"),
   * the pass stops at the first pod that is not yet Running and Ready, or still terminating.
   */
  private manageReplicas(sts: KubeObject, pods: KubeObject[], revision: string): ReconcileResult {
    const start: number = sts.spec.ordinals?.start ?? 0;
    const replicas: number = sts.spec.replicas ?? 1;
    const monotonic = sts.spec.podManagementPolicy !== 'Parallel';
    const minReady = (sts.spec.minReadySeconds ?? 0) * 1000;
    const byOrdinal = new Map(pods.map((p) => [parseOrdinal(sts, p)!, p]));
    const condemned = pods
      .filter((p) => { const o = parseOrdinal(sts, p)!; return o < start || o >= start + replicas; })
      .sort((a, b) => parseOrdinal(sts, b)! - parseOrdinal(sts, a)!);

    for (let ordinal = start; ordinal < start + replicas; ordinal++) {
      const pod = byOrdinal.get(ordinal);
      if (pod && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
        if (!isTerminating(pod)) this.deletePod(sts, pod);
        if (monotonic) return {};
        continue;
      }
      if (!pod) {
        this.createPod(sts, ordinal, revision);
        if (monotonic) return {};
        continue;
      }
      if (isTerminating(pod)) {
        if (monotonic) return {};
        continue;
      }
      if (!isRunningAndReady(pod)) {
        if (monotonic) return {};
        continue;
      }
      const wait = this.availableIn(pod, minReady);
      if (wait > 0 && monotonic) return { requeueAfter: wait };
    }

    const firstUnhealthy = [...pods].sort((a, b) => parseOrdinal(sts, a)! - parseOrdinal(sts, b)!)
      .find((p) => isTerminating(p) || !isRunningAndReady(p));
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) return {};
        continue;
      }
      if (monotonic && !isRunningAndReady(pod) && pod !== firstUnhealthy) return {};
      this.deletePod(sts, pod);
      if (monotonic) return {};
    }
    return {};
  }

  /** Milliseconds until a Ready pod counts as available for minReadySeconds; 0 if it does. */
  private availableIn(pod: KubeObject, minReadyMs: number): number {
    if (minReadyMs === 0) return 0;
    const since = Date.parse(podCondition(pod, 'Ready')?.lastTransitionTime ?? '');
    const left = since + minReadyMs - this.clock.now();
    return Number.isNaN(left) ? 0 : Math.max(0, left);
  }

  private createPod(sts: KubeObject, ordinal: number, revision: string): void {
    const name = `${sts.metadata.name}-${ordinal}`;
    for (const claim of sts.spec.volumeClaimTemplates ?? []) this.ensureClaim(sts, claim, name);
    const template = thaw(sts.spec.template ?? {});
    const spec = template.spec ?? {};
    spec.hostname = name;
    if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
    spec.volumes = [
      ...(spec.volumes ?? []).filter((v: any) => !(sts.spec.volumeClaimTemplates ?? []).some((c: any) => c.metadata?.name === v.name)),
      ...(sts.spec.volumeClaimTemplates ?? []).map((c: any) => ({
        name: c.metadata.name,
        persistentVolumeClaim: { claimName: `${c.metadata.name}-${name}` },
      })),
    ];
    if (spec.volumes.length === 0) delete spec.volumes;
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: sts.metadata.namespace,
        labels: {
          ...(template.metadata?.labels ?? {}),
          'apps.kubernetes.io/pod-index': String(ordinal),
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': name,
        },
        annotations: template.metadata?.annotations,
        ownerReferences: [controllerRef(sts)],
      },
      spec,
    };
    try {
      this.store.create(pod);
      this.events.record(COMPONENT, sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`);
    } catch (e) {
      this.events.record(COMPONENT, sts, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${(e as Error).message}`);
      throw e;
    }
  }

  private ensureClaim(sts: KubeObject, template: any, podName: string): void {
    const claimName = `${template.metadata.name}-${podName}`;
    if (this.store.get('PersistentVolumeClaim', { namespace: sts.metadata.namespace, name: claimName })) return;
    this.store.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName,
        namespace: sts.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...(sts.spec.selector?.matchLabels ?? {}) },
      },
      spec: thaw(template.spec ?? {}),
      status: { phase: 'Pending' },
    });
    this.events.record(COMPONENT, sts, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`);
  }

  private deletePod(sts: KubeObject, pod: KubeObject): void {
    this.store.delete('Pod', { namespace: pod.metadata.namespace, name: pod.metadata.name });
    this.events.record(COMPONENT, sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
  }

  /** Status as computeReplicaStatus counts it: terminating pods still count until they are gone. */
  private updateStatus(sts: KubeObject, pods: KubeObject[], revision: string): void {
    const created = pods.filter((p) => p.status?.phase !== undefined && p.status?.phase !== '');
    const ready = pods.filter(isRunningAndReady);
    const minReady = (sts.spec.minReadySeconds ?? 0) * 1000;
    const available = ready.filter((p) => this.availableIn(p, minReady) === 0);
    const current = created.filter((p) => !isTerminating(p) && p.metadata.labels?.['controller-revision-hash'] === revision);
    const status = {
      observedGeneration: sts.metadata.generation,
      replicas: created.length,
      readyReplicas: ready.length,
      currentReplicas: current.length,
      updatedReplicas: current.length,
      availableReplicas: available.length,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: sts.status?.collisionCount ?? 0,
    };
    if (JSON.stringify(status) === JSON.stringify(sts.status)) return;
    this.store.updateStatus({ ...sts, status });
  }
}

/** The ordinal of a pod named `<sts>-<n>`, or undefined for a pod that is not one of ours. */
export function parseOrdinal(sts: KubeObject, pod: KubeObject): number | undefined {
  const prefix = `${sts.metadata.name}-`;
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : '';
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

