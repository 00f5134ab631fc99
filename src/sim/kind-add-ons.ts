import type { ObjectInput } from './store/types.ts';

/**
 * What a kind cluster has beyond the control plane and that scenarios lean on: the kube-dns
 * Service in front of CoreDNS and the default `standard` StorageClass of the local-path
 * provisioner (provisioning on the first consumer's node). The simulator starts with them and the
 * reference cluster creates them, so both look like kind.
 */
export function kindAddOnObjects(): ObjectInput[] {
  return [
    {
      apiVersion: 'v1', kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
      spec: { clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }] },
    },
    {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer',
    },
  ];
}
