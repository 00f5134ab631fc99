import { ApiError, invalid, type FieldError } from '../store/errors.ts';
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
      const required: Record<string, string[]> = { 'kubernetes.io/tls': ['tls.crt', 'tls.key'], 'kubernetes.io/basic-auth': [], 'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'], 'kubernetes.io/ssh-auth': ['ssh-privatekey'] };
      for (const key of required[object.type] ?? []) if (object.data?.[key] === undefined) errors.push({ path: `data[${key}]`, text: 'Required value' });
      if (operation === 'UPDATE' && old && old.type !== object.type) errors.push({ path: 'type', text: `Invalid value: "${object.type}": field is immutable` });
    }
    if (operation === 'UPDATE' && old?.immutable) {
      if (!object.immutable) errors.push({ path: 'immutable', text: 'Forbidden: field is immutable when `immutable` is set' });
      if (JSON.stringify(object.data ?? {}) !== JSON.stringify(old.data ?? {})) errors.push({ path: 'data', text: 'Forbidden: field is immutable when `immutable` is set' });
    }
    if (errors.length) throw invalid(object.kind, object.metadata.name, errors);
  },
};

function firstBadByte(text: string): number {
  const i = text.search(/[^A-Za-z0-9+/=]/);
  return i < 0 ? text.length - (text.length % 4) : i;
}
