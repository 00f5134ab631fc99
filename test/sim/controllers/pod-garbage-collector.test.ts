import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PodGarbageCollector } from '../../../src/sim/controllers/pod-garbage-collector.ts';
import { podIn, readyNode, reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/podgc/gc_controller.go (k8s v1.32, gcOrphaned): a node missing for the
// quarantine (40s) has its pods force-deleted (grace 0), each first patched to phase Failed with
// DisruptionTarget=True, reason DeletionByPodGC, message "PodGC: node no longer exists"
// (markFailedAndDeletePodWithCondition). A node that is back within the quarantine keeps its pods.

test('pods bound to a deleted node are marked Failed with DisruptionTarget and force-deleted after 40s', () => {
  const w = reconcileWorld();
  w.put(readyNode('gone'), podIn('orphan', { node: 'gone', readySince: 0 }), podIn('elsewhere', { node: 'kept', readySince: 0 }));
  w.store.delete('Node', { name: 'gone' });
  const gc = new PodGarbageCollector(w.store, w.clock);
  const first = w.reconcile(gc, { name: 'gone' });
  assert.deepEqual(first.result, { requeueAfter: 40_000 });
  assert.deepEqual(first.writes, [], 'quarantined');
  const seen: any[] = [];
  w.store.watch('Pod', (e) => seen.push(e.object));
  w.clock.advanceBy(40_000);
  const due = w.reconcile(gc, { name: 'gone' });
  // Force deletion (grace 0) still passes through a stamped deletionTimestamp (store.ts).
  assert.deepEqual(due.writes, ['update status Pod default/orphan', 'mark deleted Pod default/orphan', 'delete Pod default/orphan']);
  const marked = seen[0].status;
  assert.equal(marked.phase, 'Failed');
  const target = marked.conditions.find((c: any) => c.type === 'DisruptionTarget');
  assert.deepEqual([target.status, target.reason, target.message], ['True', 'DeletionByPodGC', 'PodGC: node no longer exists']);
  assert.ok(w.store.get('Pod', { namespace: 'default', name: 'elsewhere' }));
});

test('a node that comes back within the quarantine keeps its pods', () => {
  const w = reconcileWorld();
  w.put(readyNode('flaky'), podIn('web', { node: 'flaky', readySince: 0 }));
  w.store.delete('Node', { name: 'flaky' });
  const gc = new PodGarbageCollector(w.store, w.clock);
  w.reconcile(gc, { name: 'flaky' });
  w.clock.advanceBy(20_000);
  w.put(readyNode('flaky'));
  w.clock.advanceBy(20_000);
  const out = w.reconcile(gc, { name: 'flaky' });
  assert.deepEqual(out.writes, []);
  assert.ok(w.store.get('Pod', { namespace: 'default', name: 'web' }));
});
