import type { VirtualClock } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { ControllerManager } from '../../controllers/manager.ts';
import { controllerKey, ownKey } from '../../controllers/controller.ts';
import { CERT_MANAGER_NAMESPACE, certManagerDefinitions } from './crds.ts';
import { IssuerController } from './issuer-controller.ts';
import { CertificateController, CertificateRequestController } from './certificate-controller.ts';
import { IngressShim } from './ingress-shim.ts';

export { renewBefore } from './certificate-controller.ts';

/**
 * Installs the simulated cert-manager (as `kubectl apply -f cert-manager.yaml` would): its
 * namespace and CRDs, then its controllers once the CRDs are established. `settle` runs the
 * cluster until quiet, so the new kinds exist before the controllers watch them.
 */
export function installCertManager(parts: { store: ObjectStore; clock: VirtualClock; events: EventRecorder; manager: ControllerManager; settle(): void }): void {
  const { store, clock, events, manager } = parts;
  if (store.kindInfo('Certificate')) return;
  if (!store.get('Namespace', { name: CERT_MANAGER_NAMESPACE })) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: CERT_MANAGER_NAMESPACE } });
  for (const crd of certManagerDefinitions()) store.create(crd);
  parts.settle();
  // A certificate's issuer appearing or becoming ready moves its pending requests on.
  const pendingRequests = () => store.list('CertificateRequest').filter((r) => !(r.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.reason === 'Issued')).map((r) => ({ namespace: r.metadata.namespace, name: r.metadata.name }));
  manager.register(new IssuerController('Issuer', store, clock, events), [{ kind: 'Issuer', keys: ownKey }, { kind: 'Secret', keys: (e) => store.list('Issuer', { namespace: e.object.metadata.namespace }).map((i) => ({ namespace: i.metadata.namespace, name: i.metadata.name })) }]);
  manager.register(new IssuerController('ClusterIssuer', store, clock, events), [{ kind: 'ClusterIssuer', keys: ownKey }, { kind: 'Secret', keys: (e) => (e.object.metadata.namespace === CERT_MANAGER_NAMESPACE ? store.list('ClusterIssuer').map((i) => ({ name: i.metadata.name })) : []) }]);
  manager.register(new CertificateRequestController(store, clock, events), [
    { kind: 'CertificateRequest', keys: ownKey },
    { kind: 'Issuer', keys: pendingRequests },
    { kind: 'ClusterIssuer', keys: pendingRequests },
  ]);
  manager.register(new CertificateController(store, clock, events), [
    { kind: 'Certificate', keys: ownKey },
    { kind: 'CertificateRequest', keys: controllerKey('Certificate') },
    { kind: 'Secret', keys: (e) => {
      const name = e.object.metadata.annotations?.['cert-manager.io/certificate-name'];
      const byName = store.list('Certificate', { namespace: e.object.metadata.namespace }).filter((c) => c.spec?.secretName === e.object.metadata.name);
      return [...(name ? [{ namespace: e.object.metadata.namespace, name }] : []), ...byName.map((c) => ({ namespace: c.metadata.namespace, name: c.metadata.name }))];
    } },
  ]);
  manager.register(new IngressShim(store, events), [{ kind: 'Ingress', keys: ownKey }]);
  for (const ingress of store.list('Ingress')) manager.resync(ingress);
  parts.settle();
}
