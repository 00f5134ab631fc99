import { existsSync } from 'node:fs';
import { fabricPrefix, ip, realNodeCgroupPrefix, type NodeNetwork } from './node-network.ts';

/**
 * The link between a cluster's real nodes: a bridge in a network namespace of its own (the
 * fabric), with one veth from each node's namespace. Each node routes every other node's pod
 * subnet to that node's fabric address, so a pod reaches a pod on another node by its own
 * address, as Kubernetes' network model asks, and CoreDNS and Services answer from any node.
 *
 * Why not route through the host: forwarding between the nodes' host-side veths would need the
 * host's net.ipv4.ip_forward, a machine-wide switch (0 here) that other clusters and programs
 * share. The fabric keeps all of it in namespaces this cluster owns: deleting the fabric's
 * namespace takes the bridge and every node's fabric veth with it. A cluster with one real node
 * has no fabric.
 */
export interface NodeFabric {
  /** `ip netns` name of the fabric's namespace. */
  netns: string;
  /** Its subnet: each node's fabric address is in it. */
  subnet: string;
}

export function nodeFabric(minorNumber: number): NodeFabric {
  return { netns: `${realNodeCgroupPrefix}${minorNumber}-fabric`, subnet: `${fabricPrefix(minorNumber)}.0/24` };
}

/** What a node's namespace holds of the fabric: its veth end, named alike in every node. */
export const fabricInterface = 'fabric0';

/** The fabric-side veth end of node `index` (ends in the fabric's namespace; ≤ 15 characters). */
export const fabricPort = (index: number): string => `node${index}`;

/**
 * The routes node `self` needs: every other node's pod subnet through that node's fabric address.
 * Its own subnet is its bridge's (connected).
 */
export function fabricRoutes(networks: readonly NodeNetwork[], self: number): Array<{ to: string; via: string }> {
  return networks.filter((_, i) => i !== self).map((n) => ({ to: n.podSubnet, via: n.fabricAddress }));
}

/**
 * Creates the fabric and joins the nodes' namespaces to it (they exist: createNodeNetwork), with
 * their routes. A fabric left by a run that died is removed first.
 */
export async function createNodeFabric(fabric: NodeFabric, networks: readonly NodeNetwork[]): Promise<void> {
  await deleteNodeFabric(fabric);
  await ip('netns', 'add', fabric.netns);
  const inFabric = (...args: string[]) => ip('-n', fabric.netns, ...args);
  await inFabric('link', 'set', 'lo', 'up');
  await inFabric('link', 'add', 'br0', 'type', 'bridge');
  await inFabric('link', 'set', 'br0', 'up');
  for (const [index, network] of networks.entries()) {
    await inFabric('link', 'add', fabricPort(index), 'type', 'veth', 'peer', 'name', fabricInterface, 'netns', network.netns);
    await inFabric('link', 'set', fabricPort(index), 'master', 'br0');
    await inFabric('link', 'set', fabricPort(index), 'up');
    const inNode = (...args: string[]) => ip('-n', network.netns, ...args);
    await inNode('addr', 'add', `${network.fabricAddress}/24`, 'dev', fabricInterface);
    await inNode('link', 'set', fabricInterface, 'up');
    for (const route of fabricRoutes(networks, index)) await inNode('route', 'add', route.to, 'via', route.via, 'dev', fabricInterface);
  }
}

/** Deletes the fabric's namespace: its bridge goes, and every veth pair with an end in it. */
export async function deleteNodeFabric(fabric: NodeFabric): Promise<void> {
  if (existsSync(`/run/netns/${fabric.netns}`)) await ip('netns', 'del', fabric.netns);
}
