import { MAX_NODE_SCORE, ok, unresolvable, unschedulable, type CycleContext, type DomainCounts, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../framework.ts';
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
  /** Per constraint: matching pods per domain value, over eligible nodes (an empty domain may have no key). */
  counts: Array<Map<string, number>>;
  /** Per hard constraint: the smallest count over its domains (0 below minDomains). */
  globalMin: number[];
  selfMatch: boolean[];
  hard: boolean;
  soft: boolean;
  /** Scoring needs every soft topology key on a node (own constraints, or defaults not System). */
  requireAllTopologies: boolean;
  /** PreScore: feasible nodes not scored (lacking a key when all are required). */
  ignored: ReadonlySet<NodeInfo>;
  /** PreScore: per constraint, log(domains among the scored nodes + 2). */
  weights: number[];
}

/**
 * Pod topology spread (pkg/scheduler/framework/plugins/podtopologyspread,
 * reference/scheduling.md §9): DoNotSchedule constraints filter on
 * `count(domain) + self − globalMin ≤ maxSkew` (globalMin 0 below minDomains), nodes without the
 * key are rejected; ScheduleAnyway constraints and the system defaults (hostname maxSkew 3, zone
 * maxSkew 5, over the pods the default selector picks: see defaultSelector) score fewer matching
 * pods higher, weighted and normalised as scoring.go does. Eligible
 * domains honour the pod's node selection (nodeAffinityPolicy Honor) and ignore taints.
 */
export const podTopologySpread = {
  name: NAME,
  prepare(pod: KubeObject, ctx: CycleContext): State {
    const args = ctx.pluginArgs(NAME);
    const constraints = constraintsOf(pod, args, ctx);
    const requireAllTopologies = (pod.spec?.topologySpreadConstraints ?? []).length > 0 || args?.defaultingType === 'List';
    const none = { constraints, counts: [], globalMin: [], selfMatch: [], hard: false, soft: false, requireAllTopologies, ignored: NOTHING_IGNORED, weights: [] };
    if (constraints.length === 0) return none;
    const softKeys = constraints.filter((c) => !c.hard).map((c) => c.topologyKey);
    // A pod without a nodeSelector or required node affinity may go to every node: the counts the
    // cache keeps are its counts. One that is selective counts the pods on its eligible nodes.
    const selective = pod.spec?.nodeSelector !== undefined || pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined;
    const { counts, globalMin } = !selective && ctx.spreadCounts
      ? keptCounts(pod, constraints, requireAllTopologies ? softKeys : [], ctx.spreadCounts)
      : countedCounts(pod, constraints, requireAllTopologies, softKeys, selective, ctx);
    return {
      constraints, counts, globalMin, selfMatch: constraints.map((c) => c.selector.matches(pod.metadata.labels)),
      hard: constraints.some((c) => c.hard), soft: constraints.some((c) => !c.hard),
      requireAllTopologies, ignored: NOTHING_IGNORED, weights: [],
    };
  },
  skipsFilter: (_pod: KubeObject, s: State) => !s.hard,
  skipsScore: (_pod: KubeObject, s: State) => !s.soft,
  filter(_pod: KubeObject, info: NodeInfo, s: State) {
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      if (!c.hard) continue;
      const value = info.labels[c.topologyKey];
      if (value === undefined) return unresolvable(reasonMissingLabel);
      if ((s.counts[i]!.get(value) ?? 0) + (s.selfMatch[i] ? 1 : 0) - s.globalMin[i]! > c.maxSkew) return unschedulable(reasonSpread);
    }
    return ok();
  },
  /**
   * initPreScoreState (podtopologyspread/scoring.go): with all keys required, a feasible node
   * lacking one is ignored; each constraint is weighted by log(number of its domains among the
   * scored nodes + 2), the hostname one by the number of scored nodes.
   */
  preScore(_pod: KubeObject, feasible: NodeInfo[], s: State) {
    let lacking: Set<NodeInfo> | undefined;
    if (s.requireAllTopologies) {
      for (const info of feasible) {
        if (s.constraints.some((c) => !c.hard && info.labels[c.topologyKey] === undefined)) (lacking ??= new Set()).add(info);
      }
    }
    const ignored = (s.ignored = lacking ?? NOTHING_IGNORED);
    const scored = feasible.length - ignored.size;
    s.weights = s.constraints.map((c) => {
      // Only soft constraints are scored; a hard one's weight is never read.
      if (c.hard) return 1;
      if (c.topologyKey === HOSTNAME) return Math.log(scored + 2);
      // A node without the key is the domain "" here (Labels[key] of a Go map), as upstream.
      const domains = new Set<string>();
      const none = ignored.size === 0;
      for (let n = 0; n < feasible.length; n++) {
        const info = feasible[n]!;
        if (none || !ignored.has(info)) domains.add(info.labels[c.topologyKey] ?? '');
      }
      return Math.log(domains.size + 2);
    });
  },
  /** Score: Σ count·weight + maxSkew − 1 over the soft keys the node has, rounded; −1 marks an ignored node. */
  score(_pod: KubeObject, info: NodeInfo, s: State) {
    if (s.ignored.size > 0 && s.ignored.has(info)) return IGNORED;
    const labels = info.labels;
    let total = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      if (c.hard) continue;
      const value = labels[c.topologyKey];
      if (value !== undefined) total += (s.counts[i]!.get(value) ?? 0) * s.weights[i]! + c.maxSkew - 1;
    }
    return Math.round(total);
  },
  /** NormalizeScore: 100·(max + min − score) / max over the scored nodes; ignored nodes get 0. */
  normalize(_pod: KubeObject, scores: number[]) {
    let max = 0, min = Infinity;
    for (const x of scores) {
      if (x === IGNORED) continue;
      if (x > max) max = x;
      if (x < min) min = x;
    }
    const out = new Array<number>(scores.length);
    for (let i = 0; i < scores.length; i++) {
      const x = scores[i]!;
      out[i] = x === IGNORED ? 0 : max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - x)) / max);
    }
    return out;
  },
} satisfies FilterPlugin & ScorePlugin;

/**
 * The counts calPreFilterState and PreScore make (filtering.go, scoring.go), from the cache's
 * running counts (spread-counts.ts): a DoNotSchedule constraint's global minimum is 0 while some
 * domain of the key has no matching pod, or fewer domains than minDomains exist.
 */
function keptCounts(pod: KubeObject, constraints: Constraint[], required: readonly string[], kept: DomainCounts) {
  const counts: Array<Map<string, number>> = [];
  const globalMin: number[] = [];
  const softRequired = uniqueSorted(required);
  for (const c of constraints) {
    const live = kept.counts(pod.metadata.namespace, c.selector, c.topologyKey, c.hard ? [] : softRequired);
    counts.push(new Map(live));
    if (!c.hard) {
      globalMin.push(0);
      continue;
    }
    const domains = kept.domainValues(c.topologyKey).size;
    globalMin.push(domains < c.minDomains || live.size < domains ? 0 : smallest(live.values()));
  }
  return { counts, globalMin };
}

/** The same counts, walking the pods the selectors match: for a pod whose node selection narrows the eligible nodes. */
function countedCounts(pod: KubeObject, constraints: Constraint[], requireAllTopologies: boolean, softKeys: string[], selective: boolean, ctx: CycleContext) {
  const counts = constraints.map(() => new Map<string, number>());
  const eligibility = new Map<NodeInfo, boolean>();
  const eligible = (info: NodeInfo) => {
    if (!selective) return true;
    let yes = eligibility.get(info);
    if (yes === undefined) eligibility.set(info, (yes = matchesRequired(pod, info.node)));
    return yes;
  };
  // A DoNotSchedule constraint needs every eligible domain, empty ones too (the global minimum).
  constraints.forEach((c, i) => {
    if (!c.hard) return;
    for (const info of ctx.nodes) {
      const value = info.labels[c.topologyKey];
      if (value !== undefined && !counts[i]!.has(value) && eligible(info)) counts[i]!.set(value, 0);
    }
  });
  // Constraints that share a selector (the system defaults do) count over one list of pods.
  for (const [selector, group] of groupBySelector(constraints)) {
    for (const other of ctx.podsMatching(pod.metadata.namespace, selector)) {
      if (other.metadata.deletionTimestamp) continue;
      const info = ctx.nodeInfo(other.spec.nodeName);
      if (!info || !eligible(info)) continue;
      const labels = info.labels;
      // PreScore (scoring.go) counts only on nodes with every soft key, when all are required.
      const lacksSoftKey = requireAllTopologies && softKeys.some((k) => labels[k] === undefined);
      for (const i of group) {
        const c = constraints[i]!;
        const value = labels[c.topologyKey];
        if (value === undefined || (!c.hard && lacksSoftKey)) continue;
        counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + 1);
      }
    }
  }
  const globalMin = constraints.map((c, i) => (!c.hard ? 0 : counts[i]!.size < c.minDomains ? 0 : smallest(counts[i]!.values())));
  return { counts, globalMin };
}

/** The keys once each, in one order: the cache keeps one count per set of required keys. */
function uniqueSorted(keys: readonly string[]): string[] {
  return keys.length < 2 ? [...keys] : [...new Set(keys)].sort();
}

const HOSTNAME = 'kubernetes.io/hostname';
/** invalidScore (scoring.go). */
const IGNORED = -1;
/** No node ignored (the usual case): shared, never added to. */
const NOTHING_IGNORED: ReadonlySet<NodeInfo> = new Set<NodeInfo>() as ReadonlySet<NodeInfo>;

/** The constraints' indexes by their selector object (the system defaults share one). */
function groupBySelector(constraints: Constraint[]): Map<LabelSelector, number[]> {
  const groups = new Map<LabelSelector, number[]>();
  constraints.forEach((c, i) => {
    const group = groups.get(c.selector);
    if (group) group.push(i);
    else groups.set(c.selector, [i]);
  });
  return groups;
}

/** The smallest of some counts (no spread of a possibly large list into arguments). */
function smallest(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** The system default constraints (defaultingType System): soft, per node and per zone. */
const systemDefaults = [
  { maxSkew: 3, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
];

function constraintsOf(pod: KubeObject, args: { defaultingType?: string; defaultConstraints?: any[] } | undefined, ctx: CycleContext): Constraint[] {
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
  // A profile's pluginConfig may list its own (defaultingType List); none listed means none.
  const defaults = args?.defaultingType === 'List' ? args.defaultConstraints ?? [] : systemDefaults;
  if (defaults.length === 0) return [];
  // buildDefaultConstraints (podtopologyspread/common.go): no default selector, no constraints.
  const selector = defaultSelector(pod, ctx);
  if (!selector) return [];
  return defaults.map((c: any) => ({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, hard: (c.whenUnsatisfiable ?? 'DoNotSchedule') === 'DoNotSchedule', minDomains: 1, selector }));
}

/**
 * helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the selectors of the
 * Services that select the pod (GetPodServices; a Service without a selector selects nothing),
 * and the selector of its controller if that is a ReplicationController, ReplicaSet or StatefulSet.
 * A Deployment's ReplicaSet selects its own pod-template-hash, so in a rollout the new pods spread
 * among themselves, not over the old ones. Undefined when there is nothing to select by.
 */
function defaultSelector(pod: KubeObject, ctx: CycleContext): LabelSelector | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  const podLabels = pod.metadata.labels ?? {};
  const labelSet: Record<string, string> = {};
  for (const svc of ctx.services(namespace)) {
    const sel: Record<string, string> | undefined = svc.spec?.selector;
    if (!sel || Object.keys(sel).length === 0) continue;
    if (Object.entries(sel).every(([k, v]) => podLabels[k] === v)) Object.assign(labelSet, sel);
  }
  let requirements = LabelSelector.fromSpec({ matchLabels: labelSet }).requirements;
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  const kind = owner && ({ 'v1/ReplicationController': 'ReplicationController', 'apps/v1/ReplicaSet': 'ReplicaSet', 'apps/v1/StatefulSet': 'StatefulSet' } as Record<string, string>)[`${owner.apiVersion}/${owner.kind}`];
  const workload = kind ? ctx.workload(kind, namespace, owner!.name) : undefined;
  if (workload && kind === 'ReplicationController') {
    requirements = LabelSelector.fromSpec({ matchLabels: { ...labelSet, ...(workload.spec?.selector ?? {}) } }).requirements;
  } else if (workload?.spec?.selector) {
    requirements = [...requirements, ...LabelSelector.fromSpec(workload.spec.selector).requirements];
  }
  return requirements.length > 0 ? new LabelSelector(requirements) : undefined;
}
