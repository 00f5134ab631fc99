import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dnsReachable } from '../../src/network/dns.ts';
import type { ClusterView } from '../../src/network/cluster-view.ts';

const client = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api', namespace: 'shop', labels: { app: 'api' } }, spec: {}, status: { podIP: '10.244.1.5' } } as any;
const view = (policies: any[]): ClusterView => ({
  pods: [client], services: [], slices: [], ingresses: [], ingressClasses: [], policies,
  namespaces: [{ metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } } }, { metadata: { name: 'shop', labels: {} } }],
} as unknown as ClusterView);
const egress = (rules: any[]) => ({ metadata: { name: 'e', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: rules } });

test('DNS queries need egress to CoreDNS on UDP 53', () => {
  assert.equal(dnsReachable(view([]), client).reachable, true);
  assert.equal(dnsReachable(view([egress([])]), client).reachable, false, 'egress isolated, no rule');
  const dnsOnly = egress([{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }] }]);
  assert.equal(dnsReachable(view([dnsOnly]), client).reachable, true);
  const tcpOnly = egress([{ ports: [{ protocol: 'TCP', port: 53 }] }]);
  assert.equal(dnsReachable(view([tcpOnly]), client).reachable, false, 'queries go over UDP first');
  assert.equal(dnsReachable(view([egress([])]), { ...client, spec: { dnsPolicy: 'Default' } }).reachable, true, "the node's resolver, not the cluster DNS");
});
