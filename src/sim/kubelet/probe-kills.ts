import type { Millis } from '../clock.ts';
import { containerSpec } from '../pod-status.ts';
import type { KubeObject } from '../store/types.ts';
import { stoppedBySigterm } from './container-behavior.ts';
import { exitTime, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';
import type { Facts } from './stage-conditions.ts';

/**
 * Liveness and startup probe kills (prober/worker.go, kuberuntime_manager.go computePodActions)
 * worked out as the facts of the running-container stages (pod-stages.ts): when the probe fails,
 * when the pod's sync gets to the kill, which probe, and when the killed process is gone.
 */

/** When a failing liveness or startup probe kills this running container, if ever (probes.ts). */
export function probeKillTime(c: ContainerRuntime): Millis | undefined {
  if (c.state !== 'running' || !c.probes) return undefined;
  return c.probes.startupKillAt ?? c.probes.livenessKillAt;
}

/**
 * How long a probe kill waits for the process before SIGKILL: the probe's own
 * terminationGracePeriodSeconds, else the pod's (default 30 s).
 */
export function probeKillGrace(pod: KubeObject, c: ContainerRuntime): Millis {
  const spec = containerSpec(pod, c.name);
  const probe = c.probes?.startupKillAt !== undefined ? spec?.startupProbe : spec?.livenessProbe;
  return (probe?.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
}

/**
 * When the pod's sync begins this container's probe kill (its Killing event, its grace from
 * then); undefined while none is due or while it waits for another container's kill to begin.
 *
 * The kubelet kills one container of a pod at a time: SyncPod kills ContainersToKill one after
 * another, each killContainer blocking until StopContainer returns, that is until the process is
 * gone or its grace period is over (K@1.37.2 kuberuntime_manager.go:1619-1629,
 * kuberuntime_container.go:864-929; the same at K@1.32.5 kuberuntime_manager.go:1154-1164,
 * kuberuntime_container.go:762-826), and the pod worker runs one sync of a pod at a time, so a
 * probe failure of another container meanwhile waits as the pending update until that sync is
 * done (K@1.37.2 pod_workers.go:989, 1245-1248, 1555-1558; K@1.32.5 pod_workers.go:961,
 * 1214-1216, 1508). So a kill begins no sooner than its probe failed, the kubelet was back
 * (`attendedFrom`) and the pod's last probe kill ended (PodRuntime.probeKillsBusyUntil); of
 * the kills waiting, the earliest goes first, and at the same instant the one first in the
 * pod's container list (init containers, then containers, in spec order). The kubelet's order
 * there is Go map iteration, random: a scenario must not depend on it.
 */
export function probeKillStart(rt: PodRuntime, c: ContainerRuntime, attendedFrom: Millis): Millis | undefined {
  if (probeKillTime(c) === undefined) return undefined;
  if (c.killNoticedAt !== undefined) return c.killNoticedAt;
  const start = waitingKillStart(rt, c, attendedFrom);
  if (start === undefined) return undefined;
  const mine = rt.containers.indexOf(c);
  const first = rt.containers.every((d, i) => {
    if (d === c) return true;
    const theirs = waitingKillStart(rt, d, attendedFrom);
    return theirs === undefined || theirs > start || (theirs === start && i > mine);
  });
  return first ? start : undefined;
}

/**
 * When a probe kill not yet begun could begin, by its own failure and the pod's last kill alone;
 * undefined if there is none, or if the process exits by itself first (the sync then finds it
 * not running and has nothing to kill: computePodActions, K@1.37.2 kuberuntime_manager.go:1410-1428).
 */
function waitingKillStart(rt: PodRuntime, c: ContainerRuntime, attendedFrom: Millis): Millis | undefined {
  const due = probeKillTime(c);
  if (due === undefined || c.killNoticedAt !== undefined) return undefined;
  const start = Math.max(due, attendedFrom, rt.probeKillsBusyUntil ?? -Infinity);
  const exitAt = exitTime(c);
  return exitAt !== undefined && start >= exitAt ? undefined : start;
}

/**
 * What a running container's process does by `now`: when it exits by itself (or the OOM
 * killer's time), and a probe's kill: the failure reported (`probeFailedAt`, not before the
 * kubelet was back, `attendedFrom`) once due and before the process ended by itself; the kill
 * begun (`killAt`, probeKillStart) once the pod's sync gets to it, the process gone at
 * `killEnd(kill)` (after preStop, at SIGTERM or at SIGKILL), with the exit code the stop gives
 * (a process that ignores SIGTERM dies by SIGKILL, 137; one that handles it exits 0, one that
 * dies of it 143).
 */
export function runFacts(rt: PodRuntime, c: ContainerRuntime, now: Millis, attendedFrom: Millis, killEnd: (kill: Millis) => Millis): Facts {
  const exitAt = exitTime(c);
  const due = probeKillTime(c);
  const failedAt = due === undefined ? undefined : Math.max(due, attendedFrom);
  if (failedAt === undefined || failedAt > now || (exitAt !== undefined && failedAt >= exitAt)) return { exitAt };
  const probe = c.probes?.startupKillAt !== undefined ? 'startup' : 'liveness';
  const failed = { exitAt, probe, probeMessage: c.probes?.messages?.[probe] ?? '', probeFailedAt: failedAt };
  const kill = probeKillStart(rt, c, attendedFrom);
  if (kill === undefined || kill > now || (exitAt !== undefined && kill >= exitAt)) return failed;
  const dies = killEnd(kill);
  const end = c.behavior.ignoresSigterm ? { exitCode: 137 } : stoppedBySigterm(c.behavior);
  return { ...failed, killAt: kill, ...end, ...(exitAt === undefined || dies <= exitAt ? { killEndsAt: dies } : {}) };
}
