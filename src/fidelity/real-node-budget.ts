import type { ScenarioRecord } from '../report/scenario-records.ts';
import { kwokWorkersUsed } from './real-node-judging.ts';

/**
 * CI's real-node pass (`fidelity --real-node-quick`): on a real node the @needs-kubelet
 * scenarios wait in real time (back-offs, probes, grace periods), and CI may spend only about ten
 * minutes on the pass. It leaves out what would take longest for least: the scenarios whose pods
 * the simulator placed on more workers than the real nodes play (with one real node they run on
 * KWOK too, and a disagreement there is not judged), and the slowest of the rest, listed here by
 * scenario name with the time they took on the real node. The nightly run (`fidelity` without
 * the option) runs them all.
 */
// From the full pass of 2026-12-07 (one real node, 2 loaded cores): the 1-worker scenarios that
// took longest, until the rest measured about 6 minutes, and every scenario whose cluster has more
// than one worker (its feature's "a cluster with N worker nodes", or the kind topology's three).
export const slowOnRealNode: Record<string, string> = {
  "a container that keeps exiting shows CrashLoopBackOff, a growing restart count and its last exit code": "took 59 s on the real node (2026-12-07)",
  "a liveness kill gives a process that ignores SIGTERM the grace period (the probe's own when it has one)": "took 45 s on the real node (2026-12-07)",
  "a pod running past its activeDeadlineSeconds is failed by the kubelet, and the deadline can only come closer": "took 64 s on the real node (2026-12-07)",
  "a tcpSocket readiness probe on a port nginx does not listen on is refused, and the pod stays unready": "took 69 s on the real node (2026-12-07)",
  "an exec probe passes while the file it reads exists (the liveness example of the Kubernetes docs)": "took 92 s on the real node (2026-12-07)",
  "an exec probe that outlasts timeoutSeconds fails; one that answers in time passes": "took 56 s on the real node (2026-12-07)",
  "an exec readiness probe passes once the file it checks is there, and fails again when it goes": "took 55 s on the real node (2026-12-07)",
  "nginx answers 404 for a path it does not have: that liveness probe restarts it in a loop, \"/\" keeps it ready": "took 40 s on the real node (2026-12-07)",
  "restartPolicy Always restarts a container that exits 0": "took 30 s on the real node (2026-12-07)",
  "what a container writes to its own filesystem is gone after it restarts; its emptyDir keeps it": "took 44 s on the real node (2026-12-07)",
  "what is in an emptyDir outlives the restarts of the containers that mount it": "took 62 s on the real node (2026-12-07)",
  "init containers that wait for Services hold the pod in Init until they exist (the Kubernetes docs' example)": "took 63 s on the real node (2026-12-07, once its busybox had nc -z)",
  "JOB_COMPLETION_INDEX is set only in an Indexed Job's pods": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "Kubernetes expands $(VAR) of defined env names in command and args, and leaves the rest to the shell": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a ClusterFirst pod asks the kube-dns Service for every name; CoreDNS forwards what is not cluster.local": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a Job pod whose Secret is missing waits in CreateContainerConfigError and the Job makes no progress": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "a Parallel StatefulSet scaled down deletes its pods without waiting for each other": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "a budget of minAvailable 2 allows one disruption at a time": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a container that keeps failing is restarted with back-off, and counted": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "a downwardAPI volume lists the labels as key=\"value\" lines and follows changes; env does not": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a pod goes Pending, Running, Succeeded, its conditions turning True in order": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a pod that is not ready is listed apart, and gets no traffic": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a recreated pod gets a new address; the names in front of it follow": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "a rollout stuck on an image that cannot be pulled reports ProgressDeadlineExceeded and is not rolled back": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "activeDeadlineSeconds fails the Job and stops its pods, whatever backoffLimit says": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "args are handed to the command: sh -c runs the script given as args": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "backoffLimitPerIndex fails one index without stopping the others": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "deleting a Job deletes its pods": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "each container has its own environment; the Downward API fills in the pod's facts": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "failures are retried with growing delays until backoffLimit is exceeded": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "maxSurge 1 and maxUnavailable 1 over 3 replicas keep between 2 and 4 pods": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "maxSurge 2 and maxUnavailable 1 over 5 replicas: never more than 7 pods, never fewer than 4 available": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "scaling adds ordinals in order with new claims; kubectl set image rolls from the highest ordinal down, one ready pod at a time": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "the containers start with their configuration resolved; the web pods are ready only after the probe's delay": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "the kubelet holds runAsNonRoot to the user a container will really run as": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "the password arrives decoded; my.cnf is one file by subPath, which keeps its content when the ConfigMap changes": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "the pod of an Indexed Job, by completion index": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "two containers mount the same volume and the pod is ready 2/2": "its cluster has 2 workers; the real node plays worker-1 only, the others are KWOK",
  "what a pod writes to its claim is there again for the pod that replaces it": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "what the Job's container printed is its log": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "with restartPolicy OnFailure the container restarts in the same pod, and the restarts count toward backoffLimit": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
  "without its Secret the first pod waits in CreateContainerConfigError; with it the set comes up": "its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK",
};

/** The workers a listed scenario's cluster has ("its cluster has 3 workers"); NaN for a slow one. */
function workersNeeded(reason: string): number {
  return Number(/^its cluster has (\d+) workers/.exec(reason)?.[1]);
}

/**
 * The records' scenarios the quick pass leaves out, by id, with the reason. A scenario listed for
 * its workers stays in when the cluster has as many real nodes (`--real-node-quick --real-nodes 3`).
 */
export function leftOutOfQuickPass(records: readonly ScenarioRecord[], realNodes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const because = (why: string) => `left out of this run's real-node pass (--real-node-quick, CI's time budget; the nightly run has it): ${why}`;
  for (const r of records) {
    const elsewhere = kwokWorkersUsed(r, realNodes);
    if (elsewhere.length) out[r.id] = because(`the simulator placed its pods on ${elsewhere.join(', ')} too, which are KWOK here`);
    else if (slowOnRealNode[r.name] && !(workersNeeded(slowOnRealNode[r.name]!) <= realNodes.length)) out[r.id] = because(slowOnRealNode[r.name]!);
  }
  return out;
}
