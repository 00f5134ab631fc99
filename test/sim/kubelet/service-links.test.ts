import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, pod } from '../helpers.ts';

test('containers get the kubelet\'s service link variables: host, ports and the Docker link ones', () => {
  const cluster = clusterWith(1);
  cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  cluster.clock.settle(); // the ServiceAccount controller makes shop's default account
  const db = cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'orders-db', namespace: 'shop' }, spec: { ports: [{ name: 'pg', port: 5432 }, { name: 'metrics', port: 9187, protocol: 'TCP' }] } });
  const sleeper = { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] };
  cluster.store.create({ ...pod('linked', sleeper), metadata: { name: 'linked', namespace: 'shop' } });
  cluster.store.create({ ...pod('unlinked', { ...sleeper, enableServiceLinks: false }), metadata: { name: 'unlinked', namespace: 'shop' } });
  cluster.clock.advanceBy(30_000);
  const ip = db.spec.clusterIP;
  const api = cluster.store.get('Service', { namespace: 'default', name: 'kubernetes' })!.spec.clusterIP;
  const linked = cluster.containerEnvironment('shop', 'linked', 'app')!;
  assert.equal(linked.ORDERS_DB_SERVICE_HOST, ip);
  assert.equal(linked.ORDERS_DB_SERVICE_PORT, '5432');
  assert.equal(linked.ORDERS_DB_SERVICE_PORT_METRICS, '9187');
  assert.equal(linked.ORDERS_DB_PORT, `tcp://${ip}:5432`);
  assert.equal(linked.ORDERS_DB_PORT_9187_TCP, `tcp://${ip}:9187`);
  assert.equal(linked.ORDERS_DB_PORT_9187_TCP_PROTO, 'tcp');
  assert.equal(linked.ORDERS_DB_PORT_9187_TCP_PORT, '9187');
  assert.equal(linked.ORDERS_DB_PORT_9187_TCP_ADDR, ip);
  // The API server's Service reaches every pod, from any namespace, links or not.
  assert.equal(linked.KUBERNETES_PORT_443_TCP, `tcp://${api}:443`);
  const unlinked = cluster.containerEnvironment('shop', 'unlinked', 'app')!;
  assert.equal(unlinked.ORDERS_DB_SERVICE_HOST, undefined);
  assert.equal(unlinked.KUBERNETES_SERVICE_HOST, api);
});
