import { invalid, type FieldError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { AdmissionPlugin } from './admission.ts';

const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS = 'kubernetes.io/ingress.class';

/**
 * DefaultIngressClass admission and Ingress validation (reference/networking.md §5): a new
 * Ingress without a class (and without the legacy annotation) gets the default IngressClass, the
 * newest when several are marked; pathType is required, paths must be absolute, hosts must be
 * DNS names with a wildcard only as the first label; on create the legacy class annotation must
 * agree with ingressClassName when both are set.
 */
export function ingressAdmission(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'Ingress',
    admit({ operation, object }) {
      if (object.kind !== 'Ingress') return;
      if (operation === 'CREATE' && !object.spec?.ingressClassName && !object.metadata.annotations?.[LEGACY_CLASS]) {
        const defaults = store().list('IngressClass').filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true')
          .sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
        if (defaults[0]) (object.spec ??= {}).ingressClassName = defaults[0].metadata.name;
      }
      const errors: FieldError[] = [];
      const legacy = object.metadata.annotations?.[LEGACY_CLASS];
      // Checked on create only, as upstream does; the path lacks "metadata." in upstream's wording too.
      if (operation === 'CREATE' && legacy !== undefined && object.spec?.ingressClassName && legacy !== object.spec.ingressClassName) {
        errors.push({ path: `annotations.${LEGACY_CLASS}`, text: `Invalid value: "${legacy}": must match \`ingressClassName\` when both are specified` });
      }
      (object.spec?.rules ?? []).forEach((rule: any, i: number) => {
        if (rule.host !== undefined) {
          if (/^\d+\.\d+\.\d+\.\d+$/.test(rule.host)) errors.push({ path: `spec.rules[${i}].host`, text: `Invalid value: "${rule.host}": must be a DNS name, not an IP address` });
          else if (!/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(rule.host)) {
            errors.push({ path: `spec.rules[${i}].host`, text: `Invalid value: "${rule.host}": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` });
          }
        }
        (rule.http?.paths ?? []).forEach((p: any, j: number) => {
          const at = `spec.rules[${i}].http.paths[${j}]`;
          if (!p.pathType) errors.push({ path: `${at}.pathType`, text: 'Required value: pathType must be specified' });
          else if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(p.pathType)) {
            errors.push({ path: `${at}.pathType`, text: `Unsupported value: "${p.pathType}": supported values: "Exact", "ImplementationSpecific", "Prefix"` });
          }
          errors.push(...pathProblems(p).map((text) => ({ path: `${at}.path`, text: `Invalid value: "${p.path ?? ''}": ${text}` })));
        });
      });
      if (errors.length) throw invalid('Ingress.networking.k8s.io', object.metadata.name, errors);
    },
  };
}

/**
 * validateHTTPIngressPath: Exact and Prefix paths are absolute and free of `//`, `/./`, `/../`,
 * encoded slashes and a trailing `/.` or `/..`; an ImplementationSpecific path (where regexes
 * such as `/api(/|$)(.*)` belong) need only be absolute when given.
 */
function pathProblems(p: { path?: string; pathType?: string }): string[] {
  const path = p.path ?? '';
  if (p.pathType === 'ImplementationSpecific') return path && !path.startsWith('/') ? ['must be an absolute path'] : [];
  if (p.pathType !== 'Exact' && p.pathType !== 'Prefix') return [];
  return [
    ...(path.startsWith('/') ? [] : ['must be an absolute path']),
    ...(path ? ['//', '/./', '/../', '%2f', '%2F'].filter((seq) => path.includes(seq)).map((seq) => `must not contain '${seq}'`) : []),
    ...(path ? ['/..', '/.'].filter((suffix) => path.endsWith(suffix)).map((suffix) => `cannot end with '${suffix}'`) : []),
  ];
}
