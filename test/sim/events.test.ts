import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimCluster } from '../../src/sim/cluster.ts';

const HOUR = 60 * 60 * 1000;

test('an event expires an hour after it was last written; a repeat moves its expiry', () => {
  const cluster = new SimCluster({ seed: 1 });
  const about = cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'subject', namespace: 'default' }, data: {} });
  const names = () => cluster.store.list('Event', { namespace: 'default' }).filter((e) => e.involvedObject.name === 'subject').map((e) => [e.reason, e.count]).sort();
  cluster.events.record('tester', about, 'Normal', 'Once', 'said once');
  cluster.events.record('tester', about, 'Normal', 'Again', 'said twice');
  cluster.clock.advanceBy(HOUR - 1000);
  cluster.events.record('tester', about, 'Normal', 'Again', 'said twice');
  assert.deepEqual(names(), [['Again', 2], ['Once', 1]]);
  cluster.clock.advanceBy(1000);
  assert.deepEqual(names(), [['Again', 2]]);
  cluster.clock.advanceBy(HOUR);
  assert.deepEqual(names(), []);
});
