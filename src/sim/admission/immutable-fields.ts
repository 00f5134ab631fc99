import { invalid, type FieldError } from '../store/errors.ts';
import { apiGroupOf } from '../store/kinds.ts';
import type { KubeObject } from '../store/types.ts';
import { canonicalJson } from '../controllers/template-hash.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * Update rules of pkg/apis/{apps,batch}/validation: fields that cannot change once an object
 * exists. Go prints the whole old value in these messages; the simulator prints its type only.
 */
export const immutableFields: AdmissionPlugin = {
  name: 'ImmutableFields',
  admit({ operation, object, old, info }) {
    if (operation !== 'UPDATE' || !old) return;
    const errors: FieldError[] = [];
    if (object.kind === 'StatefulSet') statefulSet(object, old, errors);
    if (object.kind === 'Job') job(object, old, errors);
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

function changed(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) !== canonicalJson(b ?? null);
}
