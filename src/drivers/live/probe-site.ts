import type { KubeObject } from '../driver.ts';

/** KWOK's mark on the nodes it plays (kwok's `kwok.x-k8s.io/node: fake`): no container runs there. */
const KWOK_ANNOTATION = 'kwok.x-k8s.io/node';
/** The reference cluster's mark on a node with a real kubelet (src/cluster/reference/real-node). */
const REAL_NODE_LABEL = 'kubespec.io/real-node';
/** Its mark on a node that enforces NetworkPolicy (real-node/network-policy-agent.ts networkPolicyNodeLabel). */
const NETWORK_POLICY_LABEL = 'kubespec.io/network-policy';
/**
 * The probe image when no node has an agnhost image already: agnhost is the image upstream's e2e
 * tests probe with (`connect`, and a shell with nslookup). Pinned; a node that has another tag of
 * it is given that one, so a cluster without a registry (the reference cluster) needs no pull.
 */
export const DEFAULT_PROBE_IMAGE = 'registry.k8s.io/e2e-test-images/agnhost:2.53';

/** Where probe pods go, and what they run. */
export interface ProbeSite {
  node: string;
  image: string;
  /** Every node that runs containers (Ready and not KWOK). */
  nodesRunningContainers: string[];
  /** Those of them marked as enforcing NetworkPolicy. */
  nodesEnforcingNetworkPolicy: string[];
}

/**
 * The node a probe pod runs on: a Ready node whose kubelet runs containers, that is not a KWOK
 * node; one labelled as the reference cluster's real node first, then workers before a control
 * plane, then by name. Undefined with the reason when there is none.
 */
export function chooseProbeSite(nodes: readonly KubeObject[]): ProbeSite | { unavailable: string } {
  const running = nodes.filter((n) => isReady(n) && n.metadata.annotations?.[KWOK_ANNOTATION] === undefined);
  if (!running.length) {
    const kwok = nodes.filter((n) => n.metadata.annotations?.[KWOK_ANNOTATION] !== undefined).length;
    return { unavailable: `no node of this cluster runs containers (${nodes.length} node${nodes.length === 1 ? '' : 's'}: ${kwok} KWOK, ${nodes.length - kwok - running.length} not Ready)` };
  }
  const rank = (n: KubeObject) => (n.metadata.labels?.[REAL_NODE_LABEL] === 'true' ? 0 : isControlPlane(n) ? 2 : 1);
  const [node] = [...running].sort((a, b) => rank(a) - rank(b) || a.metadata.name.localeCompare(b.metadata.name));
  return {
    node: node!.metadata.name, image: agnhostOn(node!) ?? DEFAULT_PROBE_IMAGE, nodesRunningContainers: running.map((n) => n.metadata.name).sort(),
    nodesEnforcingNetworkPolicy: running.filter((n) => n.metadata.labels?.[NETWORK_POLICY_LABEL] !== undefined).map((n) => n.metadata.name).sort(),
  };
}

/** The newest agnhost image the node's kubelet reports holding, by tag. */
export function agnhostOn(node: KubeObject): string | undefined {
  const names = ((node.status?.images ?? []) as Array<{ names?: string[] }>).flatMap((i) => i.names ?? [])
    .filter((n) => /(^|\/)agnhost:[0-9][\w.]*$/.test(n));
  const version = (n: string) => n.slice(n.lastIndexOf(':') + 1).split('.').map((p) => Number.parseInt(p, 10) || 0);
  return names.sort((a, b) => compareVersions(version(b), version(a)) || a.localeCompare(b))[0];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function isReady(node: KubeObject): boolean {
  return (node.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

function isControlPlane(node: KubeObject): boolean {
  return node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
}
