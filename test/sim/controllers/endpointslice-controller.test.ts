import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thaw } from '../../../src/sim/store/freeze.ts';
import { LabelSelector } from '../../../src/kube/label-selector.ts';
import { clusterWith, get, statefulSet } from '../helpers.ts';

function headlessService(name: string) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { tier: 'db' } }, spec: { clusterIP: 'None', selector: { app: name }, ports: [{ port: 80 }] } };
}

function sliceOf(cluster: ReturnType<typeof clusterWith>, service: string) {
  return cluster.store.list('EndpointSlice', { namespace: 'default', selector: LabelSelector.parse(`kubernetes.io/service-name=${service}`) })[0]!;
}

test('a headless Service marks its Endpoints and EndpointSlices service.kubernetes.io/headless, and pods of its subdomain get hostnames in both', () => {
  const cluster = clusterWith(2);
  cluster.store.create(headlessService('web'));
  cluster.store.create(statefulSet('web', 2));
  cluster.clock.advanceBy(60_000);
  const endpoints = get(cluster, 'Endpoints', 'web')!;
  assert.deepEqual(endpoints.metadata.labels, { tier: 'db', 'service.kubernetes.io/headless': '', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' }); // the managed-by label from 1.33
  assert.deepEqual(endpoints.subsets[0].addresses.map((a: any) => a.hostname).sort(), ['web-0', 'web-1']);
  const slice = sliceOf(cluster, 'web');
  assert.equal(slice.metadata.labels?.['service.kubernetes.io/headless'], '');
  assert.deepEqual(slice.endpoints.map((e: any) => e.hostname).sort(), ['web-0', 'web-1']);
});

test('a Service that gets a cluster IP loses nothing but is not headless: no label', () => {
  const cluster = clusterWith(1);
  cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { selector: { app: 'api' }, ports: [{ port: 80 }] } });
  cluster.clock.advanceBy(1_000);
  assert.equal(get(cluster, 'Endpoints', 'api')!.metadata.labels?.['service.kubernetes.io/headless'], undefined);
  assert.equal(sliceOf(cluster, 'api').metadata.labels?.['service.kubernetes.io/headless'], undefined);
});

test('an EndpointSlice starts at generation 1 and counts every change to its endpoints or labels', () => {
  const cluster = clusterWith(1);
  cluster.store.create(headlessService('web'));
  cluster.clock.advanceBy(1_000);
  assert.equal(sliceOf(cluster, 'web').metadata.generation, 1);
  cluster.store.create(statefulSet('web', 1));
  cluster.clock.advanceBy(30_000);
  const afterPod = sliceOf(cluster, 'web').metadata.generation!;
  assert.ok(afterPod > 1, `generation ${afterPod} after a pod joined`);
  const svc = get(cluster, 'Service', 'web')!;
  cluster.store.update({ ...thaw(svc), metadata: { ...thaw(svc.metadata), labels: { tier: 'cache' } } });
  cluster.clock.advanceBy(1_000);
  assert.equal(sliceOf(cluster, 'web').metadata.generation, afterPod + 1);
  assert.equal(sliceOf(cluster, 'web').metadata.labels?.tier, 'cache');
});

// TriggerTimeTracker (k8s.io/endpointslice util/trigger_time_tracker.go, v0.32): the annotation the real controllers write.
test('Endpoints and EndpointSlices carry last-change-trigger-time: the Service creation at first, then the latest pod Ready transition', () => {
  const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';
  const cluster = clusterWith(1);
  cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { selector: { app: 'api' }, ports: [{ port: 80 }] } });
  const created = get(cluster, 'Service', 'api')!.metadata.creationTimestamp;
  cluster.clock.advanceBy(1_000);
  assert.equal(get(cluster, 'Endpoints', 'api')!.metadata.annotations?.[TRIGGER], created);
  assert.equal(sliceOf(cluster, 'api').metadata.annotations?.[TRIGGER], created);
  cluster.clock.advanceBy(10_000);
  cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'api-1', namespace: 'default', labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
  cluster.clock.advanceBy(60_000);
  const pod = get(cluster, 'Pod', 'api-1')!;
  const readyAt = pod.status.conditions.find((c: any) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
  assert.ok(readyAt && readyAt > created, 'the pod became ready after the Service was created');
  assert.equal(get(cluster, 'Endpoints', 'api')!.metadata.annotations?.[TRIGGER], readyAt);
  assert.equal(sliceOf(cluster, 'api').metadata.annotations?.[TRIGGER], readyAt);
});

test('a Service without ready pods has a placeholder slice whose empty lists read null, as the API server returns them', async () => {
  const { clusterWith } = await import('../helpers.ts');
  const c = clusterWith(1);
  c.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lonely', namespace: 'default' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
  c.clock.settle();
  const [slice] = c.store.list('EndpointSlice', { namespace: 'default' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'lonely');
  assert.ok(slice);
  assert.equal(slice.endpoints ?? null, null, 'no endpoints list, not an empty one');
  assert.equal(slice.ports ?? null, null);
});

test('a deleted Service takes its Endpoints with it (endpoints_controller.go syncService), and its managed slices', async () => {
  const { reconcileWorld, podIn } = await import('./reconcile-helpers.ts');
  const { EndpointSliceController } = await import('../../../src/sim/controllers/endpointslice-controller.ts');
  const world = reconcileWorld();
  const controller = new EndpointSliceController(world.store);
  const [svc] = world.put(
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } },
    podIn('web-1', { labels: { app: 'web' }, node: 'n1', readySince: 1 }),
  );
  world.store.updateStatus({ ...thaw(world.store.get('Pod', { namespace: 'default', name: 'web-1' })!), status: { ...thaw(world.store.get('Pod', { namespace: 'default', name: 'web-1' })!.status), podIP: '10.244.1.5' } });
  assert.deepEqual(world.reconcile(controller, svc!.metadata).writes, ['create EndpointSlice default/web-*', 'create Endpoints default/web']);
  world.store.delete('Service', svc!.metadata);
  assert.deepEqual(world.reconcile(controller, svc!.metadata).writes.sort(), ['delete EndpointSlice default/web-*', 'delete Endpoints default/web']);
  assert.equal(world.store.get('Endpoints', svc!.metadata), undefined);
  assert.deepEqual(world.reconcile(controller, svc!.metadata).writes, []);
});
