import type { KubeObject } from '../store/types.ts';

/** kind's kubelet flags: --cluster-dns and --cluster-domain. */
export const CLUSTER_DNS = '10.96.0.10';
const CLUSTER_DOMAIN = 'cluster.local';
/** The resolver limits of pkg/apis/core/validation (and the kubelet's trimming). */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

/**
 * The /etc/resolv.conf the kubelet gives a pod's containers (pkg/kubelet/network/dns): with
 * ClusterFirst (the default; a hostNetwork pod falls back to Default unless it asks for
 * ClusterFirstWithHostNet) the cluster DNS Service's address, the search path
 * `<ns>.svc.cluster.local svc.cluster.local cluster.local` and ndots:5; with Default the node's
 * own resolv.conf (a kind node answers through Docker's embedded DNS, reached at its own
 * address, with ndots:0); with None only dnsConfig. dnsConfig's nameservers and searches are
 * appended, its options override by name. Written in containerd's layout.
 */
export function resolvConf(pod: KubeObject, nodeAddress: string): string {
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const clusterFirst = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec?.hostNetwork);
  const namespace = pod.metadata.namespace ?? 'default';
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: Array<{ name: string; value?: string }> = [];
  if (clusterFirst) {
    nameservers = [CLUSTER_DNS];
    searches = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    options = [{ name: 'ndots', value: '5' }];
  } else if (policy !== 'None') {
    nameservers = [nodeAddress];
    options = [{ name: 'ndots', value: '0' }];
  }
  const config = pod.spec?.dnsConfig ?? {};
  nameservers = [...new Set([...nameservers, ...(config.nameservers ?? [])])].slice(0, MAX_NAMESERVERS);
  searches = [...new Set([...searches, ...(config.searches ?? [])])].slice(0, MAX_SEARCHES);
  for (const option of config.options ?? []) {
    options = [...options.filter((o) => o.name !== option.name), { name: option.name, ...(option.value !== undefined ? { value: option.value } : {}) }];
  }
  return [
    ...(searches.length ? [`search ${searches.join(' ')}`] : []),
    ...nameservers.map((n) => `nameserver ${n}`),
    ...(options.length ? [`options ${options.map((o) => (o.value !== undefined ? `${o.name}:${o.value}` : o.name)).join(' ')}`] : []),
  ].map((line) => `${line}\n`).join('');
}
