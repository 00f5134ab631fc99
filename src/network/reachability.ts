import type { KubeObject } from '../drivers/driver.ts';
import type { ClusterView } from './cluster-view.ts';
import { namespaceLabels } from './cluster-view.ts';
import { evaluateConnection } from './network-policy.ts';
import { nothingListens, type ListenerLookup } from './listeners.ts';
import type { Assumption } from '../drivers/driver.ts';

export interface Reachability {
  reachable: boolean;
  reason: string;
  /** What the verdict rests on without being known (an unknown program taken to listen). */
  assumed?: Assumption[];
}

/** One backend a Service connection may land on: a pod (or an outside address) and its port. */
export interface ServiceTarget {
  /** The pod's name, or the address for an endpoint outside the cluster. */
  name: string;
  address: string;
  port: number;
  /** The node the endpoint is on, when the slice says. */
  nodeName?: string;
}

/** A Service connection as kube-proxy would make it: where it may land, or why it cannot. */
export interface ServiceConnection extends Reachability {
  /** The endpoints a connection may land on (kube-proxy picks one; ClientIP affinity keeps to one). */
  targets: ServiceTarget[];
}

/**
 * Whether a pod can open a connection to a Service port, as kube-proxy and the CNI would decide
 * it: the Service must have that port and at least one ready endpoint (EndpointSlice condition
 * ready) whose pod the NetworkPolicies let the client reach on the resolved target port and
 * where something listens on it (`listeners`; without them, any allowed endpoint counts). The
 * targets are every such endpoint: kube-proxy spreads connections over them.
 */
export function reachService(view: ClusterView, client: KubeObject, service: KubeObject, port: number, listeners?: ListenerLookup): ServiceConnection {
  const svcPort = (service.spec?.ports ?? []).find((p: any) => p.port === port);
  const name = `service "${service.metadata.name}"`;
  if (!svcPort) return refused(`${name} has no port ${port}`);
  if (service.spec?.type === 'ExternalName') return refused(`${name} is an ExternalName (a DNS alias for ${service.spec.externalName}); no endpoints to reach`);
  const candidates = readyEndpoints(view, service, svcPort);
  if (candidates.length === 0) return refused(`${name} has no ready endpoints`);
  const verdicts = candidates.map((t) => ({ t, v: evaluateConnection({ from: client, to: t.pod, port: t.port, protocol: svcPort.protocol ?? 'TCP' }, view.policies, namespaceLabels(view)) }));
  const allowed = verdicts.filter((x) => x.v.allowed);
  if (allowed.length) {
    const open = listening(allowed.map((x) => x.t), svcPort, listeners);
    if (!open.targets.length) return refused(open.refusals.join('; '));
    const first = allowed.find((x) => x.t === open.targets[0])!;
    return { reachable: true, reason: `endpoint ${what(first.t.pod)} port ${first.t.port}: ${first.v.reason}`, targets: open.targets.map(targetOf), ...assumedOf(open.assumed) };
  }
  return refused(`every ready endpoint is blocked: ${verdicts.map((x) => `${what(x.t.pod)}: ${x.v.reason}`).join('; ')}`);
}

/**
 * A connection from outside the cluster to a node's port, as kube-proxy's NodePort rules take it:
 * the NodePort or LoadBalancer Service that owns the port, then its ready endpoints (any node's
 * with externalTrafficPolicy Cluster, only this node's with Local), subject to the endpoints'
 * ingress NetworkPolicies for an outside source.
 */
export function reachNodePort(view: ClusterView, nodeName: string, nodePort: number, from = '203.0.113.10', listeners?: ListenerLookup): ServiceConnection & { service?: string } {
  const service = view.services.find((s) => (s.spec?.type === 'NodePort' || s.spec?.type === 'LoadBalancer') && (s.spec?.ports ?? []).some((p: any) => p.nodePort === nodePort));
  if (!service) return refused(`no Service has node port ${nodePort} (the connection is refused)`);
  const svcPort = service.spec.ports.find((p: any) => p.nodePort === nodePort);
  const local = service.spec?.externalTrafficPolicy === 'Local';
  const candidates = readyEndpoints(view, service, svcPort).filter((t) => !local || t.nodeName === nodeName);
  const name = `service "${service.metadata.name}"`;
  if (candidates.length === 0) {
    return { ...refused(local ? `${name} has externalTrafficPolicy Local and no ready endpoint on node "${nodeName}"` : `${name} has no ready endpoints`), service: service.metadata.name };
  }
  const client = outsideAddress(from);
  const allowed = candidates.filter((t) => evaluateConnection({ from: client, to: t.pod, port: t.port, protocol: svcPort.protocol ?? 'TCP' }, view.policies, namespaceLabels(view)).allowed);
  if (allowed.length === 0) return { ...refused(`NetworkPolicies keep ${from} from every endpoint of ${name}`), service: service.metadata.name };
  const open = listening(allowed, svcPort, listeners);
  if (!open.targets.length) return { ...refused(open.refusals.join('; ')), service: service.metadata.name };
  return { reachable: true, reason: `${name} port ${svcPort.port} via node "${nodeName}"`, targets: open.targets.map(targetOf), service: service.metadata.name, ...assumedOf(open.assumed) };
}

/**
 * Whether a pod can connect straight to another pod's IP and port: the NetworkPolicies of both
 * let it through and, for TCP, something in the target listens there (`listeners`).
 */
export function reachPod(view: ClusterView, client: KubeObject, target: KubeObject, port: number, protocol = 'TCP', listeners?: ListenerLookup): Reachability {
  if (target.status?.phase !== 'Running' || !target.status?.podIP) return { reachable: false, reason: `pod "${target.metadata.name}" is not running with an IP` };
  const v = evaluateConnection({ from: client, to: target, port, protocol }, view.policies, namespaceLabels(view));
  if (!v.allowed || protocol !== 'TCP' || !listeners) return { reachable: v.allowed, reason: v.reason };
  const l = listeners(target, port);
  if (!l.listens) return { reachable: false, reason: nothingListens(target, port, l.reason) };
  return { reachable: true, reason: v.reason, ...assumedOf(l.assumed) };
}

/**
 * The endpoints where something listens on the target port (TCP; a UDP datagram is not refused
 * the same way, so UDP and SCTP ports are not judged), the refusals of the others, and what the
 * answer assumed. Addresses outside the cluster are not judged: kubespec cannot see them.
 */
function listening(candidates: Candidate[], svcPort: any, listeners: ListenerLookup | undefined): { targets: Candidate[]; refusals: string[]; assumed: Assumption[] } {
  const out = { targets: [] as Candidate[], refusals: [] as string[], assumed: [] as Assumption[] };
  for (const c of candidates) {
    const l = listeners && (svcPort.protocol ?? 'TCP') === 'TCP' && c.pod.metadata.namespace ? listeners(c.pod, c.port) : undefined;
    if (l && !l.listens) out.refusals.push(nothingListens(c.pod, c.port, l.reason));
    else {
      out.targets.push(c);
      out.assumed.push(...(l?.assumed ?? []));
    }
  }
  return out;
}

const assumedOf = (assumed: Assumption[] | undefined) => (assumed?.length ? { assumed } : {});

interface Candidate { pod: KubeObject; port: number; nodeName?: string }

/** The ready endpoints of a Service port, with the target port each resolves to. */
function readyEndpoints(view: ClusterView, service: KubeObject, svcPort: any): Candidate[] {
  const slices = view.slices.filter((s) => s.metadata.namespace === service.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name);
  const out: Candidate[] = [];
  for (const slice of slices) {
    const p = (slice.ports ?? []).find((x: any) => (x.name ?? '') === (svcPort.name ?? ''));
    if (!p) continue;
    for (const e of slice.endpoints ?? []) {
      if (!e.conditions?.ready) continue;
      const pod = view.pods.find((x) => x.metadata.uid === e.targetRef?.uid || (x.metadata.name === e.targetRef?.name && x.metadata.namespace === e.targetRef?.namespace));
      if (pod) out.push({ pod, port: p.port, nodeName: e.nodeName });
      // An address outside the cluster (Endpoints written by hand): only the client's egress
      // policies (an ipBlock) decide, as nothing on the other side is a pod.
      else if (!e.targetRef && e.addresses?.[0]) out.push({ pod: outsideAddress(e.addresses[0]), port: p.port });
    }
  }
  return out;
}

const refused = (reason: string): ServiceConnection => ({ reachable: false, reason, targets: [] });
const what = (pod: KubeObject) => (pod.metadata.namespace ? `pod "${pod.metadata.name}"` : `address ${pod.metadata.name}`);
const targetOf = (c: Candidate): ServiceTarget => ({ name: c.pod.metadata.name, address: c.pod.status?.podIP ?? c.pod.metadata.name, port: c.port, ...(c.nodeName ? { nodeName: c.nodeName } : {}) });

/** A peer that is only an address: no namespace, labels or containers, matched by ipBlock alone. */
function outsideAddress(ip: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: ip }, status: { podIP: ip, phase: 'Running' } } as KubeObject;
}
