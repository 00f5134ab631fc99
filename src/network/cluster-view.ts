import type { Driver, KubeObject } from '../drivers/driver.ts';

/**
 * The objects the data-plane models read, fetched once per question through the driver, so the
 * same answer is computed from a simulated or a live cluster's objects.
 */
export interface ClusterView {
  pods: KubeObject[];
  services: KubeObject[];
  slices: KubeObject[];
  policies: KubeObject[];
  ingresses: KubeObject[];
  ingressClasses: KubeObject[];
  namespaces: KubeObject[];
}

export async function readClusterView(driver: Driver): Promise<ClusterView> {
  const all = (kind: string) => driver.list(kind, { allNamespaces: true });
  const [pods, services, slices, policies, ingresses, ingressClasses, namespaces] = await Promise.all([
    all('Pod'), all('Service'), all('EndpointSlice'), all('NetworkPolicy'), all('Ingress'), driver.list('IngressClass'), driver.list('Namespace'),
  ]);
  // A CNI that ignores NetworkPolicy (flannel) lets everything through: the objects exist, nothing acts on them.
  const enforced = (await driver.networkPolicyEnforced?.()) ?? true;
  return { pods, services, slices, policies: enforced ? policies : [], ingresses, ingressClasses, namespaces };
}

export function namespaceLabels(view: ClusterView) {
  return (ns: string) => view.namespaces.find((n) => n.metadata.name === ns)?.metadata.labels;
}
