import type { Millis } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { qosClass } from '../qos.ts';
import { isReady, isStarted, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';

/**
 * The pod status the kubelet reports for a runtime state: phase (kubelet.md §1), container
 * statuses (§2), conditions (§5) and addresses. Pure, so it is easy to test against the
 * reference tables.
 */
export function buildPodStatus(pod: KubeObject, rt: PodRuntime, now: Millis, hostIP: string) {
  const inits = rt.containers.filter((c) => c.init);
  const apps = rt.containers.filter((c) => !c.init);
  const sandboxReady = now >= rt.sandboxReadyAt;
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
  const conditions = [
    { type: 'PodReadyToStartContainers', status: sandboxReady && !finished ? 'True' : 'False', lastTransitionTime: t },
    phase === 'Succeeded'
      ? { type: 'Initialized', status: 'True', reason: 'PodCompleted', lastTransitionTime: t }
      : initialized
      ? { type: 'Initialized', status: 'True', lastTransitionTime: t }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]`, lastTransitionTime: t },
    readyCondition('ContainersReady', unready, phase, t),
    readyCondition('Ready', unready, phase, t),
  ];
  return {
    phase,
    ...(rt.failure ? { reason: rt.failure.reason, message: rt.failure.message } : {}),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: sandboxReady ? rt.podIP : undefined,
    podIPs: sandboxReady ? [{ ip: rt.podIP }] : undefined,
    startTime: rfc3339(rt.startTime),
    qosClass: qosClass(pod),
    conditions,
    ...(inits.length ? { initContainerStatuses: inits.map((c) => containerStatus(c, now)) } : {}),
    containerStatuses: apps.map((c) => containerStatus(c, now)),
  };
}

function readyCondition(type: string, unready: string[], phase: string, t: string) {
  if (phase === 'Succeeded' || phase === 'Failed') {
    return { type, status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed', lastTransitionTime: t };
  }
  if (unready.length === 0) return { type, status: 'True', lastTransitionTime: t };
  return { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastTransitionTime: t };
}

/** getPhase: see reference/kubelet.md §1. */
function podPhase(pod: KubeObject, rt: PodRuntime, initialized: boolean): string {
  if (rt.failure) return 'Failed';
  // A pod being stopped is not terminal while a sidecar still runs (it stops after the mains);
  // once it has stopped, a terminated sidecar does not count toward the phase (getPhase).
  if (rt.terminating && rt.containers.some((c) => c.sidecar && c.state === 'running')) return 'Running';
  const policy = pod.spec.restartPolicy ?? 'Always';
  const failedInit = rt.containers.some((c) => c.init && !c.sidecar && c.state === 'terminated' && c.exitCode !== 0 && c.startAt === undefined);
  if (failedInit && policy === 'Never') return 'Failed';
  if (!initialized) return 'Pending';
  const apps = rt.containers.filter((c) => !c.init);
  const running = apps.filter((c) => c.state === 'running').length;
  const terminated = apps.filter((c) => c.state === 'terminated');
  const waiting = apps.filter((c) => c.state === 'waiting');
  if (running > 0) return 'Running';
  if (terminated.length === apps.length && apps.length > 0) {
    const willRestart = terminated.some((c) => c.startAt !== undefined);
    if (willRestart) return 'Running';
    return terminated.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  if (waiting.some((c) => c.restartCount > 0 || c.last) || terminated.length > 0) return 'Running';
  return 'Pending';
}

function containerStatus(c: ContainerRuntime, now: Millis) {
  const state =
    c.state === 'running'
      ? { running: { startedAt: rfc3339(c.startedAt!) } }
      : c.state === 'terminated' && c.startAt === undefined
        ? { terminated: { exitCode: c.exitCode, reason: c.terminatedReason, startedAt: rfc3339(c.startedAt!), finishedAt: rfc3339(c.finishedAt!) } }
        : { waiting: { reason: c.waitingReason, ...(c.waitingMessage ? { message: c.waitingMessage } : {}) } };
  const lastTermination = c.state === 'terminated' && c.startAt !== undefined
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
  };
}
