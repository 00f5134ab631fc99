import type { Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import type { EntrypointRefusal } from './image-entrypoint.ts';
import type { ContainerRuntime, PodRuntime } from './pod-runtime.ts';
import { timings } from './timings.ts';

/**
 * What a stage's conditions and message templates see (pod-stages.ts): the pod, its runtime,
 * the container the stage is about (absent for pod stages), the time, and the facts the sync
 * worked out for this step. Facts are what the algorithmic parts computed (when a kill ends,
 * the error a pull gave, the back-off entry): the stage table decides with them, never computes.
 */
export interface StageContext {
  pod: KubeObject;
  rt: PodRuntime;
  c?: ContainerRuntime;
  now: Millis;
  facts: Facts;
}

/** Values one step of the sync computed; each is named where it is set (kubelet.ts, image-puller.ts, …). */
export interface Facts {
  /** When the transition happens (an exit, a kill's end); `now` when absent. */
  at?: Millis;
  /** The newest exited run's finishedAt the back-off is judged by; null when there is none. */
  since?: Millis | null;
  /** An exit code and reason reported from elsewhere (a postStart kill, a kubelet kill). */
  exitCode?: number;
  reason?: string;
  /** An error text for a waiting reason or an event (a pull, a mount, a bad config). */
  error?: string;
  /** The pod's status reason and message when the kubelet fails it. */
  message?: string;
  /** The network plugin is ready, or the pod needs none (hostNetwork). */
  networkReady?: boolean;
  /** The node lost power over this stretch: the pod's sandbox and containers went with it (node-health.ts). */
  powerLoss?: { from: Millis; to: Millis };
  /** Volumes: a mount error, or a claim still being bound. */
  mountError?: string;
  unboundClaim?: boolean;
  /** A running container's killing probe failed then (undefined: not yet, or never). */
  probeFailedAt?: Millis;
  /** Probe kill of a running container: when it begins (undefined: none due) and when the process is gone. */
  killAt?: Millis;
  killEndsAt?: Millis;
  /** When the container exits by itself (or the OOM killer's time), if it will. */
  exitAt?: Millis;
  /** Which probe kills (`liveness`, `startup`) and its last failure's text. */
  probe?: string;
  probeMessage?: string;
  /** Pull: the reference cannot be parsed, the pull fails, the image is there at this time. */
  invalidImage?: string;
  pullError?: string;
  imageThereAt?: Millis;
  alwaysPull?: boolean;
  /** When a pull under way is done, and how long it took in seconds. */
  pulledAt?: Millis;
  took?: number;
  /** The environment a container about to start gets (environment.ts resolveEnvironment). */
  env?: Record<string, string>;
  /** The image's entrypoint refuses the run about to start (image-entrypoint.ts). */
  refusal?: EntrypointRefusal;
  /** Deletion: nothing left running or waiting for a turn. */
  allStopped?: boolean;
}

const running = (x: StageContext) => x.c?.state === 'running';
const restartPolicy = (x: StageContext) => (x.c?.sidecar ? 'Always' : x.pod.spec?.restartPolicy ?? 'Always');
const at = (x: StageContext) => x.facts.at ?? x.now;

/**
 * The named conditions of the stage table, KWOK's selectors: each a predicate over the context
 * that reads like the state it names. A stage lists the names; all must hold.
 */
export const CONDITIONS = {
  // sandbox and volumes
  networkReady: (x: StageContext) => x.facts.networkReady === true,
  networkNotReady: (x: StageContext) => x.facts.networkReady === false,
  sandboxNotMade: (x: StageContext) => x.rt.sandboxReadyAt === Infinity,
  sandboxNotRunning: (x: StageContext) => x.rt.sandboxReadyAt === Infinity || x.now < x.rt.sandboxReadyAt,
  sandboxLostWithNode: (x: StageContext) => x.facts.powerLoss !== undefined,
  volumeMountFails: (x: StageContext) => x.facts.mountError !== undefined,
  claimNotBound: (x: StageContext) => x.facts.unboundClaim === true,
  // the pod
  pastActiveDeadline: (x: StageContext) => typeof x.pod.spec?.activeDeadlineSeconds === 'number' && x.now >= x.rt.startTime + x.pod.spec.activeDeadlineSeconds * 1000,
  notFailedByKubelet: (x: StageContext) => x.rt.failure === undefined,
  allContainersStopped: (x: StageContext) => x.facts.allStopped === true,
  // a running container
  running,
  notRunning: (x: StageContext) => !running(x),
  sidecar: (x: StageContext) => x.c?.sidecar === true,
  podRestartsContainers: (x: StageContext) => (x.pod.spec?.restartPolicy ?? 'Always') !== 'Never',
  probeKillFailed: (x: StageContext) => running(x) && x.facts.probeFailedAt !== undefined,
  probeKillFailureNotReported: (x: StageContext) => x.c?.killFailureReportedAt !== x.facts.probeFailedAt,
  probeKillDue: (x: StageContext) => running(x) && x.facts.killAt !== undefined,
  probeKillNotAnnounced: (x: StageContext) => x.c?.killNoticedAt !== x.facts.killAt,
  probeKillEnded: (x: StageContext) => x.facts.killEndsAt !== undefined && x.facts.killEndsAt <= x.now,
  oomKillerStrikes: (x: StageContext) => x.facts.exitAt !== undefined && x.facts.exitAt <= x.now && x.facts.exitAt === x.c?.oomAt,
  processExited: (x: StageContext) => x.facts.exitAt !== undefined && x.facts.exitAt <= x.now,
  runGoesOn: (x: StageContext) => running(x) && x.c?.startedAt === x.facts.at,
  probeFailureStillDue: (x: StageContext) => x.c?.probes?.failures?.some((f) => f.kind === x.facts.probe && f.at === x.now) === true,
  stopDue: (x: StageContext) => running(x) && x.c?.stopAt !== undefined && x.c.stopAt <= x.now,
  // after an exit: restartPolicy and CrashLoopBackOff
  notRestartedByPolicy: (x: StageContext) => {
    const policy = restartPolicy(x);
    return !(policy === 'Always' || (policy === 'OnFailure' && x.c?.exitCode !== 0));
  },
  initContainerSucceeded: (x: StageContext) => x.c?.init === true && !x.c.sidecar && x.c.exitCode === 0,
  noExitedRunToJudge: (x: StageContext) => x.facts.since === null,
  inCrashLoopBackOff: (x: StageContext) => backOffLive(x) && at(x) - (x.facts.since as Millis) < x.c!.backoff!,
  // images
  imagePulledForContainer: (x: StageContext) => x.c?.pulled === true,
  invalidImageName: (x: StageContext) => x.facts.invalidImage !== undefined,
  imagePullFails: (x: StageContext) => x.facts.pullError !== undefined,
  imagePresentOnNode: (x: StageContext) => !x.facts.alwaysPull && x.facts.imageThereAt !== undefined && x.facts.imageThereAt <= x.now,
  pullBackOffDue: (x: StageContext) => x.c?.backOffShownAt !== undefined && x.c.backOffShownAt <= x.now,
  // starting a container
  configError: (x: StageContext) => x.facts.error !== undefined,
  ranBefore: (x: StageContext) => x.c?.state === 'terminated' || x.c?.finishedAt !== undefined,
  imagePullPolicyNotAlways: (x: StageContext) => !x.facts.alwaysPull,
  waitingMessageChanges: (x: StageContext) => x.c?.waitingMessage !== (x.facts.invalidImage ?? x.facts.error),
} satisfies Record<string, (x: StageContext) => boolean>;

/** A condition's name, as the stage table writes it. */
export type ConditionName = keyof typeof CONDITIONS;

/**
 * The back-off entry is live (client-go flowcontrol.Backoff with HasExpiredFunc 600 s): it
 * exists and the judged run finished at most 600 s after it was last advanced.
 */
export function backOffLive(x: StageContext): boolean {
  const c = x.c;
  if (c?.backoff === undefined || x.facts.since === null || x.facts.since === undefined) return false;
  return x.facts.since - (c.backoffUpdatedAt ?? 0) <= timings.backoffReset;
}

/** What the phase rules see: the pod, its runtime, and whether its init containers are done. */
export interface PhaseContext {
  pod: KubeObject;
  rt: PodRuntime;
  /** GeneratePodInitializedCondition's answer (pod-status-builder.ts). */
  initialized: boolean;
}

const apps = (x: PhaseContext) => x.rt.containers.filter((c) => !c.init);
const allTerminated = (x: PhaseContext) => {
  const list = apps(x);
  return list.length > 0 && list.every((c) => c.state === 'terminated');
};

/** The named conditions of the phase rules (pod-stages.ts PHASE_RULES), over kubelet_pods.go getPhase's counts. */
export const PHASE_CONDITIONS = {
  // The kubelet never reports a terminal phase while a container could still run (mergePodStatus, K@1.37.2 status_manager.go:1502-1510).
  failedByKubelet: (x: PhaseContext) => x.rt.failure !== undefined && !x.rt.containers.some((c) => c.state === 'running'),
  terminatingWithSidecarRunning: (x: PhaseContext) => x.rt.terminating && x.rt.containers.some((c) => c.sidecar && c.state === 'running'),
  initContainerFailedForGood: (x: PhaseContext) => (x.pod.spec?.restartPolicy ?? 'Always') === 'Never'
    && x.rt.containers.some((c) => c.init && !c.sidecar && c.state === 'terminated' && c.exitCode !== 0 && c.startAt === undefined),
  notInitialized: (x: PhaseContext) => !x.initialized,
  appContainerRunning: (x: PhaseContext) => apps(x).some((c) => c.state === 'running'),
  allAppContainersTerminated: allTerminated,
  appContainerWillRestart: (x: PhaseContext) => apps(x).some((c) => c.state === 'terminated' && c.startAt !== undefined),
  allAppContainersSucceeded: (x: PhaseContext) => apps(x).every((c) => c.exitCode === 0),
  appContainerRanBefore: (x: PhaseContext) => apps(x).some((c) => c.state === 'terminated' || (c.state === 'waiting' && (c.restartCount > 0 || c.last !== undefined))),
} satisfies Record<string, (x: PhaseContext) => boolean>;

/** A phase condition's name, as PHASE_RULES writes it. */
export type PhaseConditionName = keyof typeof PHASE_CONDITIONS;
