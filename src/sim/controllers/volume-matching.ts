import { bytes } from '../../kube/quantity.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { KubeObject } from '../store/types.ts';
import { matchesRequired } from '../scheduler/plugins/node-affinity.ts';

/**
 * FindMatchingVolume (component-helpers/storage/volume/pv_helpers.go), shared by the PersistentVolume
 * controller and the scheduler's VolumeBinding: the smallest Available volume of the claim's class
 * with its access modes, enough capacity and the claim's selector, not promised to another claim.
 * With delayed binding (WaitForFirstConsumer) a volume must also admit the node, unless it is
 * already reserved for this very claim.
 */
export function findMatchingVolume(pvc: KubeObject, volumes: KubeObject[], delayed: boolean, node: KubeObject | undefined): KubeObject | undefined {
  const want = bytes(pvc.spec?.resources?.requests?.storage ?? 0);
  const modes: string[] = pvc.spec?.accessModes ?? [];
  const selector = pvc.spec?.selector ? LabelSelector.fromSpec(pvc.spec.selector) : undefined;
  const reservedHere = (pv: KubeObject) => pv.spec?.claimRef?.uid === pvc.metadata.uid || (pv.spec?.claimRef?.name === pvc.metadata.name && pv.spec?.claimRef?.namespace === pvc.metadata.namespace);
  const reachable = (pv: KubeObject) => !delayed || reservedHere(pv) || (node !== undefined && volumeFitsNode(pv, node));
  return volumes
    .filter(reachable)
    .filter((pv) => pv.status?.phase === 'Available' && !pv.metadata.deletionTimestamp)
    .filter((pv) => (pv.spec?.storageClassName ?? '') === (pvc.spec?.storageClassName ?? ''))
    .filter((pv) => modes.every((m) => (pv.spec?.accessModes ?? []).includes(m)))
    .filter((pv) => bytes(pv.spec?.capacity?.storage ?? 0) >= want)
    .filter((pv) => !selector || selector.matches(pv.metadata.labels))
    .filter((pv) => !pv.spec?.claimRef || (pv.spec.claimRef.name === pvc.metadata.name && pv.spec.claimRef.namespace === pvc.metadata.namespace))
    .sort((a, b) => bytes(a.spec.capacity.storage) - bytes(b.spec.capacity.storage))[0];
}

/** A volume's required node affinity admits the node (local and hostPath volumes are pinned). */
export function volumeFitsNode(pv: KubeObject, node: KubeObject): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  const probe = { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } } } as unknown as KubeObject;
  return matchesRequired(probe, node);
}
