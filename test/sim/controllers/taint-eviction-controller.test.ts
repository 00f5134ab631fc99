import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaintEvictionController } from '../../../src/sim/controllers/taint-eviction-controller.ts';
import { at, podIn, readyNode, reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/tainteviction/taint_eviction.go (k8s v1.32): processPodOnNode deletes a pod that
// does not tolerate a NoExecute taint at once, and one whose matching tolerations all have
// tolerationSeconds when the shortest runs out (GetMatchingTolerations takes the first toleration
// that matches each taint; getMinTolerationTime); deletePodHandler records "TaintManagerEviction"
// "Marking for deletion Pod <ns>/<name>" and addConditionAndDeletePod sets DisruptionTarget,
// "DeletionByTaintManager", "Taint manager: deleting due to NoExecute taint" before deleting.

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at(0) };
const tolerate = (seconds?: number) => ({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }) });

test('a pod without a matching toleration is marked DisruptionTarget and deleted at once, with TaintManagerEviction', () => {
  const w = reconcileWorld();
  w.put(readyNode('n1', { taints: [unreachable] }), podIn('web', { node: 'n1', readySince: 0 }));
  const out = w.reconcile(new TaintEvictionController(w.store, w.clock, w.events), { name: 'n1' });
  assert.deepEqual(out.events, ['Normal TaintManagerEviction Pod/web: Marking for deletion Pod default/web']);
  assert.deepEqual(out.writes, ['update status Pod default/web', 'mark deleted Pod default/web']);
  const target = w.store.get('Pod', { namespace: 'default', name: 'web' })!.status.conditions.find((c: any) => c.type === 'DisruptionTarget');
  assert.deepEqual([target.status, target.reason, target.message], ['True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint']);
});

test('a pod tolerating the taint for 300s is evicted once that has passed since the taint was added', () => {
  const w = reconcileWorld();
  w.put(readyNode('n1', { taints: [unreachable] }), podIn('web', { node: 'n1', readySince: 0, spec: { tolerations: [tolerate(300)] } }));
  const controller = new TaintEvictionController(w.store, w.clock, w.events);
  w.clock.advanceBy(100_000);
  const early = w.reconcile(controller, { name: 'n1' });
  assert.deepEqual(early.result, { requeueAfter: 200_000 });
  assert.deepEqual(early.writes, []);
  w.clock.advanceBy(200_000);
  assert.deepEqual(w.reconcile(controller, { name: 'n1' }).writes, ['update status Pod default/web', 'mark deleted Pod default/web']);
});

test('the first matching toleration decides: a bounded one listed before an unbounded one still evicts', () => {
  const w = reconcileWorld();
  w.put(readyNode('n1', { taints: [unreachable] }), podIn('web', { node: 'n1', readySince: 0, spec: { tolerations: [tolerate(60), { operator: 'Exists' }] } }));
  const out = w.reconcile(new TaintEvictionController(w.store, w.clock, w.events), { name: 'n1' });
  assert.deepEqual(out.result, { requeueAfter: 60_000 });
});

test('a pod that tolerates the taint without tolerationSeconds stays', () => {
  const w = reconcileWorld();
  w.put(readyNode('n1', { taints: [unreachable] }), podIn('agent', { node: 'n1', readySince: 0, spec: { tolerations: [tolerate()] } }));
  const out = w.reconcile(new TaintEvictionController(w.store, w.clock, w.events), { name: 'n1' });
  assert.deepEqual(out, { result: {}, writes: [], events: [] });
});
