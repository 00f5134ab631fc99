import { canonicalKind, knownKinds } from '../sim/index.ts';

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
