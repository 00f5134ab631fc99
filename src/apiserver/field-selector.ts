import { ApiError } from '../sim/index.ts';
import type { KubeObject } from '../sim/index.ts';

/**
 * Field selectors (`metadata.name=web`, `spec.nodeName!=n1`, `involvedObject.uid=...`): every
 * term must hold. The real apiserver supports a fixed set of fields per kind; here any dotted
 * path works, which is a superset. A missing field compares as the empty string, as Kubernetes
 * indexes absent fields.
 */
export type FieldSelector = (obj: KubeObject) => boolean;

export function parseFieldSelector(text: string | null): FieldSelector {
  if (!text) return () => true;
  const terms = text.split(',').filter(Boolean).map((term) => {
    const m = /^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/.exec(term.trim());
    if (!m) throw new ApiError('BadRequest', 400, `unable to parse requirement: invalid field selector: '${term}'`);
    const [, path, op, value] = m;
    return { path: path!.split('.'), negate: op === '!=', value: value! };
  });
  return (obj) => terms.every((t) => (fieldValue(obj, t.path) === t.value) !== t.negate);
}

function fieldValue(obj: unknown, path: string[]): string {
  let v: any = obj;
  for (const p of path) v = v?.[p];
  return v === undefined || v === null ? '' : String(v);
}
