import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peakOverlap, stateIntervals } from '../../src/assertions/timeline-invariants.ts';
import type { TimelineEntry, Transition } from '../../src/drivers/driver.ts';

const e = (at: number, name: string, transition: Transition, app = 'web'): TimelineEntry => ({ at, kind: 'Pod', name, transition, labels: { app } });

test('unready intervals run from creation or not-ready to ready or removal', () => {
  const timeline = [e(0, 'a', 'created'), e(3, 'a', 'ready'), e(10, 'a', 'not-ready'), e(12, 'a', 'deleted'), e(11, 'b', 'created')];
  assert.deepEqual(stateIntervals(timeline, 'app=web', 'unready', 20), [
    { name: 'a', from: 0, to: 3 }, { name: 'a', from: 10, to: 12 }, { name: 'b', from: 11, to: 20 },
  ]);
});

test('the window starts at `since`; other labels are ignored', () => {
  const timeline = [e(0, 'a', 'created'), e(3, 'a', 'ready'), e(0, 'x', 'created', 'other'), e(5, 'b', 'created'), e(8, 'b', 'ready')];
  assert.deepEqual(stateIntervals(timeline, 'app=web', 'unready', 20, 4), [{ name: 'b', from: 5, to: 8 }]);
});

test('overlap counts pods in the state at once; touching intervals do not overlap', () => {
  const timeline = [e(0, 'a', 'terminating'), e(1, 'a', 'deleted'), e(1, 'b', 'terminating'), e(2, 'b', 'deleted')];
  assert.equal(peakOverlap(stateIntervals(timeline, 'app=web', 'terminating', 5)).count, 1);
  const both = [e(0, 'a', 'terminating'), e(0, 'b', 'terminating'), e(1, 'a', 'deleted'), e(2, 'b', 'deleted')];
  assert.deepEqual(peakOverlap(stateIntervals(both, 'app=web', 'terminating', 5)), { count: 2, at: 0, names: ['a', 'b'] });
});
