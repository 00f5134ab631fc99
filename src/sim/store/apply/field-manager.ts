import type { KubeObject } from '../types.ts';
import { ApiError } from '../../../kube/api-errors.ts';
import { FieldSet, pathText } from '../../../kube/field-set.ts';
import { mergeApplied, pruneFields } from './merge.ts';
import { compareObjects, fieldsOf, type Comparison } from './object-fields.ts';
import { shapeOfKind } from './schema.ts';
import { undeclaredCustomFields, undeclaredFields } from './undeclared-fields.ts';

/**
 * Field ownership (`metadata.managedFields`) as kube-apiserver keeps it
 * (k8s.io/apimachinery/pkg/util/managedfields, sigs.k8s.io/structured-merge-diff merge/update.go):
 * every write names a manager; an update takes the fields it changed from whoever owned them;
 * an apply owns exactly the fields of its configuration, fails with a conflict when it would
 * change a field another manager owns (unless forced), and removes the fields it applied before
 * and has now left out, when nobody else owns them.
 */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

export interface Writer {
  /** The fieldManager of the request, or what its user agent starts with. */
  manager: string;
  /** 'status' or 'scale' when the write goes to a subresource. */
  subresource?: string;
  /** The virtual clock's time of the write, RFC 3339. */
  time: string;
}

interface Owner {
  entry: Omit<ManagedFieldsEntry, 'fieldsV1' | 'fieldsType'>;
  set: FieldSet;
}

/** The managedFields after `writer` changed `live` (undefined on create) into `next`. */
export function recordUpdate(live: KubeObject | undefined, next: KubeObject, writer: Writer): ManagedFieldsEntry[] | undefined {
  const owners = decode(next.metadata.managedFields ?? live?.metadata.managedFields);
  if (next.metadata.managedFields?.length === 0) return undefined;
  const shape = shapeOfKind(next.apiVersion, next.kind);
  const changes = relevant(compareObjects(live ?? {}, next, shape), writer.subresource);
  takeOver(owners, '', changes, true);
  const id = identity({ manager: writer.manager, operation: 'Update', apiVersion: next.apiVersion, subresource: writer.subresource });
  const previous = owners.get(id)?.set ?? new FieldSet();
  const set = previous.difference(changes.removed).union(changes.modified).union(changes.added);
  setOwner(owners, id, { manager: writer.manager, operation: 'Update', apiVersion: next.apiVersion, subresource: writer.subresource }, set, previous, writer.time);
  return encode(owners);
}

/**
 * Server-side apply of `config` by `writer` onto `live` (undefined: the apply creates the
 * object). Returns the object to store, its managedFields set; throws 409 Conflict naming each
 * field another manager owns and the apply would change, unless `force`, and 500 for a field
 * the type (or, for a custom resource, `customSchema`, its CRD's) does not declare.
 */
export function applyConfiguration(live: KubeObject | undefined, config: KubeObject, writer: Writer, force: boolean, customSchema?: unknown): KubeObject {
  const shape = shapeOfKind(config.apiVersion, config.kind);
  const undeclared = customSchema ? undeclaredCustomFields(config, customSchema) : undeclaredFields(config, shape);
  if (undeclared.length > 0) throw notDeclared(config, undeclared);
  const owners = decode(live?.metadata.managedFields);
  const { managedFields: _ignored, ...configMetadata } = (config.metadata ?? {}) as KubeObject['metadata'];
  const applied = { ...config, metadata: configMetadata };
  const merged = mergeApplied(live ?? {}, applied, shape) as KubeObject;
  const id = identity({ manager: writer.manager, operation: 'Apply', subresource: writer.subresource });
  const last = owners.get(id)?.set;
  const set = relevantSet(fieldsOf(applied, shape), writer.subresource);
  setOwner(owners, id, { manager: writer.manager, operation: 'Apply', apiVersion: config.apiVersion, subresource: writer.subresource }, set, last ?? new FieldSet(), writer.time);
  if (last) pruneFields(merged, last, everyOwned(owners), shape);
  const changes = relevant(compareObjects(live ?? {}, merged, shape), writer.subresource);
  const conflicts = takeOver(owners, id, changes, force);
  if (conflicts.length > 0) throw conflictError(conflicts);
  merged.metadata = { ...merged.metadata, managedFields: encode(owners) };
  return merged;
}

/**
 * Other managers lose the fields that changed (and those removed). Returns what they owned and
 * the change touched, as conflicts; with `force` the ownership moves without complaint.
 */
function takeOver(owners: Map<string, Owner>, except: string, changes: Comparison, force: boolean): Array<{ manager: string; subresource?: string; path: string[] }> {
  const touched = changes.modified.union(changes.added);
  const conflicts: Array<{ manager: string; subresource?: string; path: string[] }> = [];
  for (const [id, owner] of owners) {
    if (id === except) continue;
    const lost = owner.set.intersection(touched);
    if (!lost.isEmpty() && !force) {
      for (const path of lost.paths()) conflicts.push({ manager: owner.entry.manager, subresource: owner.entry.subresource, path });
      continue;
    }
    owner.set = owner.set.difference(lost).difference(changes.removed);
    if (owner.set.isEmpty()) owners.delete(id);
  }
  return conflicts;
}

function setOwner(owners: Map<string, Owner>, id: string, entry: Owner['entry'], set: FieldSet, previous: FieldSet, time: string): void {
  if (set.isEmpty()) {
    owners.delete(id);
    return;
  }
  const changed = !sameSet(set, previous) || !owners.has(id);
  const old = owners.get(id)?.entry;
  owners.set(id, { entry: { ...entry, ...(changed || !old?.time ? { time } : { time: old.time }) }, set });
}

function everyOwned(owners: Map<string, Owner>): FieldSet {
  let all = new FieldSet();
  for (const owner of owners.values()) all = all.union(owner.set);
  return all;
}

/** Fields no manager owns: identity and server-set metadata; the other half of a subresource. */
const UNOWNED_METADATA = new Set(['f:name', 'f:namespace', 'f:creationTimestamp', 'f:selfLink', 'f:uid', 'f:generation', 'f:managedFields', 'f:resourceVersion', 'f:deletionTimestamp', 'f:deletionGracePeriodSeconds']);

function owned(path: readonly string[], subresource: string | undefined): boolean {
  const [first, second] = path;
  if (first === 'f:apiVersion' || first === 'f:kind') return false;
  if (first === 'f:metadata' && (second === undefined || UNOWNED_METADATA.has(second))) return false;
  if (subresource === 'status') return first === 'f:status';
  return first !== 'f:status';
}

function relevantSet(set: FieldSet, subresource: string | undefined): FieldSet {
  return set.filter((path) => owned(path, subresource));
}

function relevant(c: Comparison, subresource: string | undefined): Comparison {
  return { added: relevantSet(c.added, subresource), modified: relevantSet(c.modified, subresource), removed: relevantSet(c.removed, subresource) };
}

/** A manager is one writer doing one kind of write: the same name applying and updating are two. */
function identity(e: { manager: string; operation: string; apiVersion?: string; subresource?: string }): string {
  return JSON.stringify([e.manager, e.operation, e.operation === 'Apply' ? '' : e.apiVersion ?? '', e.subresource ?? '']);
}

function decode(entries: unknown): Map<string, Owner> {
  const owners = new Map<string, Owner>();
  for (const e of (Array.isArray(entries) ? entries : []) as ManagedFieldsEntry[]) {
    if (!e?.manager || !e.operation) continue;
    const { fieldsV1, fieldsType: _type, ...entry } = e;
    owners.set(identity(e), { entry, set: FieldSet.fromFieldsV1(fieldsV1) });
  }
  return owners;
}

/** Sorted as the apiserver sorts them: Apply before Update, then by time, manager, version. */
function encode(owners: Map<string, Owner>): ManagedFieldsEntry[] {
  return [...owners.values()]
    .map(({ entry, set }) => ({
      manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion,
      ...(entry.time ? { time: entry.time } : {}), fieldsType: 'FieldsV1' as const, fieldsV1: set.toFieldsV1(),
      ...(entry.subresource ? { subresource: entry.subresource } : {}),
    }))
    .sort((a, b) => a.operation.localeCompare(b.operation) || (a.time ?? '').localeCompare(b.time ?? '') || a.manager.localeCompare(b.manager) || a.apiVersion.localeCompare(b.apiVersion) || (a.subresource ?? '').localeCompare(b.subresource ?? ''));
}

function sameSet(a: FieldSet, b: FieldSet): boolean {
  return JSON.stringify(a.toFieldsV1()) === JSON.stringify(b.toFieldsV1());
}

/**
 * The typed conversion's failure, a bare 500 as the API server answers it. Also for an unknown
 * field under fieldValidation=Strict (kubectl's default): applyPatcher.applyPatchToCurrentObject
 * (k8s.io/apiserver pkg/endpoints/handlers/patch.go, v0.32.5) runs the field manager's Apply
 * first, whose structuredmerge.go fails "failed to create typed patch object (…): … field not
 * declared in schema" with a plain error (a 500), and only afterwards the strict decoding that
 * would have said "strict decoding error"; so a v1.32 server never gets there for such a field.
 */
function notDeclared(config: KubeObject, problems: string[]): ApiError {
  const { namespace, name } = config.metadata;
  const [group, version] = config.apiVersion.includes('/') ? config.apiVersion.split('/') : ['', config.apiVersion];
  return new ApiError('InternalError', 500, `failed to create typed patch object (${namespace ?? ''}/${name}; ${group}/${version}, Kind=${config.kind}): ${problems.join('\n')}`);
}

/** `Apply failed with 1 conflict: conflict with "kubectl-scale" with subresource "scale": .spec.replicas` */
function conflictError(conflicts: Array<{ manager: string; subresource?: string; path: string[] }>): ApiError {
  const who = (c: { manager: string; subresource?: string }) => `${JSON.stringify(c.manager)}${c.subresource ? ` with subresource ${JSON.stringify(c.subresource)}` : ''}`;
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${who(c)}`, field: pathText(c.path) }));
  if (conflicts.length === 1) {
    return new ApiError('Conflict', 409, `Apply failed with 1 conflict: conflict with ${who(conflicts[0]!)}: ${pathText(conflicts[0]!.path)}`, [], causes);
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(who(c), [...(byManager.get(who(c)) ?? []), pathText(c.path)]);
  const lines = [...byManager.keys()].sort().flatMap((m) => [`conflicts with ${m}:`, ...byManager.get(m)!.map((p) => `- ${p}`)]);
  return new ApiError('Conflict', 409, `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`, [], causes);
}
