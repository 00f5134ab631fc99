import type { Millis } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { qosClass } from '../qos.ts';
import { upsertCondition } from '../conditions.ts';
import { observed } from '../observed-generation.ts';
import { PHASE_RULES } from './pod-stages.ts';
import { PHASE_CONDITIONS } from './stage-conditions.ts';
import { isReady, isStarted, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';

/**
 * The pod status the kubelet reports for a runtime state: phase (kubelet.md §1), container
 * statuses (§2), conditions (§5) and addresses. Pure, so it is easy to test against the
 * reference tables.
 */
export function buildPodStatus(pod: KubeObject, rt: PodRuntime, now: Millis, hostIP: string, generation?: number) {
  const inits = rt.containers.filter((c) => c.init);
  const apps = rt.containers.filter((c) => !c.init);
  // SyncPod (kubelet.go v1.32) waits for the pod's volumes before it asks the runtime for a
  // sandbox: while a volume cannot be mounted there is no sandbox, so no pod IP and
  // PodReadyToStartContainers stays False (a real node showed a FailedMount pod without an IP).
  const sandboxReady = now >= rt.sandboxReadyAt && rt.mountRetryAt === undefined;
  // GeneratePodInitializedCondition (status/generate.go): once any app container has run, the
  // pod stays initialized, even while a sidecar restarts or after it was stopped.
  const appStarted = apps.some((c) => c.state !== 'waiting' || c.last !== undefined);
  const initsDone = inits.every((c) => (c.sidecar ? isStarted(c, now) : c.state === 'terminated' && c.exitCode === 0));
  const initialized = initsDone || appStarted;
  const phase = podPhase(pod, rt, initialized);
  const unready = [...inits.filter((c) => c.sidecar), ...apps].filter((c) => !isReady(c, now)).map((c) => c.name);
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const t = rfc3339(now);
  const incomplete = inits.filter((c) => !(c.state === 'terminated' && c.exitCode === 0) && !(c.sidecar && isStarted(c, now))).map((c) => c.name);
  // Each condition the kubelet generates records the generation it observed, if the release tracks it.
  const g = generation === undefined ? {} : { observedGeneration: generation };
  const conditions = [
    { type: 'PodReadyToStartContainers', ...g, status: sandboxReady && !finished ? 'True' : 'False', lastTransitionTime: t },
    phase === 'Succeeded'
      ? { type: 'Initialized', ...g, status: 'True', reason: 'PodCompleted', lastTransitionTime: t }
      : initialized
      ? { type: 'Initialized', ...g, status: 'True', lastTransitionTime: t }
      : { type: 'Initialized', ...g, status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]`, lastTransitionTime: t },
    readyCondition('ContainersReady', unready, phase, t, generation),
    readyCondition('Ready', unready, phase, t, generation),
  ];
  return {
    phase,
    // Held back with the phase until the containers have stopped (mergePodStatus).
    ...(rt.failure && phase === 'Failed' ? { reason: rt.failure.reason, message: rt.failure.message } : {}),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: sandboxReady ? rt.podIP : undefined,
    podIPs: sandboxReady ? [{ ip: rt.podIP }] : undefined,
    startTime: rfc3339(rt.startTime),
    qosClass: qosClass(pod),
    conditions,
    ...(inits.length ? { initContainerStatuses: inits.map((c) => containerStatus(c, now, pod.spec?.initContainers)) } : {}),
    containerStatuses: apps.map((c) => containerStatus(c, now, pod.spec?.containers)),
  };
}

/**
 * A readiness condition, observedGeneration last when the release tracks it. Set on the literal
 * rather than spread into a copy: a spread of these varied shapes took V8's slow clone path on
 * every sync of every pod.
 */
function readyCondition(type: string, unready: string[], phase: string, t: string, generation: number | undefined) {
  const condition: { type: string; status: string; reason?: string; message?: string; lastTransitionTime: string; observedGeneration?: number } =
    phase === 'Succeeded' || phase === 'Failed'
      ? { type, status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed', lastTransitionTime: t }
      : unready.length === 0
        ? { type, status: 'True', lastTransitionTime: t }
        : { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastTransitionTime: t };
  if (generation !== undefined) condition.observedGeneration = generation;
  return condition;
}

/** getPhase (reference/kubelet.md §1): the first of pod-stages.ts PHASE_RULES whose conditions hold. */
function podPhase(pod: KubeObject, rt: PodRuntime, initialized: boolean): string {
  const x = { pod, rt, initialized };
  return PHASE_RULES.find((r) => r.when.every((name) => PHASE_CONDITIONS[name](x)))!.phase;
}

/**
 * The container's mounts as its status lists them (convertToAPIContainerStatuses, kubelet_pods.go
 * v1.32, RecursiveReadOnlyMounts on by default since 1.31): name and path, and for a read-only
 * mount whether it is recursively read-only, Disabled unless the pod asked for it (containerd
 * 1.6 cannot do it, so IfPossible is Disabled too). A real node showed them on every pod.
 */
function mountStatuses(specs: any[] | undefined, name: string): object[] | undefined {
  const mounts = specs?.find((s: any) => s.name === name)?.volumeMounts;
  if (!mounts?.length) return undefined;
  return mounts.map((m: any) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: m.recursiveReadOnly === 'Enabled' ? 'Enabled' : 'Disabled' } : {}),
  }));
}

function containerStatus(c: ContainerRuntime, now: Millis, specs?: any[]) {
  const volumeMounts = mountStatuses(specs, c.name);
  // A restart backed off: the run that ended stays the state until the next sync shows the wait.
  const waitingHidden = c.waitingShownFrom !== undefined && now < c.waitingShownFrom;
  const state =
    c.state === 'running'
      ? { running: { startedAt: rfc3339(c.startedAt!) } }
      : c.state === 'terminated' && (c.startAt === undefined || waitingHidden)
        // convertToAPIContainerStatuses names the container in its terminated state too.
        ? { terminated: { exitCode: c.exitCode, reason: c.terminatedReason, startedAt: rfc3339(c.startedAt!), finishedAt: rfc3339(c.finishedAt!), ...(c.containerID ? { containerID: c.containerID } : {}) } }
        : { waiting: { reason: c.waitingReason, ...(c.waitingMessage ? { message: c.waitingMessage } : {}) } };
  const lastTermination = c.state === 'terminated' && c.startAt !== undefined && !waitingHidden
    ? { exitCode: c.exitCode, reason: c.terminatedReason, startedAt: rfc3339(c.startedAt!), finishedAt: rfc3339(c.finishedAt!) }
    : c.last && { exitCode: c.last.exitCode, reason: c.last.reason, startedAt: rfc3339(c.last.startedAt), finishedAt: rfc3339(c.last.finishedAt) };
  return {
    name: c.name,
    image: c.image,
    imageID: c.startedAt !== undefined ? `sim://${c.image}` : '',
    ...(c.containerID ? { containerID: c.containerID } : {}),
    // prober_manager.go UpdatePodStatus: a regular init container is ready once it exited 0 and
    // started while it runs (it has no probes); others go by their probes.
    ready: c.init && !c.sidecar ? c.state === 'terminated' && c.exitCode === 0 && c.startAt === undefined : isReady(c, now),
    started: c.init && !c.sidecar ? c.state === 'running' : isStarted(c, now),
    restartCount: c.restartCount,
    state,
    lastState: lastTermination ? { terminated: lastTermination } : {},
    ...(volumeMounts ? { volumeMounts } : {}),
  };
}

/**
 * The status the kubelet writes over `current`: only top-level fields and the conditions list
 * are replaced (a shallow copy does). The kubelet owns its conditions; others (PodScheduled
 * from the scheduler, DisruptionTarget) stay as they are, listed first, then the kubelet's in
 * its own order (generateAPIPodStatus): the order `kubectl describe pod` lists them in.
 * `generation` is what the kubelet records as observed (observed-generation.ts), if anything:
 * the same as buildPodStatus was given.
 */
export function mergedPodStatus(current: any, status: ReturnType<typeof buildPodStatus>, generation?: number): any {
  // PodStatus lists observedGeneration first (types.go): a first write puts it there.
  const next = current?.observedGeneration === undefined && generation !== undefined ? { observedGeneration: generation, ...(current ?? {}) } : { ...(current ?? {}) };
  const { conditions, ...fields } = status;
  Object.assign(next, fields);
  if (generation !== undefined) next.observedGeneration = generation;
  for (const cond of conditions) next.conditions = upsertCondition(next.conditions, cond);
  next.conditions = inKubeletOrder(next.conditions);
  // generateAPIPodStatus regenerates PodScheduled too, so it carries the kubelet's observedGeneration.
  const scheduled = next.conditions.findIndex((c: any) => c.type === 'PodScheduled');
  if (scheduled >= 0) next.conditions[scheduled] = observed(withoutNullProbeTime(next.conditions[scheduled]), generation);
  return next;
}

/**
 * The binding stores PodScheduled with a null lastProbeTime, which the store's decoder drops from
 * the kubelet's first status write anyway; dropped here instead, the condition is not turned into
 * a slow dictionary-mode object by that deletion (conditions.ts).
 */
function withoutNullProbeTime(condition: any): any {
  if (condition.lastProbeTime !== null) return condition;
  const { lastProbeTime: _, ...rest } = condition;
  return rest;
}

/** The conditions the kubelet owns, in the order it writes them (generateAPIPodStatus). */
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function inKubeletOrder(conditions: any[]): any[] {
  // Others first as they stand, then the kubelet's by rank, ties as they stand (a stable sort by
  // rank), without the filters and sort: this runs at every sync of every pod.
  const out: any[] = [];
  for (const c of conditions) if (!KUBELET_CONDITIONS.includes(c.type)) out.push(c);
  for (const type of KUBELET_CONDITIONS) for (const c of conditions) if (c.type === type) out.push(c);
  return out;
}
