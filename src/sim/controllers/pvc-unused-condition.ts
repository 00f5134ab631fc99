import { rfc3339, type Clock } from '../clock.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/**
 * The PVC protection controller's `Unused` condition (PersistentVolumeClaimUnusedSinceTime, beta
 * and on from 1.37; pkg/controller/volume/pvcprotection/pvc_protection_controller.go processPVC
 * and updateUnusedCondition, v1.37.2): a bound claim that is not being deleted says whether a pod
 * that has not ended refers to it, and since when, rewriting the condition only when that flips.
 * Keyed by claim; registered only where the gate is on.
 */
export class PvcUnusedConditionController implements Controller {
  readonly name = 'PVCProtection';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const pvc = this.store.get('PersistentVolumeClaim', key);
    if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase !== 'Bound') return {};
    const used = this.store.list('Pod', { namespace: pvc.metadata.namespace }).some((pod) => !podTerminated(pod) && claimsOf(pod).includes(pvc.metadata.name));
    const existing = (pvc.status.conditions ?? []).find((c: any) => c.type === 'Unused');
    if (used && existing?.status === 'False') return {};
    if (!used && existing?.status === 'True') return {};
    const condition = used
      ? { type: 'Unused', status: 'False', lastTransitionTime: rfc3339(this.clock.now()), reason: 'PodUsingPVC', message: 'A pod is currently referencing this PVC' }
      : { type: 'Unused', status: 'True', lastTransitionTime: rfc3339(this.clock.now()), reason: 'NoPodsUsingPVC', message: 'No pods are currently referencing this PVC' };
    const others = (pvc.status.conditions ?? []).filter((c: any) => c.type !== 'Unused');
    const conditions = existing ? (pvc.status.conditions as any[]).map((c) => (c.type === 'Unused' ? condition : c)) : [...others, condition];
    this.store.updateStatus({ ...pvc, status: { ...pvc.status, conditions } });
    return {};
  }
}

/**
 * The claims a pod refers to: its persistentVolumeClaim volumes and, for a generic ephemeral
 * volume, the `<pod>-<volume>` claim made for it (ephemeral.VolumeClaimName).
 */
export function claimsOf(pod: KubeObject): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v: any) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : v.ephemeral ? [`${pod.metadata.name}-${v.name}`] : []));
}

/**
 * volumeutil.IsPodTerminated: the pod ended, or it is being deleted and none of its containers
 * is still running.
 */
function podTerminated(pod: KubeObject): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return true;
  if (!pod.metadata.deletionTimestamp) return false;
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])];
  return statuses.every((s: any) => s.state?.terminated || s.state?.waiting);
}
