/**
 * A stable short hash of a pod template, standing in for the ControllerRevision hash and the
 * pod-template-hash label. Real clusters use FNV-32a over the Go struct dump, rendered with
 * rand.SafeEncodeString; the value differs from a real cluster's but is equally stable: the
 * same template always gives the same hash, a changed template a different one.
 */
export function templateHash(template: unknown): string {
  let h = 0x811c9dc5;
  const text = canonicalJson(template);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return safeEncode(h.toString());
}

/** rand.SafeEncodeString: maps digits onto an alphabet without vowels, so no words appear. */
function safeEncode(s: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...s].map((c) => alphabet[c.charCodeAt(0) % alphabet.length]).join('');
}

/** JSON with object keys sorted, so equal values always print the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
