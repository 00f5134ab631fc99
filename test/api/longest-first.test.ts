import assert from 'node:assert/strict';
import { test } from 'node:test';
import { longestFirst } from '../../src/api/longest-first.ts';

const at = (uri: string, line: number) => ({ pickle: { uri }, location: { line } });

test('a parallel run hands out the longest scenarios first; ties and unknown ones keep their defined order', () => {
  const pickles = [at('features/a.feature', 3), at('features/a.feature', 9), at('features/b.feature', 4), at('features/c.feature', 2), at('features/c.feature', 7)];
  const durations = { 'features/a.feature:3': 100, 'features/a.feature:9': 16000, 'features/b.feature:4': 300, 'features/c.feature:2': 300 };
  // c:7 has no recorded duration: it counts as the median, 300, after b:4 and c:2 of the same.
  const order = longestFirst(pickles, durations, '/project').map((p) => `${p.pickle.uri}:${p.location.line}`);
  assert.deepEqual(order, ['features/a.feature:9', 'features/b.feature:4', 'features/c.feature:2', 'features/c.feature:7', 'features/a.feature:3']);
});

test('with no durations recorded (a fresh clone) the defined order stays, and absolute uris find their durations', () => {
  const pickles = [at('features/a.feature', 3), at('/project/features/b.feature', 4)];
  assert.deepEqual(longestFirst(pickles, {}, '/project'), pickles);
  assert.deepEqual(longestFirst(pickles, { 'features/a.feature:3': 1, 'features/b.feature:4': 5 }, '/project'), [pickles[1], pickles[0]]);
});
