import type { ObjectInput } from './store/types.ts';

/** The simulated cluster's CA certificate, as kube-root-ca.crt and cluster-info publish it. */
export const SIMULATED_CLUSTER_CA = '-----BEGIN CERTIFICATE-----\nMIIBkubespecSimulatedClusterCA\n-----END CERTIFICATE-----\n';

/**
 * What a kind cluster has beyond the control plane and that scenarios lean on: the kube-dns
 * Service in front of CoreDNS, the default `standard` StorageClass of the local-path
 * provisioner (provisioning on the first consumer's node), and kubeadm's cluster-info in
 * kube-public with the Role and RoleBinding that let anyone, even anonymous, read it (kubeadm's
 * bootstrap-signer-clusterinfo). The simulator starts with them and the reference cluster
 * creates them, so both look like kind.
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
    {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cluster-info', namespace: 'kube-public' },
      data: { kubeconfig: clusterInfoKubeconfig() },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: CLUSTER_INFO_READER, namespace: 'kube-public' },
      rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['cluster-info'], verbs: ['get'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: CLUSTER_INFO_READER, namespace: 'kube-public' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: CLUSTER_INFO_READER },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:anonymous' }],
    },
  ];
}

const CLUSTER_INFO_READER = 'kubeadm:bootstrap-signer-clusterinfo';

/** The kubeconfig kubeadm publishes for joining nodes: the API server's address and CA, no user. */
function clusterInfoKubeconfig(): string {
  const ca = Buffer.from(SIMULATED_CLUSTER_CA).toString('base64');
  return `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${ca}\n    server: https://control-plane:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`;
}
