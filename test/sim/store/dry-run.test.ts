import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, pod } from '../helpers.ts';

test('a dry run is admitted (defaults, validation, quota checks) and stores, charges and announces nothing', () => {
  const cluster = clusterWith(1);
  cluster.store.create({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { pods: '1' } } });
  cluster.clock.settle();
  const events: string[] = [];
  cluster.store.watch(undefined, (e) => events.push(`${e.type} ${e.object.kind}`));
  const revision = cluster.store.currentRevision();

  const dry = cluster.store.create(pod('dry'), { dryRun: true });
  assert.equal(dry.spec.restartPolicy, 'Always', 'defaulted');
  assert.equal(dry.metadata.resourceVersion, undefined);
  assert.equal(cluster.store.get('Pod', { namespace: 'default', name: 'dry' }), undefined);
  assert.equal(cluster.store.get('ResourceQuota', { namespace: 'default', name: 'q' })!.status?.used?.pods ?? '0', '0', 'the quota is not charged');
  assert.throws(() => cluster.store.create({ ...pod('Bad_Name') }, { dryRun: true }), /metadata.name: Invalid value/);

  const real = cluster.store.create(pod('real'));
  const revisionAfterCreate = cluster.store.currentRevision();
  assert.throws(() => cluster.store.create(pod('second'), { dryRun: true }), /exceeded quota: q/);
  const relabelled = cluster.store.update({ ...real, metadata: { ...real.metadata, labels: { a: 'b' } } }, { dryRun: true });
  assert.equal(relabelled.metadata.labels?.a, 'b');
  assert.equal(relabelled.metadata.resourceVersion, real.metadata.resourceVersion);
  cluster.store.delete('Pod', { namespace: 'default', name: 'real' }, { dryRun: true, gracePeriodSeconds: 0 });
  assert.ok(cluster.store.get('Pod', { namespace: 'default', name: 'real' }), 'still there');
  assert.equal(cluster.store.currentRevision(), revisionAfterCreate);
  assert.ok(revisionAfterCreate > revision);
  assert.deepEqual(events.filter((e) => e.endsWith(' Pod')), ['ADDED Pod'], 'only the real create was announced');
});
