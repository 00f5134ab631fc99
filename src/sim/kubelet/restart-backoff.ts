import type { Millis } from '../clock.ts';
import type { ContainerRuntime, PodRuntime } from './pod-runtime.ts';
import { timings } from './timings.ts';

/**
 * The kubelet's back-off arithmetic, called by name from the stage table (pod-stages.ts):
 * CrashLoopBackOff (kuberuntime_manager.go doBackOff with client-go flowcontrol.Backoff:
 * kubelet.go's 10 s base, 300 s cap, HasExpiredFunc 600 s), the image pull back-off (the same
 * numbers, image_manager.go), and the volume manager's operation back-off (nestedpendingoperations).
 */

/**
 * Backoff.Next after a restart was decided: the entry doubles (to the cap) while it is live —
 * the judged run (`since`) finished at most 600 s after the entry was last advanced — and is
 * 10 s otherwise; its lastUpdate is the restart (the container's startAt).
 */
export function advanceBackOff(c: ContainerRuntime, since: Millis): void {
  const live = c.backoff !== undefined && since - (c.backoffUpdatedAt ?? 0) <= timings.backoffReset;
  c.backoff = live ? Math.min(c.backoff! * 2, timings.backoffMax) : timings.backoffInitial;
  c.backoffUpdatedAt = c.startAt;
}

/** A failed pull: the next try after the pull back-off; ImagePullBackOff shows from the next sync (1 s). */
export function backOffPull(c: ContainerRuntime, now: Millis): void {
  c.pullBackoff = c.pullBackoff === undefined ? timings.backoffInitial : Math.min(c.pullBackoff * 2, timings.backoffMax);
  c.retryPullAt = now + c.pullBackoff;
  c.backOffShownAt = now + 1_000;
}

/** nestedpendingoperations' exponential back-off for a failing volume operation: 500 ms doubling to 2m2s. */
const MOUNT_RETRY_INITIAL: Millis = 500;
const MOUNT_RETRY_MAX: Millis = 122_000;

/** A failed mount: the volume manager tries again after its back-off. */
export function backOffMount(rt: PodRuntime, now: Millis): void {
  rt.mountBackoff = rt.mountBackoff === undefined ? MOUNT_RETRY_INITIAL : Math.min(rt.mountBackoff * 2, MOUNT_RETRY_MAX);
  rt.mountRetryAt = now + rt.mountBackoff;
}
