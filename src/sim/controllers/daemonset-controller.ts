import type { Clock, Millis } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import { controllerRef, isPodReady, isTerminating, podCondition } from '../pod-status.ts';
import { matchesRequired } from '../scheduler/plugins/node-affinity.ts';
import { tolerates, type Taint, type Toleration } from '../scheduler/plugins/taint-toleration.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { scaledValue } from './deployment/rollout-math.ts';
import { templateHash } from './template-hash.ts';

const COMPONENT = 'daemonset-controller';

/** The tolerations every DaemonSet pod gets (reference/workloads.md §4), operator Exists. */
const automaticTolerations: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const hostNetworkToleration: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

/**
 * The DaemonSet controller (reference/workloads.md §4), after pkg/controller/daemon: one pod
 * per eligible node (node selector, required affinity, taints after the automatic tolerations),
 * placed by the scheduler through a `matchFields metadata.name` affinity; pods on nodes that stop
 * qualifying are removed; failed pods are replaced; RollingUpdate respects maxUnavailable and
 * maxSurge; OnDelete waits for users to delete pods.
 */
export class DaemonSetController implements Controller {
  readonly name = 'DaemonSet';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder) {}

  /**
   * The ControllerRevision of the current template (constructHistory and snapshot in
   * pkg/controller/daemon/update.go): named `<ds>-<hash>`, labelled with the template's labels and
   * controller-revision-hash, carrying the DaemonSet's annotations and a patch replacing the
   * template, numbered one past the highest existing revision. Old revisions stay; pruning them
   * to revisionHistoryLimit (cleanupHistory) is not modelled.
   */
  private ensureRevision(ds: KubeObject, hash: string): void {
    const name = `${ds.metadata.name}-${hash}`;
    if (this.store.get('ControllerRevision', { namespace: ds.metadata.namespace, name })) return;
    const existing = this.store.list('ControllerRevision', { namespace: ds.metadata.namespace, ownerUid: ds.metadata.uid });
    this.store.create({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ds.metadata.namespace,
        labels: { ...(ds.spec.template?.metadata?.labels ?? {}), 'controller-revision-hash': hash },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(ds)],
      },
      data: { spec: { template: { ...thaw(ds.spec.template), $patch: 'replace' } } },
      revision: Math.max(0, ...existing.map((r) => r.revision ?? 0)) + 1,
    });
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const ds = this.store.get('DaemonSet', key);
    if (!ds || ds.metadata.deletionTimestamp) return {};
    const hash = `${templateHash(ds.spec.template)}`;
    this.ensureRevision(ds, hash);
    const nodes = this.store.list('Node');
    const pods = this.store.list('Pod', { namespace: ds.metadata.namespace, ownerUid: ds.metadata.uid });
    const byNode = new Map<string, KubeObject[]>();
    for (const p of pods) {
      const node = targetNode(p);
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), p]);
    }
    const eligible = new Set(nodes.filter((n) => this.shouldRun(ds, n)).map((n) => n.metadata.name));
    for (const node of nodes) {
      const name = node.metadata.name;
      const live = (byNode.get(name) ?? []).filter((p) => !isTerminating(p));
      for (const failed of live.filter((p) => p.status?.phase === 'Failed')) {
        this.events.record(COMPONENT, ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${failed.metadata.namespace}/${failed.metadata.name} on node ${name}, will try to kill it`);
        this.deletePod(ds, failed);
      }
      const running = live.filter((p) => p.status?.phase !== 'Failed');
      if (!eligible.has(name)) {
        for (const p of running) this.deletePod(ds, p);
      } else if (running.length === 0 && !(byNode.get(name) ?? []).some(isTerminating)) {
        this.createPod(ds, name, hash);
      } else if (running.length > 1) {
        const keep = running.sort((a, b) => Number(isPodReady(b)) - Number(isPodReady(a)) || a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp))[0]!;
        for (const p of running) if (p !== keep && p.metadata.labels?.['controller-revision-hash'] === keep.metadata.labels?.['controller-revision-hash']) this.deletePod(ds, p);
      }
    }
    const wait = this.rollingUpdate(ds, hash, eligible);
    this.updateStatus(ds, hash, eligible);
    return wait === undefined ? {} : { requeueAfter: wait };
  }

  /** nodeShouldRunDaemonPod: the node passes the pod's node selection and every NoSchedule/NoExecute taint is tolerated. */
  private shouldRun(ds: KubeObject, node: KubeObject): boolean {
    const pod = { ...ds.spec.template, spec: { ...ds.spec.template.spec, tolerations: this.tolerations(ds) } } as KubeObject;
    if (!matchesRequired(pod, node)) return false;
    const taints: Taint[] = (node.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    return taints.every((t) => pod.spec.tolerations.some((tol: Toleration) => tolerates(tol, t)));
  }

  private tolerations(ds: KubeObject): Toleration[] {
    const own: Toleration[] = ds.spec.template.spec.tolerations ?? [];
    const extra = [...automaticTolerations, ...(ds.spec.template.spec.hostNetwork ? [hostNetworkToleration] : [])]
      .filter((t) => !own.some((o) => o.key === t.key && o.effect === t.effect));
    return [...own, ...extra];
  }

  private createPod(ds: KubeObject, node: string, hash: string): void {
    const template = thaw(ds.spec.template);
    const spec = template.spec;
    spec.tolerations = this.tolerations(ds);
    const affinity = spec.affinity ?? {};
    const nodeAffinity = affinity.nodeAffinity ?? {};
    // ReplaceDaemonSetPodNodeNameNodeAffinity: one term naming the node by metadata.name.
    nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
    };
    spec.affinity = { ...affinity, nodeAffinity };
    let pod: KubeObject;
    try {
      pod = this.store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${ds.metadata.name}-`,
          namespace: ds.metadata.namespace,
          labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': ds.metadata.annotations?.['deprecated.daemonset.template.generation'] ?? String(ds.metadata.generation ?? 1) },
          annotations: template.metadata?.annotations,
          ownerReferences: [controllerRef(ds)],
        },
        spec,
      });
    } catch (e) {
      // controller_utils.go createPods: the refusal is an event on the DaemonSet, then a retry.
      this.events.record(COMPONENT, ds, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
    this.events.record(COMPONENT, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  }

  private deletePod(ds: KubeObject, pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp) return;
    this.store.delete('Pod', pod.metadata);
    this.events.record(COMPONENT, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }

  /**
   * RollingUpdate without surge: delete old pods while fewer than maxUnavailable are unavailable
   * (the replacement is created on the next pass). With maxSurge: start the new pod first and
   * delete the old one once the new one is available. Returns when to look again for minReadySeconds.
   */
  private rollingUpdate(ds: KubeObject, hash: string, eligible: Set<string>): Millis | undefined {
    const strategy = ds.spec.updateStrategy ?? {};
    if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') return undefined;
    const desired = eligible.size;
    const maxSurge = scaledValue(strategy.rollingUpdate?.maxSurge ?? 0, desired, true);
    const maxUnavailable = maxSurge > 0 ? 0 : Math.max(1, scaledValue(strategy.rollingUpdate?.maxUnavailable ?? 1, desired, false));
    const pods = this.store.list('Pod', { namespace: ds.metadata.namespace, ownerUid: ds.metadata.uid }).filter((p) => !isTerminating(p));
    const minReady = (ds.spec.minReadySeconds ?? 0) * 1000;
    let wait: Millis | undefined;
    const available = (p: KubeObject) => {
      if (!isPodReady(p)) return false;
      const left = Date.parse(podCondition(p, 'Ready')?.lastTransitionTime ?? '') + minReady - this.clock.now();
      if (left > 0) wait = Math.min(wait ?? left, left);
      return left <= 0;
    };
    const nodesOld: KubeObject[] = [];
    let unavailable = 0;
    for (const node of eligible) {
      const onNode = pods.filter((p) => targetNode(p) === node);
      const fresh = onNode.find((p) => p.metadata.labels?.['controller-revision-hash'] === hash);
      const old = onNode.filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash);
      if (!onNode.some(available)) unavailable++;
      if (maxSurge > 0) {
        if (old.length && fresh && available(fresh)) for (const p of old) this.deletePod(ds, p);
        else if (old.length && !fresh) nodesOld.push(old[0]!);
      } else if (old.length) {
        nodesOld.push(old[0]!);
      }
    }
    if (maxSurge > 0) {
      const surging = pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash && !available(p) && pods.some((o) => targetNode(o) === targetNode(p) && o !== p)).length;
      for (const old of nodesOld.slice(0, Math.max(0, maxSurge - surging))) this.createPod(ds, targetNode(old)!, hash);
      return wait;
    }
    // Unavailable old pods go first; then available ones within the budget.
    nodesOld.sort((a, b) => Number(available(a)) - Number(available(b)));
    for (const old of nodesOld) {
      if (available(old)) {
        if (unavailable >= maxUnavailable) break;
        unavailable++;
      }
      this.deletePod(ds, old);
    }
    return wait;
  }

  private updateStatus(ds: KubeObject, hash: string, eligible: Set<string>): void {
    const pods = this.store.list('Pod', { namespace: ds.metadata.namespace, ownerUid: ds.metadata.uid }).filter((p) => !isTerminating(p));
    const scheduled = pods.filter((p) => p.spec?.nodeName);
    const onEligible = scheduled.filter((p) => eligible.has(p.spec.nodeName));
    const ready = onEligible.filter(isPodReady);
    const minReady = (ds.spec.minReadySeconds ?? 0) * 1000;
    const availableCount = ready.filter((p) => Date.parse(podCondition(p, 'Ready')?.lastTransitionTime ?? '') + minReady <= this.clock.now()).length;
    const status = {
      currentNumberScheduled: new Set(onEligible.map((p) => p.spec.nodeName)).size,
      numberMisscheduled: scheduled.filter((p) => !eligible.has(p.spec.nodeName)).length,
      desiredNumberScheduled: eligible.size,
      numberReady: ready.length,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: onEligible.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
      numberAvailable: availableCount,
      numberUnavailable: Math.max(0, eligible.size - availableCount),
    };
    const latest = this.store.get('DaemonSet', ds.metadata)!;
    const next = Object.fromEntries(Object.entries(status).filter(([k, v]) => v !== 0 || ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'].includes(k)));
    if (JSON.stringify(next) !== JSON.stringify(latest.status ?? {})) this.store.updateStatus({ ...latest, status: next });
  }
}

/** The node a daemon pod is for: its nodeName, or the node its matchFields affinity names. */
function targetNode(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name') return f.values?.[0];
  return undefined;
}
