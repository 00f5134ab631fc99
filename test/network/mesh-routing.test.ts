import assert from 'node:assert/strict';
import { test } from 'node:test';
import { routeMeshRequest, type MeshView } from '../../src/network/mesh-routing.ts';
import type { ClusterView } from '../../src/network/cluster-view.ts';

const pod = (name: string, ip: string, labels: Record<string, string>, sidecar = false) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid: name, labels },
  spec: { containers: [{ name: 'app' }, ...(sidecar ? [{ name: 'istio-proxy' }] : [])] }, status: { phase: 'Running', podIP: ip },
});
const endpoint = (name: string, ip: string) => ({ addresses: [ip], conditions: { ready: true }, targetRef: { kind: 'Pod', name, namespace: 'ns', uid: name } });

const view = {
  pods: [pod('v1', '10.0.1.1', { app: 'myapp', version: 'v1' }), pod('v2', '10.0.1.2', { app: 'myapp', version: 'v2' }), pod('client', '10.0.1.9', { app: 'client' }, true), pod('bare', '10.0.1.8', { app: 'bare' })],
  services: [{ metadata: { name: 'myapp', namespace: 'ns' }, spec: { selector: { app: 'myapp' }, ports: [{ port: 80 }] } }],
  slices: [{ metadata: { namespace: 'ns', labels: { 'kubernetes.io/service-name': 'myapp' } }, ports: [{ name: '', port: 80 }], endpoints: [endpoint('v1', '10.0.1.1'), endpoint('v2', '10.0.1.2')] }],
  policies: [], ingresses: [], ingressClasses: [], namespaces: [{ metadata: { name: 'ns' } }],
} as unknown as ClusterView;

const mesh = (http: object[]): MeshView => ({
  virtualServices: [{ metadata: { name: 'myapp', namespace: 'ns' }, spec: { hosts: ['myapp'], http } }],
  destinationRules: [{ metadata: { name: 'myapp', namespace: 'ns' }, spec: { host: 'myapp.ns.svc.cluster.local', subsets: [{ name: 'v1', labels: { version: 'v1' } }, { name: 'v2', labels: { version: 'v2' } }] } }],
} as unknown as MeshView);

const client = view.pods[2]!;

test('the first matching rule wins; a subset takes the labelled pods of the Service', () => {
  const m = mesh([{ match: [{ headers: { 'user-id': { exact: 'test-user' } } }], route: [{ destination: { host: 'myapp', subset: 'v2' } }] }, { route: [{ destination: { host: 'myapp', subset: 'v1' } }] }]);
  const tester = routeMeshRequest(view, m, { from: client, url: 'http://myapp/', headers: { 'User-Id': 'test-user' } });
  assert.deepEqual(tester.kind === 'routed' && tester.destinations.map((d) => [d.subset, d.weight, d.pods]), [['v2', 100, ['v2']]]);
  const other = routeMeshRequest(view, m, { from: client, url: 'http://myapp.ns/' });
  assert.deepEqual(other.kind === 'routed' && other.destinations.map((d) => d.pods), [['v1']]);
});

test('an undefined subset fails, an unmatched request gets no route, a pod without a sidecar is not steered', () => {
  const m = mesh([{ match: [{ uri: { prefix: '/api' } }], route: [{ destination: { host: 'myapp', subset: 'v1' }, weight: 80 }, { destination: { host: 'myapp', subset: 'v3' }, weight: 20 }] }]);
  const r = routeMeshRequest(view, m, { from: client, url: 'http://myapp/api/x' });
  assert.match(r.kind === 'routed' ? r.destinations[1]!.failure ?? '' : '', /defines no subset "v3" \(it has v1, v2\)/);
  assert.equal(routeMeshRequest(view, m, { from: client, url: 'http://myapp/web' }).kind, 'no-route');
  assert.equal(routeMeshRequest(view, m, { from: view.pods[3]!, url: 'http://myapp/api' }).kind, 'plain');
  assert.equal(routeMeshRequest(view, m, { from: client, url: 'http://other/api' }).kind, 'plain');
});
