import { ok, unresolvable, type CycleContext, type FilterPlugin, type NodeInfo, type Status } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { matchesRequired } from './node-affinity.ts';

export const NAME = 'VolumeBinding';
export const reasonUnboundImmediate = 'pod has unbound immediate PersistentVolumeClaims';
export const reasonNodeConflict = 'node(s) had volume node affinity conflict';

/** The node selector terms of the bound volumes a pod uses. */
type State = Array<{ nodeSelectorTerms: any[] }>;

/**
 * VolumeBinding, reduced (pkg/scheduler/framework/plugins/volumebinding): PreFilter refuses a pod
 * whose claim is missing or unbound with an Immediate class; Filter keeps a pod on the nodes its
 * bound volumes are pinned to. Claims of WaitForFirstConsumer classes get the chosen node
 * (volume.kubernetes.io/selected-node) when the scheduler binds the pod.
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
    const out: State = [];
    for (const v of pod.spec?.volumes ?? []) {
      const pvc = v.persistentVolumeClaim?.claimName ? ctx.claim(pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName) : undefined;
      const terms = pvc?.spec?.volumeName ? ctx.volume(pvc.spec.volumeName)?.spec?.nodeAffinity?.required?.nodeSelectorTerms : undefined;
      if (terms) out.push({ nodeSelectorTerms: terms });
    }
    return out;
  },
  skipsFilter: (_pod: KubeObject, pinned: State) => pinned.length === 0,
  filter(_pod: KubeObject, info: NodeInfo, pinned: State) {
    for (const p of pinned) {
      const probe = { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: p } } } } as unknown as KubeObject;
      if (!matchesRequired(probe, info.node)) return unresolvable(reasonNodeConflict);
    }
    return ok();
  },
} satisfies FilterPlugin;
