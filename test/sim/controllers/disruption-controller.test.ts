import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisruptionController } from '../../../src/sim/controllers/disruption-controller.ts';
import { podIn, reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/disruption/disruption.go (k8s v1.32: trySync, getExpectedPodCount,
// getExpectedScale, countHealthyPods, updatePdbStatus) and
// component-helpers apps/poddisruptionbudget/helpers.go (UpdateDisruptionAllowedCondition:
// SufficientPods / InsufficientPods).

const pdb = (spec: Record<string, unknown>) => ({
  apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
});
const key = { namespace: 'default', name: 'web' };
const statusOf = (w: ReturnType<typeof reconcileWorld>) => {
  const { disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods, conditions } = w.store.get('PodDisruptionBudget', key)!.status;
  return { disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods, condition: `${conditions[0].type}=${conditions[0].status} ${conditions[0].reason}` };
};

test('minAvailable 2 of three ready pods allows one disruption', () => {
  const w = reconcileWorld();
  w.put(pdb({ minAvailable: 2 }));
  for (const n of ['a', 'b', 'c']) w.put(podIn(`web-${n}`, { labels: { app: 'web' }, node: 'n1', readySince: 0 }));
  const out = w.reconcile(new DisruptionController(w.store, w.clock, w.events), key);
  assert.deepEqual(out.writes, ['update status PodDisruptionBudget default/web']);
  assert.deepEqual(statusOf(w), { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, condition: 'DisruptionAllowed=True SufficientPods' });
});

test('maxUnavailable 50% counts the owning controller\'s scale, so a pod not yet created leaves no room', () => {
  const w = reconcileWorld();
  w.put(pdb({ maxUnavailable: '50%' }));
  const [rs] = w.put({
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  });
  for (const n of ['a', 'b']) w.put(podIn(`web-${n}`, { labels: { app: 'web' }, owner: rs, node: 'n1', readySince: 0 }));
  w.put(podIn('web-c', { labels: { app: 'web' }, owner: rs, node: 'n1' }));
  w.reconcile(new DisruptionController(w.store, w.clock, w.events), key);
  // expected 4 (the scale), maxUnavailable 50% of 4 rounded up = 2, desired 2, healthy 2.
  assert.deepEqual(statusOf(w), { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2, expectedPods: 4, condition: 'DisruptionAllowed=False InsufficientPods' });
});

test('a budget that selects no pod says so with a NoPods event', () => {
  const w = reconcileWorld();
  w.put(pdb({ minAvailable: 1 }));
  const out = w.reconcile(new DisruptionController(w.store, w.clock, w.events), key);
  assert.deepEqual(out.events, ['Normal NoPods PodDisruptionBudget/web: No matching pods found']);
  assert.deepEqual(statusOf(w), { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 1, expectedPods: 0, condition: 'DisruptionAllowed=False InsufficientPods' });
});
