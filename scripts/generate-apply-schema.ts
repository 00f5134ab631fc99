/**
 * Writes src/sim/store/apply/schema.json: what server-side apply needs to know of every built-in
 * type, taken from the OpenAPI v3 documents of the Kubernetes release the simulator models
 * (api/openapi-spec/v3 of the k8s.io/kubernetes module). For each object type it keeps only the
 * fields whose merge behaviour differs from a plain value: nested object types, lists with their
 * x-kubernetes-list-type (atomic, set, or map with its keys) and maps; and which types
 * are atomic as a whole (x-kubernetes-map-type: atomic, e.g. LabelSelector); and the names of
 * the plain fields, so that a field the type does not declare can be refused as apply refuses it.
 *
 * Run: npx tsx scripts/generate-apply-schema.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { specFolder } from '../src/apiserver/openapi-documents.ts';

type Ref = string | { list: 'atomic' | 'set' | 'map'; keys?: string[]; keyDefaults?: Record<string, unknown>; items?: Ref } | { map: Ref };
interface TypeShape { fields?: Record<string, Ref>; plain?: Record<string, string>; atomic?: true }

const folder = await specFolder();
if (!folder) throw new Error('the k8s.io/kubernetes module is not available (go mod download failed)');
const schemas: Record<string, any> = {};
for (const file of readdirSync(folder).filter((f) => f.endsWith('_openapi.json'))) {
  Object.assign(schemas, JSON.parse(readFileSync(join(folder, file), 'utf8')).components?.schemas ?? {});
}

const kinds: Record<string, string> = {};
const types: Record<string, TypeShape> = {};

function refName(s: any): string | undefined {
  const ref = s?.$ref ?? s?.allOf?.[0]?.$ref;
  return ref ? String(ref).replace('#/components/schemas/', '') : undefined;
}

/** A schema's merge shape, or undefined when it merges as a plain value. */
function shapeOf(s: any): Ref | undefined {
  const name = refName(s);
  if (name) return describe(name) ? name : undefined;
  if (s?.type === 'array') {
    const list = s['x-kubernetes-list-type'] ?? 'atomic';
    const items = shapeOf(s.items);
    if (list === 'atomic' && !items) return undefined;
    const keys: string[] | undefined = s['x-kubernetes-list-map-keys'];
    // A key field left out of an item takes its schema default (a port's protocol is TCP).
    const itemProperties = schemas[refName(s.items) ?? '']?.properties ?? {};
    const keyDefaults = Object.fromEntries((keys ?? []).filter((k) => itemProperties[k]?.default !== undefined).map((k) => [k, itemProperties[k].default]));
    return { list, ...(keys ? { keys } : {}), ...(Object.keys(keyDefaults).length ? { keyDefaults } : {}), ...(items ? { items } : {}) };
  }
  // A map of plain values (labels, data, resource limits) is still a declared field: its own
  // path is not counted as a field of its own, as an undeclared map's is. '' names no type.
  if (s?.type === 'object') return { map: (s.additionalProperties && shapeOf(s.additionalProperties)) || '' };
  return undefined;
}

/** The Go type a JSON decoder checks a plain field against; '' when any JSON value may do. */
function goType(s: any): string {
  if (s.type === 'integer') return s.format === 'int32' ? 'int32' : 'int64';
  if (s.type === 'number') return 'float64';
  if (s.type === 'boolean') return 'bool';
  if (s.type === 'string' && !s.format) return 'string';
  // A list of plain values (command, accessModes): named by its items, '[]' when they may be anything.
  if (s.type === 'array') return `[]${s.items ? goType(s.items) : ''}`;
  return '';
}

/** Records a named object type; false for types that merge as plain values (Time, Quantity, IntOrString). */
function describe(name: string): boolean {
  if (types[name]) return true;
  const s = schemas[name];
  if (!s || s.type !== 'object' || !s.properties) return false;
  const shape: TypeShape = {};
  types[name] = shape;
  if (s['x-kubernetes-map-type'] === 'atomic') shape.atomic = true;
  const fields: Record<string, Ref> = {};
  for (const [field, fieldSchema] of Object.entries<any>(s.properties)) {
    const ref = shapeOf(fieldSchema);
    if (ref) fields[field] = ref;
  }
  if (Object.keys(fields).length > 0) shape.fields = fields;
  // The plain fields too, with their Go type where a decoder checks it (int32, bool, ...; '' for
  // strings, maps and anything that takes several forms): an applied field that is in neither
  // list is "not declared", a value of the wrong JSON type cannot be decoded.
  const plain: Record<string, string> = {};
  for (const f of Object.keys(s.properties).filter((f) => !(f in fields)).sort()) plain[f] = goType(s.properties[f]);
  if (Object.keys(plain).length > 0) shape.plain = plain;
  return true;
}

for (const [name, s] of Object.entries<any>(schemas).sort(([a], [b]) => a.localeCompare(b))) {
  for (const gvk of s['x-kubernetes-group-version-kind'] ?? []) {
    if (!s.properties?.metadata || !s.properties?.apiVersion) continue;
    if (/List$/.test(gvk.kind) && s.properties.items) continue;
    if (!describe(name)) continue;
    kinds[`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}/${gvk.kind}`] = name;
  }
}

const out = join(import.meta.dirname, '..', 'src', 'sim', 'store', 'apply', 'schema.json');
writeFileSync(out, JSON.stringify({ source: 'k8s.io/kubernetes@v1.32.13 api/openapi-spec/v3', kinds, types }) + '\n');
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types -> ${out}`);
