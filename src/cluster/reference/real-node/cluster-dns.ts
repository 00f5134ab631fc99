import { realNodePlacement } from './node-agents.ts';

/**
 * CoreDNS as kubeadm deploys it (its addon manifests and RBAC: the system:coredns ClusterRole,
 * a ServiceAccount, a Corefile ConfigMap and a Deployment labelled k8s-app=kube-dns, behind the
 * kube-dns Service the add-ons already create at 10.96.0.10), placed on the real nodes. The
 * Corefile is kubeadm's without `forward`: this machine has no upstream resolver, so names
 * outside cluster.local answer SERVFAIL instead of timing out.
 */
/**
 * The kind add-ons already hold kind's `coredns` ConfigMap (what scenarios read, the same as on
 * the simulator); its Corefile forwards to /etc/resolv.conf, which is empty here, so CoreDNS
 * would not start with it. The real CoreDNS reads its own.
 */
const corefileConfigMap = 'coredns-real-node';

export function clusterDnsObjects(image: string): object[] {
  const labels = { 'k8s-app': 'kube-dns' };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:coredns' },
      rules: [
        { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'system:coredns' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:coredns' },
      subjects: [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }],
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: corefileConfigMap, namespace: 'kube-system' },
      data: {
        Corefile: `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    cache 30
    loop
    reload
    loadbalance
}
`,
      },
    },
    {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system', labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: 'coredns',
            priorityClassName: 'system-cluster-critical',
            dnsPolicy: 'Default',
            ...realNodePlacement,
            containers: [{
              name: 'coredns', image, imagePullPolicy: 'IfNotPresent', args: ['-conf', '/etc/coredns/Corefile'],
              ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
              livenessProbe: { httpGet: { path: '/health', port: 8080 }, initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: '/ready', port: 8181 } },
              securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } },
            }],
            volumes: [{ name: 'config-volume', configMap: { name: corefileConfigMap, items: [{ key: 'Corefile', path: 'Corefile' }] } }],
          },
        },
      },
    },
  ];
}
