import type { FieldSet } from '../../../kube/field-set.ts';
import { listStep } from './object-fields.ts';
import { childShape, isAtomic, isPlainObject, itemShape, type Shape } from './schema.ts';

/**
 * An applied configuration merged into the live object, as server-side apply merges: maps and
 * structs key by key, keyed lists item by item (a container by name, a port by containerPort
 * and protocol), sets by value, atomic values replaced whole. `null` removes a field. Returns a
 * new value; neither input is changed.
 */
export function mergeApplied(live: unknown, config: unknown, shape: Shape): unknown {
  if (config === undefined) return structuredClone(live);
  if (live === undefined || live === null || config === null || isAtomic(shape, config) || Array.isArray(live) !== Array.isArray(config)) {
    return structuredClone(config);
  }
  if (Array.isArray(config)) {
    const items = itemShape(shape);
    const applied = new Map(config.map((item, i) => [listStep(shape, item, i), item]));
    const out = (live as unknown[]).map((item, i) => {
      const step = listStep(shape, item, i);
      const update = applied.get(step);
      applied.delete(step);
      return update === undefined ? structuredClone(item) : mergeApplied(item, update, items);
    });
    return [...out, ...[...applied.values()].map((item) => structuredClone(item))];
  }
  if (!isPlainObject(live) || !isPlainObject(config)) return structuredClone(config);
  const out: Record<string, unknown> = structuredClone(live);
  for (const [key, value] of Object.entries(config)) {
    if (value === null) delete out[key];
    else out[key] = mergeApplied(live[key], value, childShape(shape, key));
  }
  return out;
}

/**
 * Removes from `value` (in place) the fields a manager applied last time and has now left out,
 * unless some manager still owns them or something beneath them (`kept`): server-side apply's
 * pruning, which is how deleting a line from a manifest deletes the field. A map or list left
 * empty by the removal goes too, as structured-merge-diff's remove leaves it null.
 */
export function pruneFields(value: unknown, last: FieldSet, kept: FieldSet | undefined, shape: Shape): void {
  for (const [step, lastChild] of last.children) {
    const keptChild = kept?.children.get(step);
    const stillOwned = keptChild !== undefined && !keptChild.isEmpty();
    if (step.startsWith('f:') && isPlainObject(value)) {
      const key = step.slice(2);
      if (!(key in value)) continue;
      if (lastChild.member && !stillOwned) delete value[key];
      else if (prunedEmpty(value[key], lastChild, keptChild, childShape(shape, key))) delete value[key];
    } else if (Array.isArray(value)) {
      const index = value.findIndex((item, i) => listStep(shape, item, i) === step);
      if (index < 0) continue;
      if (lastChild.member && !stillOwned) value.splice(index, 1);
      else if (prunedEmpty(value[index], lastChild, keptChild, itemShape(shape))) value.splice(index, 1);
    }
  }
}

/** Prunes a child; true when a non-empty map or list was emptied by it. */
function prunedEmpty(child: unknown, last: FieldSet, kept: FieldSet | undefined, shape: Shape): boolean {
  const size = (v: unknown) => (Array.isArray(v) ? v.length : isPlainObject(v) ? Object.keys(v).length : -1);
  const before = size(child);
  pruneFields(child, last, kept, shape);
  return before > 0 && size(child) === 0;
}
