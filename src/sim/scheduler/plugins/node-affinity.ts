import { MAX_NODE_SCORE, ok, unresolvable, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';

export const NAME = 'NodeAffinity';
export const reasonNodeAffinity = "node(s) didn't match Pod's node affinity/selector";

interface SelectorRequirement { key: string; operator: string; values?: string[] }
interface SelectorTerm { matchExpressions?: SelectorRequirement[]; matchFields?: SelectorRequirement[] }

/** One node selector requirement (In, NotIn, Exists, DoesNotExist, Gt, Lt). */
function requirementMatches(r: SelectorRequirement, values: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, r.key);
  const v = values[r.key];
  switch (r.operator) {
    case 'In': return has && (r.values ?? []).includes(v!);
    case 'NotIn': return !has || !(r.values ?? []).includes(v!);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': return has && Number(v) > Number(r.values?.[0]);
    case 'Lt': return has && Number(v) < Number(r.values?.[0]);
    default: return false;
  }
}

/** A term matches when all its requirements do; an empty term matches nothing. */
function termMatches(term: SelectorTerm, node: KubeObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => requirementMatches(r, { 'metadata.name': node.metadata.name }));
}

/** nodeSelector and requiredDuringScheduling terms (ORed) must both hold. */
export function matchesRequired(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms: SelectorTerm[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return !terms || terms.some((t) => termMatches(t, node));
}

/** Filters on nodeSelector and required node affinity; scores by the weights of matching preferred terms. */
export const nodeAffinity = {
  name: NAME,
  skipsFilter: (pod: KubeObject) => !pod.spec?.nodeSelector && !pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
  skipsScore: (pod: KubeObject) => !pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length,
  filter(pod, { node }) {
    return matchesRequired(pod, node) ? ok() : unresolvable(reasonNodeAffinity);
  },
  score(pod, { node }) {
    const preferred: Array<{ weight: number; preference: SelectorTerm }> =
      pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    return preferred.reduce((sum, p) => sum + (termMatches(p.preference, node) ? p.weight : 0), 0);
  },
  normalize(_pod, scores) {
    const highest = Math.max(0, ...scores);
    return scores.map((s) => (highest === 0 ? 0 : Math.trunc((s * MAX_NODE_SCORE) / highest)));
  },
} satisfies FilterPlugin & ScorePlugin;
