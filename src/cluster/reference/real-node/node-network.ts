import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

/**
 * A real node's network: its own network namespace, so the iptables rules kube-proxy and the CNI
 * plugins write, the pod bridge and the pods' interfaces live there and nowhere else, and one
 * `ip netns del` removes them all. A veth pair links it to the host on a private /30: the host
 * side is where the API server listens for the node (and where pods reach it through the
 * `kubernetes` Service), the node side is the node's InternalIP, where the API server reaches the
 * kubelet for logs and exec. With more than one real node, a second veth joins the node to its
 * cluster's fabric (node-fabric.ts), a bridge in a namespace of its own, over which each node
 * routes to the others' pod subnets: pod to pod without NAT, and the host forwards nothing.
 */
export interface NodeNetwork {
  /** `ip netns` name; its handle is /run/netns/<name>. */
  netns: string;
  /** The veth end left on the host (≤ 15 characters). */
  hostInterface: string;
  hostAddress: string;
  nodeAddress: string;
  /** The node's pod subnet (the CNI bridge's host-local range). */
  podSubnet: string;
  /** Every real node's pod subnet of this cluster lies in it (kube-proxy's clusterCIDR). */
  clusterPodCidr: string;
  /** The node's address on its cluster's fabric (used only when the cluster has several real nodes). */
  fabricAddress: string;
}

/** How many real nodes one minor's cluster can number: four pod subnets make its /22. */
export const maxRealNodes = 4;

/**
 * The network of real node `index` of a minor's cluster: names and subnets derived from both, so
 * clusters of different minors can run side by side. 10.250.0.0/16, 10.245.0.0/16 and
 * 10.246.0.0/16 are clear of the service range (10.96.0.0/16) and of KWOK's pod addresses
 * (10.244.0.0/16). A minor's pod subnets are the four /24 of one /22, so one clusterCIDR names
 * them all and no other minor's.
 */
export function nodeNetwork(minorNumber: number, index: number): NodeNetwork {
  if (!Number.isInteger(index) || index < 0 || index >= maxRealNodes) throw new RangeError(`real node index ${index}: a cluster numbers 0 to ${maxRealNodes - 1}`);
  const base = minorNumber % 64 * 4;
  const third = base + index;
  return {
    netns: `${realNodeCgroupPrefix}${minorNumber}-node-${index}`,
    hostInterface: `ksref${minorNumber}n${index}`,
    hostAddress: `10.250.${third}.1`,
    nodeAddress: `10.250.${third}.2`,
    podSubnet: `10.245.${third}.0/24`,
    clusterPodCidr: `10.245.${base}.0/22`,
    fabricAddress: `${fabricPrefix(minorNumber)}.${index + 1}`,
  };
}

/** The first three octets of a minor's fabric subnet (a /24). */
export const fabricPrefix = (minorNumber: number): string => `10.246.${minorNumber % 256}`;

/** Every real node's namespace, and its cgroup root (the same name), starts with this. */
export const realNodeCgroupPrefix = 'kubespec-ref-';

export const netnsPath = (network: NodeNetwork): string => `/run/netns/${network.netns}`;

/** Creates the namespace and the link; anything left from a run that died is removed first. */
export async function createNodeNetwork(network: NodeNetwork): Promise<void> {
  await deleteNodeNetwork(network);
  await ip('netns', 'add', network.netns);
  await ip('link', 'add', network.hostInterface, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', network.netns);
  await ip('addr', 'add', `${network.hostAddress}/30`, 'dev', network.hostInterface);
  await ip('link', 'set', network.hostInterface, 'up');
  const inNode = (...args: string[]) => ip('-n', network.netns, ...args);
  await inNode('link', 'set', 'lo', 'up');
  await inNode('addr', 'add', `${network.nodeAddress}/30`, 'dev', 'eth0');
  await inNode('link', 'set', 'eth0', 'up');
  await inNode('route', 'add', 'default', 'via', network.hostAddress);
  // The host answers pods (the API server, through the `kubernetes` Service) at their own
  // address, as pods are not masqueraded: the route goes with the host's veth end at down.
  await ip('route', 'add', network.podSubnet, 'via', network.nodeAddress, 'dev', network.hostInterface);
  // Per-namespace switches: the node routes between its pods and the host, and bridged pod
  // traffic passes iptables so a Service's DNAT is undone on replies between pods of one bridge.
  await execa('ip', ['netns', 'exec', network.netns, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
  await execa('modprobe', ['br_netfilter'], { reject: false });
  await execa('ip', ['netns', 'exec', network.netns, 'sysctl', '-q', '-w', 'net.bridge.bridge-nf-call-iptables=1'], { reject: false });
}

/**
 * Deletes the namespace, which takes its bridge, veths, routes and iptables rules with it (the
 * host end of the veth pair goes with its peer). Run after every process inside it has stopped:
 * a namespace lives on while a process is in it.
 */
export async function deleteNodeNetwork(network: NodeNetwork): Promise<void> {
  if (existsSync(netnsPath(network))) await ip('netns', 'del', network.netns);
  await execa('ip', ['link', 'del', network.hostInterface], { reject: false });
}

/**
 * The bridge + host-local + portmap chain the node's containerd gives each pod sandbox. No
 * ipMasq: pods reach pods on other real nodes, and the host, with their own address (Kubernetes'
 * network model: no NAT between pods); every place they can reach has a route back.
 */
export function writeCniConfig(network: NodeNetwork, confDir: string, ipamDir: string): void {
  mkdirSync(confDir, { recursive: true });
  const config = {
    cniVersion: '1.0.0',
    name: network.netns,
    plugins: [
      {
        type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: false, hairpinMode: true,
        ipam: { type: 'host-local', ranges: [[{ subnet: network.podSubnet }]], routes: [{ dst: '0.0.0.0/0' }], dataDir: ipamDir },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  };
  writeFileSync(join(confDir, '10-kubespec.conflist'), JSON.stringify(config, null, 2));
}

/** `ip` with its arguments; a failure throws with what `ip` said. */
export async function ip(...args: string[]): Promise<void> {
  const result = await execa('ip', args, { reject: false, all: true });
  if (result.exitCode !== 0) throw new Error(`ip ${args.join(' ')}: ${result.all?.trim()}`);
}
