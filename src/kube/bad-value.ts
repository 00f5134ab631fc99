/**
 * How a field error shows a non-scalar bad value (`Invalid value: ...`), which changed in 1.34
 * (api.validation.nonScalarBadValue in ./kubernetes-versions): field.Error.ErrorBody printed Go
 * syntax (%#v: `[]string{"a"}`, `map[string]string{"k":"v"}`, `intstr.IntOrString{...}`) up to
 * 1.33, and JSON (json.Marshal: `["a"]`, `{"k":"v"}`, `0`) from 1.34
 * (k8s.io/apimachinery@v0.34.4/pkg/util/validation/field/errors.go). Scalars (strings, numbers,
 * booleans) are printed the same way in every release and do not come here.
 */
import { behaviour, type KubernetesRelease } from './kubernetes-versions.ts';

/** A Go value kubespec renders in a field error, with its Go type. */
export type GoBadValue =
  | { type: '[]string'; value: readonly string[] }
  | { type: 'map[string]string'; value: Readonly<Record<string, string>> | undefined }
  | { type: 'intstr.IntOrString'; value: number | string }
  | { type: 'rbac.RoleRef'; value: { apiGroup?: string; kind?: string; name?: string } };

/** The bad value as the release's API server prints it after "Invalid value: ". */
export function renderBadValue(version: KubernetesRelease, bad: GoBadValue): string {
  const json = behaviour(version, 'api.validation.nonScalarBadValue').value === 'json';
  switch (bad.type) {
    case '[]string':
      return json ? JSON.stringify(bad.value) : `[]string{${bad.value.map((s) => JSON.stringify(s)).join(', ')}}`;
    case 'map[string]string': {
      // Go's map printing and json.Marshal both sort the keys; a nil map is `null` in JSON.
      const keys = Object.keys(bad.value ?? {}).sort();
      if (json) return bad.value === undefined ? 'null' : `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(bad.value![k])}`).join(',')}}`;
      return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(bad.value![k])}`).join(', ')}}`;
    }
    case 'rbac.RoleRef': {
      // The internal type has no JSON tags, so json.Marshal writes its Go field names too.
      const fields: Array<[string, string]> = [['APIGroup', bad.value.apiGroup ?? ''], ['Kind', bad.value.kind ?? ''], ['Name', bad.value.name ?? '']];
      return json ? `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}` : `rbac.RoleRef{${fields.map(([k, v]) => `${k}:${JSON.stringify(v)}`).join(', ')}}`;
    }
    case 'intstr.IntOrString':
      // IntOrString's MarshalJSON writes the int or the string, not the struct.
      if (json) return JSON.stringify(bad.value);
      return typeof bad.value === 'number' ? `intstr.IntOrString{Type:0, IntVal:${bad.value}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(bad.value)}}`;
  }
}
