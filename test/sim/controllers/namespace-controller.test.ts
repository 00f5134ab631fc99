import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterWith, pod } from '../helpers.ts';

test('a deleted namespace is Terminating until its pods are gone, refuses new content, then disappears', () => {
  const c = clusterWith(1);
  c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  c.clock.settle(); // the ServiceAccount controller gives it its default ServiceAccount
  c.store.create({ ...pod('web'), metadata: { name: 'web', namespace: 'team' } });
  c.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team' } });
  c.clock.advanceBy(30_000);
  assert.equal(c.store.get('Pod', { namespace: 'team', name: 'web' })?.status?.phase, 'Running');

  c.store.delete('Namespace', { name: 'team' });
  c.clock.settle();
  assert.equal(c.store.get('Namespace', { name: 'team' })?.status?.phase, 'Terminating');
  assert.equal(c.store.get('ConfigMap', { namespace: 'team', name: 'settings' }), undefined);
  assert.ok(c.store.get('Pod', { namespace: 'team', name: 'web' })?.metadata.deletionTimestamp, 'the pod is terminating gracefully');
  assert.throws(() => c.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'team' } }),
    /configmaps "late" is forbidden: unable to create new content in namespace team because it is being terminated/);

  c.clock.advanceBy(60_000);
  assert.equal(c.store.get('Pod', { namespace: 'team', name: 'web' }), undefined);
  assert.equal(c.store.get('Namespace', { name: 'team' }), undefined);
});

test('default, kube-system and kube-public may not be deleted', () => {
  const c = clusterWith(1);
  for (const name of ['default', 'kube-system', 'kube-public']) {
    assert.throws(() => c.store.delete('Namespace', { name }), new RegExp(`namespaces "${name}" is forbidden: this namespace may not be deleted`));
  }
});
