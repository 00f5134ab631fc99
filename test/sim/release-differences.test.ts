import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion } from '../../src/kube/kubernetes-versions.ts';
import { clusterWith, get, pod, statefulSet } from './helpers.ts';

// What a scenario sees differently on 1.32 and 1.37, each from the versioned facts
// (src/kube/kubernetes-versions/behaviours.ts and the gate table).
const on = (minor: string) => clusterWith(1, 1, parseKubernetesVersion(minor));

test('a pod carries metadata.generation from 1.33, bumped by a spec change only (pod strategy.go)', () => {
  assert.equal(get((() => { const c = on('1.32'); c.store.create(pod('p')); return c; })(), 'Pod', 'p')!.metadata.generation, undefined);
  const c = on('1.37');
  c.store.create(pod('p'));
  assert.equal(get(c, 'Pod', 'p')!.metadata.generation, 1);
  const current = get(c, 'Pod', 'p')!;
  c.store.update({ ...current, metadata: { ...current.metadata, labels: { tier: 'web' } } });
  assert.equal(get(c, 'Pod', 'p')!.metadata.generation, 1);
  const relabelled = get(c, 'Pod', 'p')!;
  c.store.update({ ...relabelled, spec: { ...relabelled.spec, activeDeadlineSeconds: 60 } });
  assert.equal(get(c, 'Pod', 'p')!.metadata.generation, 2);
});

test('the Endpoints controller labels what it writes managed-by endpoint-controller from 1.33', () => {
  for (const [minor, label] of [['1.32', undefined], ['1.37', 'endpoint-controller']] as const) {
    const c = on(minor);
    c.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    c.clock.settle();
    assert.equal(get(c, 'Endpoints', 'web')!.metadata.labels?.['endpoints.kubernetes.io/managed-by'], label, minor);
  }
});

test("a StatefulSet's rollingUpdate.maxUnavailable defaults to 1 while MaxUnavailableStatefulSet is on (1.37)", () => {
  for (const [minor, value] of [['1.32', undefined], ['1.36', undefined], ['1.37', 1]] as const) {
    const c = on(minor);
    c.store.create(statefulSet('web', 1));
    assert.equal(get(c, 'StatefulSet', 'web')!.spec.updateStrategy.rollingUpdate.maxUnavailable, value, minor);
  }
});

test("binding a pod to its node (the binding subresource) does not bump its generation", () => {
  const c = on('1.37');
  c.store.create(pod('p'));
  c.clock.settle();
  assert.ok(get(c, 'Pod', 'p')!.spec.nodeName);
  assert.equal(get(c, 'Pod', 'p')!.metadata.generation, 1);
});

test('from 1.34 the kubelet records the generation it observed on the status and on each condition it writes (PodObservedGenerationTracking)', () => {
  for (const minor of ['1.32', '1.37']) {
    const c = on(minor);
    c.store.create(pod('p'));
    c.clock.advanceBy(30_000);
    const status = get(c, 'Pod', 'p')!.status;
    assert.equal(status.phase, 'Running', minor);
    const tracked = minor === '1.37' ? 1 : undefined;
    assert.equal(status.observedGeneration, tracked, minor);
    assert.deepEqual(status.conditions.map((x: any) => [x.type, x.observedGeneration]),
      ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((t) => [t, tracked]), minor);
  }
  // A spec change is observed at the kubelet's next sync.
  const c = on('1.37');
  c.store.create(pod('p'));
  c.clock.advanceBy(30_000);
  const running = get(c, 'Pod', 'p')!;
  c.store.update({ ...running, spec: { ...running.spec, activeDeadlineSeconds: 3600 } });
  c.clock.advanceBy(1_000);
  const after = get(c, 'Pod', 'p')!;
  assert.equal(after.metadata.generation, 2);
  assert.equal(after.status.observedGeneration, 2);
  assert.ok(after.status.conditions.every((x: any) => x.observedGeneration === 2));
});

test('an unschedulable pod\'s PodScheduled=False condition carries the generation the scheduler saw, from 1.34', () => {
  for (const [minor, tracked] of [['1.32', undefined], ['1.37', 1]] as const) {
    const c = on(minor);
    c.store.create({ ...pod('big'), spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '1000' } } }] } });
    c.clock.settle();
    const scheduled = get(c, 'Pod', 'big')!.status.conditions.find((x: any) => x.type === 'PodScheduled');
    assert.equal(scheduled.status, 'False', minor);
    assert.equal(scheduled.observedGeneration, tracked, minor);
    assert.equal(get(c, 'Pod', 'big')!.status.observedGeneration, undefined, `${minor}: only the kubelet sets status.observedGeneration`);
  }
});

test('the first graceful deletion bumps a generation the object has: a pod from 1.33, a Deployment held by a finalizer on every release', () => {
  for (const [minor, generation] of [['1.32', undefined], ['1.37', 2]] as const) {
    const c = on(minor);
    c.store.create(pod('p'));
    c.clock.advanceBy(30_000);
    c.store.delete('Pod', { namespace: 'default', name: 'p' });
    const terminating = get(c, 'Pod', 'p')!;
    assert.ok(terminating.metadata.deletionTimestamp, minor);
    assert.equal(terminating.metadata.generation, generation, minor);
    // Shortening the grace period is not a first deletion: no second bump.
    c.store.delete('Pod', { namespace: 'default', name: 'p' }, { gracePeriodSeconds: 5 });
    assert.equal(get(c, 'Pod', 'p')?.metadata.generation, generation, minor);
  }
  const c = on('1.32');
  c.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', finalizers: ['example.com/hold'] }, spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } });
  c.clock.settle();
  const before = get(c, 'Deployment', 'web')!.metadata.generation!;
  c.store.delete('Deployment', { namespace: 'default', name: 'web' });
  assert.equal(get(c, 'Deployment', 'web')!.metadata.generation, before + 1);
});
