import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReplicaSetController } from '../../../src/sim/controllers/replicaset-controller.ts';
import { podIn, reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/replicaset/replica_set.go (manageReplicas, claimPods) and
// pkg/controller/controller_utils.go (RealPodControl: "Created pod: %v", "Deleted pod: %v";
// ActivePodsWithRanks.Less for which pods go first), k8s v1.32.

const replicaSet = (replicas: number) => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
});

test('a ReplicaSet short of pods creates them from its template, each with a SuccessfulCreate event', () => {
  const w = reconcileWorld();
  w.put(replicaSet(3));
  const out = w.reconcile(new ReplicaSetController(w.store, w.clock, w.events), { namespace: 'default', name: 'web' });
  assert.deepEqual(out.writes.filter((x) => x.startsWith('create')), ['create Pod default/web-*', 'create Pod default/web-*', 'create Pod default/web-*']);
  const pods = w.store.list('Pod', { namespace: 'default' });
  assert.deepEqual(out.events.sort(), pods.map((p) => `Normal SuccessfulCreate ReplicaSet/web: Created pod: ${p.metadata.name}`).sort());
  for (const p of pods) {
    assert.equal(p.metadata.labels!.app, 'web');
    assert.deepEqual(p.metadata.ownerReferences!.map((r) => [r.kind, r.name, r.controller, r.blockOwnerDeletion]), [['ReplicaSet', 'web', true, true]]);
  }
});

test('a ReplicaSet with too many pods deletes the unscheduled one first, then the not-ready one', () => {
  const w = reconcileWorld();
  const [rs] = w.put(replicaSet(1));
  w.put(
    podIn('web-ready', { labels: { app: 'web' }, owner: rs, node: 'n1', readySince: 0 }),
    podIn('web-pending', { labels: { app: 'web' }, owner: rs }),
    podIn('web-starting', { labels: { app: 'web' }, owner: rs, node: 'n1' }),
  );
  const out = w.reconcile(new ReplicaSetController(w.store, w.clock, w.events), { namespace: 'default', name: 'web' });
  // An unbound pod is removed at once; a bound one is deleted gracefully (its kubelet stops it).
  assert.deepEqual(out.writes.filter((x) => !x.endsWith('ReplicaSet default/web')), // An unbound pod is deleted at once, after the API server stamps its deletionTimestamp (store.ts).
    ['mark deleted Pod default/web-pending', 'delete Pod default/web-pending', 'mark deleted Pod default/web-starting']);
  assert.deepEqual(out.events, [
    'Normal SuccessfulDelete ReplicaSet/web: Deleted pod: web-pending',
    'Normal SuccessfulDelete ReplicaSet/web: Deleted pod: web-starting',
  ]);
});

test('among ready pods a lower controller.kubernetes.io/pod-deletion-cost goes first', () => {
  const w = reconcileWorld();
  const [rs] = w.put(replicaSet(1));
  const cost = (n: string) => ({ 'controller.kubernetes.io/pod-deletion-cost': n });
  w.put(
    podIn('web-a', { labels: { app: 'web' }, owner: rs, node: 'n1', readySince: 0, annotations: cost('10') }),
    podIn('web-b', { labels: { app: 'web' }, owner: rs, node: 'n1', readySince: 0, annotations: cost('-5') }),
  );
  const out = w.reconcile(new ReplicaSetController(w.store, w.clock, w.events), { namespace: 'default', name: 'web' });
  assert.deepEqual(out.events, ['Normal SuccessfulDelete ReplicaSet/web: Deleted pod: web-b']);
});

test('a matching orphan is adopted instead of creating a pod; an owned pod whose labels stopped matching is released', () => {
  const w = reconcileWorld();
  const [rs] = w.put(replicaSet(1));
  w.put(
    podIn('stray', { labels: { app: 'web' }, node: 'n1', readySince: 0 }),
    podIn('relabelled', { labels: { app: 'debug' }, owner: rs, node: 'n1', readySince: 0 }),
  );
  const out = w.reconcile(new ReplicaSetController(w.store, w.clock, w.events), { namespace: 'default', name: 'web' });
  assert.deepEqual(out.writes.filter((x) => x.includes('Pod')).sort(), ['update Pod default/relabelled', 'update Pod default/stray']);
  assert.deepEqual(out.events, []);
  const owner = (name: string) => w.store.get('Pod', { namespace: 'default', name })!.metadata.ownerReferences;
  assert.equal(owner('stray')![0]!.uid, rs!.metadata.uid);
  assert.equal(owner('relabelled'), undefined);
});
