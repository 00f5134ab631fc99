import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../../controllers/controller.ts';
import { CERT_MANAGER_API, CERT_MANAGER_GROUP } from './crds.ts';

const COMPONENT = 'cert-manager-ingress-shim';
const ISSUER = 'cert-manager.io/issuer';
const CLUSTER_ISSUER = 'cert-manager.io/cluster-issuer';

/**
 * cert-manager's ingress-shim (pkg/controller/certificate-shim): an Ingress annotated with
 * cert-manager.io/issuer or cert-manager.io/cluster-issuer gets, for each TLS entry, a
 * Certificate named after the entry's secretName for its hosts, owned by the Ingress; a
 * changed host list updates it.
 */
export class IngressShim implements Controller {
  readonly name = 'cert-manager-ingress-shim';

  constructor(private readonly store: ObjectStore, private readonly events: EventRecorder) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const ingress = this.store.get('Ingress', key);
    const annotations = ingress?.metadata.annotations ?? {};
    if (!ingress || !(ISSUER in annotations || CLUSTER_ISSUER in annotations)) return {};
    if (ISSUER in annotations && CLUSTER_ISSUER in annotations) {
      this.events.record(COMPONENT, ingress, 'Warning', 'BadConfig', `both "${ISSUER}" and "${CLUSTER_ISSUER}" may not be set`);
      return {};
    }
    const issuerRef = ISSUER in annotations
      ? { name: annotations[ISSUER], kind: 'Issuer', group: CERT_MANAGER_GROUP }
      : { name: annotations[CLUSTER_ISSUER], kind: 'ClusterIssuer', group: CERT_MANAGER_GROUP };
    const namespace = ingress.metadata.namespace!;
    for (const tls of ingress.spec?.tls ?? []) {
      if (!tls.secretName) {
        this.events.record(COMPONENT, ingress, 'Warning', 'BadConfig', 'TLS entry is missing a secretName');
        continue;
      }
      const spec = { dnsNames: tls.hosts ?? [], secretName: tls.secretName, issuerRef, usages: ['digital signature', 'key encipherment'] };
      const existing = this.store.get('Certificate', { namespace, name: tls.secretName });
      if (!existing) {
        this.store.create({
          apiVersion: CERT_MANAGER_API, kind: 'Certificate',
          metadata: { name: tls.secretName, namespace, ownerReferences: [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: ingress.metadata.name, uid: ingress.metadata.uid, controller: true, blockOwnerDeletion: true }] },
          spec,
        });
        this.events.record(COMPONENT, ingress, 'Normal', 'CreateCertificate', `Successfully created Certificate "${tls.secretName}"`);
      } else if (JSON.stringify(existing.spec) !== JSON.stringify(spec) && existing.metadata.ownerReferences?.some((r) => r.uid === ingress.metadata.uid)) {
        this.store.update({ ...existing, spec });
        this.events.record(COMPONENT, ingress, 'Normal', 'UpdateCertificate', `Successfully updated Certificate "${tls.secretName}"`);
      }
    }
    return {};
  }
}
