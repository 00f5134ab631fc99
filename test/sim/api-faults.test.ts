import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from './helpers.ts';
import type { SimCluster } from '../../src/sim/cluster.ts';

function deployment(replicas: number) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  };
}

const readyReplicas = (cluster: SimCluster) => get(cluster, 'Deployment', 'api')?.status?.readyReplicas ?? 0;

function scaledDuringBurst(seed: number, status: number) {
  const cluster = clusterWith(3, seed);
  cluster.store.create(deployment(2));
  cluster.clock.advanceBy(60_000);
  cluster.failControlPlaneWrites(status, 0.6, 120_000);
  cluster.store.update({ ...get(cluster, 'Deployment', 'api')!, spec: { ...get(cluster, 'Deployment', 'api')!.spec, replicas: 6 } });
  cluster.clock.advanceBy(180_000);
  return cluster;
}

test('refused control-plane writes are retried until the Deployment converges', () => {
  const cluster = scaledDuringBurst(7, 429);
  assert.ok(cluster.faults.refused > 10, `refused ${cluster.faults.refused}`);
  assert.ok(cluster.controllers.failures.some((f) => f.message === 'Too many requests, please try again later.'));
  assert.equal(readyReplicas(cluster), 6);
  assert.equal(cluster.store.list('Pod').length, 6);
});

test('which writes are refused follows the seed', () => {
  assert.equal(scaledDuringBurst(3, 500).faults.refused, scaledDuringBurst(3, 500).faults.refused);
  assert.ok(scaledDuringBurst(3, 500).controllers.failures.some((f) => f.message === 'etcdserver: request timed out'));
});

test("the scenario's own writes and Events are never refused", () => {
  const cluster = clusterWith(1);
  cluster.failControlPlaneWrites(503, 1, 60_000);
  for (let i = 0; i < 20; i++) cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'default' } });
  assert.equal(cluster.faults.refused, 0);
});

test('a burst ends after its duration: nothing is refused afterwards', () => {
  const cluster = clusterWith(2);
  cluster.failControlPlaneWrites(503, 1, 30_000);
  cluster.store.create(deployment(2));
  cluster.clock.advanceBy(30_000);
  assert.equal(readyReplicas(cluster), 0, 'every write refused');
  const refused = cluster.faults.refused;
  cluster.clock.advanceBy(60_000);
  assert.equal(readyReplicas(cluster), 2);
  assert.equal(cluster.faults.refused, refused);
});

test('controllers miss changes while their watches are down and catch up when they relist', () => {
  const cluster = clusterWith(2);
  cluster.store.create(deployment(2));
  cluster.clock.advanceBy(60_000);
  cluster.disconnectControllerWatches(120_000);
  const victim = cluster.store.list('Pod')[0]!;
  cluster.store.delete('Pod', victim.metadata, { gracePeriodSeconds: 0 });
  cluster.store.update({ ...get(cluster, 'Deployment', 'api')!, spec: { ...get(cluster, 'Deployment', 'api')!.spec, replicas: 3 } });
  cluster.clock.advanceBy(100_000);
  assert.equal(cluster.store.list('Pod').length, 1, 'the ReplicaSet has not noticed');
  assert.equal(get(cluster, 'Deployment', 'api')!.status.replicas, 2);
  cluster.clock.advanceBy(60_000);
  assert.equal(cluster.store.list('Pod').length, 3);
  assert.equal(readyReplicas(cluster), 3);
});
