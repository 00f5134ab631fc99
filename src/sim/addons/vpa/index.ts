import { rfc3339, type VirtualClock } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey, ObjectInput } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../../controllers/controller.ts';
import type { ControllerManager } from '../../controllers/manager.ts';
import type { AdmissionPlugin, AdmissionRequest } from '../../admission/admission.ts';
import type { MetricsServer } from '../../metrics.ts';
import { ownKey } from '../../controllers/controller.ts';
import { evictPod } from '../../api/eviction.ts';
import { bytes, milliCpu } from '../../../kube/quantity.ts';

const COMPONENT = 'vpa-updater';
/** The recommender's and updater's loop period (--recommender-interval, --updater-interval). */
const LOOP = 60_000;
/** Recommender defaults: a 15 % safety margin, and floors of 25 millicores and 250 MiB per container. */
const MARGIN = 1.15;
const MIN_CPU = 25;
const MIN_MEMORY = 250 * 1024 * 1024;
/** The updater leaves a workload alone below this many live pods (--min-replicas). */
const MIN_REPLICAS = 2;

/** Whether the simulated VPA components run (their admission webhook exists only then). */
export class VerticalPodAutoscaling {
  installed = false;
}

/** The VerticalPodAutoscaler CRD of the autoscaler project (autoscaling.k8s.io/v1), with an open schema. */
export function vpaDefinition(): ObjectInput {
  const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: 'verticalpodautoscalers.autoscaling.k8s.io', annotations: { 'api-approved.kubernetes.io': 'https://github.com/kubernetes/kubernetes/pull/63797' } },
    spec: {
      group: 'autoscaling.k8s.io', scope: 'Namespaced',
      names: { kind: 'VerticalPodAutoscaler', listKind: 'VerticalPodAutoscalerList', plural: 'verticalpodautoscalers', singular: 'verticalpodautoscaler', shortNames: ['vpa'] },
      versions: [{ name: 'v1', served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', properties: { spec: open, status: open } } } }],
    },
  };
}

const modeOf = (vpa: KubeObject) => (vpa.spec as any)?.updatePolicy?.updateMode ?? 'Auto';

/** The workload that owns a pod, following ReplicaSet → Deployment. */
function workloadOf(store: ObjectStore, pod: KubeObject): { kind: string; name: string } | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return undefined;
  if (ref.kind === 'ReplicaSet') {
    const rs = store.get('ReplicaSet', { namespace: pod.metadata.namespace, name: ref.name });
    const up = rs?.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    if (up) return { kind: 'Deployment', name: up.name };
  }
  return { kind: ref.kind, name: ref.name };
}

function vpaFor(store: ObjectStore, pod: KubeObject): KubeObject | undefined {
  const workload = workloadOf(store, pod);
  if (!workload) return undefined;
  return store.list('VerticalPodAutoscaler', { namespace: pod.metadata.namespace }).find((v) => (v.spec as any)?.targetRef?.kind === workload.kind && (v.spec as any)?.targetRef?.name === workload.name);
}

const cpuText = (m: number) => `${m}m`;
const memoryText = (b: number) => `${Math.ceil(b / 1024 / 1024)}Mi`;

/** The recommendation's target for each container, in millicores and bytes. */
function targets(vpa: KubeObject): Map<string, { cpu: number; memory: number }> {
  const out = new Map<string, { cpu: number; memory: number }>();
  for (const r of (vpa.status as any)?.recommendation?.containerRecommendations ?? []) out.set(r.containerName, { cpu: milliCpu(r.target.cpu), memory: bytes(r.target.memory) });
  return out;
}

/**
 * The VPA admission controller: a pod created for a workload whose VPA is not Off gets the
 * recommended requests (limits scaled in proportion), with the annotations it leaves.
 */
export function vpaAdmission(store: () => ObjectStore, vpa: VerticalPodAutoscaling): AdmissionPlugin {
  return {
    name: 'vpa-admission-controller',
    admit(request: AdmissionRequest): void {
      const pod = request.object;
      if (!vpa.installed || request.operation !== 'CREATE' || pod.kind !== 'Pod') return;
      const owner = vpaFor(store(), pod);
      if (!owner || modeOf(owner) === 'Off') return;
      const recommended = targets(owner);
      const changed: string[] = [];
      (pod.spec?.containers ?? []).forEach((c: any, i: number) => {
        const t = recommended.get(c.name);
        if (!t) return;
        const requests = c.resources?.requests ?? {};
        const limits = { ...(c.resources?.limits ?? {}) };
        if (limits.cpu && requests.cpu) limits.cpu = cpuText(Math.round((milliCpu(limits.cpu) * t.cpu) / milliCpu(requests.cpu)));
        if (limits.memory && requests.memory) limits.memory = memoryText((bytes(limits.memory) * t.memory) / bytes(requests.memory));
        c.resources = { ...c.resources, requests: { ...requests, cpu: cpuText(t.cpu), memory: memoryText(t.memory) }, ...(Object.keys(limits).length ? { limits } : {}) };
        changed.push(`container ${i}: cpu request, memory request`);
      });
      if (!changed.length) return;
      pod.metadata.annotations = { ...pod.metadata.annotations, vpaUpdates: `Pod resources updated by ${owner.metadata.name}: ${changed.join('; ')}`, vpaObservedContainers: pod.spec.containers.map((c: any) => c.name).join(', ') };
    },
  };
}

/**
 * The recommender and updater, folded into one loop per VPA on their one-minute period. The
 * recommender turns the measured usage of the target's pods (the simulator's metrics-server)
 * into a per-container target: usage × 1.15, at least 25m CPU and 250Mi memory, within the
 * container policy's minAllowed/maxAllowed. With steady usage its confidence interval collapses,
 * so the lower and upper bounds equal the target here (the real ones widen with little history).
 * Off only records; Initial applies at pod creation (admission); Recreate and Auto also have the
 * updater evict, one pod per loop and only while at least two are live, each pod whose requests
 * are off the recommendation by more than 10 %.
 */
export class VpaController implements Controller {
  readonly name = 'vpa';

  constructor(private readonly store: ObjectStore, private readonly clock: VirtualClock, private readonly events: EventRecorder, private readonly metrics: MetricsServer) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const vpa = this.store.get('VerticalPodAutoscaler', key);
    if (!vpa) return {};
    const now = this.clock.now();
    // The recommender and the updater act on their loop's ticks (whole minutes of virtual time).
    if (now % LOOP !== 0) return { requeueAfter: LOOP - (now % LOOP) };
    const pods = this.store.list('Pod', { namespace: key.namespace }).filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && vpaFor(this.store, p)?.metadata.uid === vpa.metadata.uid);
    const recommendation = this.recommend(vpa, pods);
    if (!recommendation) return {};
    if (JSON.stringify((vpa.status as any)?.recommendation) !== JSON.stringify(recommendation)) {
      const conditions = [{ type: 'RecommendationProvided', status: 'True', lastTransitionTime: (vpa.status as any)?.conditions?.[0]?.lastTransitionTime ?? rfc3339(now) }];
      this.store.updateStatus({ ...vpa, status: { ...(vpa.status as any), recommendation, conditions } });
      return { requeueAfter: LOOP };
    }
    const mode = modeOf(vpa);
    if ((mode === 'Recreate' || mode === 'Auto') && pods.length >= MIN_REPLICAS) {
      const wanted = targets(vpa);
      const stale = pods.find((p) => (p.spec?.containers ?? []).some((c: any) => {
        const t = wanted.get(c.name);
        return t && (off(milliCpu(c.resources?.requests?.cpu), t.cpu) || off(bytes(c.resources?.requests?.memory), t.memory));
      }));
      if (stale) {
        this.events.record(COMPONENT, stale, 'Normal', 'EvictedByVPA', 'Pod was evicted by VPA Updater to apply resource recommendation.');
        evictPod(this.store, this.clock, stale.metadata.namespace!, stale.metadata.name);
        return { requeueAfter: LOOP };
      }
    }
    return {};
  }

  private recommend(vpa: KubeObject, pods: KubeObject[]): object | undefined {
    const usage = new Map<string, { cpu: number; memory: number }>();
    for (const pod of pods) {
      for (const c of this.metrics.containerUsage(pod) ?? []) {
        const before = usage.get(c.name) ?? { cpu: 0, memory: 0 };
        usage.set(c.name, { cpu: Math.max(before.cpu, c.cpu), memory: Math.max(before.memory, c.memory) });
      }
    }
    if (!usage.size) return undefined;
    const policies: any[] = (vpa.spec as any)?.resourcePolicy?.containerPolicies ?? [];
    const containerRecommendations = [...usage].sort(([a], [b]) => a.localeCompare(b)).map(([name, u]) => {
      const policy = policies.find((p) => p.containerName === name) ?? policies.find((p) => p.containerName === '*') ?? {};
      const uncapped = { cpu: Math.max(MIN_CPU, Math.round(u.cpu * MARGIN)), memory: Math.max(MIN_MEMORY, Math.round(u.memory * MARGIN)) };
      const clamp = (value: number, resource: 'cpu' | 'memory') => {
        const parse = resource === 'cpu' ? milliCpu : bytes;
        const min = policy.minAllowed?.[resource] !== undefined ? parse(policy.minAllowed[resource]) : 0;
        const max = policy.maxAllowed?.[resource] !== undefined ? parse(policy.maxAllowed[resource]) : Infinity;
        return Math.min(max, Math.max(min, value));
      };
      const target = { cpu: cpuText(clamp(uncapped.cpu, 'cpu')), memory: memoryText(clamp(uncapped.memory, 'memory')) };
      return { containerName: name, lowerBound: target, target, uncappedTarget: { cpu: cpuText(uncapped.cpu), memory: memoryText(uncapped.memory) }, upperBound: target };
    });
    return { containerRecommendations };
  }
}

/** More than 10 % away: the updater's threshold for a pod worth recreating. */
const off = (actual: number, target: number) => Math.abs(actual - target) > 0.1 * target;

/** Installs the VPA (CRD when missing, recommender, updater, admission controller). */
export function installVpa(parts: { store: ObjectStore; clock: VirtualClock; events: EventRecorder; manager: ControllerManager; metrics: MetricsServer; vpa: VerticalPodAutoscaling; settle(): void }): void {
  if (parts.vpa.installed) return;
  if (!parts.store.get('CustomResourceDefinition', { name: 'verticalpodautoscalers.autoscaling.k8s.io' })) parts.store.create(vpaDefinition());
  parts.settle();
  parts.vpa.installed = true;
  const all = (namespace?: string) => parts.store.list('VerticalPodAutoscaler', { namespace }).map((v) => ({ namespace: v.metadata.namespace, name: v.metadata.name }));
  const controller = new VpaController(parts.store, parts.clock, parts.events, parts.metrics);
  parts.manager.register(controller, [{ kind: 'VerticalPodAutoscaler', keys: ownKey }, { kind: 'Pod', keys: (e) => all(e.object.metadata.namespace) }]);
  // Usage is not an API object: a change of it is what the recommender's next loop would see.
  parts.metrics.onChange(() => {
    for (const v of parts.store.list('VerticalPodAutoscaler')) parts.manager.resync(v);
  });
  for (const v of parts.store.list('VerticalPodAutoscaler')) parts.manager.resync(v);
}
