import { invalid, type FieldError } from '../../kube/api-errors.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * The CustomResourceDefinition rules a definition most often breaks, in the API server's words
 * (apiextensions-apiserver pkg/apis/apiextensions/validation): the name is `<plural>.<group>`,
 * the scope is Namespaced or Cluster, exactly one served version is the storage version, and a
 * group of the Kubernetes project (k8s.io, kubernetes.io) carries the API approval annotation.
 */
export const crdValidation: AdmissionPlugin = {
  name: 'CustomResourceDefinitionValidation',
  admit({ object, old }) {
    if (object.kind !== 'CustomResourceDefinition') return;
    const spec = object.spec ?? {};
    const errors: FieldError[] = [];
    if (!spec.group) errors.push({ path: 'spec.group', text: 'Required value' });
    if (!spec.names?.plural) errors.push({ path: 'spec.names.plural', text: 'Required value' });
    if (!spec.names?.kind) errors.push({ path: 'spec.names.kind', text: 'Required value' });
    if (spec.group && spec.names?.plural && object.metadata.name !== `${spec.names.plural}.${spec.group}`) {
      errors.push({ path: 'metadata.name', text: `Invalid value: "${object.metadata.name}": must be spec.names.plural+"."+spec.group` });
    }
    if (!['Namespaced', 'Cluster'].includes(spec.scope)) {
      errors.push({ path: 'spec.scope', text: spec.scope ? `Unsupported value: "${spec.scope}": supported values: "Cluster", "Namespaced"` : 'Required value' });
    }
    const versions: any[] = spec.versions ?? [];
    if (versions.length === 0) errors.push({ path: 'spec.versions', text: 'Invalid value: null: must have exactly one version marked as storage version' });
    else if (versions.filter((v) => v.storage).length !== 1) {
      errors.push({ path: 'spec.versions', text: `Invalid value: ${JSON.stringify(versions.map((v) => v.name))}: must have exactly one version marked as storage version` });
    }
    errors.push(...apiApproval(spec.group ?? '', object.metadata.annotations?.[APPROVAL], old ? { annotation: old.metadata.annotations?.[APPROVAL] } : undefined));
    versions.forEach((v, i) => {
      if (!v.schema?.openAPIV3Schema) errors.push({ path: `spec.versions[${i}].schema.openAPIV3Schema`, text: 'Required value: schemas are required' });
    });
    if (errors.length) throw invalid('CustomResourceDefinition.apiextensions.k8s.io', object.metadata.name, errors);
  },
};

const APPROVAL = 'api-approved.kubernetes.io';

/** apihelpers.GetAPIApprovalState: a URL approves, "unapproved..." bypasses, anything else fails. */
function apiApproval(group: string, annotation: string | undefined, before: { annotation?: string } | undefined): FieldError[] {
  const isProtected = /(^|\.)(k8s\.io|kubernetes\.io)$/.test(group);
  if (!isProtected) return [];
  const state = (a: string | undefined) => (!a ? 'missing' : a.startsWith('unapproved') ? 'bypassed' : /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.test(a) ? 'approved' : 'invalid');
  // An update that leaves the approval as it was is never refused for it.
  if (before && state(before.annotation) === state(annotation)) return [];
  const path = `metadata.annotations[${APPROVAL}]`;
  if (state(annotation) === 'missing') return [{ path, text: `Required value: protected groups must have approval annotation "${APPROVAL}", see https://github.com/kubernetes/enhancements/pull/1111` }];
  if (state(annotation) === 'invalid') return [{ path, text: `Invalid value: "${annotation}": protected groups must have approval annotation "${APPROVAL}" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111` }];
  return [];
}
