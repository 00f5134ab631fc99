import { ok, unschedulable, type CycleContext, type FilterPlugin, type NodeInfo } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { behaviour, type KubernetesRelease } from '../../../kube/kubernetes-versions.ts';

/**
 * VolumeRestrictions, the ReadWriteOncePod half (K@1.37.2 pkg/scheduler/framework/plugins/
 * volumerestrictions/volume_restrictions.go; the same logic in K@1.32.13): a claim with the
 * ReadWriteOncePod access mode may be used by one pod in the whole cluster, so while any
 * scheduled pod uses it, every node is Unschedulable for another pod naming it. That is a
 * resolvable verdict: preemption may evict the holder (AddPod/RemovePod adjust the count).
 *
 * Not modelled: the in-tree disk conflicts (GCE PD, AWS EBS, iSCSI, RBD: "node(s) had no available
 * disk"), volume kinds the simulator does not run; and PreFilter's "persistentvolumeclaim "x" not
 * found", which VolumeBinding's PreFilter (next in the profile) reports in the same words.
 */
export const NAME = 'VolumeRestrictions';

/** ErrReasonReadWriteOncePodConflict of the release. */
export const reasonReadWriteOncePodConflict = (version: Pick<KubernetesRelease, 'minor'>): string =>
  behaviour(version, 'scheduler.volumeRestrictions.readWriteOncePodReason').value;

interface State {
  namespace: string;
  /** The pod's claims whose access modes hold ReadWriteOncePod. */
  claims: Set<string>;
  /** Per node, how many of its pods' volumes name one of those claims (the scheduler snapshot's PVCRefCounts). */
  usesByNode: Map<string, number>;
  total: number;
  reason: string;
}

/** How many volumes of the node's pods (of the pod's namespace) name one of the claims. */
function usesOn(info: NodeInfo, namespace: string, claims: Set<string>): number {
  let n = 0;
  for (const p of info.pods) {
    if (p.metadata.namespace !== namespace) continue;
    for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim && claims.has(v.persistentVolumeClaim.claimName)) n++;
  }
  return n;
}

function readWriteOncePodClaims(pod: KubeObject, ctx: CycleContext): Set<string> {
  const claims = new Set<string>();
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const pvc = ctx.claim(pod.metadata.namespace ?? 'default', name);
    if ((pvc?.spec?.accessModes ?? []).includes('ReadWriteOncePod')) claims.add(name);
  }
  return claims;
}

export const volumeRestrictions = {
  name: NAME,
  prepare(pod: KubeObject, ctx: CycleContext): State {
    const namespace = pod.metadata.namespace ?? 'default';
    const claims = readWriteOncePodClaims(pod, ctx);
    const usesByNode = new Map<string, number>();
    let total = 0;
    if (claims.size > 0) {
      for (const info of ctx.nodes) {
        const n = usesOn(info, namespace, claims);
        if (n > 0) usesByNode.set(info.node.metadata.name, n);
        total += n;
      }
    }
    return { namespace, claims, usesByNode, total, reason: reasonReadWriteOncePodConflict(ctx.version) };
  },
  /** PreFilter's Skip: no ReadWriteOncePod claim of the pod is in use. */
  skipsFilter: (_pod: KubeObject, state: State) => state.total === 0,
  filter(_pod, info, state: State) {
    // The cluster-wide count, with this node's share recounted from the pods it holds now: in a
    // preemption dry run those are the pods left after removing victims (RemovePod).
    const here = state.usesByNode.get(info.node.metadata.name) ?? 0;
    const conflicts = state.total - here + usesOn(info, state.namespace, state.claims);
    return conflicts > 0 ? unschedulable(state.reason) : ok();
  },
} satisfies FilterPlugin;
