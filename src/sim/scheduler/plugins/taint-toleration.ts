import { MAX_NODE_SCORE, ok, unresolvable, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { behaviour, type KubernetesRelease } from '../../../kube/kubernetes-versions.ts';

export const NAME = 'TaintToleration';

export interface Taint { key: string; value?: string; effect: string }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string }

/**
 * The reason for a node whose taint the pod does not tolerate: until 1.33 it names the taint
 * (`{key: value}`, an empty value printing as `{key: }`), from 1.34 it does not, so nodes with
 * different taints count as one reason.
 */
export function reasonUntolerated(version: KubernetesRelease, t: Taint): string {
  return behaviour(version, 'scheduler.taintToleration.untoleratedReason').value.replace('%KEY', t.key).replace('%VALUE', t.value ?? '');
}

/** What the filter and the score share for one pod. */
interface State {
  version: KubernetesRelease;
  /** PreScore: the tolerations that can tolerate a PreferNoSchedule taint. */
  prefer: Toleration[];
}

/** v1.Toleration.ToleratesTaint: empty key with Exists tolerates everything; empty effect matches all effects. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

function untolerated(taints: readonly Taint[] | undefined, tolerations: Toleration[] | undefined, effects: string[]): Taint[] {
  return (taints ?? []).filter((taint) => effects.includes(taint.effect) && !(tolerations ?? []).some((t) => tolerates(t, taint)));
}

/** Filters on NoSchedule/NoExecute taints; scores by the count of untolerated PreferNoSchedule taints, fewer is better. */
export const taintToleration = {
  name: NAME,
  filter(pod: KubeObject, { taints }, state: State) {
    if (!taints) return ok();
    const t = untolerated(taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute'])[0];
    return t ? unresolvable(reasonUntolerated(state.version, t)) : ok();
  },
  prepare(pod: KubeObject, ctx): State {
    return { version: ctx.version, prefer: (pod.spec?.tolerations ?? []).filter((t: Toleration) => !t.effect || t.effect === 'PreferNoSchedule') };
  },
  score(_pod: KubeObject, { taints }, state: State) {
    if (!taints) return 0;
    return untolerated(taints, state.prefer, ['PreferNoSchedule']).length;
  },
  normalize(_pod, scores) {
    let highest = 0;
    for (const s of scores) if (s > highest) highest = s;
    return scores.map((s) => (highest === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.trunc((s * MAX_NODE_SCORE) / highest)));
  },
} satisfies FilterPlugin & ScorePlugin;
