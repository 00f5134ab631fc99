import type { StaticPodManifest } from './kubelet/static-pods.ts';
import { defaultKubernetesVersion, type KubernetesRelease } from '../kube/kubernetes-versions.ts';

/** Each component's image (tagged with the release's gitVersion), requests (as kubeadm writes them) and the first words of its command. */
const components = (VERSION: string): Array<{ name: string; image: string; cpu: string; memory?: string; command: string[] }> => [
  { name: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', cpu: '100m', memory: '100Mi', command: ['etcd', '--data-dir=/var/lib/etcd'] },
  { name: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${VERSION}`, cpu: '250m', command: ['kube-apiserver', '--service-cluster-ip-range=10.96.0.0/16'] },
  { name: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${VERSION}`, cpu: '200m', command: ['kube-controller-manager', '--leader-elect=true'] },
  { name: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${VERSION}`, cpu: '100m', command: ['kube-scheduler', '--leader-elect=true'] },
];

/**
 * The static pods kubeadm writes to a control-plane node's /etc/kubernetes/manifests, as a kind
 * cluster has them: in kube-system, labelled component=<name> and tier=control-plane, on the host
 * network, system-node-critical. Their mirrors are `kubectl get pods -n kube-system`'s
 * `kube-apiserver-<node>` and friends. Probes and volumes are left out: the simulator's
 * components do not run in them.
 */
export function controlPlaneStaticPods(version: KubernetesRelease = defaultKubernetesVersion()): StaticPodManifest[] {
  return components(version.gitVersion).map((c) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: c.name, namespace: 'kube-system', labels: { component: c.name, tier: 'control-plane' } },
    spec: {
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: c.name, image: c.image, command: c.command, resources: { requests: { cpu: c.cpu, ...(c.memory ? { memory: c.memory } : {}) } } }],
    },
  }));
}
