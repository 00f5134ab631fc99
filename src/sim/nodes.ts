import { rfc3339, type Millis } from './clock.ts';
import { defaultKubernetesVersion, type KubernetesRelease } from '../kube/kubernetes-versions.ts';

/** One node to register: what a topology file or a "cluster with nodes" table says. */
export interface NodeSpec {
  name: string;
  role?: 'control-plane' | 'worker';
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  /** Capacity as quantities; defaults to a kind-sized node: 4 cpu, 16Gi memory, 110 pods. */
  capacity?: Record<string, string>;
  unschedulable?: boolean;
}

export const defaultCapacity = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' };

/**
 * A Node as a freshly registered, Ready kubelet reports it (reference/kubelet.md §11): the
 * well-known labels, the control-plane taint for control-plane nodes, capacity = allocatable,
 * the four conditions and an InternalIP. `index` picks the pod CIDR and address; `now` stamps
 * the conditions.
 */
export function nodeObject(spec: NodeSpec, index: number, now: Millis, version: KubernetesRelease = defaultKubernetesVersion()) {
  const t = rfc3339(now);
  const controlPlane = spec.role === 'control-plane';
  const capacity = { ...defaultCapacity, ...(spec.capacity ?? {}) };
  const taints = [
    ...(controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []),
    ...(spec.taints ?? []),
  ];
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        ...(spec.labels ?? {}),
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(taints.length ? { taints } : {}),
      ...(spec.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity,
      allocatable: capacity,
      addresses: [
        { type: 'InternalIP', address: `172.18.0.${index + 2}` },
        { type: 'Hostname', address: spec.name },
      ],
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      nodeInfo: {
        // What a kind node image of the release reports (kubectl get nodes -o wide shows these).
        kubeletVersion: version.gitVersion,
        containerRuntimeVersion: 'containerd://1.7.24',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-kubespec',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
