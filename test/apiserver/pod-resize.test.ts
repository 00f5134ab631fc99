import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adminSubject, answer } from '../../src/apiserver/index.ts';
import { parseResourcePath } from '../../src/serve/request-path.ts';
import { parseKubernetesVersion } from '../../src/kube/kubernetes-versions.ts';
import type { SimCluster } from '../../src/sim/index.ts';
import { clusterWith } from '../sim/helpers.ts';

const SMP = 'application/strategic-merge-patch+json';

function resize(cluster: SimCluster, method: string, body?: unknown, contentType = SMP, subject = adminSubject) {
  const target = parseResourcePath('/api/v1/namespaces/default/pods/web/resize', cluster.store.kinds())!;
  return answer(cluster, { method, target, query: new URLSearchParams(), subject, userAgent: 'test', contentType, ...(body === undefined ? {} : { body: { object: body } }) } as any);
}

/** A cluster of the release with one 2-cpu node and a Guaranteed pod "web" (500m, 128Mi), running. */
function withWeb(minor: string, extra: Record<string, unknown> = {}): SimCluster {
  const cluster = clusterWith([{ name: 'worker-1', capacity: { cpu: '2', memory: '4Gi', pods: '110' } }], 1, parseKubernetesVersion(minor));
  const resources = { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
  cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources, ...extra }] } });
  cluster.clock.advanceBy(30_000);
  return cluster;
}

const cpuTo = (cpu: string, limit = cpu) => ({ spec: { containers: [{ name: 'app', resources: { requests: { cpu }, limits: { cpu: limit } } }] } });

describe('pods/resize', () => {
  it('changes only the containers resources, bumps the generation and is served only from 1.33', async () => {
    const cluster = withWeb('1.37');
    const out = await resize(cluster, 'PATCH', { metadata: { labels: { sneaky: 'yes' } }, ...cpuTo('800m') });
    assert.equal(out.status, 200, JSON.stringify(out.body));
    const pod = cluster.store.get('Pod', { namespace: 'default', name: 'web' })!;
    assert.deepEqual(pod.spec.containers[0].resources, { requests: { cpu: '800m', memory: '128Mi' }, limits: { cpu: '800m', memory: '128Mi' } });
    assert.equal(pod.metadata.labels?.sneaky, undefined, 'labels are reset to the stored ones (ResetObjectMetaForStatus)');
    assert.equal(pod.metadata.generation, 2);
    const old = withWeb('1.32');
    const refused = await resize(old, 'PATCH', cpuTo('800m'));
    assert.equal(refused.status, 404);
    assert.equal((refused.body as any).message, 'the server could not find the requested resource');
  });

  it('refuses a QoS class change in the API server words, naming the old class', async () => {
    const out = await resize(withWeb('1.37'), 'PATCH', { spec: { containers: [{ name: 'app', resources: { limits: { cpu: '1' } } }] } });
    assert.equal(out.status, 422);
    assert.equal((out.body as any).message, 'Pod "web" is invalid: spec: Invalid value: "Guaranteed": Pod QOS Class may not change as a result of resizing');
  });

  it('refuses other resources, removed requests and renamed containers', async () => {
    const storage = await resize(withWeb('1.37'), 'PATCH', { spec: { containers: [{ name: 'app', resources: { requests: { 'ephemeral-storage': '1Gi' }, limits: { 'ephemeral-storage': '1Gi' } } }] } });
    assert.match((storage.body as any).message, /spec: Forbidden: only cpu and memory resources are mutable/);
    const removed = await resize(withWeb('1.37'), 'PATCH', [{ op: 'remove', path: '/spec/containers/0/resources/requests/memory' }, { op: 'remove', path: '/spec/containers/0/resources/limits/memory' }], 'application/json-patch+json');
    assert.equal((removed.body as any).message, 'Pod "web" is invalid: [spec: Invalid value: "Guaranteed": Pod QOS Class may not change as a result of resizing, spec.containers[0].resources.requests: Forbidden: resource requests cannot be removed, spec.containers[0].resources.limits: Forbidden: resource limits cannot be removed]');
    const renamed = await resize(withWeb('1.37'), 'PATCH', [{ op: 'replace', path: '/spec/containers/0/name', value: 'other' }], 'application/json-patch+json');
    assert.match((renamed.body as any).message, /spec.containers\[0\].name: Forbidden: containers may not be renamed or reordered on resize/);
  });

  it('from 1.36 refuses a resize beyond the node allocatable in admission; 1.35 accepts it', async () => {
    const refused = await resize(withWeb('1.37'), 'PATCH', cpuTo('8'));
    assert.equal(refused.status, 403);
    assert.equal((refused.body as any).message, 'pods "web" is forbidden: node didn\'t have enough allocatable resources: cpu, requested: 8000, allocatable: 2000');
    const accepted = await resize(withWeb('1.35'), 'PATCH', cpuTo('8'));
    assert.equal(accepted.status, 200);
  });

  it('PUT replaces the resources and GET answers the pod', async () => {
    const cluster = withWeb('1.37');
    const got = await resize(cluster, 'GET');
    const pod = structuredClone(got.body as any);
    pod.spec.containers[0].resources = { requests: { cpu: '300m', memory: '128Mi' }, limits: { cpu: '300m', memory: '128Mi' } };
    const put = await resize(cluster, 'PUT', pod, 'application/json');
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal((put.body as any).spec.containers[0].resources.limits.cpu, '300m');
  });

  it('needs the patch verb on pods/resize: patch on pods is not enough (RBAC)', async () => {
    const cluster = withWeb('1.37');
    const jane = { user: 'jane', groups: ['system:authenticated'] };
    const grant = (resources: string[]) => {
      cluster.store.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: `r-${resources.length}`, namespace: 'default' }, rules: [{ apiGroups: [''], resources, verbs: ['get', 'patch'] }] });
      cluster.store.create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `b-${resources.length}`, namespace: 'default' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `r-${resources.length}` }, subjects: [{ kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' }] });
    };
    grant(['pods']);
    const refused = await resize(cluster, 'PATCH', cpuTo('800m'), SMP, jane);
    assert.equal(refused.status, 403);
    assert.match((refused.body as any).message, /cannot patch resource "pods\/resize"/);
    grant(['pods', 'pods/resize']);
    assert.equal((await resize(cluster, 'PATCH', cpuTo('800m'), SMP, jane)).status, 200);
  });

  it('charges a resize against the namespace quota by what it adds', async () => {
    const cluster = clusterWith([{ name: 'worker-1', capacity: { cpu: '2', memory: '4Gi', pods: '110' } }], 1, parseKubernetesVersion('1.37'));
    cluster.store.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'default' }, spec: { hard: { 'limits.cpu': '1' } } });
    cluster.clock.advanceBy(1000);
    const resources = { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
    cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources }] } });
    cluster.clock.advanceBy(30_000);
    assert.equal((await resize(cluster, 'PATCH', cpuTo('800m'))).status, 200);
    const refused = await resize(cluster, 'PATCH', cpuTo('1200m'));
    assert.equal(refused.status, 403);
    assert.equal((refused.body as any).message, 'pods "web" is forbidden: exceeded quota: compute, requested: limits.cpu=400m, used: limits.cpu=800m, limited: limits.cpu=1');
  });
});
