import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock.ts';
import { SeededRandom } from '../../../src/sim/rng.ts';
import { ObjectStore } from '../../../src/sim/store/object-store.ts';
import { ControllerManager } from '../../../src/sim/controllers/manager.ts';

const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });

function managed(reconcile: () => { requeueAfter?: number }) {
  const clock = new VirtualClock(0);
  const store = new ObjectStore(clock, new SeededRandom(1));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const manager = new ControllerManager(store, clock);
  let syncs = 0;
  manager.register({ name: 'Counter', reconcile: () => { syncs++; return reconcile(); } }, [{ kind: 'ConfigMap', keys: (e) => [e.object.metadata] }]);
  return { clock, store, syncs: () => syncs };
}

test('a key that re-queues itself at the same instant forever is reported as a livelock', () => {
  const { clock, store } = managed(() => ({ requeueAfter: 0 }));
  store.create(configMap('loop'));
  assert.throws(() => clock.settle(), /controllers did not settle at t=0ms \(last: Counter default\/loop\): a reconcile loop keeps re-queuing itself/);
});

test('a burst of many keys at one instant is work, not a livelock', () => {
  const { clock, store, syncs } = managed(() => ({}));
  for (let i = 0; i < 150_000; i++) store.create(configMap(`cm-${i}`));
  clock.settle();
  assert.equal(syncs(), 150_000);
});
