import { behaviour, featureEnabled, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { holdsResources, nodeAllocatable, podRequests, type Resources } from '../../kube/pod-resources.ts';
import { memoByObject } from '../../kube/memo.ts';
import { rfc3339, type Millis } from '../clock.ts';
import { deepEqual } from '../store/apply/object-fields.ts';
import { shallowCopy } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { WatchEvent } from '../store/watch.ts';
import { stoppedBySigterm } from './container-behavior.ts';
import type { ContainerRuntime, PodRuntime } from './pod-runtime.ts';

/**
 * How long the container runtime takes to apply a resize (UpdateContainerResources) before the
 * kubelet's next sync finds allocated == actual. A simulator choice: upstream re-syncs a resizing
 * pod within about a second; in between the pod shows PodResizeInProgress.
 */
export const RESIZE_ACTUATION_MS = 1000;
/** allocation_manager.go retryDelay: how often deferred resizes are retried without a trigger. */
export const RESIZE_RETRY_MS = 3 * 60_000;

/** The kubelet's record of one pod's resources (allocation/state, status manager's resize conditions). */
interface PodAllocation {
  /** The pod as admitted with its allocated resources (spec only): what the node accounts for. */
  allocated: { spec: any; status?: undefined };
  /** What the runtime has applied (the containers' cgroups). */
  actual: { spec: any };
  pending?: { reason: 'Deferred' | 'Infeasible'; message: string; generation?: number; since: Millis; probed: Millis };
  inProgress?: { generation?: number; since: Millis; until: Millis };
}

/** What the resize handling asks of the kubelet around it. */
export interface PodResizeHost {
  store: ObjectStore;
  version: KubernetesRelease;
  event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** The generation the kubelet records as observed (observed-generation.ts), if the release tracks it. */
  observedGeneration(pod: KubeObject): number | undefined;
}

/**
 * In-place pod resize on the kubelet's side (InPlacePodVerticalScaling, on from 1.33), after
 * k8s.io/kubernetes@v1.37.2 pkg/kubelet: allocation/allocation_manager.go handlePodResourcesResize
 * and retryPendingResizes, status/status_manager.go (PodResizePending: reason Deferred or
 * Infeasible; PodResizeInProgress), kubelet.go SyncPod (ResizeCompleted once allocated == actual),
 * kubelet_pods.go convertToAPIContainerStatuses (status.containerStatuses[].resources: what is
 * applied; allocatedResources: the allocated requests), kuberuntime_manager.go
 * computePodResizeAction (a changed resource whose resizePolicy is RestartContainer restarts the
 * container: "Container X resize requires restart") and events/resize.go (event texts).
 *
 * A resize that fits the node's allocatable minus what the node's other pods have allocated is
 * allocated at once; one that does not fit now is Deferred and retried when a pod on the node
 * changes or goes, and every three minutes. Up to 1.35 one beyond the node's allocatable is
 * Infeasible (canResizePod, @v1.35.4 allocation_manager.go:711); from 1.36 the API server refuses
 * it (PodResizeValidator). Not modelled: swap, static CPU/memory manager policies, pod-level
 * resources, memory-limit decrease checks, the order of pending resizes (by priority).
 */
export class PodResizes {
  private readonly allocations = new Map<string, PodAllocation>();
  private readonly enabled: boolean;
  /** Pods whose deferred resize another pod's change asked to retry (RetryPendingResizes). */
  private readonly retryNow = new Set<string>();
  /** The pods with a Deferred resize, by id: their node and key (podsWithPendingResizes). */
  private readonly deferred = new Map<string, { node: string; key: ObjectKey }>();

  constructor(private readonly host: PodResizeHost) {
    this.enabled = featureEnabled(host.version, 'InPlacePodVerticalScaling');
  }

  /**
   * One sync's look at the pod (HandlePodUpdates → RetryPendingResizes, then SyncPod): allocate
   * a changed spec if it fits, restart the containers its policy says, finish an actuated resize.
   */
  sync(pod: KubeObject, rt: PodRuntime, now: Millis): void {
    if (!this.enabled) return;
    let a = this.allocations.get(rt.uid);
    if (!a) {
      // Admission allocates what the spec asks (SetAllocatedResources at HandlePodAdditions).
      const admitted = { spec: resourcesSpec(pod.spec) };
      this.allocations.set(rt.uid, (a = { allocated: admitted, actual: admitted }));
    }
    const desired = resourcesSpec(pod.spec);
    if (deepEqual(desired, a.allocated.spec)) {
      a.pending = undefined; // reverted, or allocated
    } else if (this.retryDue(pod, rt, a, now)) {
      this.retryNow.delete(rt.uid);
      const refusal = this.refusal(pod, desired);
      if (!refusal) this.allocate(pod, rt, a, desired, now);
      else this.setPending(pod, a, refusal, now);
    }
    if (a.pending?.reason === 'Deferred') this.deferred.set(rt.uid, { node: pod.spec.nodeName, key: { namespace: pod.metadata.namespace, name: pod.metadata.name } });
    else this.deferred.delete(rt.uid);
    if (a.inProgress && now >= a.inProgress.until) {
      a.actual = a.allocated;
      const generation = a.inProgress.generation;
      a.inProgress = undefined;
      this.host.event(pod, 'Normal', 'ResizeCompleted', `Pod resize completed: ${summary(a.allocated.spec, generation, undefined)}`);
    }
  }

  /**
   * Whether a pending resize is looked at again now: a new generation (pod_resized), a trigger
   * from another pod (deferredOn), or the retry ticker for a Deferred one. An Infeasible resize
   * leaves the retry list (retryPendingResizes) until the pod is resized again.
   */
  private retryDue(pod: KubeObject, rt: PodRuntime, a: PodAllocation, now: Millis): boolean {
    const p = a.pending;
    if (!p || p.generation !== pod.metadata.generation || this.retryNow.has(rt.uid)) return true;
    return p.reason === 'Deferred' && now >= p.probed + RESIZE_RETRY_MS;
  }

  /** When this pod's resize needs another look: actuation done, or the periodic retry. */
  wakeAt(pod: KubeObject, rt: PodRuntime): Millis | undefined {
    const a = this.enabled ? this.allocations.get(rt.uid) : undefined;
    if (a?.inProgress) return a.inProgress.until;
    if (a?.pending?.reason === 'Deferred') return a.pending.probed + RESIZE_RETRY_MS;
    return undefined;
  }

  /**
   * The pods whose deferred resize a change of another pod on their node may unblock: the
   * triggers of RetryPendingResizes (a pod added, removed, finished, or resized: pods_added,
   * pods_removed, pod_terminated, pod_updated). A plain status write of another pod is none.
   */
  deferredOn(e: WatchEvent): ObjectKey[] {
    const changed = e.object;
    // RemovePod: a deleted pod's allocation goes with it.
    if (e.type === 'DELETED') {
      this.allocations.delete(idOf(changed));
      this.deferred.delete(idOf(changed));
    }
    const node = changed.spec?.nodeName;
    if (!this.enabled || !node || this.deferred.size === 0 || !this.retriesOn(e)) return [];
    const out: ObjectKey[] = [];
    for (const [id, d] of this.deferred) {
      if (d.node !== node || id === idOf(changed)) continue;
      this.retryNow.add(id);
      out.push(d.key);
    }
    return out;
  }

  private retriesOn(e: WatchEvent): boolean {
    if (e.type !== 'MODIFIED' || !e.old) return true;
    const finished = (p: KubeObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    return finished(e.object) !== finished(e.old) || e.object.spec !== e.old.spec;
  }

  /**
   * The pod status with what the resize state adds: containers' resources and allocatedResources,
   * and the PodResizePending / PodResizeInProgress conditions (generateAPIPodStatus puts them
   * after the conditions others own, before the kubelet's own).
   */
  status(pod: KubeObject, rt: PodRuntime, status: any): any {
    if (!this.enabled) return status;
    const a = this.allocations.get(rt.uid);
    if (!a) return status;
    const out = shallowCopy(status);
    const decorate = (list: any[] | undefined, field: 'containers' | 'initContainers') => list?.map((s: any) => {
      const c = rt.containers.find((x) => x.name === s.name && x.init === (field === 'initContainers'));
      if (!c?.containerID) return s;
      const allocated = containerOf(a.allocated.spec, field, s.name)?.resources ?? {};
      const applied = c.state === 'running' ? containerOf(a.actual.spec, field, s.name)?.resources ?? {} : allocated;
      const decorated = shallowCopy(s);
      if (allocated.requests) decorated.allocatedResources = allocated.requests;
      decorated.resources = applied;
      return decorated;
    });
    if (status.containerStatuses) out.containerStatuses = decorate(status.containerStatuses, 'containers');
    if (status.initContainerStatuses) out.initContainerStatuses = decorate(status.initContainerStatuses, 'initContainers');
    const others = (status.conditions ?? []).filter((c: any) => c.type !== 'PodResizePending' && c.type !== 'PodResizeInProgress');
    const resize: any[] = [];
    // CalculatePodConditionObservedGeneration: only where the release tracks it.
    const tracked = this.host.observedGeneration(pod) !== undefined;
    const g = (generation: number | undefined) => (!tracked || generation === undefined ? {} : { observedGeneration: generation });
    if (a.pending) {
      resize.push({ type: 'PodResizePending', ...g(a.pending.generation), status: 'True', lastProbeTime: rfc3339(a.pending.probed), lastTransitionTime: rfc3339(a.pending.since), reason: a.pending.reason, message: a.pending.message });
    }
    if (a.inProgress) {
      resize.push({ type: 'PodResizeInProgress', ...g(a.inProgress.generation), status: 'True', lastProbeTime: rfc3339(a.inProgress.since), lastTransitionTime: rfc3339(a.inProgress.since) });
    }
    const firstKubelet = others.findIndex((c: any) => KUBELET_OWN.includes(c.type));
    const at = firstKubelet < 0 ? others.length : firstKubelet;
    out.conditions = [...others.slice(0, at), ...resize, ...others.slice(at)];
    return out;
  }

  /** Why the desired resources cannot be allocated now (reason and message), or undefined if they fit. */
  private refusal(pod: KubeObject, desired: any): { reason: 'Deferred' | 'Infeasible'; message: string } | undefined {
    const node = this.host.store.get('Node', { name: pod.spec.nodeName });
    if (!node) return undefined;
    const wanted = podRequests({ spec: desired });
    const allocatable = nodeAllocatable(node);
    if (behaviour(this.host.version, 'api.pod.resizeBeyondNodeAllocatable').value === 'kubelet') {
      // canResizePod (@v1.35.4 allocation_manager.go:711): memory is named when both exceed.
      if (wanted.memory > allocatable.memory) return { reason: 'Infeasible', message: `Node didn't have enough capacity: memory, requested: ${wanted.memory}, capacity: ${allocatable.memory}` };
      if (wanted.milliCpu > allocatable.milliCpu) return { reason: 'Infeasible', message: `Node didn't have enough capacity: cpu, requested: ${wanted.milliCpu}, capacity: ${allocatable.milliCpu}` };
    }
    // canAdmitPod → the predicate admit handler (lifecycle/predicate.go InsufficientResourceError),
    // over the other pods' allocated resources; any such refusal is Deferred (SetPodResizePendingCondition).
    const used = this.usedByOthers(pod);
    if (wanted.milliCpu > allocatable.milliCpu - used.milliCpu) return { reason: 'Deferred', message: insufficient('cpu', wanted.milliCpu, used.milliCpu, allocatable.milliCpu) };
    if (wanted.memory > allocatable.memory - used.memory) return { reason: 'Deferred', message: insufficient('memory', wanted.memory, used.memory, allocatable.memory) };
    return undefined;
  }

  /** What the node's other admitted, unfinished pods have allocated (getAllocatedPods). */
  private usedByOthers(pod: KubeObject): Resources {
    const used = { milliCpu: 0, memory: 0 };
    for (const p of this.host.store.list('Pod', { unsorted: true })) {
      if (p.spec?.nodeName !== pod.spec.nodeName || p.metadata.uid === pod.metadata.uid || !holdsResources(p)) continue;
      const a = this.allocations.get(idOf(p));
      if (!a) continue; // not admitted yet: upstream filters those out too
      const r = podRequests(a.allocated);
      used.milliCpu += r.milliCpu;
      used.memory += r.memory;
    }
    return { ...used, ephemeralStorage: 0, pods: 0, scalar: {} };
  }

  /** handlePodResourcesResize's fit branch: allocate, clear pending, start PodResizeInProgress. */
  private allocate(pod: KubeObject, rt: PodRuntime, a: PodAllocation, desired: any, now: Millis): void {
    const generation = pod.metadata.generation;
    for (const c of rt.containers) {
      if (c.state !== 'running' || !restartRequired(c, containerOf(a.allocated.spec, c.init ? 'initContainers' : 'containers', c.name), containerOf(desired, c.init ? 'initContainers' : 'containers', c.name))) continue;
      this.restart(pod, c, now);
    }
    a.allocated = { spec: desired };
    a.pending = undefined;
    a.inProgress = { generation, since: now, until: now + RESIZE_ACTUATION_MS };
    this.host.event(pod, 'Normal', 'ResizeStarted', `Pod resize started: ${summary(desired, generation, undefined)}`);
  }

  /** ContainersToKill with "Container X resize requires restart", then started again in the same sync (no back-off). */
  private restart(pod: KubeObject, c: ContainerRuntime, now: Millis): void {
    this.host.event(pod, 'Normal', 'Killing', `Container ${c.name} resize requires restart`, `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`);
    const end = stoppedBySigterm(c.behavior);
    c.state = 'terminated';
    c.finishedAt = now;
    c.exitCode = end.exitCode;
    c.terminatedReason = end.reason;
    c.startAt = now;
  }

  /** SetPodResizePendingCondition, with its event when the reason or generation is new. */
  private setPending(pod: KubeObject, a: PodAllocation, refusal: { reason: 'Deferred' | 'Infeasible'; message: string }, now: Millis): void {
    const generation = pod.metadata.generation;
    const before = a.pending;
    const changed = !before || before.reason !== refusal.reason || before.generation !== generation;
    // Each retry sets the condition again (updatedPodResizeCondition: lastProbeTime is now).
    a.pending = { ...refusal, generation, since: before && before.reason === refusal.reason ? before.since : now, probed: now };
    if (!changed) return;
    const desired = resourcesSpec(pod.spec);
    const error = summary(desired, generation, refusal.message);
    this.host.event(pod, 'Warning', refusal.reason === 'Infeasible' ? 'ResizeInfeasible' : 'ResizeDeferred', `Pod resize ${refusal.reason}: ${error}`);
  }
}

/** What the kubelet knows a pod by (pod-admission.ts identity): its uid, or a static pod's config hash. */
const idOf = (pod: KubeObject): string => pod.metadata.annotations?.['kubernetes.io/config.mirror'] ?? pod.metadata.uid;

/** The conditions the kubelet generates itself; the resize conditions go just before them. */
const KUBELET_OWN = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/**
 * A pod spec reduced to what resources and restarts depend on (containers' names, resources,
 * resizePolicy, overhead); one per stored spec, which every status write shares, so a sync of
 * an unresized pod compares an object with itself.
 */
const resourcesSpec = memoByObject((spec: any) => slimSpec(spec));

function slimSpec(spec: any): any {
  const slim = (c: any) => ({ name: c.name, ...(c.restartPolicy ? { restartPolicy: c.restartPolicy } : {}), ...(c.resources ? { resources: c.resources } : {}), ...(c.resizePolicy ? { resizePolicy: c.resizePolicy } : {}) });
  return {
    containers: (spec.containers ?? []).map(slim),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(slim) } : {}),
    ...(spec.overhead ? { overhead: spec.overhead } : {}),
  };
}

function containerOf(spec: any, field: 'containers' | 'initContainers', name: string): any {
  return (spec[field] ?? []).find((c: any) => c.name === name);
}

/** computePodResizeAction: a changed cpu or memory value whose resizePolicy is RestartContainer. */
function restartRequired(c: ContainerRuntime, before: any, after: any): boolean {
  if (!before || !after) return false;
  const policy = (r: string) => (after.resizePolicy ?? []).find((p: any) => p.resourceName === r)?.restartPolicy ?? 'NotRequired';
  return ['cpu', 'memory'].some((r) => policy(r) === 'RestartContainer'
    && (String(before.resources?.requests?.[r]) !== String(after.resources?.requests?.[r]) || String(before.resources?.limits?.[r]) !== String(after.resources?.limits?.[r])))
    && c.state === 'running';
}

/** InsufficientResourceError.Error() (lifecycle/predicate.go). */
function insufficient(resource: string, requested: number, used: number, capacity: number): string {
  return `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`;
}

/** events/resize.go makeResourceSummaryFromSpec: the desired resources as JSON, Go's field and key order. */
function summary(spec: any, generation: number | undefined, error: string | undefined): string {
  const allocation = (c: any) => ({ name: c.name, resources: requirements(c.resources) });
  return JSON.stringify({
    ...(spec.initContainers?.length ? { initContainers: spec.initContainers.map(allocation) } : {}),
    ...(spec.containers?.length ? { containers: spec.containers.map(allocation) } : {}),
    generation: generation ?? 0,
    ...(error ? { error } : {}),
  });
}

function requirements(r: any): object {
  const sorted = (list: Record<string, unknown>) => Object.fromEntries(Object.entries(list).sort(([x], [y]) => (x < y ? -1 : 1)));
  return { ...(r?.limits ? { limits: sorted(r.limits) } : {}), ...(r?.requests ? { requests: sorted(r.requests) } : {}), ...(r?.claims ? { claims: r.claims } : {}) };
}
