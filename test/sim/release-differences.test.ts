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
