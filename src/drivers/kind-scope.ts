import { canonicalKind, kindInfo } from '../sim/index.ts';

/** Unknown kinds count as namespaced; the API server then refuses them with its own message. */
export function isNamespaced(kind: string): boolean {
  return kindInfo(canonicalKind(kind) ?? kind)?.namespaced ?? true;
}
