import type { Millis } from '../clock.ts';
import { containerSpec } from '../pod-status.ts';
import type { KubeObject } from '../store/types.ts';
import { stoppedBySigterm } from './container-behavior.ts';
import { exitTime, type ContainerRuntime } from './pod-runtime.ts';
import type { Facts } from './stage-conditions.ts';

/**
 * Liveness and startup probe kills (prober/worker.go, kuberuntime_manager.go computePodActions)
 * worked out as the facts of the running-container stages (pod-stages.ts): when the kill is due,
 * which probe, and when the killed process is gone.
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
 * What a running container's process does by `now`: when it exits by itself (or the OOM
 * killer's time), and a probe's kill: due not before the kubelet was back (`attendedFrom`) and
 * before the process ended by itself; gone at `killEnd(kill)` (after preStop, at SIGTERM or at
 * SIGKILL), with the exit code the stop gives (a process that ignores SIGTERM dies by SIGKILL,
 * 137; one that handles it exits 0, one that dies of it 143).
 */
export function runFacts(c: ContainerRuntime, now: Millis, attendedFrom: Millis, killEnd: (kill: Millis) => Millis): Facts {
  const exitAt = exitTime(c);
  const probeKill = probeKillTime(c);
  const kill = probeKill === undefined ? undefined : Math.max(probeKill, attendedFrom);
  if (kill === undefined || kill > now || (exitAt !== undefined && kill >= exitAt)) return { exitAt };
  const probe = c.probes?.startupKillAt !== undefined ? 'startup' : 'liveness';
  const dies = killEnd(kill);
  const end = c.behavior.ignoresSigterm ? { exitCode: 137 } : stoppedBySigterm(c.behavior);
  return {
    exitAt, killAt: kill, probe, probeMessage: c.probes?.messages?.[probe] ?? '', ...end,
    ...(exitAt === undefined || dies <= exitAt ? { killEndsAt: dies } : {}),
  };
}
