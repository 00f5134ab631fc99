import { pathText } from '../../../kube/field-set.ts';
import { listStep } from './object-fields.ts';
import { embeddedStructOf } from './embedded-structs.ts';
import { childShape, isPlainObject, itemShape, type Shape } from './schema.ts';

/**
 * What makes an applied configuration fail its conversion to a typed value, the first thing
 * server-side apply does (whatever fieldValidation says): fields the type does not declare,
 * `.spec.template.spec.containers[name="web"].imagee: field not declared in schema`.
 */
export function undeclaredFields(value: unknown, shape: Shape): string[] {
  return [
    ...unknownFields(value, shape, []).map((path) => `${pathText(path.map((p) => p.step))}: field not declared in schema`),
    ...wrongScalars(value, shape, []),
    ...duplicateKeys(value, shape, []),
  ];
}

/** Items of a keyed list that share a key: `.spec.containers: duplicate entries for key [name="app"]`. */
function duplicateKeys(value: unknown, shape: Shape, path: string[]): string[] {
  if (Array.isArray(value)) {
    if (shape.type !== 'list') return [];
    const items = itemShape(shape);
    const out: string[] = [];
    if (shape.list === 'map') {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const step = listStep(shape, item, i);
        if (!step.startsWith('k:')) return;
        if (seen.has(step)) {
          const key = JSON.parse(step.slice(2)) as Record<string, unknown>;
          out.push(`${pathText(path)}: duplicate entries for key [${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`);
        }
        seen.add(step);
      });
    }
    return [...out, ...value.flatMap((item, i) => duplicateKeys(item, items, [...path, listStep(shape, item, i)]))];
  }
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => duplicateKeys(child, childShape(shape, key), [...path, `f:${key}`]));
}

/** Plain values of the wrong type, in structured-merge-diff's words, at their apply paths. */
function wrongScalars(value: unknown, shape: Shape, path: string[]): string[] {
  if (Array.isArray(value)) {
    if (shape.type !== 'list') return [];
    const items = itemShape(shape);
    return value.flatMap((item, i) => wrongScalars(item, items, [...path, listStep(shape, item, i)]));
  }
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const goType = shape.type === 'struct' ? shape.plainFields.get(key) : undefined;
    const schemaType = goType === 'bool' ? 'boolean' : goType === 'string' ? 'string' : goType && !goType.startsWith('[]') ? 'number' : undefined;
    const mismatch = scalarMismatch(child, schemaType);
    if (mismatch) return [`${pathText([...path, `f:${key}`])}: ${mismatch}`];
    return wrongScalars(child, childShape(shape, key), [...path, `f:${key}`]);
  });
}

/**
 * The same fields as strict decoding (fieldValidation=Strict, kubectl's default) names them:
 * `spec.volumes[0].rbd.imagefeatures`.
 */
export function strictUnknownFields(value: unknown, shape: Shape): string[] {
  // Listed sorted, as the strict decoder reports them.
  return unknownFields(value, shape, []).map((path) => path.map((p, i) => (p.index !== undefined ? `[${p.index}]` : `${i > 0 ? '.' : ''}${p.step.slice(2)}`)).join('')).sort();
}

/**
 * The first value of the wrong JSON type, as the API server's JSON decoder refuses it:
 * `json: cannot unmarshal string into Go struct field FCVolumeSource.spec.volumes.fc.lun of type
 * int32`, `... number into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container`.
 */
export function decodeTypeError(value: unknown, shape: Shape, embeddedNames: boolean): string | undefined {
  return firstTypeError(value, shape, [], false, embeddedNames);
}

/**
 * Decodes as the API server does, in one walk, in place: the first value of the wrong JSON type
 * (decodeTypeError) is returned, and JSON nulls are read as Go reads them (decodeNulls) on the
 * way. On an error the value is half read and must be dropped, as the server drops the request.
 */
export function decodeInPlace(value: unknown, shape: Shape, embeddedNames: boolean): string | undefined {
  return firstTypeError(value, shape, [], true, embeddedNames);
}

/**
 * `path` is the walk's own stack (pushed and popped), read only to word an error: every write
 * decodes, so no copies per field. `embeddedNames`: the decoder names embedded Go structs in the
 * path (1.35 on, api.decode.embeddedStructNames; embedded-structs.ts).
 */
function firstTypeError(value: unknown, shape: Shape, path: string[], readNulls: boolean, embeddedNames: boolean): string | undefined {
  // A frozen part is a stored one, decoded when it was stored.
  if (Object.isFrozen(value)) return undefined;
  if (Array.isArray(value)) {
    // decodeNulls reads every list, whatever the schema says of it; type errors are looked for in declared lists only.
    if (shape.type !== 'list') {
      if (readNulls) decodeNulls(value, shape);
      return undefined;
    }
    const items = itemShape(shape);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item === null) {
        if (readNulls) value[i] = items.type === 'struct' || items.type === 'map' ? {} : '';
        continue;
      }
      const error = firstTypeError(item, items, path, readNulls, embeddedNames);
      if (error) return error;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  const facts = shape.type === 'struct' ? factsOf(shape) : undefined;
  for (const key in value) {
    const child = value[key];
    if (child === null) {
      if (readNulls) delete value[key];
      continue;
    }
    // An unset field (undefined in an object built in code) is no JSON at all.
    if (child === undefined) continue;
    let childOf: Shape;
    let step = key;
    if (facts) {
      const field = facts.get(key) ?? addFact(facts, shape as StructShape, key);
      childOf = field.shape;
      if (embeddedNames && field.embedded) step = `${field.embedded}.${key}`;
      const type = jsonType(child);
      if (field.expected && type !== field.expected) {
        return `json: cannot unmarshal ${type} into Go struct field ${fieldName(field.struct, path, step)} of type ${field.goType}`;
      }
      if (type === 'array') {
        const odd = field.item && oddItem(child as unknown[], field.item);
        if (odd !== undefined) return `json: cannot unmarshal ${jsonType(odd)} into Go struct field ${fieldName(field.struct, path, step)} of type ${field.goType.slice(2)}`;
        const oddContainer = field.itemContainer && oddItem(child as unknown[], field.itemContainer);
        if (oddContainer !== undefined) return `json: cannot unmarshal ${jsonType(oddContainer)} into Go struct field ${fieldName(field.struct, path, step)} of type ${field.itemGoType}`;
      }
    } else childOf = childShape(shape, key);
    if (typeof child !== 'object') continue;
    path.push(step);
    const error = firstTypeError(child, childOf, path, readNulls, embeddedNames);
    path.pop();
    if (error) return error;
  }
  return undefined;
}

type StructShape = Extract<Shape, { type: 'struct' }>;

/**
 * What the decoder checks of one field of a struct, worked out once per struct and field name
 * (every write decodes the same few fields of the same few types): the field's shape, the JSON
 * type its value must have, and for a list the JSON type of its items.
 */
interface FieldFacts {
  shape: Shape;
  struct: string;
  expected?: string;
  goType: string;
  /** A list of plain values: the items' JSON type (goType is then `[]T`). */
  item?: string;
  /** A list of structs, lists or maps: the items' JSON type and Go type. */
  itemContainer?: string;
  itemGoType?: string;
  /** The Go path of the embedded struct that holds the field (embedded-structs.ts). */
  embedded?: string;
}

const structFacts = new WeakMap<StructShape, Map<string, FieldFacts>>();

/** The first item (not null) of another JSON type than `wanted`, or undefined. */
function oddItem(items: unknown[], wanted: string): unknown {
  return items.find((item) => item !== null && jsonType(item) !== wanted);
}

function factsOf(shape: StructShape): Map<string, FieldFacts> {
  let facts = structFacts.get(shape);
  if (!facts) structFacts.set(shape, (facts = new Map()));
  return facts;
}

function addFact(facts: Map<string, FieldFacts>, shape: StructShape, key: string): FieldFacts {
  const childOf = childShape(shape, key);
  const goType = shape.plainFields.get(key);
  const field: FieldFacts = { shape: childOf, struct: shape.name, expected: goType ? expectedJson(goType) : expectedContainer(childOf), goType: goType || goTypeName(childOf) };
  if (goType?.startsWith('[]') && goType.length > 2) field.item = expectedJson(goType.slice(2));
  if (childOf.type === 'list' && childOf.items) {
    field.itemContainer = expectedContainer(itemShape(childOf));
    if (field.itemContainer) field.itemGoType = goTypeName(itemShape(childOf));
  }
  const embedded = embeddedStructOf(shape.name, key);
  if (embedded) field.embedded = embedded;
  facts.set(key, field);
  return field;
}

/** How the decoder names a field: its struct's Go name, then the JSON path to it. */
function fieldName(struct: string, path: string[], key: string): string {
  return `${struct}.${[...path, key].join('.')}`;
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (isPlainObject(v)) return 'object';
  return typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string';
}

/** The JSON type a struct, list or map field needs; undefined when the schema does not say. */
function expectedContainer(shape: Shape): string | undefined {
  if (shape.type === 'struct' || shape.type === 'map') return 'object';
  return shape.type === 'list' ? 'array' : undefined;
}

/** How Go names the type in the decoder's message: v1.Container, []v1.Container, map[string]string. */
function goTypeName(shape: Shape): string {
  if (shape.type === 'struct') return shape.goName;
  if (shape.type === 'list') return `[]${shape.items ? goTypeName(itemShape(shape)) : 'string'}`;
  if (shape.type === 'map') return `map[string]${shape.element ? goTypeName(childShape(shape, '')) : 'string'}`;
  return 'interface {}';
}

function expectedJson(goType: string): string {
  if (goType.startsWith('[]')) return 'array';
  return goType === 'bool' ? 'bool' : goType === 'string' ? 'string' : 'number';
}

type Segment = { step: string; index?: number };

function unknownFields(value: unknown, shape: Shape, path: Segment[]): Segment[][] {
  if (Array.isArray(value)) {
    if (shape.type !== 'list') return [];
    const items = itemShape(shape);
    return value.flatMap((item, i) => unknownFields(item, items, [...path, { step: listStep(shape, item, i), index: i }]));
  }
  if (!isPlainObject(value)) return [];
  const out: Segment[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, { step: `f:${key}` }];
    if (shape.type === 'struct' && !(key in shape.fields) && !shape.plainFields.has(key)) out.push(childPath);
    else out.push(...unknownFields(child, childShape(shape, key), childPath));
  }
  return out;
}

interface CustomSchema {
  type?: string;
  properties?: Record<string, CustomSchema>;
  additionalProperties?: CustomSchema | boolean;
  items?: CustomSchema;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

/**
 * The same for a custom resource, against its CRD's structural schema; plain values of the
 * wrong type fail here too, in structured-merge-diff's words (typed/validate.go).
 */
export function undeclaredCustomFields(value: unknown, schema: CustomSchema | undefined, path = ''): string[] {
  if (!schema) return [];
  const mismatch = scalarMismatch(value, schema.type);
  if (mismatch) return [`${path}: ${mismatch}`];
  if (schema['x-kubernetes-preserve-unknown-fields']) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => undeclaredCustomFields(item, schema.items, `${path}[${i}]`));
  if (!isPlainObject(value)) return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (path === '' && ['apiVersion', 'kind', 'metadata'].includes(key)) continue;
    const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (property) out.push(...undeclaredCustomFields(child, property, `${path}.${key}`));
    else if (schema.additionalProperties !== true && !schema['x-kubernetes-embedded-resource']) out.push(`${path}.${key}: field not declared in schema`);
  }
  return out;
}

/** Go's %T of a decoded JSON value, as the messages print it. */
function goType(value: unknown): string {
  if (Array.isArray(value)) return '[]interface {}';
  if (isPlainObject(value)) return 'map[string]interface {}';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  return typeof value === 'boolean' ? 'bool' : 'string';
}

function scalarMismatch(value: unknown, type: string | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if ((type === 'integer' || type === 'number') && typeof value !== 'number') return `expected numeric (int or float), got ${goType(value)}`;
  if (type === 'string' && typeof value !== 'string') return `expected string, got &value.valueUnstructured{Value:${JSON.stringify(value)}}`;
  if (type === 'boolean' && typeof value !== 'boolean') return `expected boolean, got ${JSON.stringify(value)}`;
  return undefined;
}

/**
 * JSON nulls as the API server's decoder reads them into Go values, in place: a null field is
 * left unset, a null list item becomes the zero value of its type (`{}` for a struct, "" else).
 */
export function decodeNulls(value: unknown, shape: Shape): void {
  if (Object.isFrozen(value)) return;
  if (Array.isArray(value)) {
    const items = itemShape(shape);
    value.forEach((item, i) => {
      if (item === null) value[i] = items.type === 'struct' || items.type === 'map' ? {} : '';
      else decodeNulls(item, items);
    });
    return;
  }
  if (!isPlainObject(value)) return;
  for (const key in value) {
    const child = value[key];
    if (child === null) delete value[key];
    else if (typeof child === 'object') decodeNulls(child, childShape(shape, key));
  }
}
