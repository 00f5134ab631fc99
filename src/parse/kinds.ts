import { canonicalKind, knownKinds } from '../kube/kinds.ts';
import { editDistance } from './edit-distance.ts';

/**
 * Kind names for step parameters. The list of kinds Kubernetes serves is shared with the
 * simulator's registry so the two never disagree.
 */
export function knownKindNames(): string[] {
  return knownKinds.map((k) => k.kind);
}

/** "pod" → "Pod", "statefulset" → "StatefulSet"; unknown words are returned unchanged. */
export function canonicalKindName(word: string): string {
  return canonicalKind(word) ?? word;
}

/**
 * The known kind closest to a word that is not one ("Deploymnt" → "Deployment"), compared
 * case-insensitively with at most two edits (one for words under six letters), or undefined.
 */
export function closestKind(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const limit = w.length < 6 ? 1 : 2;
  let best: { kind: string; d: number } | undefined;
  for (const kind of known) {
    const d = editDistance(w, kind.toLowerCase());
    if (d <= limit && (!best || d < best.d)) best = { kind, d };
  }
  return best?.kind;
}

/** The kinds a plural names: "Deployments" → Deployment, "NetworkPolicies" → NetworkPolicy, "Ingresses" → Ingress. */
export function singularsOf(plural: string): string[] {
  const out = [plural];
  if (/ies$/i.test(plural)) out.push(plural.slice(0, -3) + 'y');
  if (/es$/i.test(plural)) out.push(plural.slice(0, -2));
  if (/s$/i.test(plural)) out.push(plural.slice(0, -1));
  return out;
}
