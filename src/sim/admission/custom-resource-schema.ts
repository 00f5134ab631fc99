import { apiGroupOf } from '../../kube/kinds.ts';
import { invalid, type FieldError } from '../../kube/api-errors.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * Custom resources against their CRD's structural schema, as apiextensions-apiserver treats
 * them: unknown fields are pruned (unless x-kubernetes-preserve-unknown-fields), defaults are
 * filled in, then the object is validated with kube-openapi's checks and reported in the API
 * server's words (apiextensions-apiserver pkg/apiserver/validation/validation.go):
 * `spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10`.
 */
export const customResourceSchema: AdmissionPlugin = {
  name: 'CustomResourceValidation',
  admit({ object, info }) {
    const schema = info.custom?.versions.find((v) => v.apiVersion === object.apiVersion)?.schema as Schema | undefined;
    if (!schema) return;
    for (const key of Object.keys(object)) {
      if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
      const property = schema.properties?.[key];
      if (property) object[key] = pruneAndDefault(object[key], property);
      else if (!schema['x-kubernetes-preserve-unknown-fields']) delete object[key];
    }
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (object[key] === undefined && property.default !== undefined && !['apiVersion', 'kind', 'metadata'].includes(key)) object[key] = structuredClone(property.default);
    }
    const errors: FieldError[] = [];
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (key === 'metadata' || key === 'apiVersion' || key === 'kind') continue;
      validate(object[key], property, key, errors);
    }
    for (const name of schema.required ?? []) if (object[name] === undefined) errors.push({ path: name, text: 'Required value' });
    const group = apiGroupOf(object.apiVersion);
    if (errors.length) throw invalid(`${info.kind}.${group}`, object.metadata.name, errors);
  },
};

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
}

/** Drops what the schema does not declare and fills in defaults, returning the value to keep. */
function pruneAndDefault(value: unknown, schema: Schema): unknown {
  if (Array.isArray(value)) return schema.items ? value.map((item) => pruneAndDefault(item, schema.items!)) : value;
  if (!isObject(value)) return value;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key] ?? extra;
    if (property) out[key] = pruneAndDefault(child, property);
    else if (preserve || schema.additionalProperties === true || schema['x-kubernetes-embedded-resource']) out[key] = child;
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (out[key] === undefined && property.default !== undefined) out[key] = structuredClone(property.default);
  }
  return out;
}

function validate(value: unknown, schema: Schema, path: string, errors: FieldError[]): void {
  if (value === undefined) return;
  if (value === null) {
    if (!schema.nullable && schema.type) errors.push(typeError(path, 'null', schema.type));
    return;
  }
  if (schema['x-kubernetes-int-or-string']) {
    if (!(typeof value === 'string' || Number.isInteger(value))) errors.push(typeError(path, typeName(value), 'integer-or-string'));
    return;
  }
  if (schema.type && !hasType(value, schema.type)) {
    errors.push(typeError(path, typeName(value), schema.type));
    return;
  }
  const shown = JSON.stringify(value);
  if (schema.enum && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    const allowed = schema.enum.map((e) => (typeof e === 'string' ? JSON.stringify(e) : JSON.stringify(JSON.stringify(e))));
    errors.push({ path, text: `Unsupported value: ${shown}: supported values: ${allowed.join(', ')}` });
  }
  if (typeof value === 'number') {
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
      errors.push({ path, text: `Invalid value: ${value}: ${path} in body should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}` });
    }
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
      errors.push({ path, text: `Invalid value: ${value}: ${path} in body should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}` });
    }
  }
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) errors.push({ path, text: `Too long: may not be more than ${schema.maxLength} bytes` });
    if (schema.minLength !== undefined && [...value].length < schema.minLength) errors.push({ path, text: `Invalid value: ${shown}: ${path} in body should be at least ${schema.minLength} chars long` });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) errors.push({ path, text: `Invalid value: ${shown}: ${path} in body should match '${schema.pattern}'` });
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push({ path, text: `Too many: ${value.length}: must have at most ${schema.maxItems} items` });
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push({ path, text: `Invalid value: ${value.length}: ${path} in body should have at least ${schema.minItems} items` });
    if (schema.items) value.forEach((item, i) => validate(item, schema.items!, `${path}[${i}]`, errors));
  }
  if (isObject(value)) {
    if (schema.maxProperties !== undefined && Object.keys(value).length > schema.maxProperties) errors.push({ path, text: `Too many: ${Object.keys(value).length}: must have at most ${schema.maxProperties} items` });
    for (const [key, child] of Object.entries(value)) {
      const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (property) validate(child, property, `${path}.${key}`, errors);
    }
    for (const name of schema.required ?? []) if (value[name] === undefined) errors.push({ path: `${path}.${name}`, text: 'Required value' });
  }
}

function typeError(path: string, actual: string, expected: string): FieldError {
  return { path, text: `Invalid value: "${actual}": ${path} in body must be of type ${expected}: "${actual}"` };
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object': return isObject(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    default: return true;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value === 'object' ? 'object' : typeof value;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
