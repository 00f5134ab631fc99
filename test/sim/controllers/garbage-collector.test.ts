import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GarbageCollector } from '../../../src/sim/controllers/garbage-collector.ts';
import { controllerRef } from '../../../src/sim/pod-status.ts';
import type { KubeObject } from '../../../src/sim/store/types.ts';
import { reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/garbagecollector/garbagecollector.go (k8s v1.32, attemptToDeleteItem and
// processDeletingDependentsItem): a dependent whose owners are all gone is deleted; one with a
// live owner left only loses the dangling reference; an owner with the orphan finalizer has its
// references removed from the dependents before the finalizer goes; a foreground owner waits for
// its blocking dependents, deleting a leaf dependent in the background (attemptToDeleteItem's
// default case). The collector is keyed by the owner's uid.

const configMap = (name: string, owners: KubeObject[] = []) => ({
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ownerReferences: owners.map((o) => ({ ...controllerRef(o), controller: false })) },
});

test('when the owner is gone its sole dependent is deleted, and a dependent with another live owner only drops the reference', () => {
  const w = reconcileWorld();
  const [owner, other] = w.put(configMap('owner'), configMap('other'));
  w.put(configMap('only-child', [owner!]), configMap('shared-child', [owner!, other!]));
  w.store.delete('ConfigMap', { namespace: 'default', name: 'owner' });
  const out = w.reconcile(new GarbageCollector(w.store), { name: owner!.metadata.uid });
  assert.deepEqual(out.writes, ['delete ConfigMap default/only-child', 'update ConfigMap default/shared-child']);
  assert.deepEqual(w.store.get('ConfigMap', { namespace: 'default', name: 'shared-child' })!.metadata.ownerReferences!.map((r) => r.name), ['other']);
});

test('an owner deleted with propagationPolicy Orphan frees its dependents, then loses the orphan finalizer and goes', () => {
  const w = reconcileWorld();
  const [owner] = w.put(configMap('owner'));
  w.put(configMap('child', [owner!]));
  w.store.delete('ConfigMap', { namespace: 'default', name: 'owner' }, { propagationPolicy: 'Orphan' });
  const out = w.reconcile(new GarbageCollector(w.store), { name: owner!.metadata.uid });
  assert.deepEqual(out.writes, ['update ConfigMap default/child', 'delete ConfigMap default/owner']);
  assert.equal(w.store.get('ConfigMap', { namespace: 'default', name: 'child' })!.metadata.ownerReferences, undefined);
});

test('a foreground owner deletes its dependents and stays while a blocking one is still there', () => {
  const w = reconcileWorld();
  const [owner] = w.put(configMap('owner'));
  // The dependent has a finalizer of its own, so its deletion is only marked.
  w.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'child', namespace: 'default', ownerReferences: [controllerRef(owner!)], finalizers: ['example.com/hold'] } });
  w.store.delete('ConfigMap', { namespace: 'default', name: 'owner' }, { propagationPolicy: 'Foreground' });
  const out = w.reconcile(new GarbageCollector(w.store), { name: owner!.metadata.uid });
  assert.deepEqual(out.writes, ['mark deleted ConfigMap default/child']);
  assert.deepEqual(w.store.get('ConfigMap', { namespace: 'default', name: 'child' })!.metadata.finalizers, ['example.com/hold'], 'a leaf dependent is deleted in the background');
  assert.deepEqual(w.store.get('ConfigMap', { namespace: 'default', name: 'owner' })!.metadata.finalizers, ['foregroundDeletion']);
});
