import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ControllerManager } from '../../../src/sim/controllers/manager.ts';
import { Kubelets } from '../../../src/sim/kubelet/kubelet.ts';
import { thaw } from '../../../src/sim/store/freeze.ts';
import type { KubeObject } from '../../../src/sim/store/types.ts';
import { readyNode, reconcileWorld } from '../controllers/reconcile-helpers.ts';

const key = { namespace: 'default', name: 'web' };

/** One node's kubelet on a bare API server, with the virtual time (ms from the start) of each of its syncs of `web`. */
function kubeletWorld() {
  const world = reconcileWorld();
  const manager = new ControllerManager(world.store, world.clock);
  const kubelets = new Kubelets(world.store, world.clock, world.events);
  const start = world.clock.now();
  const syncs: number[] = [];
  const reconcile = kubelets.reconcile.bind(kubelets);
  kubelets.reconcile = (k) => {
    if (k.name === key.name) syncs.push(world.clock.now() - start);
    return reconcile(k);
  };
  manager.register(kubelets, kubelets.watches());
  world.put(readyNode('worker-1'));
  return { ...world, syncs };
}

function boundPod(spec: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec } };
}

const condition = (pod: KubeObject | undefined, type: string) => pod?.status?.conditions?.find((c: any) => c.type === type);

test("a pod's start is synced once per instant: the echo of the status its own sync posted starts no sync (config.go RECONCILE)", () => {
  const w = kubeletWorld();
  w.store.create(boundPod());
  w.clock.advanceBy(60_000);
  assert.equal(w.store.get('Pod', key)!.status.phase, 'Running');
  assert.equal(condition(w.store.get('Pod', key), 'Ready')?.status, 'True');
  // Each status post used to come back as a watch event and a second sync in the same instant.
  assert.deepEqual(w.syncs, [...new Set(w.syncs)], `syncs at ${w.syncs.join(', ')} ms`);
});

test('a status written by someone else still syncs the pod: the kubelet re-posts the Ready it owns (status manager needsReconcile)', () => {
  const w = kubeletWorld();
  w.store.create(boundPod());
  w.clock.advanceBy(60_000);
  const before = w.syncs.length;
  // The node lifecycle controller's MarkPodsNotReady: Ready=False, status only.
  const pod = w.store.get('Pod', key)!;
  const status = thaw(pod.status);
  condition({ status } as KubeObject, 'Ready').status = 'False';
  w.store.updateStatus({ ...pod, status });
  w.clock.settle();
  assert.equal(w.syncs.length, before + 1);
  assert.equal(condition(w.store.get('Pod', key), 'Ready')?.status, 'True');
});
