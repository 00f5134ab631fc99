import { mergeKeys } from '../../kube/merge-keys.ts';

/**
 * Strategic merge patch as kubectl sends it (reference/api-machinery.md §6): maps merge
 * recursively, `null` deletes a field, lists with a patch merge key (containers by name, ports
 * by containerPort, ...) merge item by item, other lists are replaced; and the directives kubectl
 * writes into patches: `$setElementOrder/<list>` (the merged list's order, which `kubectl set
 * image` sends), `$deleteFromPrimitiveList/<list>`, `$retainKeys`, `$patch: delete|replace`.
 * None of them is ever stored.
 */
export function strategicMerge(target: unknown, patch: unknown, field = ''): unknown {
  if (!isObject(patch)) return patch;
  if (Array.isArray(patch)) return mergeList(Array.isArray(target) ? target : [], patch, field);
  const directives = patch as Record<string, unknown>;
  if (directives.$patch === 'delete') return undefined;
  const replace = directives.$patch === 'replace';
  const out: Record<string, unknown> = !replace && isObject(target) && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    const merged = v === null ? undefined : strategicMerge(out[k], v, k);
    if (merged === undefined) delete out[k];
    else out[k] = merged;
  }
  for (const [k, v] of Object.entries(directives)) {
    const list = /^\$deleteFromPrimitiveList\/(.+)$/.exec(k)?.[1];
    if (list && Array.isArray(out[list]) && Array.isArray(v)) out[list] = (out[list] as unknown[]).filter((x) => !v.includes(x));
    const ordered = /^\$setElementOrder\/(.+)$/.exec(k)?.[1];
    if (ordered && Array.isArray(out[ordered]) && Array.isArray(v)) out[ordered] = inOrder(out[ordered] as unknown[], v, mergeKeys[ordered]);
  }
  if (Array.isArray(directives.$retainKeys)) {
    for (const k of Object.keys(out)) if (!(directives.$retainKeys as string[]).includes(k)) delete out[k];
  }
  return out;
}

/** `$setElementOrder`: the items named in `order` first, in that order, then the others. */
function inOrder(items: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const id = (x: unknown) => (key && isObject(x) ? (x as any)[key] : x);
  const wanted = order.map(id);
  const rank = (x: unknown) => { const i = wanted.indexOf(id(x)); return i < 0 ? wanted.length : i; };
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/** RFC 7386 JSON merge patch: maps merge, null deletes, lists are replaced. */
export function jsonMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMerge(out[k], v);
  }
  return out;
}

function mergeList(target: unknown[], patch: unknown[], field: string): unknown[] {
  const key = mergeKeys[field];
  if (!key || !patch.every((p) => isObject(p) && (p as any)[key] !== undefined)) return patch;
  const out = [...target];
  for (const item of patch) {
    const i = out.findIndex((t) => isObject(t) && (t as any)[key] === (item as any)[key]);
    const merged = strategicMerge(i >= 0 ? out[i] : undefined, item, '');
    if (i >= 0 && merged === undefined) out.splice(i, 1);
    else if (i >= 0) out[i] = merged;
    else if (merged !== undefined) out.push(merged);
  }
  return out;
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}
