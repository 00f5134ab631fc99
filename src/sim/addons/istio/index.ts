import type { ObjectStore } from '../../store/object-store.ts';
import { ISTIO_NAMESPACE, istioDefinitions } from './crds.ts';
import type { Mesh } from './sidecar-injection.ts';

export { Mesh, sidecarInjection, wantsSidecar } from './sidecar-injection.ts';

/**
 * Installs the simulated Istio (as `istioctl install` would, minus istiod's pods): the
 * istio-system namespace, the networking CRDs, and the sidecar injector. Routing is answered by
 * src/network/mesh-routing.ts from VirtualServices and DestinationRules.
 */
export function installIstio(parts: { store: ObjectStore; mesh: Mesh; settle(): void }): void {
  if (parts.mesh.installed) return;
  if (!parts.store.get('Namespace', { name: ISTIO_NAMESPACE })) parts.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ISTIO_NAMESPACE } });
  for (const crd of istioDefinitions()) parts.store.create(crd);
  parts.mesh.installed = true;
  parts.settle();
}
