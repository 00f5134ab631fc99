import { invalid, type FieldError } from '../../kube/api-errors.ts';
import { apiGroupOf } from '../../kube/kinds.ts';
import type { KubeObject } from '../store/types.ts';
import { canonicalJson } from '../controllers/template-hash.ts';
import { deepEqual } from '../store/apply/object-fields.ts';
import type { AdmissionPlugin } from './admission.ts';
import { behaviour, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { renderBadValue } from '../../kube/bad-value.ts';

/**
 * Update rules of pkg/apis/{apps,batch,rbac,storage}/validation: fields that cannot change once an
 * object exists, each refused in its release's words. Go prints the whole old value in some of
 * these messages; the simulator prints its type only there.
 */
export function immutableFields(version: KubernetesRelease): AdmissionPlugin {
  return {
    name: 'ImmutableFields',
    admit({ operation, object, old, info, subresource }) {
      if (operation !== 'UPDATE' || !old) return;
      const errors: FieldError[] = [];
      if (object.kind === 'StatefulSet') statefulSet(object, old, errors, version);
      if (object.kind === 'Job') job(object, old, errors);
      // pods/resize has its own rules (pod-resize-validation.ts ValidatePodResize).
      if (object.kind === 'Pod' && subresource !== 'resize') pod(object, old, errors, subresource === 'binding');
      if ((object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') && changed(object.roleRef, old.roleRef)) {
        const value = renderBadValue(version, { type: 'rbac.RoleRef', value: object.roleRef ?? {} });
        errors.push({ path: 'roleRef', text: `Invalid value: ${value}: ${behaviour(version, 'api.rbac.roleRefImmutableText').value}` });
      }
      if (object.kind === 'StorageClass') storageClass(object, old, errors, version);
      if (['Deployment', 'ReplicaSet', 'DaemonSet'].includes(object.kind) && changed(object.spec?.selector, old.spec?.selector)) {
        errors.push({ path: 'spec.selector', text: `Invalid value: v1.LabelSelector{...}: field is immutable` });
      }
      if (errors.length) {
        const group = apiGroupOf(info.apiVersion);
        throw invalid(group ? `${object.kind}.${group}` : object.kind, object.metadata.name, errors);
      }
    },
  };
}

/**
 * ValidateStorageClassUpdate: provisioner, parameters and reclaimPolicy are Forbidden up to 1.35,
 * ValidateImmutableField's "field is immutable" with the new value in 1.36, and the declarative
 * rule's (no value: `null`) from 1.37; volumeBindingMode was ValidateImmutableField all along.
 */
function storageClass(object: KubeObject, old: KubeObject, errors: FieldError[], version: KubernetesRelease): void {
  const how = behaviour(version, 'api.storageClass.immutableFields').value;
  for (const field of ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'] as const) {
    if (!changed(object[field] ?? null, old[field] ?? null)) continue;
    const value = field === 'parameters' ? renderBadValue(version, { type: 'map[string]string', value: object.parameters }) : JSON.stringify(object[field] ?? '');
    if (how === 'declarative') errors.push({ path: field, text: 'Invalid value: null: field is immutable' });
    else if (how === 'forbidden' && field !== 'volumeBindingMode') errors.push({ path: field, text: `Forbidden: updates to ${field} are forbidden.` });
    else errors.push({ path: field, text: `Invalid value: ${value}: field is immutable` });
  }
}

/**
 * ValidateStatefulSetUpdate. Up to 1.36 every spec field but a list may not change, refused as
 * one Forbidden on spec naming the list (revisionHistoryLimit joined it in 1.33); from 1.37 only
 * four fields are immutable, each refused on its own with its new value.
 */
function statefulSet(object: KubeObject, old: KubeObject, errors: FieldError[], version: KubernetesRelease): void {
  const rule = behaviour(version, 'api.statefulset.updateRule').value;
  if (rule === 'immutable-fields') {
    for (const field of ['selector', 'volumeClaimTemplates', 'serviceName', 'podManagementPolicy']) {
      if (!changed(object.spec?.[field], old.spec?.[field])) continue;
      // Go marshals the new value; for the two structs the simulator's JSON is close, not exact (zero fields).
      errors.push({ path: `spec.${field}`, text: `Invalid value: ${JSON.stringify(object.spec?.[field] ?? null)}: field is immutable` });
    }
    return;
  }
  // The fields that may change are the ones the message names, so the two cannot drift apart.
  const mutable = [...rule.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!);
  const strip = (spec: any) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !mutable.includes(k)));
  if (changed(strip(object.spec), strip(old.spec))) errors.push({ path: 'spec', text: `Forbidden: ${rule}` });
}

function job(object: KubeObject, old: KubeObject, errors: FieldError[]): void {
  for (const field of ['selector', 'completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    if (changed(object.spec?.[field], old.spec?.[field])) errors.push({ path: `spec.${field}`, text: 'Invalid value: ...: field is immutable' });
  }
  // A suspended Job may change scheduling directives; everything else in the template is fixed.
  const fixed = (t: any) => {
    const copy = structuredClone(t ?? {});
    if (object.spec?.suspend) {
      delete copy.metadata;
      if (copy.spec) for (const k of ['nodeSelector', 'tolerations', 'affinity', 'schedulingGates']) delete copy.spec[k];
    }
    return copy;
  };
  if (changed(fixed(object.spec?.template), fixed(old.spec?.template))) {
    errors.push({ path: 'spec.template', text: 'Invalid value: core.PodTemplateSpec{...}: field is immutable' });
  }
}

const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/**
 * ValidatePodUpdate: a pod's spec is fixed once created, but for its images, its deadline,
 * added tolerations, removed scheduling gates and (through the binding subresource only) the
 * node it is bound to. Go appends a diff of the specs; the simulator names the fields instead.
 */
function pod(object: KubeObject, old: KubeObject, errors: FieldError[], binding: boolean): void {
  const spec = object.spec ?? {};
  const before = old.spec ?? {};
  const differing = [...new Set([...Object.keys(spec), ...Object.keys(before)])]
    .filter((k) => !deepEqual(spec[k], before[k]) && !mayChange(k, spec, before, binding)).sort();
  const deadline = activeDeadlineUpdateError(spec.activeDeadlineSeconds, before.activeDeadlineSeconds);
  if (deadline) errors.push({ path: 'spec.activeDeadlineSeconds', text: deadline });
  if (differing.length) {
    errors.push({ path: 'spec', text: `Forbidden: pod updates may not change fields other than ${updatablePodSpecFields.join(',')} (changed: ${differing.map((k) => `spec.${k}`).join(', ')})` });
  }
}

/** ValidatePodUpdate: activeDeadlineSeconds may be set, or lowered (to 0 at least), never raised or removed. */
function activeDeadlineUpdateError(now: number | undefined, before: number | undefined): string | undefined {
  if (now === undefined) return before === undefined ? undefined : 'Invalid value: "null": must not update from a positive integer to nil value';
  if (now < 0 || now > 2147483647) return `Invalid value: ${now}: must be between 0 and 2147483647, inclusive`;
  return before !== undefined && before < now ? `Invalid value: ${now}: must be less than or equal to previous value` : undefined;
}

/** Whether a pod spec field that differs differs only in a way an update may change it. */
function mayChange(field: string, spec: any, before: any, binding: boolean): boolean {
  switch (field) {
    case 'containers':
    case 'initContainers': {
      // Images may change; everything else about the containers may not.
      const withOldImages = (spec[field] ?? []).map((c: any, i: number) => (before[field]?.[i] ? { ...c, image: before[field][i].image } : c));
      return !changed(withOldImages, before[field]);
    }
    case 'activeDeadlineSeconds':
    case 'schedulingGates':
      return true;
    case 'tolerations': {
      // Only additions: the existing tolerations stay as they were, in place.
      const now: unknown[] = spec.tolerations ?? [];
      return (before.tolerations ?? []).every((t: unknown, i: number) => canonicalJson(t) === canonicalJson(now[i]));
    }
    case 'terminationGracePeriodSeconds':
      return before.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1;
    case 'nodeName':
      return binding && !before.nodeName;
    default:
      return false;
  }
}

function changed(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) !== canonicalJson(b ?? null);
}
