import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How server-side apply sees a type (structured-merge-diff's schema): a struct with named fields
 * or atomic as a whole, a list that is atomic, a set, or a map keyed by some of its items'
 * fields, a map of one element type. Anything the schema does not describe is "deduced" from
 * its value: objects merge key by key, lists are atomic, the rest are plain values.
 */
export type Shape =
  | { type: 'struct'; name: string; goName: string; fields: Readonly<Record<string, Ref>>; plainFields: ReadonlyMap<string, string>; atomic: boolean }
  | { type: 'list'; list: 'atomic' | 'set' | 'map'; keys: readonly string[]; keyDefaults: Readonly<Record<string, unknown>>; items?: Ref }
  | { type: 'map'; element: Ref }
  | { type: 'deduced' };

type Ref = string | { list: 'atomic' | 'set' | 'map'; keys?: string[]; keyDefaults?: Record<string, unknown>; items?: Ref } | { map: Ref } | undefined;

interface SchemaFile {
  kinds: Record<string, string>;
  /** plain: field name → the Go type a decoder checks ('' for anything). */
  types: Record<string, { fields?: Record<string, Ref>; plain?: Record<string, string>; atomic?: true }>;
}

const DEDUCED: Shape = { type: 'deduced' };
let schema: SchemaFile | undefined;
const structs = new Map<string, Shape>();
/** The shapes of list and map entries, by the schema's own entry object. */
const containers = new WeakMap<object, Shape>();

/** The facts generated from the upstream OpenAPI documents by scripts/generate-apply-schema.ts. */
function load(): SchemaFile {
  schema ??= JSON.parse(readFileSync(join(import.meta.dirname, 'schema.json'), 'utf8')) as SchemaFile;
  return schema;
}

/** The shape of a whole object of a kind; custom resources are deduced. */
export function shapeOfKind(apiVersion: string, kind: string): Shape {
  return resolve(load().kinds[`${apiVersion}/${kind}`]);
}

export function resolve(ref: Ref): Shape {
  if (ref === undefined) return DEDUCED;
  if (typeof ref === 'string') {
    const known = structs.get(ref);
    if (known) return known;
    const t = load().types[ref];
    if (!t) return DEDUCED;
    const [pkg, name] = ref.split('.').slice(-2) as [string, string];
    const shape: Shape = { type: 'struct', name, goName: `${pkg}.${name}`, fields: t.fields ?? {}, plainFields: new Map(Object.entries(t.plain ?? {})), atomic: t.atomic === true };
    structs.set(ref, shape);
    return shape;
  }
  // One shape per schema entry: every decode check walks these for each field of each write.
  let shape = containers.get(ref);
  if (!shape) {
    shape = 'map' in ref ? { type: 'map', element: ref.map } : { type: 'list', list: ref.list, keys: ref.keys ?? [], keyDefaults: ref.keyDefaults ?? {}, items: ref.items };
    containers.set(ref, shape);
  }
  return shape;
}

/** The shape of a field of a struct or an element of a map. */
export function childShape(parent: Shape, key: string): Shape {
  if (parent.type === 'struct') return resolve(parent.fields[key]);
  if (parent.type === 'map') return resolve(parent.element);
  return DEDUCED;
}

/** The shape of an item of a list. */
export function itemShape(list: Shape): Shape {
  return list.type === 'list' ? resolve(list.items) : DEDUCED;
}

/** Whether a value of this shape is owned and replaced as one piece. */
export function isAtomic(shape: Shape, value: unknown): boolean {
  if (shape.type === 'struct') return shape.atomic;
  if (shape.type === 'list') return shape.list === 'atomic';
  if (shape.type === 'map') return false;
  return !isPlainObject(value);
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
