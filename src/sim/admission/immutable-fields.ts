import { invalid, type FieldError } from '../store/errors.ts';
import { apiGroupOf } from '../store/kinds.ts';
import type { KubeObject } from '../store/types.ts';
import { canonicalJson } from '../controllers/template-hash.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * Update rules of pkg/apis/{apps,batch,rbac}/validation: fields that cannot change once an object
 * exists. Go prints the whole old value in these messages; the simulator prints its type only.
 */
export const immutableFields: AdmissionPlugin = {
  name: 'ImmutableFields',
  admit({ operation, object, old, info, subresource }) {
    if (operation !== 'UPDATE' || !old) return;
    const errors: FieldError[] = [];
    if (object.kind === 'StatefulSet') statefulSet(object, old, errors);
    if (object.kind === 'Job') job(object, old, errors);
    if (object.kind === 'Pod') pod(object, old, errors, subresource === 'binding');
    if ((object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') && changed(object.roleRef, old.roleRef)) {
      const r = object.roleRef ?? {};
      errors.push({ path: 'roleRef', text: `Invalid value: rbac.RoleRef{APIGroup:"${r.apiGroup ?? ''}", Kind:"${r.kind ?? ''}", Name:"${r.name ?? ''}"}: cannot change roleRef` });
    }
    if (['Deployment', 'ReplicaSet', 'DaemonSet'].includes(object.kind) && changed(object.spec?.selector, old.spec?.selector)) {
      errors.push({ path: 'spec.selector', text: `Invalid value: v1.LabelSelector{...}: field is immutable` });
    }
    if (errors.length) {
      const group = apiGroupOf(info.apiVersion);
      throw invalid(group ? `${object.kind}.${group}` : object.kind, object.metadata.name, errors);
    }
  },
};

const mutableStatefulSetFields = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function statefulSet(object: KubeObject, old: KubeObject, errors: FieldError[]): void {
  const strip = (spec: any) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !mutableStatefulSetFields.includes(k)));
  if (changed(strip(object.spec), strip(old.spec))) {
    errors.push({
      path: 'spec',
      text: "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    });
  }
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
  const munged = structuredClone(object.spec ?? {});
  const before = old.spec ?? {};
  for (const group of ['containers', 'initContainers']) {
    (munged[group] ?? []).forEach((c: any, i: number) => {
      if (before[group]?.[i]) c.image = before[group][i].image;
    });
  }
  munged.activeDeadlineSeconds = before.activeDeadlineSeconds;
  munged.schedulingGates = before.schedulingGates;
  const tolerations: unknown[] = munged.tolerations ?? [];
  const oldTolerations: unknown[] = before.tolerations ?? [];
  if (oldTolerations.every((t, i) => canonicalJson(t) === canonicalJson(tolerations[i]))) munged.tolerations = before.tolerations;
  if (before.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = before.terminationGracePeriodSeconds;
  if (binding && !before.nodeName) munged.nodeName = before.nodeName;
  const differing = [...new Set([...Object.keys(munged), ...Object.keys(before)])].filter((k) => changed(munged[k], before[k])).sort();
  if (differing.length) {
    errors.push({ path: 'spec', text: `Forbidden: pod updates may not change fields other than ${updatablePodSpecFields.join(',')} (changed: ${differing.map((k) => `spec.${k}`).join(', ')})` });
  }
}

function changed(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) !== canonicalJson(b ?? null);
}
