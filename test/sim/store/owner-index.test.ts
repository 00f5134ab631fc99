import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OwnerIndex } from '../../../src/sim/store/owner-index.ts';
import type { KubeObject } from '../../../src/sim/store/types.ts';

const pod = (name: string, uid: string, owners: Array<{ uid: string; controller?: boolean }> = []): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'ns', uid, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: owners.map((o) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', ...o })) },
});
const names = (objs: Iterable<KubeObject>) => [...objs].map((o) => o.metadata.name).sort();

test('an orphan is adoptable until a controller owns it; an owner lists what names it', () => {
  const index = new OwnerIndex();
  const lone = pod('a', 'u-a');
  index.move(undefined, lone);
  index.move(undefined, pod('b', 'u-b', [{ uid: 'rs-1', controller: true }]));
  assert.deepEqual(names(index.orphans('Pod', 'ns')), ['a']);
  assert.deepEqual(names(index.ownedBy('rs-1')), ['b']);
  const adopted = pod('a', 'u-a', [{ uid: 'rs-1', controller: true }]);
  index.move(lone, adopted);
  assert.deepEqual(names(index.orphans('Pod', 'ns')), []);
  assert.deepEqual(names(index.ownedBy('rs-1')), ['a', 'b']);
  assert.equal(index.byUid('u-a'), adopted);
  // A non-controller reference still lists it under that owner, and it stays an orphan.
  index.move(undefined, pod('c', 'u-c', [{ uid: 'cfg-1' }]));
  assert.deepEqual(names(index.ownedBy('cfg-1')), ['c']);
  assert.deepEqual(names(index.orphans('Pod', 'ns')), ['c']);
});

test('removal drops an object from every index; kinds no controller adopts are not indexed as orphans', () => {
  const index = new OwnerIndex();
  const b = pod('b', 'u-b', [{ uid: 'rs-1', controller: true }]);
  index.move(undefined, b);
  index.move(b, undefined);
  assert.equal(index.byUid('u-b'), undefined);
  assert.deepEqual(names(index.ownedBy('rs-1')), []);
  assert.throws(() => index.orphans('Event', 'ns'), /orphans of kind Event are not indexed/);
});
