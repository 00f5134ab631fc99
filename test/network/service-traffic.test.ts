import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reachNodePort, reachService } from '../../src/network/reachability.ts';
import type { ClusterView } from '../../src/network/cluster-view.ts';

const pod = (name: string, ip: string, labels: Record<string, string> = { app: 'web' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid: name, labels }, status: { phase: 'Running', podIP: ip } });
const endpoint = (name: string, ip: string, node: string) => ({ addresses: [ip], conditions: { ready: true }, nodeName: node, targetRef: { kind: 'Pod', name, namespace: 'ns', uid: name } });

function view(svcSpec: object, policies: any[] = []): ClusterView {
  return {
    pods: [pod('a', '10.0.1.1'), pod('b', '10.0.2.1'), pod('client', '10.0.1.9', { app: 'client' })],
    services: [{ metadata: { name: 'web', namespace: 'ns' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, nodePort: 31000 }], ...svcSpec } }],
    slices: [{ metadata: { namespace: 'ns', labels: { 'kubernetes.io/service-name': 'web' } }, ports: [{ name: '', port: 8080 }], endpoints: [endpoint('a', '10.0.1.1', 'n1'), endpoint('b', '10.0.2.1', 'n2')] }],
    policies, ingresses: [], ingressClasses: [], namespaces: [{ metadata: { name: 'ns', labels: { 'kubernetes.io/metadata.name': 'ns' } } }],
  } as unknown as ClusterView;
}

test('a Service connection may land on every ready, allowed endpoint, at the target port', () => {
  const v = view({});
  const c = reachService(v, v.pods[2]!, v.services[0]!, 80);
  assert.deepEqual(c.targets.map((t) => `${t.name}:${t.port}`), ['a:8080', 'b:8080']);
  const onlyA = { metadata: { name: 'p', namespace: 'ns' }, spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }] } };
  const denyB = { metadata: { name: 'q', namespace: 'ns' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
  assert.equal(reachService(view({}, [denyB]), v.pods[2]!, v.services[0]!, 80).reachable, false);
  assert.equal(reachService(view({}, [denyB, onlyA]), v.pods[2]!, v.services[0]!, 80).targets.length, 2);
});

test('NodePort: every node forwards under Cluster, only nodes with an endpoint under Local; outsiders match ipBlock only', () => {
  assert.equal(reachNodePort(view({ type: 'NodePort' }), 'n3', 31000).targets.length, 2);
  assert.deepEqual(reachNodePort(view({ type: 'NodePort', externalTrafficPolicy: 'Local' }), 'n2', 31000).targets.map((t) => t.name), ['b']);
  assert.equal(reachNodePort(view({ type: 'NodePort', externalTrafficPolicy: 'Local' }), 'n3', 31000).reachable, false);
  assert.equal(reachNodePort(view({ type: 'NodePort' }), 'n1', 31999).reachable, false);
  const anyNamespace = { metadata: { name: 'all', namespace: 'ns' }, spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] } };
  assert.equal(reachNodePort(view({ type: 'NodePort' }, [anyNamespace]), 'n1', 31000).reachable, false, 'namespaceSelector {} is every pod, not the outside');
  const external = { metadata: { name: 'ext', namespace: 'ns' }, spec: { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }] }] } };
  assert.equal(reachNodePort(view({ type: 'NodePort' }, [external]), 'n1', 31000).reachable, true);
});

test('a connection lands only where something listens on the target port; nothing listening is refused', () => {
  const v = view({});
  const only = (names: string[]) => (p: any, port: number) => (names.includes(p.metadata.name) ? { listens: true, reason: `${p.metadata.name} listens on ${port}` } : { listens: false, reason: `${p.metadata.name} listens on 80` });
  assert.deepEqual(reachService(v, v.pods[2]!, v.services[0]!, 80, only(['b'])).targets.map((t) => t.name), ['b']);
  assert.deepEqual(reachService(v, v.pods[2]!, v.services[0]!, 80, only([])), {
    reachable: false,
    reason: 'nothing listens on port 8080 of pod "a", so the connection is refused (a listens on 80); nothing listens on port 8080 of pod "b", so the connection is refused (b listens on 80)',
    targets: [],
  });
  assert.equal(reachNodePort(v, 'n1', 31000, '203.0.113.10', only([])).reachable, false);
  const assumed = [{ object: 'Pod ns/a', field: 'spec.containers[app].image', assumed: 'it listens on port 8080', why: 'unknown' }];
  assert.deepEqual(reachService(v, v.pods[2]!, v.services[0]!, 80, (p) => ({ listens: true, reason: '', ...(p.metadata.name === 'a' ? { assumed } : {}) })).assumed, assumed);
});
