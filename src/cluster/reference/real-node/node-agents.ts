import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { NodeNetwork } from './node-network.ts';

/**
 * The label every real node carries. A real node plays a topology worker (real-node.ts,
 * realNodePlan) and carries that worker's own labels and taints besides: no taint of its own, so
 * the scenarios' pods land on it as on the worker it plays. A pod that must run on a real node
 * whatever the topology (CoreDNS, the real-node checks) selects the label (realNodePlacement).
 */
export const realNodeLabel = { key: 'kubespec.io/real-node', value: 'true' };

/** What a pod spec needs to run on a real node and nowhere else. */
export const realNodePlacement = {
  nodeSelector: { [realNodeLabel.key]: realNodeLabel.value },
};

export const clusterDnsAddress = '10.96.0.10';

export interface AgentFiles {
  /** The topology worker's name, labels and taints, as the node registers them. */
  nodeName: string;
  nodeLabels: Record<string, string>;
  nodeTaints: Array<{ key: string; value?: string; effect: string }>;
  network: NodeNetwork;
  /** The node's folder in the cluster folder. */
  dir: string;
  /** Its short folder under /run (containerd.ts, nodeRunDir): the kubelet's root-dir opens sockets there. */
  runDir: string;
  containerdSocket: string;
  /** The CA the API server's kubelet client certificate is signed by. */
  clientCaFile: string;
  kubeletPort: number;
  cgroupRoot: string;
}

export const podLogsDir = (dir: string): string => join(dir, 'pod-logs');

/**
 * KubeletConfiguration (v1beta1) of a real node. cgroup v1 is all this machine mounts: from 1.31
 * the kubelet refuses it unless failCgroupV1 is false. cgroupfs, as there is no systemd; every pod
 * cgroup sits under cgroupRoot so `down` finds and removes exactly ours. The kubelet listens only
 * on the node's address; the API server is its only client, authenticated by a certificate of the
 * cluster CA, authorised by the API server (webhook). Eviction thresholds are low so a busy shared
 * disk does not evict the scenarios' pods.
 */
export function writeKubeletConfig(files: AgentFiles): string {
  const file = join(files.dir, 'kubelet-config.yaml');
  mkdirSync(podLogsDir(files.dir), { recursive: true });
  writeFileSync(file, stringify({
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    address: files.network.nodeAddress,
    port: files.kubeletPort,
    readOnlyPort: 0,
    healthzPort: 0,
    authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: files.clientCaFile } },
    authorization: { mode: 'Webhook' },
    cgroupDriver: 'cgroupfs',
    cgroupRoot: files.cgroupRoot,
    failCgroupV1: false,
    containerRuntimeEndpoint: `unix://${files.containerdSocket}`,
    clusterDNS: [clusterDnsAddress],
    clusterDomain: 'cluster.local',
    resolvConf: '',
    podLogsDir: podLogsDir(files.dir),
    volumePluginDir: join(files.dir, 'volume-plugins'),
    ...(files.nodeTaints.length ? { registerWithTaints: files.nodeTaints } : {}),
    serializeImagePulls: false,
    evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '1%', 'imagefs.available': '1%', 'nodefs.inodesFree': '1%' },
    imageGCHighThresholdPercent: 100,
    imageGCLowThresholdPercent: 99,
    rotateCertificates: false,
    serverTLSBootstrap: false,
  }));
  return file;
}

export function kubeletArgs(files: AgentFiles, config: string, kubeconfig: string): string[] {
  return [
    `--config=${config}`, `--kubeconfig=${kubeconfig}`, `--root-dir=${join(files.runDir, 'kubelet')}`, `--cert-dir=${join(files.dir, 'kubelet-pki')}`,
    `--hostname-override=${files.nodeName}`, `--node-ip=${files.network.nodeAddress}`,
    `--node-labels=${Object.entries({ ...files.nodeLabels, [realNodeLabel.key]: realNodeLabel.value }).map(([k, v]) => `${k}=${v}`).join(',')}`,
  ];
}

/**
 * KubeProxyConfiguration (v1alpha1), iptables mode, inside the node's namespace. Its clusterCIDR
 * is every real node's pod subnets (traffic to a Service from outside them is masqueraded, from a
 * pod on another node it is not). conntrack
 * sizes are left as the kernel has them (0): a network namespace cannot set nf_conntrack_max.
 * Health and metrics listen on the namespace's own loopback.
 */
export function writeKubeProxyConfig(files: AgentFiles, kubeconfig: string, ports: { healthz: number; metrics: number }): string {
  const file = join(files.dir, 'kube-proxy-config.yaml');
  writeFileSync(file, stringify({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    clientConnection: { kubeconfig },
    mode: 'iptables',
    hostnameOverride: files.nodeName,
    bindAddress: files.network.nodeAddress,
    clusterCIDR: files.network.clusterPodCidr,
    healthzBindAddress: `127.0.0.1:${ports.healthz}`,
    metricsBindAddress: `127.0.0.1:${ports.metrics}`,
    conntrack: { maxPerCore: 0, min: 0, tcpEstablishedTimeout: '0s', tcpCloseWaitTimeout: '0s' },
  }));
  return file;
}
