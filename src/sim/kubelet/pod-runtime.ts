import type { VolumeView } from './volume-sync.ts';
import type { Millis } from '../clock.ts';
import type { ContainerBehavior } from './container-behavior.ts';
import type { ProbeTimeline } from './probes.ts';
import type { OutsideFiles } from './probe-targets.ts';

/** The state of one run's postStart handler (ContainerRuntime.postStart). */
export interface PostStartState {
  /** When the handler returns (Infinity: never). */
  until: Millis;
  /** The handler's message when it fails. */
  error?: string;
  /** After a failure: when the kill that follows ends the container, and whether by SIGKILL. */
  stopAt?: Millis;
  killed?: boolean;
  /** After the container stopped and restartPolicy backs off: when the back-off replaces PostStartHookError, and its text. */
  backOffShownAt?: Millis;
  backOff?: { reason: string; message: string };
}

/** The container runtime's view of one container: what is really running on the node. */
export interface ContainerRuntime {
  name: string;
  image: string;
  init: boolean;
  /** An init container with restartPolicy Always (a native sidecar). */
  sidecar: boolean;
  /** What this run's process does: `planned`, unless the image's entrypoint refused the run. */
  behavior: ContainerBehavior;
  /**
   * What the process does once its image lets it run (container-behavior.ts), kept while a run's
   * `behavior` is the entrypoint's refusal (image-entrypoint.ts): the next run is judged afresh.
   */
  planned?: ContainerBehavior;
  /**
   * What the image's entrypoint printed before refusing, by the start of the run (this run's and
   * the one before, as lastState shows them): `kubectl logs` shows it.
   */
  entrypointOutput?: Array<{ startedAt: Millis; lines: string[] }>;
  state: 'waiting' | 'running' | 'terminated';
  waitingReason: string;
  waitingMessage?: string;
  /** Until then the status shows the run that ended, not the waiting reason (crash-loop-display.ts). */
  waitingShownFrom?: Millis;
  /** When a waiting container may (re)start; undefined = not yet decided. */
  startAt?: Millis;
  startedAt?: Millis;
  /** The runtime's id of the current run (`containerd://<64 hex>`), set when it starts. */
  containerID?: string;
  /** The probe kill of this run already begun (Killing), while SIGTERM's grace runs. */
  killNoticedAt?: Millis;
  /**
   * The failure of this run's killing probe already reported (Unhealthy): the kill may wait for
   * another container's to end (probe-kills.ts probeKillStart), the prober's report does not.
   */
  killFailureReportedAt?: Millis;
  finishedAt?: Millis;
  exitCode?: number;
  terminatedReason?: string;
  /** The previous termination, shown as lastState. */
  last?: { startedAt: Millis; finishedAt: Millis; exitCode: number; reason: string };
  restartCount: number;
  /** CrashLoopBackOff entry (reference/kubelet.md §3). */
  backoff?: Millis;
  backoffUpdatedAt?: Millis;
  /** Set while the container is being stopped: when it will be gone, and whether by SIGKILL. */
  stopAt?: Millis;
  killed?: boolean;
  /**
   * A native sidecar being stopped whose preStop is done (or runs): it waits for its turn, from
   * `from`, for at most `graceLeft` (terminationOrdering.waitForTurn, kuberuntime_termination_order.go).
   */
  turn?: { from: Millis; graceLeft: Millis };
  pulled: boolean;
  /** Files put into this run from outside (kubectl exec), which its exec probes can check. */
  outsideFiles?: OutsideFiles;
  /** When this run's probes change its state (see probes.ts). */
  probes?: ProbeTimeline;
  /** When this run outgrows its memory limit and the kernel kills it. */
  oomAt?: Millis;
  /** The environment this run started with (fixed for its lifetime, as in a real container). */
  env?: Record<string, string>;
  /**
   * Files mounted by subPath, as they were when this run started: a subPath mount is a bind
   * mount of one file, which the kubelet never updates (whole-volume mounts follow changes).
   */
  subPathFiles?: Record<string, string>;
  /** A failed pull: when to try again, and the pull backoff (same 10s → 300s rule). */
  retryPullAt?: Millis;
  pullBackoff?: Millis;
  /** When ErrImagePull turns into ImagePullBackOff (the next pod sync). */
  backOffShownAt?: Millis;
  /** For a script that waits (`until nslookup …`): when this run's wait ended. */
  waitedUntil?: Millis;
  /** This run's postStart handler, while it matters (lifecycle-hooks.ts). */
  postStart?: PostStartState;
}

/** One pod's sandbox and containers as the node's runtime has them. */
export interface PodRuntime {
  /** The pod's uid, or for a static pod its config hash (its mirror pods come and go). */
  uid: string;
  /** For a static pod: the node whose manifest it runs. */
  staticPodNode?: string;
  sandboxReadyAt: Millis;
  podIP: string;
  startTime: Millis;
  containers: ContainerRuntime[];
  terminating: boolean;
  /** The id of the last node outage this runtime has caught up with (node-health.ts). */
  outagesSeen: number;
  /** After a kubelet stop: nothing was restarted or probed before this time. */
  unattendedUntil?: Millis;
  /**
   * Failed by the kubelet itself, with the reason and message of the pod's status: Evicted for
   * node pressure, DeadlineExceeded past spec.activeDeadlineSeconds. Nothing is restarted after.
   */
  failure?: { reason: string; message: string };
  /** While a volume cannot be mounted: the volume manager's next try and its current back-off. */
  mountRetryAt?: Millis;
  mountBackoff?: Millis;
  /** Its ConfigMap and Secret volumes as of the pod's last sync (volume-sync.ts). */
  volumeView?: VolumeView;
  /**
   * When the pod's sync is done with the last probe kill it began (the process gone or its grace
   * over): another container's probe kill begins no sooner (probe-kills.ts probeKillStart).
   */
  probeKillsBusyUntil?: Millis;
}

/** When a running container will exit by itself (or be OOM-killed), or undefined if it runs until stopped. */
export function exitTime(c: ContainerRuntime): Millis | undefined {
  if (c.state !== 'running') return undefined;
  // A script still waiting for its condition has not reached the rest of its commands.
  const from = c.behavior.waitsFor ? c.waitedUntil : c.startedAt;
  const ends = c.behavior.runsFor === undefined || from === undefined ? undefined : from + c.behavior.runsFor;
  if (c.oomAt !== undefined && (ends === undefined || c.oomAt < ends)) return c.oomAt;
  return ends;
}

/**
 * Whether a running container's postStart handler still holds the pod's sync (running, or the
 * kill after its failure): the kubelet has not reported the container running yet, so it is
 * neither started nor ready (kuberuntime_container.go startContainer).
 */
export function inPostStart(c: ContainerRuntime, now: Millis): boolean {
  return c.state === 'running' && c.postStart !== undefined && (now < c.postStart.until || c.postStart.error !== undefined);
}

/** Whether a running container is ready at `now` by its readiness probe. */
export function isReady(c: ContainerRuntime, now: Millis): boolean {
  if (c.state !== 'running' || !c.probes || inPostStart(c, now)) return false;
  const { readyAt, unreadyAt, readyAgainAt } = c.probes;
  const down = unreadyAt !== undefined && unreadyAt <= now && !(readyAgainAt !== undefined && readyAgainAt <= now);
  return (readyAt ?? readyAgainAt) !== undefined && (readyAt ?? readyAgainAt)! <= now && !down;
}

/** Whether a running container has passed its startup probe at `now`. */
export function isStarted(c: ContainerRuntime, now: Millis): boolean {
  return c.state === 'running' && !inPostStart(c, now) && c.probes?.startedAt !== undefined && c.probes.startedAt <= now;
}

/**
 * The containers allowed to run at `now`: the first unfinished init container (and the sidecars
 * before it), else the app containers. The next init container starts once a sidecar before it
 * has started (its startup probe passed); a finished init container (exit 0) is done.
 */
export function startableContainers(rt: PodRuntime, now: Millis): ContainerRuntime[] {
  const out: ContainerRuntime[] = [];
  for (const c of rt.containers.filter((x) => x.init)) {
    if (c.sidecar) {
      out.push(c);
      if (!isStarted(c, now)) return out;
      continue;
    }
    if (c.state === 'terminated' && c.exitCode === 0) continue;
    out.push(c);
    return out;
  }
  return [...out, ...rt.containers.filter((x) => !x.init)];
}
