import { LabelSelector } from '../kube/label-selector.ts';
import type { KubeObject } from '../drivers/driver.ts';

/** One connection attempt, as NetworkPolicy sees it. */
export interface Connection {
  from: KubeObject;
  to: KubeObject;
  port: number;
  protocol: string;
}

export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

/** Why a connection is allowed or not, for messages. */
export interface PolicyVerdict {
  allowed: boolean;
  reason: string;
}

/**
 * NetworkPolicy as the API defines it (reference/networking.md §6), as a pure function: a
 * direction is isolated when some policy in the pod's namespace selects it and lists that
 * policyType (default Ingress, plus Egress when it has egress rules); an isolated direction allows
 * the union of its policies' rules; a connection needs the source's egress and the destination's
 * ingress. Peers: podSelector alone = the policy's namespace, namespaceSelector alone = those
 * namespaces, both in one entry = AND, ipBlock = CIDR (with except) against the peer's pod IP.
 */
export function evaluateConnection(c: Connection, policies: KubeObject[], nsLabels: NamespaceLabels): PolicyVerdict {
  const egress = direction(c.from, c.to, c, 'Egress', policies, nsLabels);
  if (!egress.allowed) return egress;
  return direction(c.to, c.from, c, 'Ingress', policies, nsLabels);
}

function direction(subject: KubeObject, peer: KubeObject, c: Connection, type: 'Ingress' | 'Egress', policies: KubeObject[], nsLabels: NamespaceLabels): PolicyVerdict {
  const ns = subject.metadata.namespace;
  const selecting = policies.filter((p) => p.metadata.namespace === ns && LabelSelector.fromSpec(p.spec?.podSelector ?? {}).matches(subject.metadata.labels) && policyTypes(p).includes(type));
  const who = `pod "${subject.metadata.name}"`;
  if (selecting.length === 0) return { allowed: true, reason: `${who} is not isolated for ${type.toLowerCase()}` };
  for (const p of selecting) {
    const rules: any[] = (type === 'Ingress' ? p.spec?.ingress : p.spec?.egress) ?? [];
    for (const rule of rules) {
      const peers: any[] | undefined = type === 'Ingress' ? rule.from : rule.to;
      if (peerMatches(peers, peer, p.metadata.namespace!, nsLabels) && portMatches(rule.ports, c, type === 'Ingress' ? subject : peer)) {
        return { allowed: true, reason: `NetworkPolicy "${p.metadata.name}" allows it` };
      }
    }
  }
  return { allowed: false, reason: `${who} is isolated for ${type.toLowerCase()} by ${selecting.map((p) => `NetworkPolicy "${p.metadata.name}"`).join(', ')} and no rule allows this ${type === 'Ingress' ? 'source' : 'destination'} and port` };
}

/** policyTypes, or its default: Ingress, plus Egress when the policy has egress rules. */
export function policyTypes(p: KubeObject): string[] {
  if (p.spec?.policyTypes?.length) return p.spec.policyTypes;
  return p.spec?.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
}

function peerMatches(peers: any[] | undefined, pod: KubeObject, policyNamespace: string, nsLabels: NamespaceLabels): boolean {
  if (!peers || peers.length === 0) return true;
  return peers.some((peer) => {
    if (peer.ipBlock) return ipInBlock(pod.status?.podIP, peer.ipBlock);
    // An address outside the cluster (no namespace) is matched by ipBlock peers only.
    if (pod.metadata.namespace === undefined) return false;
    const podNs = pod.metadata.namespace;
    const nsOk = peer.namespaceSelector ? LabelSelector.fromSpec(peer.namespaceSelector).matches(nsLabels(podNs)) : podNs === policyNamespace;
    const podOk = peer.podSelector ? LabelSelector.fromSpec(peer.podSelector).matches(pod.metadata.labels) : true;
    return nsOk && podOk;
  });
}

/** Ports of a rule: none = all; a named port is looked up in the destination pod's containers. */
function portMatches(ports: any[] | undefined, c: Connection, destination: KubeObject): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== c.protocol) return false;
    if (p.port === undefined) return true;
    const port = typeof p.port === 'number' ? p.port : namedPort(destination, p.port);
    if (port === undefined) return false;
    return p.endPort !== undefined ? c.port >= port && c.port <= p.endPort : c.port === port;
  });
}

function namedPort(pod: KubeObject, name: string): number | undefined {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  return undefined;
}

function ipInBlock(ip: string | undefined, block: { cidr: string; except?: string[] }): boolean {
  if (!ip) return false;
  return inCidr(ip, block.cidr) && !(block.except ?? []).some((e) => inCidr(ip, e));
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return ((toNumber(ip) & mask) >>> 0) === ((toNumber(base!) & mask) >>> 0);
}

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => ((n << 8) | Number(part)) >>> 0, 0);
}
