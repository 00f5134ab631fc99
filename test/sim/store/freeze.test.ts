import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deepFreeze, shallowCopy } from '../../../src/sim/store/freeze.ts';

test('shallowCopy is a spread copy: same keys in the same order, shared values, mutable though the source is frozen', () => {
  const conditions = [{ type: 'Ready' }];
  const source = deepFreeze({ phase: 'Running', podIP: undefined, conditions });
  const copy = shallowCopy(source);
  assert.deepEqual(Object.keys(copy), Object.keys({ ...source }));
  assert.equal(copy.conditions, source.conditions);
  copy.phase = 'Failed';
  assert.equal(source.phase, 'Running');
  assert.equal('podIP' in copy, true);
});
