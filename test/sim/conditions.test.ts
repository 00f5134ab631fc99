import assert from 'node:assert/strict';
import { test } from 'node:test';
import { upsertCondition } from '../../src/sim/conditions.ts';

test('a condition is replaced whole: a reason the writer leaves out is gone, the transition time moves only with the status', () => {
  const unready = upsertCondition(undefined, { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: 't0' });
  assert.deepEqual(unready, [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', lastTransitionTime: 't0' }]);
  const ready = upsertCondition(unready, { type: 'Ready', status: 'True', lastTransitionTime: 't3' });
  assert.deepEqual(ready, [{ type: 'Ready', status: 'True', lastTransitionTime: 't3' }]);
  assert.deepEqual(upsertCondition(ready, { type: 'Ready', status: 'True', lastTransitionTime: 't9' }), ready);
});

test('a lastProbeTime is kept, first, when the condition had one or the writer gives one (null included); none is made up', () => {
  const probed = upsertCondition([{ lastProbeTime: 'p1', type: 'PodResizePending', status: 'True', lastTransitionTime: 't0' }], { type: 'PodResizePending', status: 'True', lastTransitionTime: 't1' });
  assert.deepEqual(Object.keys(probed[0]), ['lastProbeTime', 'type', 'status', 'lastTransitionTime']);
  assert.equal(probed[0].lastProbeTime, 'p1');
  const bound = upsertCondition(undefined, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: 't0' });
  assert.deepEqual(Object.keys(bound[0]), ['lastProbeTime', 'type', 'status', 'lastTransitionTime']);
  assert.equal(bound[0].lastProbeTime, null);
  assert.equal('lastProbeTime' in upsertCondition(undefined, { type: 'Ready', status: 'True', lastTransitionTime: 't0' })[0], false);
});
