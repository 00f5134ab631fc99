import { ApiError, invalid, type FieldError } from '../../kube/api-errors.ts';
import type { AdmissionPlugin } from './admission.ts';

const configKey = /^[-._a-zA-Z0-9]+$/;
const keyText = (k: string) => `Invalid value: "${k}": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** UTF-8 text → base64, without Node's Buffer. */
function encode(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * ConfigMap and Secret rules of the API server: data values are strings (a YAML number fails to
 * decode, as kubectl reports it), keys are config keys, Secret stringData is base64-encoded into
 * data (stringData wins on conflicts), data must be base64, typed Secrets need their keys, and
 * `immutable: true` objects refuse data changes.
 */
export const configObjects: AdmissionPlugin = {
  name: 'ConfigObjects',
  admit({ operation, object, old }) {
    if (object.kind !== 'ConfigMap' && object.kind !== 'Secret') return;
    const errors: FieldError[] = [];
    for (const [k, v] of Object.entries<unknown>(object.data ?? {})) {
      if (typeof v !== 'string') {
        throw new ApiError('BadRequest', 400, `json: cannot unmarshal ${typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'object'} into Go struct field ${object.kind}.data of type string`);
      }
      if (!configKey.test(k)) errors.push({ path: `data[${k}]`, text: keyText(k) });
    }
    if (object.kind === 'Secret') {
      object.type ??= 'Opaque';
      for (const v of Object.values<unknown>(object.data ?? {})) {
        if (typeof v === 'string' && !base64.test(v)) {
          throw new ApiError('BadRequest', 400, `illegal base64 data at input byte ${firstBadByte(v)}`);
        }
      }
      if (object.stringData) {
        object.data = { ...(object.data ?? {}), ...Object.fromEntries(Object.entries<string>(object.stringData).map(([k, v]) => [k, encode(String(v))])) };
        delete object.stringData;
      }
      typedSecretProblems(object.type, object.data ?? {}, errors);
      if (operation === 'UPDATE' && old && old.type !== object.type) errors.push({ path: 'type', text: `Invalid value: "${object.type}": field is immutable` });
    }
    // MaxSecretSize (1 MiB) over the values' bytes: a ConfigMap's whole object, a Secret's data.
    const size = object.kind === 'Secret'
      ? Object.values<string>(object.data ?? {}).reduce((n, v) => n + decodedLength(v), 0)
      : Object.values<string>(object.data ?? {}).reduce((n, v) => n + Buffer.byteLength(v), 0) + Object.values<string>(object.binaryData ?? {}).reduce((n, v) => n + decodedLength(v), 0);
    if (size > MAX_SIZE) errors.push({ path: object.kind === 'Secret' ? 'data' : '[]', text: `Too long: may not be more than ${MAX_SIZE} bytes` });
    if (operation === 'UPDATE' && old?.immutable) {
      if (!object.immutable) errors.push({ path: 'immutable', text: 'Forbidden: field is immutable when `immutable` is set' });
      if (JSON.stringify(object.data ?? {}) !== JSON.stringify(old.data ?? {})) errors.push({ path: 'data', text: 'Forbidden: field is immutable when `immutable` is set' });
    }
    if (errors.length) throw invalid(object.kind, object.metadata.name, errors);
  },
};

const MAX_SIZE = 1024 * 1024;

/** The bytes a base64 value stands for. */
function decodedLength(base64Text: string): number {
  return Buffer.from(base64Text, 'base64').length;
}

const dockerKeys: Record<string, string> = { 'kubernetes.io/dockerconfigjson': '.dockerconfigjson', 'kubernetes.io/dockercfg': '.dockercfg' };

/** ValidateSecret's per-type rules: the keys each type needs, docker configs that are JSON objects. */
function typedSecretProblems(type: string, data: Record<string, string>, errors: FieldError[]): void {
  const required = (key: string) => errors.push({ path: `data[${key}]`, text: 'Required value' });
  if (type === 'kubernetes.io/tls') ['tls.crt', 'tls.key'].filter((k) => data[k] === undefined).forEach(required);
  if (type === 'kubernetes.io/ssh-auth' && !data['ssh-privatekey']) required('ssh-privatekey');
  if (type === 'kubernetes.io/basic-auth' && data.username === undefined && data.password === undefined) ['username', 'password'].forEach(required);
  const dockerKey = dockerKeys[type];
  if (!dockerKey) return;
  if (data[dockerKey] === undefined) return void required(dockerKey);
  const problem = jsonObjectProblem(new TextDecoder().decode(Uint8Array.from(atob(data[dockerKey]), (c) => c.charCodeAt(0))));
  if (problem) errors.push({ path: `data[${dockerKey}]`, text: `Invalid value: "<secret contents redacted>": ${problem}` });
}

/** Why encoding/json would not unmarshal the text into a map, in its words where they are simple. */
function jsonObjectProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const first = text.trimStart()[0];
    if (first === undefined) return 'unexpected end of JSON input';
    return /[{["\d\-tfn]/.test(first) ? 'invalid JSON (encoding/json: syntax error)' : `invalid character '${first}' looking for beginning of value`;
  }
  if (value === null || (typeof value === 'object' && !Array.isArray(value))) return undefined;
  const kind = Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'bool';
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}

function firstBadByte(text: string): number {
  const i = text.search(/[^A-Za-z0-9+/=]/);
  return i < 0 ? text.length - (text.length % 4) : i;
}
