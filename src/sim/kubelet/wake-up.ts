import type { Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { exitTime, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';
import { probeKillStart } from './probe-kills.ts';
import { nextPoll } from './waiting-scripts.ts';

/** When a pod's spec.activeDeadlineSeconds runs out, if it has one (pkg/kubelet/active_deadline.go). */
export function activeDeadline(pod: KubeObject, rt: PodRuntime): Millis | undefined {
  const seconds = pod.spec?.activeDeadlineSeconds;
  return typeof seconds === 'number' ? rt.startTime + seconds * 1000 : undefined;
}

/**
 * The next time anything of this pod is due after `now` (the kubelet syncs at each change): the
 * deadline, a mount retry, the sandbox, and per container a poll, an exit, a hook, a probe's
 * turn, a probe kill's start (once the pod's last kill is done) and end (`killEnd`), a restart,
 * a pull retry or its back-off showing.
 * Undefined when nothing is.
 */
export function nextWake(pod: KubeObject, rt: PodRuntime, now: Millis, hookTimes: (c: ContainerRuntime) => Millis[], killEnd: (c: ContainerRuntime, kill: Millis) => Millis): Millis | undefined {
  const times: Millis[] = [];
  const deadline = rt.failure ? undefined : activeDeadline(pod, rt);
  if (deadline !== undefined) times.push(deadline);
  if (rt.mountRetryAt !== undefined) times.push(rt.mountRetryAt);
  if (now < rt.sandboxReadyAt) times.push(rt.sandboxReadyAt);
  for (const c of rt.containers) {
    const poll = nextPoll(c, now);
    if (poll !== undefined) times.push(poll);
    const exit = exitTime(c);
    if (exit !== undefined) times.push(exit);
    times.push(...hookTimes(c));
    if (c.state === 'running' && c.probes) {
      const p = c.probes;
      for (const t of [p.startedAt, p.readyAt, p.unreadyAt, p.readyAgainAt, p.startupKillAt, p.livenessKillAt]) if (t !== undefined) times.push(t);
      const kill = probeKillStart(rt, c, rt.unattendedUntil ?? 0);
      if (kill !== undefined) times.push(kill, killEnd(c, kill));
    }
    if (c.state !== 'running' && c.startAt !== undefined) times.push(c.startAt);
    if (c.retryPullAt !== undefined) times.push(c.retryPullAt);
    if (c.backOffShownAt !== undefined) times.push(c.backOffShownAt);
    if (c.waitingShownFrom !== undefined) times.push(c.waitingShownFrom);
  }
  const future = times.filter((t) => t > now);
  return future.length ? Math.min(...future) : undefined;
}
