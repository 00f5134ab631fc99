import type { ObjectInput } from '../../store/types.ts';

export const CERT_MANAGER_GROUP = 'cert-manager.io';
export const CERT_MANAGER_API = `${CERT_MANAGER_GROUP}/v1`;
/** Where cert-manager runs, and where a ClusterIssuer's Secrets live (--cluster-resource-namespace). */
export const CERT_MANAGER_NAMESPACE = 'cert-manager';

const kinds: Array<{ kind: string; plural: string; scope: 'Namespaced' | 'Cluster'; shortNames: string[] }> = [
  { kind: 'Certificate', plural: 'certificates', scope: 'Namespaced', shortNames: ['cert', 'certs'] },
  { kind: 'CertificateRequest', plural: 'certificaterequests', scope: 'Namespaced', shortNames: ['cr', 'crs'] },
  { kind: 'Issuer', plural: 'issuers', scope: 'Namespaced', shortNames: [] },
  { kind: 'ClusterIssuer', plural: 'clusterissuers', scope: 'Cluster', shortNames: [] },
];

/**
 * The CustomResourceDefinitions cert-manager's release manifest installs, reduced to what the
 * simulator needs: names, scope, the v1 version with its status subresource. Their schemas keep
 * unknown fields (the real ones are complete; the simulated controllers read what they need).
 */
export function certManagerDefinitions(): ObjectInput[] {
  const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return kinds.map(({ kind, plural, scope, shortNames }) => ({
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${CERT_MANAGER_GROUP}`, labels: { app: 'cert-manager', 'app.kubernetes.io/name': 'cert-manager' } },
    spec: {
      group: CERT_MANAGER_GROUP, scope,
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase(), categories: ['cert-manager'], ...(shortNames.length ? { shortNames } : {}) },
      versions: [{
        name: 'v1', served: true, storage: true, subresources: { status: {} },
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: open, status: open } } },
      }],
    },
  }));
}
