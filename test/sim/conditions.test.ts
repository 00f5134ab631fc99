import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertCondition } from '../../src/sim/conditions.ts';

test('a condition is replaced whole: a reason the writer leaves out is gone, the transition time moves only with the status', () => {
  const unready = upsertCondition(undefined, { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: 't0' });
  assert.deepEqual(unready, [{ lastProbeTime: null, type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: 't0' }]);
  const ready = upsertCondition(unready, { type: 'Ready', status: 'True', lastTransitionTime: 't3' });
  assert.deepEqual(ready, [{ lastProbeTime: null, type: 'Ready', status: 'True', lastTransitionTime: 't3' }]);
  assert.deepEqual(upsertCondition(ready, { type: 'Ready', status: 'True', lastTransitionTime: 't9' }), ready);
});
