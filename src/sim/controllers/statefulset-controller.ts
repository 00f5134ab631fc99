import type { Clock, Millis } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import { controllerRef, isRunningAndReady, isTerminating, podCondition } from '../pod-status.ts';
import { thaw } from '../store/freeze.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { templateHash } from './template-hash.ts';

const COMPONENT = 'statefulset-controller';
const REVISION_LABEL = 'controller-revision-hash';

/** Where one pass stopped: done, or waiting (optionally until a time). */
type Pass = { blocked: boolean; requeueAfter?: Millis };

/**
 * The StatefulSet controller of kube-controller-manager (reference/workloads.md §3), from
 * pkg/controller/statefulset/stateful_set_control.go: stable names and ordinals, OrderedReady
 * and Parallel management, scale-down from the highest ordinal one pod at a time, recreation of
 * failed pods, volumeClaimTemplates with the retention policy, identity labels,
 * hostname/subdomain, ControllerRevisions, RollingUpdate from the highest ordinal down to the
 * partition (one pod at a time: maxUnavailable is alpha and off in 1.32), OnDelete, status and
 * events.
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
    const updateRevision = this.ensureRevision(sts);
    const recorded = sts.status?.currentRevision;
    const currentRevision = recorded && this.revisionTemplate(sts, recorded) ? recorded : updateRevision;
    this.applyRetentionPolicy(sts);
    let pass = this.manageReplicas(sts, this.ownedPods(sts), currentRevision, updateRevision);
    if (!pass.blocked) pass = this.rollingUpdate(sts, this.ownedPods(sts), updateRevision);
    this.updateStatus(sts, this.ownedPods(sts), currentRevision, updateRevision);
    return pass.requeueAfter === undefined ? {} : { requeueAfter: pass.requeueAfter };
  }

  private ownedPods(sts: KubeObject): KubeObject[] {
    const selector = LabelSelector.fromSpec(sts.spec.selector);
    return this.store
      .list('Pod', { namespace: sts.metadata.namespace, ownerUid: sts.metadata.uid, selector })
      .filter((p) => parseOrdinal(sts, p) !== undefined);
  }

  /** The ControllerRevision of the current template, created when the template is new. */
  private ensureRevision(sts: KubeObject): string {
    const name = `${sts.metadata.name}-${templateHash(sts.spec.template)}`;
    if (this.store.get('ControllerRevision', { namespace: sts.metadata.namespace, name })) return name;
    const existing = this.store.list('ControllerRevision', { namespace: sts.metadata.namespace, ownerUid: sts.metadata.uid });
    this.store.create({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: sts.metadata.namespace,
        labels: { ...(sts.spec.selector?.matchLabels ?? {}), 'controller.kubernetes.io/hash': name.slice(sts.metadata.name.length + 1) },
        ownerReferences: [controllerRef(sts)],
      },
      // getPatch in stateful_set_utils.go: a strategic merge patch replacing the whole template.
      data: { spec: { template: { ...thaw(sts.spec.template), $patch: 'replace' } } },
      revision: Math.max(0, ...existing.map((r) => r.revision ?? 0)) + 1,
    });
    return name;
  }

  private revisionTemplate(sts: KubeObject, revision: string): any | undefined {
    const stored = this.store.get('ControllerRevision', { namespace: sts.metadata.namespace, name: revision })?.data?.spec?.template;
    if (!stored) return undefined;
    const { $patch, ...template } = stored;
    return template;
  }

  /**
   * One pass of updateStatefulSet: first the replicas [start, start+replicas) in ascending
   * order, then the condemned ordinals in descending order. With OrderedReady ("monotonic"),
   * the pass stops at the first pod that is not yet Running and Ready, or still terminating.
   */
  private manageReplicas(sts: KubeObject, pods: KubeObject[], currentRevision: string, updateRevision: string): Pass {
    const start: number = sts.spec.ordinals?.start ?? 0;
    const replicas: number = sts.spec.replicas ?? 1;
    const monotonic = sts.spec.podManagementPolicy !== 'Parallel';
    const byOrdinal = new Map(pods.map((p) => [parseOrdinal(sts, p)!, p]));
    const condemned = pods
      .filter((p) => { const o = parseOrdinal(sts, p)!; return o < start || o >= start + replicas; })
      .sort((a, b) => parseOrdinal(sts, b)! - parseOrdinal(sts, a)!);
    const partition = sts.spec.updateStrategy?.type === 'RollingUpdate' ? sts.spec.updateStrategy.rollingUpdate?.partition ?? 0 : 0;
    const onDelete = sts.spec.updateStrategy?.type === 'OnDelete';

    for (let ordinal = start; ordinal < start + replicas; ordinal++) {
      const pod = byOrdinal.get(ordinal);
      if (pod && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
        if (!isTerminating(pod)) this.deletePod(sts, pod);
        if (monotonic) return { blocked: true };
        continue;
      }
      if (!pod) {
        // newVersionedStatefulSetPod: only ordinals below a RollingUpdate partition keep the
        // current revision; OnDelete recreates deleted pods at the update revision.
        const keepCurrent = !onDelete && ordinal < start + partition;
        this.createPod(sts, ordinal, keepCurrent ? currentRevision : updateRevision);
        if (monotonic) return { blocked: true };
        continue;
      }
      if (isTerminating(pod) || !isRunningAndReady(pod)) {
        if (monotonic) return { blocked: true };
        continue;
      }
      const wait = this.availableIn(sts, pod);
      if (wait > 0 && monotonic) return { blocked: true, requeueAfter: wait };
    }

    const firstUnhealthy = [...pods].sort((a, b) => parseOrdinal(sts, a)! - parseOrdinal(sts, b)!)
      .find((p) => isTerminating(p) || !isRunningAndReady(p));
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) return { blocked: true };
        continue;
      }
      if (monotonic && !isRunningAndReady(pod) && pod !== firstUnhealthy) return { blocked: true };
      this.deletePod(sts, pod);
      if (monotonic) return { blocked: true };
    }
    return { blocked: false };
  }

  /**
   * RollingUpdate: from the highest ordinal down to the partition, delete one pod that is not at
   * the update revision and wait until its replacement is Running and Ready before the next.
   */
  private rollingUpdate(sts: KubeObject, pods: KubeObject[], updateRevision: string): Pass {
    if (sts.spec.updateStrategy?.type !== 'RollingUpdate') return { blocked: false };
    const start: number = sts.spec.ordinals?.start ?? 0;
    const partition: number = sts.spec.updateStrategy.rollingUpdate?.partition ?? 0;
    const replicas = pods
      .filter((p) => { const o = parseOrdinal(sts, p)!; return o >= start && o < start + (sts.spec.replicas ?? 1); })
      .sort((a, b) => parseOrdinal(sts, b)! - parseOrdinal(sts, a)!);
    for (const pod of replicas) {
      if (parseOrdinal(sts, pod)! < start + partition) break;
      if (pod.metadata.labels?.[REVISION_LABEL] !== updateRevision && !isTerminating(pod)) {
        this.deletePod(sts, pod);
        return { blocked: true };
      }
      // isHealthy: a pod on its way out is not healthy even while it still reports Ready, so
      // Parallel sets (whose replica pass does not wait) also update one pod at a time.
      if (!isRunningAndReady(pod) || isTerminating(pod)) return { blocked: true };
      const wait = this.availableIn(sts, pod);
      if (wait > 0) return { blocked: true, requeueAfter: wait };
    }
    return { blocked: false };
  }

  /** Milliseconds until a Ready pod counts as available for minReadySeconds; 0 if it does. */
  private availableIn(sts: KubeObject, pod: KubeObject): number {
    const minReady = (sts.spec.minReadySeconds ?? 0) * 1000;
    if (minReady === 0) return 0;
    const since = Date.parse(podCondition(pod, 'Ready')?.lastTransitionTime ?? '');
    const left = since + minReady - this.clock.now();
    return Number.isNaN(left) ? 0 : Math.max(0, left);
  }

  private createPod(sts: KubeObject, ordinal: number, revision: string): void {
    const name = `${sts.metadata.name}-${ordinal}`;
    const claims: any[] = sts.spec.volumeClaimTemplates ?? [];
    for (const claim of claims) this.ensureClaim(sts, claim, name);
    const template = thaw(this.revisionTemplate(sts, revision) ?? sts.spec.template ?? {});
    const spec = template.spec ?? {};
    spec.hostname = name;
    if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
    spec.volumes = [
      ...(spec.volumes ?? []).filter((v: any) => !claims.some((c) => c.metadata?.name === v.name)),
      ...claims.map((c) => ({ name: c.metadata.name, persistentVolumeClaim: { claimName: `${c.metadata.name}-${name}` } })),
    ];
    if (spec.volumes.length === 0) delete spec.volumes;
    try {
      this.store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          // GetPodFromTemplate sets the prefix even though the controller names the pod itself.
          generateName: `${sts.metadata.name}-`,
          namespace: sts.metadata.namespace,
          labels: {
            ...(template.metadata?.labels ?? {}),
            'apps.kubernetes.io/pod-index': String(ordinal),
            [REVISION_LABEL]: revision,
            'statefulset.kubernetes.io/pod-name': name,
          },
          annotations: template.metadata?.annotations,
          ownerReferences: [controllerRef(sts)],
        },
        spec,
      });
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

  /**
   * persistentVolumeClaimRetentionPolicy (GA in 1.32): whenDeleted=Delete makes the StatefulSet
   * own every claim; whenScaled=Delete makes the pod of a condemned ordinal own its claims, so
   * the garbage collector removes them with it.
   */
  private applyRetentionPolicy(sts: KubeObject): void {
    const policy = sts.spec.persistentVolumeClaimRetentionPolicy ?? {};
    const templates: any[] = sts.spec.volumeClaimTemplates ?? [];
    if (templates.length === 0) return;
    const replicas = sts.spec.replicas ?? 1;
    const start = sts.spec.ordinals?.start ?? 0;
    for (const pod of this.ownedPods(sts)) {
      const ordinal = parseOrdinal(sts, pod)!;
      const condemned = ordinal >= start + replicas || ordinal < start;
      for (const t of templates) {
        const claim = this.store.get('PersistentVolumeClaim', { namespace: sts.metadata.namespace, name: `${t.metadata.name}-${pod.metadata.name}` });
        if (!claim) continue;
        const want: KubeObject[] = [];
        if (policy.whenDeleted === 'Delete') want.push(sts);
        if (policy.whenScaled === 'Delete' && condemned) want.push(pod);
        const refs = claim.metadata.ownerReferences ?? [];
        const missing = want.filter((o) => !refs.some((r) => r.uid === o.metadata.uid));
        if (missing.length === 0) continue;
        const next = thaw(claim);
        next.metadata.ownerReferences = [...refs, ...missing.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, blockOwnerDeletion: true }))];
        this.store.update(next);
      }
    }
  }

  private deletePod(sts: KubeObject, pod: KubeObject): void {
    this.store.delete('Pod', { namespace: pod.metadata.namespace, name: pod.metadata.name });
    this.events.record(COMPONENT, sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
  }

  /**
   * Status as computeReplicaStatus counts it (terminating pods count until they are gone), and
   * completeRollingUpdate: once every replica is updated and ready, the update revision becomes current.
   */
  private updateStatus(sts: KubeObject, pods: KubeObject[], currentRevision: string, updateRevision: string): void {
    const created = pods.filter((p) => p.status?.phase !== undefined && p.status?.phase !== '');
    const ready = pods.filter(isRunningAndReady);
    const available = ready.filter((p) => this.availableIn(sts, p) === 0);
    const live = created.filter((p) => !isTerminating(p));
    const status = {
      observedGeneration: sts.metadata.generation,
      replicas: created.length,
      readyReplicas: ready.length,
      currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length,
      updatedReplicas: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length,
      availableReplicas: available.length,
      currentRevision,
      updateRevision,
      collisionCount: sts.status?.collisionCount ?? 0,
    };
    // apps/v1 StatefulSetStatus: ready, current and updated replicas are `omitempty` (a zero is
    // absent from what the API returns); availableReplicas is not.
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) if (status[k] === 0) delete (status as Partial<typeof status>)[k];
    if (sts.spec.updateStrategy?.type === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
      status.currentRevision = updateRevision;
      status.currentReplicas = status.updatedReplicas;
    }
    const latest = this.store.get('StatefulSet', sts.metadata)!;
    if (JSON.stringify(status) === JSON.stringify(latest.status)) return;
    this.store.updateStatus({ ...latest, status });
  }
}

/** The ordinal of a pod named `<sts>-<n>`, or undefined for a pod that is not one of ours. */
export function parseOrdinal(sts: KubeObject, pod: KubeObject): number | undefined {
  const prefix = `${sts.metadata.name}-`;
  const rest = pod.metadata.name.startsWith(prefix) ? pod.metadata.name.slice(prefix.length) : '';
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}
