import protobuf from 'protobufjs';

/**
 * A decoded Kubernetes protobuf message as the JSON the API would have received: Time and
 * MicroTime as RFC 3339, Quantity as its string, IntOrString as a number or a string,
 * RawExtension as its JSON, bytes (Secret data) as base64. Unset fields stay absent.
 */
export function toKubeJson(type: protobuf.Type, message: protobuf.Message): any {
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    // Unset optional fields read as the prototype's default; only own properties were sent.
    if (!Object.prototype.hasOwnProperty.call(message, field.name)) continue;
    const value = (message as any)[field.name];
    if (value === undefined || value === null || isGoZero(field, value)) continue;
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) continue;
      out[field.name] = Object.fromEntries(entries.map(([k, v]) => [k, convert(field, v)]));
    } else if (field.repeated) {
      if ((value as unknown[]).length === 0) continue;
      out[field.name] = (value as unknown[]).map((v) => convert(field, v));
    } else if (isInline(field)) {
      Object.assign(out, convert(field, value));
    } else {
      out[field.name] = convert(field, value);
    }
  }
  return out;
}

/**
 * Go structs embedded with `json:",inline"` are a field of their own in protobuf but spread into
 * the parent in JSON: a Volume's `volumeSource`, an IngressRule's `ingressRuleValue`, the
 * `localObjectReference` of configMapKeyRef and friends. These are every such embedding of the
 * k8s.io/api groups served (core/v1 and networking/v1 types.go; the other groups have none).
 */
const inlineFields = new Set([
  'volumeSource:VolumeSource', 'persistentVolumeSource:PersistentVolumeSource', 'localObjectReference:LocalObjectReference',
  'handler:ProbeHandler', 'ephemeralContainerCommon:EphemeralContainerCommon', 'ingressRuleValue:IngressRuleValue',
]);

function isInline(field: protobuf.Field): boolean {
  return field.resolvedType instanceof protobuf.Type && inlineFields.has(`${field.name}:${field.resolvedType.name}`);
}

/**
 * Go writes every non-pointer field, so unset strings, numbers and booleans arrive as "", 0 and
 * false, where the JSON form would omit them (omitempty). The schema cannot tell a pointer from
 * a value, so zeros are dropped except in the pointer fields where 0 means something (a
 * DeleteOptions' gracePeriodSeconds 0 is "delete now").
 */
const meaningfulZero = new Set(['gracePeriodSeconds', 'replicas', 'terminationGracePeriodSeconds', 'backoffLimit', 'parallelism', 'completions', 'ttlSecondsAfterFinished', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'value', 'maxFailedIndexes', 'backoffLimitPerIndex', 'revisionHistoryLimit', 'minReplicas', 'exitCode']);

function isGoZero(field: protobuf.Field, value: unknown): boolean {
  if (field.repeated || field.map) return false;
  if (value === '' || value === false) return true;
  const n = typeof value === 'object' && value !== null && typeof (value as any).toNumber === 'function' ? (value as any).toNumber() : value;
  if (n === 0) return !meaningfulZero.has(field.name);
  // A zero metav1.Time is "null" in JSON.
  if (field.resolvedType?.fullName === '.k8s.io.apimachinery.pkg.apis.meta.v1.Time') return Number((value as any).seconds ?? 0) === 0 && !(value as any).seconds?.toNumber?.();
  return false;
}

function convert(field: protobuf.Field | protobuf.MapField, value: any): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return special(resolved, value) ?? toKubeJson(resolved, value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return num(value);
}

/** int64 fields decode as Long objects; the API's JSON has plain numbers. */
function num(value: any): any {
  if (typeof value === 'object' && value !== null && typeof value.toNumber === 'function') return value.toNumber();
  return value;
}

function special(type: protobuf.Type, value: any): unknown {
  switch (type.fullName) {
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.Time':
      return new Date(Number(num(value.seconds ?? 0)) * 1000).toISOString().replace('.000Z', 'Z');
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime':
      return new Date(Number(num(value.seconds ?? 0)) * 1000 + Math.floor((value.nanos ?? 0) / 1e6)).toISOString().replace('Z', '000Z');
    case '.k8s.io.apimachinery.pkg.api.resource.Quantity':
      return value.string ?? '0';
    case '.k8s.io.apimachinery.pkg.util.intstr.IntOrString':
      return Number(num(value.type ?? 0)) === 1 ? value.strVal ?? '' : value.intVal ?? 0;
    case '.k8s.io.apimachinery.pkg.runtime.RawExtension':
      return value.raw?.length ? JSON.parse(Buffer.from(value.raw).toString('utf8')) : {};
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1':
      return value.Raw?.length ? JSON.parse(Buffer.from(value.Raw).toString('utf8')) : {};
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.Duration':
      return `${Number(num(value.duration ?? 0)) / 1e9}s`;
    default:
      return undefined;
  }
}
