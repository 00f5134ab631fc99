import { LabelSelector } from '../../../kube/label-selector.ts';
import type { KubeObject } from '../../store/types.ts';
import { memoByObject } from '../../../kube/memo.ts';

/** A pod (anti-)affinity term, compiled: which pods it selects, over which topology. */
export interface CompiledTerm {
  selector: LabelSelector;
  /** Namespaces to look in; undefined = every namespace matching `namespaceSelector`. */
  namespaces?: Set<string>;
  namespaceSelector?: LabelSelector;
  topologyKey: string;
  weight: number;
}

/**
 * Compiles a PodAffinityTerm of `owner` (reference/scheduling.md §10): namespaces default to the
 * owner's own; `namespaceSelector: {}` means every namespace; matchLabelKeys add the owner's
 * values for those keys to the selector.
 */
export function compileTerm(term: any, owner: KubeObject, weight = 1): CompiledTerm {
  let selector = LabelSelector.fromSpec(term.labelSelector ?? { matchExpressions: [{ key: '__never__', operator: 'Exists' }] });
  const extra = (term.matchLabelKeys ?? []).filter((k: string) => owner.metadata.labels?.[k] !== undefined)
    .map((k: string) => ({ key: k, operator: 'In' as const, values: [owner.metadata.labels![k]!] }));
  if (extra.length) selector = new LabelSelector([...selector.requirements, ...extra]);
  const listed: string[] = term.namespaces ?? [];
  const namespaceSelector = term.namespaceSelector ? LabelSelector.fromSpec(term.namespaceSelector) : undefined;
  const namespaces = listed.length || !namespaceSelector ? new Set(listed.length ? listed : [owner.metadata.namespace ?? 'default']) : undefined;
  return { selector, namespaces, namespaceSelector, topologyKey: term.topologyKey, weight };
}

/** Whether `pod` is one of the pods the term selects. */
export function termMatches(term: CompiledTerm, pod: KubeObject, namespaceLabels: (ns: string) => Record<string, string> | undefined): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  const inNamespace = (term.namespaces?.has(ns) ?? false) || (term.namespaceSelector?.matches(namespaceLabels(ns)) ?? false);
  return inNamespace && term.selector.matches(pod.metadata.labels);
}

const compiled = memoByObject((pod: KubeObject) => {
  const a = pod.spec?.affinity ?? {};
  const req = (k: string) => (a[k]?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t: any) => compileTerm(t, pod));
  const pref = (k: string) => (a[k]?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t: any) => compileTerm(t.podAffinityTerm, pod, t.weight));
  return { podAffinity: [req('podAffinity'), pref('podAffinity')], podAntiAffinity: [req('podAntiAffinity'), pref('podAntiAffinity')] } as Record<string, [CompiledTerm[], CompiledTerm[]]>;
});

export function requiredTerms(pod: KubeObject, kind: 'podAffinity' | 'podAntiAffinity'): CompiledTerm[] {
  return compiled(pod)[kind]![0];
}

export function preferredTerms(pod: KubeObject, kind: 'podAffinity' | 'podAntiAffinity'): CompiledTerm[] {
  return compiled(pod)[kind]![1];
}
