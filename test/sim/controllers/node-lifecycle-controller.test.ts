import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeLifecycleController } from '../../../src/sim/controllers/node-lifecycle-controller.ts';
import { NodeHealth } from '../../../src/sim/node-health.ts';
import { at, podIn, readyNode, reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/nodelifecycle/node_lifecycle_controller.go (k8s v1.32: tryUpdateNodeHealth sets
// Ready and the pressure conditions Unknown, "NodeStatusUnknown", "Kubelet stopped posting node
// status." after --node-monitor-grace-period 50s; RecordNodeStatusChange "Node %s status is now:
// %s"; doNoScheduleTaintingPass and doNoExecuteTaintingPass) and pkg/controller/util/node/
// controller_utils.go (MarkPodsNotReady: Ready=False and a Warning NodeNotReady "Node is not ready").

const taints = (w: ReturnType<typeof reconcileWorld>, name: string) =>
  (w.store.get('Node', { name })!.spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}${t.timeAdded ? ` @${t.timeAdded}` : ''}`);

test('a node silent for the grace period goes Unknown, is tainted unreachable and its pods lose Ready', () => {
  const w = reconcileWorld();
  const health = new NodeHealth();
  w.put(readyNode('n1'), podIn('web', { node: 'n1', readySince: 0 }));
  health.fail('n1', w.clock.now());
  const controller = new NodeLifecycleController(w.store, w.clock, w.events, health);
  const early = w.reconcile(controller, { name: 'n1' });
  assert.deepEqual(early.result, { requeueAfter: 50_000 });
  assert.deepEqual(early.writes, []);

  w.clock.advanceBy(50_000);
  const out = w.reconcile(controller, { name: 'n1' });
  assert.deepEqual(out.events, [
    'Normal NodeNotReady Node/n1: Node n1 status is now: NodeNotReady',
    'Warning NodeNotReady Pod/web: Node is not ready',
  ]);
  const node = w.store.get('Node', { name: 'n1' })!;
  for (const c of node.status.conditions) {
    assert.deepEqual([c.type, c.status, c.reason, c.message], [c.type, 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']);
  }
  // SwapNodeControllerTaint (controller_utils.go) stamps every taint it adds with timeAdded.
  assert.deepEqual(taints(w, 'n1'), [`node.kubernetes.io/unreachable:NoSchedule @${at(50)}`, `node.kubernetes.io/unreachable:NoExecute @${at(50)}`]);
  const ready = w.store.get('Pod', { namespace: 'default', name: 'web' })!.status.conditions.find((c: any) => c.type === 'Ready');
  assert.deepEqual([ready.status, ready.lastTransitionTime], ['False', at(50)]);
});

test('Ready=False taints not-ready, a cordon taints unschedulable, and the taints go when the node is well again', () => {
  const w = reconcileWorld();
  const controller = new NodeLifecycleController(w.store, w.clock, w.events, new NodeHealth());
  const [node] = w.put(readyNode('n1', { unschedulable: true }));
  const conditions = node!.status.conditions.map((c: any) => (c.type === 'Ready' ? { ...c, status: 'False', reason: 'KubeletNotReady' } : c));
  w.store.updateStatus({ ...node!, status: { ...node!.status, conditions } });
  w.reconcile(controller, { name: 'n1' });
  assert.deepEqual(taints(w, 'n1'), [`node.kubernetes.io/not-ready:NoSchedule @${at(0)}`, `node.kubernetes.io/not-ready:NoExecute @${at(0)}`, `node.kubernetes.io/unschedulable:NoSchedule @${at(0)}`]);

  const sick = w.store.get('Node', { name: 'n1' })!;
  w.store.update({ ...sick, spec: { ...sick.spec, unschedulable: false } });
  const healed = w.store.get('Node', { name: 'n1' })!;
  w.store.updateStatus({ ...healed, status: { ...healed.status, conditions: node!.status.conditions } });
  w.reconcile(controller, { name: 'n1' });
  assert.deepEqual(taints(w, 'n1'), []);
});
