import { FieldSet, pathText } from '../kube/field-set.ts';

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  subresource?: string;
  fieldsV1?: unknown;
}

/**
 * The managers that own a field of an object, read from its metadata.managedFields; `path` is
 * written as the API server writes it in conflicts: `.spec.replicas`,
 * `.spec.template.spec.containers[name="web"].image`.
 */
export function managersOf(metadata: { managedFields?: unknown[] }, path: string): string[] {
  const entries = (metadata.managedFields ?? []) as ManagedFieldsEntry[];
  const owners = entries.filter((e) => FieldSet.fromFieldsV1(e.fieldsV1).paths().some((p) => pathText(p) === path)).map((e) => e.manager ?? 'unknown');
  return [...new Set(owners)].sort();
}

/**
 * A field's value at a path of plain field names (`.data.level`), a dot inside a name escaped
 * (`metadata.annotations.pv\.kubernetes\.io/bind-completed`); undefined when absent.
 */
export function fieldAt(obj: unknown, path: string): unknown {
  let value: unknown = obj;
  for (const name of path.split(/(?<!\\)\./).filter(Boolean).map((n) => n.replaceAll('\\.', '.'))) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}
