import type { Millis } from '../clock.ts';
import { exitTime, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';
import { MINIMUM_GRACE, stoppedAt, type KillPlan } from './lifecycle-hooks.ts';

/**
 * The order a deleted pod's containers stop in (reference/kubelet.md §7), the algorithmic part of
 * the deletion stages (pod-stages.ts `stop-container`, `container-stopped`). Every container is
 * killed at once (killContainersWithSyncResult: one goroutine each): the Killing event and
 * preStop come at once for sidecars too. A native sidecar then waits for its turn (killContainer,
 * terminationOrdering.waitForTurn, kuberuntime_termination_order.go v1.32): until every main
 * container and every later sidecar has stopped, for at most what is left of the grace period;
 * the whole seconds it waited come off its stop signal's grace.
 */

/** A kill for deletion has begun (after preStop, `plan`): a sidecar waits its turn, another container stops by the plan. */
export function beginStop(c: ContainerRuntime, plan: KillPlan, now: Millis, grace: Millis): void {
  if (c.sidecar) c.turn = { from: plan.sigtermAt, graceLeft: grace - Math.floor((plan.sigtermAt - now) / 1000) * 1000 };
  else planStop(c, plan);
}

/** When a container being stopped is gone, and whether by SIGKILL: its own exit if sooner. */
function planStop(c: ContainerRuntime, plan: { sigtermAt: Millis; sigkillAt: Millis }): void {
  const exit = exitTime(c);
  const graceful = stoppedAt(c.behavior, plan);
  c.stopAt = exit !== undefined ? Math.min(exit, graceful) : graceful;
  c.killed = c.behavior.ignoresSigterm && (exit === undefined || exit > plan.sigkillAt);
}

/** Sidecars whose turn has come (later ones first) get their stop signal. */
function takeTurns(rt: PodRuntime, now: Millis): void {
  const sidecars = rt.containers.filter((c) => c.sidecar);
  for (let i = sidecars.length - 1; i >= 0; i--) {
    const c = sidecars[i]!;
    if (!c.turn || c.state !== 'running') continue;
    const prereqs = [...rt.containers.filter((x) => !x.sidecar), ...sidecars.slice(i + 1)];
    const expires = c.turn.from + c.turn.graceLeft;
    const gone = prereqs.every((x) => x.state !== 'running');
    if (!gone && now < expires) continue;
    const goneAt = Math.max(c.turn.from, ...prereqs.map((x) => x.finishedAt ?? -Infinity));
    const waited = c.turn.graceLeft > 0 ? Math.min(gone ? goneAt - c.turn.from : Infinity, c.turn.graceLeft) : 0;
    const sigtermAt = c.turn.from + waited;
    planStop(c, { sigtermAt, sigkillAt: sigtermAt + Math.max(c.turn.graceLeft - Math.floor(waited / 1000) * 1000, MINIMUM_GRACE) });
    c.turn = undefined;
  }
}

/**
 * Moves a terminating pod on to `now`: turns are taken and each container whose stop is due is
 * handed to `stop` (the `container-stopped` stage), repeating while one stops. Returns when
 * something is next due, or undefined when every container has stopped.
 */
export function settleStops(rt: PodRuntime, now: Millis, stop: (c: ContainerRuntime) => void): Millis | undefined {
  let pending: Millis | undefined;
  const soonest = (t: Millis) => { pending = pending === undefined ? t : Math.min(pending, t); };
  for (let changed = true; changed;) {
    changed = false;
    takeTurns(rt, now);
    pending = undefined;
    for (const c of rt.containers) {
      if (c.state !== 'running') continue;
      if (c.turn) soonest(Math.max(c.turn.from, c.turn.from + c.turn.graceLeft));
      if (c.stopAt === undefined) continue;
      if (c.stopAt <= now) {
        stop(c);
        changed = true;
      } else {
        soonest(c.stopAt);
      }
    }
  }
  return pending;
}
