import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fenceposts, maxUnavailable } from '../../../../src/sim/controllers/deployment/rollout-math.ts';

const d = (replicas: number, maxSurge?: number | string, maxUnavailableValue?: number | string, type = 'RollingUpdate') =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {} as any, spec: { replicas, strategy: { type, rollingUpdate: { maxSurge, maxUnavailable: maxUnavailableValue } } } });

test('percent surge rounds up, percent unavailable rounds down (reference/workloads.md §2.1)', () => {
  assert.deepEqual(fenceposts(d(4, '25%', '25%')), { maxSurge: 1, maxUnavailable: 1 });
  assert.deepEqual(fenceposts(d(10, '25%', '25%')), { maxSurge: 3, maxUnavailable: 2 });
  assert.deepEqual(fenceposts(d(1, '25%', '25%')), { maxSurge: 1, maxUnavailable: 0 });
  assert.deepEqual(fenceposts(d(3, '25%', '25%')), { maxSurge: 1, maxUnavailable: 0 });
});

test('both zero: maxUnavailable becomes 1; Recreate has none', () => {
  assert.deepEqual(fenceposts(d(3, 0, 0)), { maxSurge: 0, maxUnavailable: 1 });
  assert.equal(maxUnavailable(d(3, 1, 1, 'Recreate')), 0);
  assert.equal(maxUnavailable(d(2, 0, 5)), 2, 'capped at replicas');
});
