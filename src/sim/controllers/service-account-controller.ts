import type { ObjectStore } from '../store/object-store.ts';
import type { ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';
import { SIMULATED_CLUSTER_CA } from '../kind-add-ons.ts';

/** A stand-in CA bundle: the simulator signs nothing, but pods see the usual file. */

/**
 * The ServiceAccount and root-CA publisher controllers: every active namespace gets the `default`
 * ServiceAccount and the `kube-root-ca.crt` ConfigMap. Keyed by namespace.
 */
export class ServiceAccountController implements Controller {
  readonly name = 'ServiceAccount';

  constructor(private readonly store: ObjectStore) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const ns = this.store.get('Namespace', { name: key.name });
    if (!ns || ns.metadata.deletionTimestamp) return {};
    if (!this.store.get('ServiceAccount', { namespace: key.name, name: 'default' })) {
      this.store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: key.name } });
    }
    if (!this.store.get('ConfigMap', { namespace: key.name, name: 'kube-root-ca.crt' })) {
      this.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: key.name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': SIMULATED_CLUSTER_CA } });
    }
    return {};
  }
}
