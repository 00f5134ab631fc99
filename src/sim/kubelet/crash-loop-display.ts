import type { Millis } from '../clock.ts';
import { behaviour, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';
import type { ContainerRuntime } from './pod-runtime.ts';

/** The pod worker's wait after a failed sync, before its next one (kubelet.go backOffPeriod). */
const POD_WORKER_BACK_OFF_PERIOD: Millis = 10_000;
/** The generic PLEG relists the runtime every second (kubelet.go genericPlegRelistPeriod). */
const RELIST_PERIOD: Millis = 1_000;

/**
 * From when a container whose restart is backed off shows `waiting: CrashLoopBackOff` rather than
 * the run that just ended (`exitAt`; the back-off ends at `restartAt`).
 *
 * The kubelet generates a pod's status at the start of a sync (kubelet.go SyncPod), and the
 * waiting reason comes from the reason cache that the sync which met the back-off fills at its end
 * (kubelet_pods.go convertToAPIContainerStatuses, kuberuntime doBackOff). So the wait shows only
 * from the pod's next sync; until then the status keeps the terminated run (kubectl: Error).
 *
 * That next sync comes early when the exit was met by a sync the PLEG's report of it did not
 * start: the PLEG event then starts one more sync, a relist later. That happens when the run was
 * restarted at once after the run before and ended within a relist: the restart's sync leaves a
 * sync queued (pod_workers.go pendingUpdate) that waits for the next relist
 * (podCache.GetNewerThan) and meets the exit there, before the PLEG's own event for it. Whether
 * the queued sync is there is a race of the real kubelet: on the v1.37.2 real node the wait
 * showed after a quick second run in two traces of three (2026-12-07); the simulator takes the
 * likelier. (A run the kubelet killed inside a sync, a failed postStart hook, is the same case
 * without the race; lifecycle-hooks.ts shows its reasons itself.)
 * Otherwise the next sync is the pod worker's retry, which is versioned
 * ('kubelet.crashLoopBackOff.retrySync'): after its back-off period, or from 1.35 at the
 * back-off's end, where the same sync restarts the container and the wait is never seen.
 */
export function crashLoopShownFrom(version: KubernetesVersion, c: ContainerRuntime, exitAt: Millis, restartAt: Millis): Millis {
  if (exitMetBeforeItsReport(c, exitAt)) return Math.min(exitAt + RELIST_PERIOD, restartAt);
  const retry = behaviour(version, 'kubelet.crashLoopBackOff.retrySync').value;
  return retry === 'backOffPeriod' ? Math.min(exitAt + POD_WORKER_BACK_OFF_PERIOD, restartAt) : restartAt;
}

function exitMetBeforeItsReport(c: ContainerRuntime, exitAt: Millis): boolean {
  const previousExit = c.last?.finishedAt;
  const startedAt = c.startedAt;
  if (previousExit === undefined || startedAt === undefined) return false;
  return startedAt - previousExit < RELIST_PERIOD && exitAt - startedAt < RELIST_PERIOD;
}
