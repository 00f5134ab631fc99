import assert from 'node:assert/strict';
import { test } from 'node:test';
import { observed, observedGeneration } from '../../src/sim/observed-generation.ts';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', generation: 3 } };

test('the generation is recorded as observed from 1.34, when PodObservedGenerationTracking is on by default', () => {
  assert.equal(observedGeneration({ minor: '1.33' }, pod), undefined, 'alpha and off in 1.33: pods carry a generation nobody records');
  assert.equal(observedGeneration({ minor: '1.34' }, pod), 3);
  assert.equal(observedGeneration({ minor: '1.37' }, pod), 3);
});

test('a condition gets observedGeneration only when there is one to record', () => {
  const ready = { type: 'Ready', status: 'True' };
  assert.deepEqual(observed(ready, undefined), ready);
  assert.deepEqual(observed(ready, 3), { type: 'Ready', status: 'True', observedGeneration: 3 });
});
