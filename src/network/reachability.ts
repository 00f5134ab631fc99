import type { KubeObject } from '../drivers/driver.ts';
import type { ClusterView } from './cluster-view.ts';
import { namespaceLabels } from './cluster-view.ts';
import { evaluateConnection } from './network-policy.ts';

export interface Reachability {
  reachable: boolean;
  reason: string;
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
 * ready) whose pod the NetworkPolicies let the client reach on the resolved target port. The
 * targets are every such endpoint: kube-proxy spreads connections over them.
 */
export function reachService(view: ClusterView, client: KubeObject, service: KubeObject, port: number): ServiceConnection {
  const svcPort = (service.spec?.ports ?? []).find((p: any) => p.port === port);
  const name = `service "${service.metadata.name}"`;
  if (!svcPort) return refused(`${name} has no port ${port}`);
  if (service.spec?.type === 'ExternalName') return refused(`${name} is an ExternalName (a DNS alias for ${service.spec.externalName}); no endpoints to reach`);
  const candidates = readyEndpoints(view, service, svcPort);
  if (candidates.length === 0) return refused(`${name} has no ready endpoints`);
  const verdicts = candidates.map((t) => ({ t, v: evaluateConnection({ from: client, to: t.pod, port: t.port, protocol: svcPort.protocol ?? 'TCP' }, view.policies, namespaceLabels(view)) }));
  const allowed = verdicts.filter((x) => x.v.allowed);
  if (allowed.length) {
    return { reachable: true, reason: `endpoint ${what(allowed[0]!.t.pod)} port ${allowed[0]!.t.port}: ${allowed[0]!.v.reason}`, targets: allowed.map((x) => targetOf(x.t)) };
  }
  return refused(`every ready endpoint is blocked: ${verdicts.map((x) => `${what(x.t.pod)}: ${x.v.reason}`).join('; ')}`);
}

/**
 * A connection from outside the cluster to a node's port, as kube-proxy's NodePort rules take it:
 * the NodePort or LoadBalancer Service that owns the port, then its ready endpoints (any node's
 * with externalTrafficPolicy Cluster, only this node's with Local), subject to the endpoints'
 * ingress NetworkPolicies for an outside source.
 */
export function reachNodePort(view: ClusterView, nodeName: string, nodePort: number, from = '203.0.113.10'): ServiceConnection & { service?: string } {
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
  return { reachable: true, reason: `${name} port ${svcPort.port} via node "${nodeName}"`, targets: allowed.map(targetOf), service: service.metadata.name };
}

/** Whether a pod can connect straight to another pod's IP and port. */
export function reachPod(view: ClusterView, client: KubeObject, target: KubeObject, port: number, protocol = 'TCP'): Reachability {
  if (target.status?.phase !== 'Running' || !target.status?.podIP) return { reachable: false, reason: `pod "${target.metadata.name}" is not running with an IP` };
  const v = evaluateConnection({ from: client, to: target, port, protocol }, view.policies, namespaceLabels(view));
  return { reachable: v.allowed, reason: v.reason };
}

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
