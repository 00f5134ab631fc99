import { MAX_NODE_SCORE, ok, unresolvable, unschedulable, type CycleContext, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../framework.ts';
import { LabelSelector } from '../../../kube/label-selector.ts';
import type { KubeObject } from '../../store/types.ts';
import { matchesRequired } from './node-affinity.ts';

export const NAME = 'PodTopologySpread';
export const reasonSpread = "node(s) didn't match pod topology spread constraints";
export const reasonMissingLabel = "node(s) didn't match pod topology spread constraints (missing required label)";

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  hard: boolean;
  minDomains: number;
  selector: LabelSelector;
}

interface State {
  constraints: Constraint[];
  /** Per constraint: matching pods per domain value, over eligible nodes. */
  counts: Array<Map<string, number>>;
  /** Per hard constraint: the smallest count over its domains (0 below minDomains). */
  globalMin: number[];
  selfMatch: boolean[];
  hard: boolean;
  soft: boolean;
}

/**
 * Pod topology spread (pkg/scheduler/framework/plugins/podtopologyspread,
 * reference/scheduling.md §9): DoNotSchedule constraints filter on
 * `count(domain) + self − globalMin ≤ maxSkew` (globalMin 0 below minDomains), nodes without the
 * key are rejected; ScheduleAnyway constraints and the system defaults (hostname maxSkew 3, zone
 * maxSkew 5, for pods of a ReplicaSet/StatefulSet) score fewer matching pods higher. Eligible
 * domains honour the pod's node selection (nodeAffinityPolicy Honor) and ignore taints.
 */
export const podTopologySpread = {
  name: NAME,
  prepare(pod: KubeObject, ctx: CycleContext): State {
    const constraints = constraintsOf(pod, ctx.pluginArgs(NAME));
    if (constraints.length === 0) return { constraints, counts: [], globalMin: [], selfMatch: [], hard: false, soft: false };
    const counts = constraints.map(() => new Map<string, number>());
    const eligibility = new Map<NodeInfo, boolean>();
    const eligible = (info: NodeInfo) => {
      let yes = eligibility.get(info);
      if (yes === undefined) eligibility.set(info, (yes = matchesRequired(pod, info.node)));
      return yes;
    };
    constraints.forEach((c, i) => {
      // A DoNotSchedule constraint needs every eligible domain, empty ones too (the global minimum).
      if (c.hard) {
        for (const info of ctx.nodes) {
          const value = info.node.metadata.labels?.[c.topologyKey];
          if (value !== undefined && !counts[i]!.has(value) && eligible(info)) counts[i]!.set(value, 0);
        }
      }
      for (const other of ctx.podsMatching(pod.metadata.namespace, c.selector)) {
        if (other.metadata.deletionTimestamp) continue;
        const info = ctx.nodeInfo(other.spec.nodeName);
        const value = info?.node.metadata.labels?.[c.topologyKey];
        if (value === undefined || !eligible(info!)) continue;
        counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + 1);
      }
    });
    const globalMin = constraints.map((c, i) => (counts[i]!.size < c.minDomains ? 0 : Math.min(...counts[i]!.values())));
    return {
      constraints, counts, globalMin, selfMatch: constraints.map((c) => c.selector.matches(pod.metadata.labels)),
      hard: constraints.some((c) => c.hard), soft: constraints.some((c) => !c.hard),
    };
  },
  skipsFilter: (_pod: KubeObject, s: State) => !s.hard,
  skipsScore: (_pod: KubeObject, s: State) => !s.soft,
  filter(_pod: KubeObject, info: NodeInfo, s: State) {
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      if (!c.hard) continue;
      const value = info.node.metadata.labels?.[c.topologyKey];
      if (value === undefined) return unresolvable(reasonMissingLabel);
      if ((s.counts[i]!.get(value) ?? 0) + (s.selfMatch[i] ? 1 : 0) - s.globalMin[i]! > c.maxSkew) return unschedulable(reasonSpread);
    }
    return ok();
  },
  score(_pod: KubeObject, info: NodeInfo, s: State) {
    let total = 0;
    const labels = info.node.metadata.labels;
    if (!labels) return 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      if (c.hard) continue;
      const value = labels[c.topologyKey];
      if (value !== undefined) total += (s.counts[i]!.get(value) ?? 0) + c.maxSkew - 1;
    }
    return total;
  },
  normalize(_pod: KubeObject, scores: number[]) {
    const max = Math.max(...scores), min = Math.min(...scores);
    return scores.map((x) => (max === min ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max - x)) / (max - min))));
  },
} satisfies FilterPlugin & ScorePlugin;

/** The system default constraints (defaultingType System): soft, per node and per zone. */
const systemDefaults = [
  { maxSkew: 3, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
];

function constraintsOf(pod: KubeObject, args?: { defaultingType?: string; defaultConstraints?: any[] }): Constraint[] {
  const own: any[] = pod.spec?.topologySpreadConstraints ?? [];
  if (own.length) {
    return own.map((c) => {
      let selector = LabelSelector.fromSpec(c.labelSelector ?? { matchExpressions: [{ key: '__never__', operator: 'Exists' }] });
      const extra = (c.matchLabelKeys ?? []).filter((k: string) => pod.metadata.labels?.[k] !== undefined)
        .map((k: string) => ({ key: k, operator: 'In' as const, values: [pod.metadata.labels![k]!] }));
      if (extra.length) selector = new LabelSelector([...selector.requirements, ...extra]);
      return { maxSkew: c.maxSkew, topologyKey: c.topologyKey, hard: (c.whenUnsatisfiable ?? 'DoNotSchedule') === 'DoNotSchedule', minDomains: c.minDomains ?? 1, selector };
    });
  }
  // System defaults apply to pods a workload controller owns; their labels stand for its selector.
  const owned = pod.metadata.ownerReferences?.some((r) => r.controller && ['ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(r.kind));
  if (!owned || !pod.metadata.labels) return [];
  const labels = Object.fromEntries(Object.entries(pod.metadata.labels).filter(([k]) => !['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'].includes(k)));
  const selector = LabelSelector.fromSpec({ matchLabels: labels });
  // A profile's pluginConfig may list its own (defaultingType List); none listed means none.
  const defaults = args?.defaultingType === 'List' ? args.defaultConstraints ?? [] : systemDefaults;
  return defaults.map((c: any) => ({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, hard: (c.whenUnsatisfiable ?? 'DoNotSchedule') === 'DoNotSchedule', minDomains: 1, selector }));
}
