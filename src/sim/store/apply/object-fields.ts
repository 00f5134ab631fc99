import { FieldSet } from '../../../kube/field-set.ts';
import { childShape, isAtomic, isPlainObject, itemShape, type Shape } from './schema.ts';

/**
 * The fields an object sets, as structured-merge-diff's ToFieldSet counts them: every plain
 * value, every atomic value as one piece, every item of a set or keyed list, and the maps that
 * are empty or null or not a declared field (a label's key, a field the schema does not know).
 */
export function fieldsOf(value: unknown, shape: Shape): FieldSet {
  const set = new FieldSet();
  collect(value, shape, [], set);
  return set;
}

function collect(value: unknown, shape: Shape, path: string[], set: FieldSet): void {
  if (isAtomic(shape, value) || value === null) {
    set.insert(path);
    return;
  }
  if (Array.isArray(value)) {
    const items = itemShape(shape);
    value.forEach((item, index) => {
      const step = listStep(shape, item, index);
      collect(item, items, [...path, step], set);
      set.insert([...path, step]);
    });
    return;
  }
  if (!isPlainObject(value)) {
    set.insert(path);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, `f:${key}`];
    collect(child, childShape(shape, key), childPath, set);
    const declared = shape.type === 'struct' && key in shape.fields;
    const emptyMap = child === null || (isPlainObject(child) && Object.keys(child).length === 0);
    if (emptyMap || !declared) set.insert(childPath);
  }
}

/** The path step naming one item of a list: by its key fields, by its value, or by position. */
export function listStep(list: Shape, item: unknown, index: number): string {
  if (list.type === 'list' && list.list === 'set') return `v:${JSON.stringify(item)}`;
  if (list.type === 'list' && list.list === 'map' && isPlainObject(item)) {
    const key: Record<string, unknown> = {};
    for (const name of [...list.keys].sort()) {
      const v = item[name] ?? list.keyDefaults[name];
      if (v === undefined) return `i:${index}`;
      key[name] = v;
    }
    return `k:${JSON.stringify(key)}`;
  }
  return `i:${index}`;
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * What changed between two versions of an object, as structured-merge-diff's Compare reports it:
 * plain and atomic values added, modified or removed, and the maps and list items that appeared
 * or disappeared as a whole.
 */
export function compareObjects(before: unknown, after: unknown, shape: Shape): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compare(before, after, shape, [], c);
  return c;
}

function compare(lhs: unknown, rhs: unknown, shape: Shape, path: string[], c: Comparison): void {
  const sample = rhs === undefined ? lhs : rhs;
  const bothEmpty = isEmptyValue(lhs) && isEmptyValue(rhs);
  const sameForm = lhs === undefined || rhs === undefined || Array.isArray(lhs) === Array.isArray(rhs) && isPlainObject(lhs) === isPlainObject(rhs);
  if (isAtomic(shape, sample) || bothEmpty || !sameForm || sample === null) {
    if (lhs === undefined) c.added.insert(path);
    else if (rhs === undefined) c.removed.insert(path);
    else if (!deepEqual(lhs, rhs)) c.modified.insert(path);
    return;
  }
  if (Array.isArray(sample)) {
    const items = itemShape(shape);
    const left = indexItems(shape, lhs as unknown[] | undefined);
    const right = indexItems(shape, rhs as unknown[] | undefined);
    for (const step of new Set([...left.keys(), ...right.keys()])) compare(left.get(step), right.get(step), items, [...path, step], c);
  } else {
    const left = (lhs ?? {}) as Record<string, unknown>;
    const right = (rhs ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      compare(left[key], right[key], childShape(shape, key), [...path, `f:${key}`], c);
    }
  }
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

function indexItems(shape: Shape, list: unknown[] | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  (list ?? []).forEach((item, i) => {
    const step = listStep(shape, item, i);
    if (!out.has(step)) out.set(step, item);
  });
  return out;
}

function isEmptyValue(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);
}

/** Equality of JSON data: a key whose value is undefined is no key at all, as in JSON.stringify. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    // A loop, not every() with a closure: every status write compares its lists.
    if (a.length !== (b as unknown[]).length) return false;
    for (let i = 0; i < a.length; i++) {
      // every() skipped holes; so does this.
      if (a[i] === undefined && !(i in a)) continue;
      if (!deepEqual(a[i], (b as unknown[])[i])) return false;
    }
    return true;
  }
  let keys = 0;
  for (const k in a) {
    const v = (a as any)[k];
    if (v === undefined) continue;
    keys++;
    if (!deepEqual(v, (b as any)[k])) return false;
  }
  for (const k in b) if ((b as any)[k] !== undefined) keys--;
  return keys === 0;
}
