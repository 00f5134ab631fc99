/**
 * How an owner selection ("the ReplicaSet of Deployment "web" with revision 2", see
 * select-owned.ts) stands in for a named object in any step: pure pattern arithmetic, imported by
 * the step catalogue, so it imports nothing.
 */

/** Where a step pattern names one object, and how an owner selection stands in for it. */
export interface OwnerVariant {
  /** The pattern with `{owned}` in place of `{kind} {string}` or `pod {string}`. */
  pattern: string;
  /** The position of the replaced parameters among the pattern's parameters. */
  index: number;
  /** `{kind} {string}` (two arguments: kind, name) or `pod {string}` (one: the name; pods only). */
  replaces: 'kind-name' | 'pod-name';
}

/**
 * The owner-selection variant of a step pattern: its first `{kind} {string}` or `pod {string}`
 * (an object the step reads or acts on) becomes `{owned}`. Steps that create an object (`a …`)
 * and patterns with neither have none.
 */
export function ownerVariantOf(pattern: string): OwnerVariant | undefined {
  if (/^an? /.test(pattern)) return undefined;
  const m = /\{kind\} \{string\}|(?<![\w-])pod \{string\}/.exec(pattern);
  if (!m) return undefined;
  const index = (pattern.slice(0, m.index).match(/\{[^}]*\}/g) ?? []).length;
  return { pattern: `${pattern.slice(0, m.index)}{owned}${pattern.slice(m.index + m[0].length)}`, index, replaces: m[0].startsWith('{kind}') ? 'kind-name' : 'pod-name' };
}
