// How many real nodes the fidelity run's real-node pass brings up (issue 31).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realNodeCount } from '../../src/fidelity/real-node-count.ts';

const kind = [{ name: 'control-plane', role: 'control-plane' as const }, { name: 'worker-1' }, { name: 'worker-2' }, { name: 'worker-3' }];

test('the nightly pass plays every worker of the topology, CI\'s quick pass one, and an asked number wins', () => {
  assert.equal(realNodeCount(undefined, undefined, kind), 3);
  assert.equal(realNodeCount(undefined, true, kind), 1);
  assert.equal(realNodeCount(2, undefined, kind), 2);
  assert.equal(realNodeCount(0, true, kind), 0);
  assert.equal(realNodeCount(undefined, false, kind.slice(0, 2)), 1);
});

test('a topology with more workers than a cluster can number gets as many as it can', () => {
  const big = Array.from({ length: 9 }, (_, i) => ({ name: `worker-${i + 1}` }));
  assert.equal(realNodeCount(undefined, undefined, big), 4);
});
