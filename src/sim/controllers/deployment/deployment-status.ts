import type { Millis } from '../../clock.ts';
import { rfc3339 } from '../../clock.ts';
import type { KubeObject } from '../../store/types.ts';
import { maxUnavailable, sum } from './rollout-math.ts';

const PROGRESSING = 'Progressing';

/**
 * calculateStatus + syncRolloutStatus + checkPausedConditions of
 * pkg/controller/deployment/{sync.go,progress.go} (reference/workloads.md §2.4–2.5): the
 * counts over all sets, Available by minimum availability, Progressing by progress made,
 * completion or the deadline, and when to look again for the deadline.
 */
export function deploymentStatus(d: KubeObject, all: KubeObject[], newRS: KubeObject | undefined, now: Millis, terminatingReplicas = false): { status: any; requeueAfter?: Millis } {
  const replicas = d.spec.replicas ?? 1;
  const t = rfc3339(now);
  const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0);
  const total = sum(all, (rs) => rs.spec?.replicas ?? 0);
  const status: any = {
    observedGeneration: d.metadata.generation,
    replicas: sum(all, (rs) => rs.status?.replicas ?? 0),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(all, (rs) => rs.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    conditions: [...(d.status?.conditions ?? [])],
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (terminatingReplicas) {
    const terminating = terminatingReplicaCount(all);
    if (terminating !== undefined) status.terminatingReplicas = terminating;
  }
  setCondition(status, available >= replicas - maxUnavailable(d)
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' }, t);

  const hasDeadline = d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== 2147483647;
  if (!hasDeadline) status.conditions = status.conditions.filter((c: any) => c.type !== PROGRESSING);
  const current = (d.status?.conditions ?? []).find((c: any) => c.type === PROGRESSING);
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  let requeueAfter: Millis | undefined;

  if (d.spec.paused) {
    if (current?.reason !== 'DeploymentPaused') setCondition(status, { type: PROGRESSING, status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, t);
  } else if (current?.reason === 'DeploymentPaused') {
    setCondition(status, { type: PROGRESSING, status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' }, t);
  } else if (hasDeadline) {
    const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable';
    if (!complete) {
      const progressingNow = madeProgress(d.status ?? {}, status);
      if (deploymentComplete(d, status)) {
        setCondition(status, { type: PROGRESSING, status: 'True', reason: 'NewReplicaSetAvailable', message: `${subject} has successfully progressed.` }, t);
      } else if (progressingNow) {
        status.conditions = status.conditions.filter((c: any) => c.type !== PROGRESSING);
        status.conditions.push({
          type: PROGRESSING, status: 'True', reason: 'ReplicaSetUpdated', message: `${subject} is progressing.`,
          lastUpdateTime: t, lastTransitionTime: current?.status === 'True' ? current.lastTransitionTime : t,
        });
      } else if (timedOut(d, status, now)) {
        setCondition(status, { type: PROGRESSING, status: 'False', reason: 'ProgressDeadlineExceeded', message: `${subject} has timed out progressing.` }, t);
      }
      // requeueStuckDeployment: come back when the deadline would pass.
      const cond = status.conditions.find((c: any) => c.type === PROGRESSING);
      if (cond && cond.reason !== 'NewReplicaSetAvailable' && cond.reason !== 'ProgressDeadlineExceeded' && !deploymentComplete(d, status)) {
        const due = Date.parse(cond.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 - now;
        requeueAfter = Math.max(1000, due + 1000);
      }
    }
  }
  const failure = newRS?.status?.conditions?.find((c: any) => c.type === 'ReplicaFailure');
  if (failure) setCondition(status, { type: 'ReplicaFailure', status: failure.status, reason: failure.reason, message: failure.message }, t);
  else status.conditions = status.conditions.filter((c: any) => c.type !== 'ReplicaFailure');
  if (status.conditions.length === 0) delete status.conditions;
  // DeploymentStatus's counts are `omitempty` int32s: a zero is absent from the object.
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
  return { status, requeueAfter };
}

/**
 * GetTerminatingReplicaCountForReplicaSets (deployment/util/deployment_util.go, 1.35+): the sum
 * over the sets; a set never synced does not count, and one synced without the count makes the
 * sum unknown (undefined: the field is left out).
 */
function terminatingReplicaCount(sets: KubeObject[]): number | undefined {
  let total = 0;
  for (const rs of sets) {
    const n = rs.status?.terminatingReplicas;
    if (n === undefined && !rs.status?.observedGeneration) continue;
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}

function deploymentComplete(d: KubeObject, s: any): boolean {
  const replicas = d.spec.replicas ?? 1;
  return (s.updatedReplicas ?? 0) === replicas && (s.replicas ?? 0) === replicas && (s.availableReplicas ?? 0) === replicas && s.observedGeneration >= (d.metadata.generation ?? 0);
}

function madeProgress(old: any, s: any): boolean {
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = s.replicas - s.updatedReplicas;
  return s.updatedReplicas > (old.updatedReplicas ?? 0) || newOld < oldOld || s.readyReplicas > (old.readyReplicas ?? 0) || s.availableReplicas > (old.availableReplicas ?? 0);
}

function timedOut(d: KubeObject, s: any, now: Millis): boolean {
  const cond = s.conditions.find((c: any) => c.type === PROGRESSING);
  if (!cond || cond.reason === 'NewReplicaSetAvailable') return false;
  if (cond.reason === 'ProgressDeadlineExceeded') return true;
  return Date.parse(cond.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 < now;
}

/** SetDeploymentCondition: same status and reason → unchanged; same status → keep lastTransitionTime. */
function setCondition(status: any, c: { type: string; status: string; reason: string; message: string }, t: string): void {
  const current = status.conditions.find((x: any) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  const lastTransitionTime = current && current.status === c.status ? current.lastTransitionTime : t;
  status.conditions = [...status.conditions.filter((x: any) => x.type !== c.type), { ...c, lastUpdateTime: t, lastTransitionTime }];
}
