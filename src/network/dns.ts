import type { KubeObject } from '../drivers/driver.ts';
import { namespaceLabels, type ClusterView } from './cluster-view.ts';
import { evaluateConnection } from './network-policy.ts';
import type { Reachability } from './reachability.ts';

export const CLUSTER_DOMAIN = 'cluster.local';

/** What a cluster DNS lookup answers. */
export type DnsAnswer = { type: 'A'; addresses: string[]; fqdn: string } | { type: 'CNAME'; target: string; fqdn: string } | { type: 'NXDOMAIN' };

/**
 * CoreDNS's kubernetes plugin as a pure function (reference/networking.md §4), searched like a
 * ClusterFirst pod's resolv.conf does (search `<ns>.svc.cluster.local svc.cluster.local
 * cluster.local`, ndots 5): Services to their ClusterIP, headless Services to their ready
 * endpoints, `<hostname>.<service>` to that endpoint, ExternalName to a CNAME and
 * `a-b-c-d.<ns>.pod` to the IP.
 */
export function resolve(view: ClusterView, name: string, clientNamespace: string): DnsAnswer {
  const clean = name.replace(/\.$/, '');
  const candidates = clean.split('.').length - 1 >= 5 || name.endsWith('.')
    ? [clean]
    : [`${clean}.${clientNamespace}.svc.${CLUSTER_DOMAIN}`, `${clean}.svc.${CLUSTER_DOMAIN}`, `${clean}.${CLUSTER_DOMAIN}`, clean];
  for (const fqdn of candidates) {
    const answer = lookup(view, fqdn);
    if (answer.type !== 'NXDOMAIN') return answer;
  }
  return { type: 'NXDOMAIN' };
}

function lookup(view: ClusterView, fqdn: string): DnsAnswer {
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return { type: 'NXDOMAIN' };
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0]!.replaceAll('-', '.');
    return /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? { type: 'A', addresses: [ip], fqdn } : { type: 'NXDOMAIN' };
  }
  if (labels.at(-1) !== 'svc') return { type: 'NXDOMAIN' };
  const [host, svcName, ns] = labels.length === 4 ? [labels[0], labels[1], labels[2]] : [undefined, labels[0], labels[1]];
  if (labels.length !== 3 && labels.length !== 4) return { type: 'NXDOMAIN' };
  const svc = view.services.find((s) => s.metadata.name === svcName && s.metadata.namespace === ns);
  if (!svc) return { type: 'NXDOMAIN' };
  if (svc.spec?.type === 'ExternalName') return host ? { type: 'NXDOMAIN' } : { type: 'CNAME', target: svc.spec.externalName, fqdn };
  const endpoints = view.slices
    .filter((s) => s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === svcName)
    .flatMap((s) => s.endpoints ?? [])
    .filter((e: any) => e.conditions?.ready);
  if (host) {
    const addresses = endpoints.filter((e: any) => e.hostname === host).flatMap((e: any) => e.addresses);
    return addresses.length ? { type: 'A', addresses, fqdn } : { type: 'NXDOMAIN' };
  }
  if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return { type: 'A', addresses: [svc.spec.clusterIP], fqdn };
  const addresses = endpoints.flatMap((e: any) => e.addresses);
  return addresses.length ? { type: 'A', addresses: addresses.sort(), fqdn } : { type: 'NXDOMAIN' };
}

/**
 * Whether a pod's DNS queries reach the cluster DNS: a ClusterFirst pod sends them to the
 * kube-dns Service, that is to the CoreDNS pods (kube-system, k8s-app=kube-dns) on UDP 53, so
 * its egress NetworkPolicies must allow that (and CoreDNS's ingress ones). Where no CoreDNS pod
 * is in view (the simulator runs none), one stands in with those labels.
 */
export function dnsReachable(view: ClusterView, client: KubeObject): Reachability {
  if (client.spec?.dnsPolicy === 'Default' || client.spec?.dnsPolicy === 'None') return { reachable: true, reason: `pod "${client.metadata.name}" does not use the cluster DNS (dnsPolicy ${client.spec.dnsPolicy})` };
  const real = view.pods.filter((p) => p.metadata.namespace === 'kube-system' && p.metadata.labels?.['k8s-app'] === 'kube-dns');
  const servers = real.length ? real : [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, status: { phase: 'Running', podIP: '10.244.0.2' } } as KubeObject];
  const verdicts = servers.map((to) => evaluateConnection({ from: client, to, port: 53, protocol: 'UDP' }, view.policies, namespaceLabels(view)));
  const ok = verdicts.find((v) => v.allowed);
  return ok ? { reachable: true, reason: ok.reason } : { reachable: false, reason: `queries to CoreDNS on UDP 53 are blocked: ${verdicts[0]!.reason}` };
}
