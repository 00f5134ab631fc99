import type { ObjectInput } from '../../store/types.ts';

export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';
export const ISTIO_NAMESPACE = 'istio-system';
/** The Istio release whose proxy image the injector adds. */
export const ISTIO_VERSION = '1.24.2';

const kinds = [
  { kind: 'VirtualService', plural: 'virtualservices', shortNames: ['vs'] },
  { kind: 'DestinationRule', plural: 'destinationrules', shortNames: ['dr'] },
  { kind: 'Gateway', plural: 'gateways', shortNames: ['gw'] },
];

/**
 * The networking.istio.io CustomResourceDefinitions istioctl installs (served at v1, v1beta1 and
 * v1alpha3, stored at v1), reduced to names and open schemas: the simulated mesh reads the
 * fields it needs.
 */
export function istioDefinitions(): ObjectInput[] {
  const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  return kinds.map(({ kind, plural, shortNames }) => ({
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${ISTIO_NETWORKING_GROUP}`, labels: { app: 'istio-pilot', chart: 'istio', release: 'istio' } },
    spec: {
      group: ISTIO_NETWORKING_GROUP, scope: 'Namespaced',
      names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase(), shortNames, categories: ['istio-io', 'networking-istio-io'] },
      versions: ['v1', 'v1beta1', 'v1alpha3'].map((name) => ({
        name, served: true, storage: name === 'v1', subresources: { status: {} },
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: open, status: open } } },
      })),
    },
  }));
}
