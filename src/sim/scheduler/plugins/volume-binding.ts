import { behaviour, type KubernetesRelease } from '../../../kube/kubernetes-versions.ts';
import { ok, unresolvable, type CycleContext, type FilterPlugin, type NodeInfo, type Status } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { matchesRequired } from './node-affinity.ts';
import { findMatchingVolume } from '../../controllers/volume-matching.ts';
import { SELECTED_NODE } from '../../controllers/persistent-volume-controller.ts';

export const NAME = 'VolumeBinding';
export const reasonUnboundImmediate = 'pod has unbound immediate PersistentVolumeClaims';
/** The reason for a node a bound volume's node affinity excludes: it changed in 1.33 (versioned data). */
export const reasonNodeConflict = (version: KubernetesRelease): string => behaviour(version, 'scheduler.volumeBinding.nodeConflictReason').value;
export const reasonBindConflict = "node(s) didn't find available persistent volumes to bind";
/** volume.NotSupportedProvisioner: a class whose volumes only an administrator creates. */
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** A delayed-binding claim that is not bound yet, with its class. */
interface DelayedClaim { pvc: KubeObject; storageClass: KubeObject | undefined }
interface State {
  /** The node selector terms of the bound volumes a pod uses. */
  pinned: Array<{ nodeSelectorTerms: any[] }>;
  delayed: DelayedClaim[];
  /** The unbound volumes a delayed claim could match (pv.status.phase Available). */
  available: KubeObject[];
  /** This release's reason for a node the pinned volumes exclude. */
  nodeConflictReason: string;
}

/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding): PreFilter refuses a pod whose
 * claim is missing or unbound with an Immediate class; Filter keeps a pod on the nodes its bound
 * volumes are pinned to, and for each unbound WaitForFirstConsumer claim wants a volume that fits
 * the node or a class that can provision there (binder.go FindPodVolumes). Binding the claims on
 * the chosen node is PreBind's work (../volume-prebind.ts).
 */
export const volumeBinding = {
  name: NAME,
  preFilter(pod: KubeObject, ctx: CycleContext): Status | undefined {
    for (const v of pod.spec?.volumes ?? []) {
      const name = v.persistentVolumeClaim?.claimName;
      if (!name) continue;
      const pvc = ctx.claim(pod.metadata.namespace ?? 'default', name);
      if (!pvc) return unresolvable(`persistentvolumeclaim "${name}" not found`);
      if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
      if (pvc.status?.phase !== 'Bound' && ctx.storageClass(pvc.spec?.storageClassName ?? '')?.volumeBindingMode !== 'WaitForFirstConsumer') {
        return unresolvable(reasonUnboundImmediate);
      }
    }
    return undefined;
  },
  prepare(pod: KubeObject, ctx: CycleContext): State {
    const state: State = { pinned: [], delayed: [], available: [], nodeConflictReason: reasonNodeConflict(ctx.version) };
    for (const v of pod.spec?.volumes ?? []) {
      const pvc = v.persistentVolumeClaim?.claimName ? ctx.claim(pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName) : undefined;
      if (!pvc) continue;
      if (pvc.status?.phase !== 'Bound' && !pvc.spec?.volumeName) {
        state.delayed.push({ pvc, storageClass: ctx.storageClass(pvc.spec?.storageClassName ?? '') });
        continue;
      }
      const terms = pvc.spec?.volumeName ? ctx.volume(pvc.spec.volumeName)?.spec?.nodeAffinity?.required?.nodeSelectorTerms : undefined;
      if (terms) state.pinned.push({ nodeSelectorTerms: terms });
    }
    if (state.delayed.length > 0) state.available = ctx.volumes().filter((pv) => pv.status?.phase === 'Available');
    return state;
  },
  skipsFilter: (_pod: KubeObject, s: State) => s.pinned.length === 0 && s.delayed.length === 0,
  filter(_pod: KubeObject, info: NodeInfo, s: State) {
    const reasons: string[] = [];
    if (s.pinned.some((p) => !matchesRequired(affinityProbe(p.nodeSelectorTerms), info.node))) reasons.push(s.nodeConflictReason);
    if (!delayedClaimsFit(s, info.node)) reasons.push(reasonBindConflict);
    return reasons.length ? unresolvable(...reasons) : ok();
  },
} satisfies FilterPlugin;

/** FindPodVolumes for the unbound delayed claims: each matches a free volume or can be provisioned on the node. */
function delayedClaimsFit(s: State, node: KubeObject): boolean {
  const taken = new Set<string>();
  for (const { pvc, storageClass } of s.delayed) {
    const selected = pvc.metadata.annotations?.[SELECTED_NODE];
    if (selected && selected !== node.metadata.name) return false;
    if (!selected) {
      const pv = findMatchingVolume(pvc, s.available.filter((v) => !taken.has(v.metadata.name)), true, node);
      if (pv) {
        taken.add(pv.metadata.name);
        continue;
      }
    }
    // checkVolumeProvisions: a class with a provisioner whose allowedTopologies admit the node.
    if (!storageClass?.provisioner || storageClass.provisioner === NO_PROVISIONER) return false;
    if (!topologyAdmits(storageClass.allowedTopologies, node)) return false;
  }
  return true;
}

/** MatchTopologySelectorTerms (component-helpers/scheduling/corev1): no terms admit every node; else one term whose every expression the node's labels meet. */
function topologyAdmits(terms: any[] | undefined, node: KubeObject): boolean {
  if (!terms?.length) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e: any) => e.key in labels && (e.values ?? []).includes(labels[e.key])));
}

function affinityProbe(nodeSelectorTerms: any[]): KubeObject {
  return { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } } } } as unknown as KubeObject;
}
