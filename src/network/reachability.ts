import type { KubeObject } from '../drivers/driver.ts';
import type { ClusterView } from './cluster-view.ts';
import { namespaceLabels } from './cluster-view.ts';
import { evaluateConnection } from './network-policy.ts';

export interface Reachability {
  reachable: boolean;
  reason: string;
}

/**
 * Whether a pod can open a connection to a Service port, as kube-proxy and the CNI would decide
 * it: the Service must have that port and at least one ready endpoint (EndpointSlice condition
 * ready) whose pod the NetworkPolicies let the client reach on the resolved target port.
 */
export function reachService(view: ClusterView, client: KubeObject, service: KubeObject, port: number): Reachability {
  const svcPort = (service.spec?.ports ?? []).find((p: any) => p.port === port);
  const name = `service "${service.metadata.name}"`;
  if (!svcPort) return { reachable: false, reason: `${name} has no port ${port}` };
  if (service.spec?.type === 'ExternalName') return { reachable: false, reason: `${name} is an ExternalName (a DNS alias for ${service.spec.externalName}); no endpoints to reach` };
  const slices = view.slices.filter((s) => s.metadata.namespace === service.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name);
  const targets: Array<{ pod: KubeObject; port: number }> = [];
  for (const slice of slices) {
    const p = (slice.ports ?? []).find((x: any) => (x.name ?? '') === (svcPort.name ?? ''));
    if (!p) continue;
    for (const e of slice.endpoints ?? []) {
      if (!e.conditions?.ready) continue;
      const pod = view.pods.find((x) => x.metadata.uid === e.targetRef?.uid || (x.metadata.name === e.targetRef?.name && x.metadata.namespace === e.targetRef?.namespace));
      if (pod) targets.push({ pod, port: p.port });
      // An address outside the cluster (Endpoints written by hand): only the client's egress
      // policies (an ipBlock) decide, as nothing on the other side is a pod.
      else if (!e.targetRef && e.addresses?.[0]) targets.push({ pod: outsideAddress(e.addresses[0]), port: p.port });
    }
  }
  if (targets.length === 0) return { reachable: false, reason: `${name} has no ready endpoints` };
  const verdicts = targets.map((t) => ({ t, v: evaluateConnection({ from: client, to: t.pod, port: t.port, protocol: svcPort.protocol ?? 'TCP' }, view.policies, namespaceLabels(view)) }));
  const ok = verdicts.find((x) => x.v.allowed);
  const what = (pod: KubeObject) => (pod.metadata.namespace ? `pod "${pod.metadata.name}"` : `address ${pod.metadata.name}`);
  if (ok) return { reachable: true, reason: `endpoint ${what(ok.t.pod)} port ${ok.t.port}: ${ok.v.reason}` };
  return { reachable: false, reason: `every ready endpoint is blocked: ${verdicts.map((x) => `${what(x.t.pod)}: ${x.v.reason}`).join('; ')}` };
}

/** Whether a pod can connect straight to another pod's IP and port. */
export function reachPod(view: ClusterView, client: KubeObject, target: KubeObject, port: number, protocol = 'TCP'): Reachability {
  if (target.status?.phase !== 'Running' || !target.status?.podIP) return { reachable: false, reason: `pod "${target.metadata.name}" is not running with an IP` };
  const v = evaluateConnection({ from: client, to: target, port, protocol }, view.policies, namespaceLabels(view));
  return { reachable: v.allowed, reason: v.reason };
}

/** A peer that is only an address: no namespace, labels or containers, matched by ipBlock alone. */
function outsideAddress(ip: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: ip }, status: { podIP: ip, phase: 'Running' } } as KubeObject;
}
