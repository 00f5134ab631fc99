/**
 * Server-side field validation (the `fieldValidation` query parameter): which fields of a request
 * body the kind's OpenAPI schema does not declare. The API server drops them; with Warn it says
 * so in Warning headers, with Strict it refuses the request (kubectl sends Strict unless told
 * --validate=false). Paths are written as the apimachinery decoder writes them:
 * `spec.template.spec.containers[0].imagePullPolicyy`.
 */
type Schema = Record<string, any>;

export interface UnknownFields {
  paths: string[];
  /** The value without the unknown fields, as the decoder would have read it. */
  pruned: unknown;
}

/** The schema of a kind in a group version's OpenAPI v3 document, or undefined. */
export function kindSchema(document: any, group: string, version: string, kind: string): Schema | undefined {
  const schemas: Record<string, Schema> = document?.components?.schemas ?? {};
  return Object.values(schemas).find((s) => (s['x-kubernetes-group-version-kind'] ?? []).some((g: any) => g.group === group && g.version === version && g.kind === kind));
}

/**
 * Walks `value` along `schema`. Patch directives (keys starting with `$`, as in `$patch` or
 * `$setElementOrder/containers`) are not fields and are left alone.
 */
export function unknownFields(document: any, schema: Schema, value: unknown): UnknownFields {
  const paths: string[] = [];
  const pruned = walk(document, schema, value, '', paths);
  return { paths, pruned };
}

function walk(document: any, schema: Schema, value: unknown, path: string, found: string[]): unknown {
  const s = resolve(document, schema);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (!s.items) return value;
    return value.map((v, i) => walk(document, s.items, v, `${path}[${i}]`, found));
  }
  if (s['x-kubernetes-preserve-unknown-fields']) return value;
  if (s.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const child = path ? `${path}.${key}` : key;
      if (key.startsWith('$')) out[key] = v;
      else if (s.properties[key]) out[key] = walk(document, s.properties[key], v, child, found);
      else found.push(child);
    }
    return out;
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, walk(document, s.additionalProperties, v, path ? `${path}.${key}` : key, found)]));
  }
  // A free-form object (FieldsV1, RawExtension): anything goes.
  return value;
}

/** Follows `$ref` and the `allOf: [{$ref}]` wrapper the v3 documents use for referenced types. */
function resolve(document: any, schema: Schema): Schema {
  let s = schema;
  for (let hops = 0; hops < 10; hops++) {
    const ref: string | undefined = s.$ref ?? (s.allOf?.length === 1 ? s.allOf[0].$ref : undefined);
    if (!ref) return s;
    s = document.components.schemas[ref.replace('#/components/schemas/', '')] ?? {};
  }
  return s;
}

/** Go's `%+v` of a decoded JSON value (the way the API server quotes a patch in its errors). */
export function goFormat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (value && typeof value === 'object') return `map[${Object.keys(value).sort().map((k) => `${k}:${goFormat((value as any)[k])}`).join(' ')}]`;
  if (value === null) return '<nil>';
  return String(value);
}
