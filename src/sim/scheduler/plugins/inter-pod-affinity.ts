import { MAX_NODE_SCORE, ok, unresolvable, unschedulable, type CycleContext, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { preferredTerms, requiredTerms, termMatches, type CompiledTerm } from './pod-term.ts';

export const NAME = 'InterPodAffinity';
export const reasonAffinity = "node(s) didn't match pod affinity rules";
export const reasonAntiAffinity = "node(s) didn't match pod anti-affinity rules";
export const reasonExistingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules";
/** The weight existing pods' required affinity gets in scoring (hardPodAffinityWeight). */
const HARD_POD_AFFINITY_WEIGHT = 1;

interface State {
  affinity: CompiledTerm[];
  anti: CompiledTerm[];
  /** Topology pairs "key=value" where a pod matching each affinity term runs. */
  affinityDomains: Array<Set<string>>;
  /** Whether any pod anywhere matches each affinity term. */
  affinityAnyMatch: boolean[];
  antiDomains: Set<string>;
  existingAntiDomains: Set<string>;
  scores: Map<string, number>;
  /** `scores` by topology key, then value: made once, at the first node scored. */
  scoresByKey?: Map<string, Map<string, number>>;
  ctx: CycleContext;
}

/** Scores by topology pair ("key=value", and a label key has no "=") regrouped by key. */
function scoresByKey(scores: Map<string, number>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [p, score] of scores) {
    const eq = p.indexOf('=');
    const key = p.slice(0, eq), value = p.slice(eq + 1);
    let byValue = out.get(key);
    if (!byValue) out.set(key, (byValue = new Map()));
    byValue.set(value, score);
  }
  return out;
}

const pair = (key: string, node: KubeObject) => (node.metadata.labels?.[key] !== undefined ? `${key}=${node.metadata.labels[key]}` : undefined);

/**
 * Inter-pod affinity and anti-affinity (pkg/scheduler/framework/plugins/interpodaffinity,
 * reference/scheduling.md §10): required terms filter by topology domain, existing pods'
 * required anti-affinity is honoured symmetrically, preferred terms (both ways) and existing
 * pods' required affinity score; scores are min-max normalized.
 */
export const interPodAffinity = {
  name: NAME,
  prepare(pod: KubeObject, ctx: CycleContext): State {
    const affinity = requiredTerms(pod, 'podAffinity');
    const prefAffinity = preferredTerms(pod, 'podAffinity');
    const prefAnti = preferredTerms(pod, 'podAntiAffinity');
    const anti = requiredTerms(pod, 'podAntiAffinity');
    const affinityDomains = affinity.map(() => new Set<string>());
    const affinityAnyMatch = affinity.map(() => false);
    const antiDomains = new Set<string>();
    const existingAntiDomains = new Set<string>();
    const scores = new Map<string, number>();
    const add = (key: string, node: KubeObject, w: number) => {
      const p = pair(key, node);
      if (p) scores.set(p, (scores.get(p) ?? 0) + w);
    };
    const ownTerms = affinity.length + anti.length + prefAffinity.length + prefAnti.length > 0;
    // Fast path: a pod without terms of its own only cares about pods that have some.
    for (const info of ownTerms ? ctx.nodes : ctx.nodesWithPodAffinity()) {
      for (const other of ownTerms ? info.pods : info.podsWithAffinity) {
        if (other.metadata.deletionTimestamp) continue;
        affinity.forEach((t, i) => {
          if (!termMatches(t, other, ctx.namespaceLabels)) return;
          affinityAnyMatch[i] = true;
          const p = pair(t.topologyKey, info.node);
          if (p) affinityDomains[i]!.add(p);
        });
        for (const t of anti) {
          if (termMatches(t, other, ctx.namespaceLabels)) {
            const p = pair(t.topologyKey, info.node);
            if (p) antiDomains.add(p);
          }
        }
        for (const t of requiredTerms(other, 'podAntiAffinity')) {
          if (termMatches(t, pod, ctx.namespaceLabels)) {
            const p = pair(t.topologyKey, info.node);
            if (p) existingAntiDomains.add(p);
          }
        }
        for (const t of prefAffinity) if (termMatches(t, other, ctx.namespaceLabels)) add(t.topologyKey, info.node, t.weight);
        for (const t of prefAnti) if (termMatches(t, other, ctx.namespaceLabels)) add(t.topologyKey, info.node, -t.weight);
        for (const t of preferredTerms(other, 'podAffinity')) if (termMatches(t, pod, ctx.namespaceLabels)) add(t.topologyKey, info.node, t.weight);
        for (const t of preferredTerms(other, 'podAntiAffinity')) if (termMatches(t, pod, ctx.namespaceLabels)) add(t.topologyKey, info.node, -t.weight);
        for (const t of requiredTerms(other, 'podAffinity')) if (termMatches(t, pod, ctx.namespaceLabels)) add(t.topologyKey, info.node, HARD_POD_AFFINITY_WEIGHT);
      }
    }
    return { affinity, anti, affinityDomains, affinityAnyMatch, antiDomains, existingAntiDomains, scores, ctx };
  },
  skipsFilter: (_pod: KubeObject, s: State) => s.existingAntiDomains.size === 0 && s.anti.length === 0 && s.affinity.length === 0,
  skipsScore: (_pod: KubeObject, s: State) => s.scores.size === 0,
  /**
   * In upstream's order (filtering.go Filter): the pod's affinity, then its anti-affinity, then
   * the anti-affinity of the pods already there; the first that fails names the reason.
   */
  filter(pod: KubeObject, info: NodeInfo, s: State) {
    const node = info.node;
    // The first pod of a group may go anywhere when it matches its own affinity terms.
    const selfStart = s.affinity.length > 0 && s.affinityAnyMatch.every((m) => !m) && s.affinity.every((t) => termMatches(t, pod, s.ctx.namespaceLabels));
    if (!selfStart) {
      for (const [i, t] of s.affinity.entries()) {
        const p = pair(t.topologyKey, node);
        if (!p || !s.affinityDomains[i]!.has(p)) return unresolvable(reasonAffinity);
      }
    }
    for (const t of s.anti) {
      const p = pair(t.topologyKey, node);
      if (p && s.antiDomains.has(p)) return unschedulable(reasonAntiAffinity);
    }
    if (s.existingAntiDomains.size > 0) {
      for (const [k, v] of Object.entries(info.labels)) if (s.existingAntiDomains.has(`${k}=${v}`)) return unschedulable(reasonExistingAntiAffinity);
    }
    return ok();
  },
  /** The sum of the node's topology pairs' scores; asked per topology key (few) rather than per node label (many). */
  score(_pod: KubeObject, info: NodeInfo, s: State) {
    const byKey = (s.scoresByKey ??= scoresByKey(s.scores));
    let total = 0;
    for (const [key, byValue] of byKey) {
      const v = info.labels[key];
      if (v !== undefined) total += byValue.get(v) ?? 0;
    }
    return total;
  },
  normalize(_pod: KubeObject, scores: number[]) {
    const max = Math.max(...scores), min = Math.min(...scores);
    return scores.map((x) => (max === min ? 0 : Math.trunc((MAX_NODE_SCORE * (x - min)) / (max - min))));
  },
} satisfies FilterPlugin & ScorePlugin;

