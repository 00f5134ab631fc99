import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceReplicas } from '../../../../src/sim/controllers/hpa/replica-calculator.ts';
import { limitRate, stabilize, defaultScaleDown, defaultScaleUp } from '../../../../src/sim/controllers/hpa/scaling-behavior.ts';

const pod = (name: string, phase = 'Running', ready = true) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: name } as any,
  spec: { containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] },
  status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const usage = (m: Record<string, number>) => (p: any) => (m[p.metadata.name] === undefined ? undefined : { cpu: m[p.metadata.name]!, memory: 0 });

test('desired = ceil(ready pods × utilization / target); within 10% nothing changes', () => {
  assert.equal(resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], usage({ a: 100, b: 100 })).replicas, 4);
  assert.equal(resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], usage({ a: 54, b: 54 })).replicas, 2);
  assert.equal(resourceReplicas(4, 50, 'cpu', [pod('a'), pod('b'), pod('c'), pod('d')], usage({ a: 10, b: 10, c: 10, d: 10 })).replicas, 1);
});

test('pending pods count as idle when scaling up, which dampens the scale-up', () => {
  const r = resourceReplicas(3, 50, 'cpu', [pod('a'), pod('b'), pod('p', 'Pending')], usage({ a: 100, b: 100 }));
  assert.equal(r.replicas, 4, 'ratio 200/150 over 3 pods = 1.33 → ceil(4)');
  assert.equal(r.utilization, 100);
});

test('a pod without a cpu request stops the computation with the controller message', () => {
  const noRequest = { ...pod('x'), spec: { containers: [{ name: 'c', resources: {} }] } };
  assert.throws(() => resourceReplicas(1, 50, 'cpu', [noRequest as any], usage({ x: 10 })), { message: 'missing request for cpu in container c of Pod x' });
});

test('scale-down stabilization keeps the highest recommendation of the window', () => {
  const now = 1_000_000;
  assert.equal(stabilize(4, 2, [{ at: now - 60_000, value: 4 }], defaultScaleUp, defaultScaleDown, now), 4);
  assert.equal(stabilize(4, 2, [{ at: now - 301_000, value: 4 }], defaultScaleUp, defaultScaleDown, now), 2);
});

test('the default scale-up policy allows max(+4 pods, +100%) per 15 seconds', () => {
  const now = 1_000_000;
  assert.deepEqual(limitRate(2, 40, 1, 100, defaultScaleUp, defaultScaleDown, [], [], now), { replicas: 6, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
  assert.equal(limitRate(10, 40, 1, 100, defaultScaleUp, defaultScaleDown, [], [], now).replicas, 20);
  assert.equal(limitRate(10, 40, 1, 100, defaultScaleUp, defaultScaleDown, [{ at: now - 5000, value: 5 }], [], now).replicas, 10, 'the period began at 5 replicas: max(5+4, 5×2) = 10');
});
