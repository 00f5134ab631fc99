import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countBound } from '../../src/assertions/count-bound.ts';

test('each bound compares as its words say, the limit included or not', () => {
  const table: Array<[Parameters<typeof countBound>[0], number, number[], number[]]> = [
    ['at least', 2, [2, 3], [0, 1]],
    ['at most', 1, [0, 1], [2]],
    ['more than', 0, [1, 5], [0]],
    ['fewer than', 3, [0, 2], [3, 4]],
    ['exactly', 3, [3], [2, 4]],
  ];
  for (const [word, n, yes, no] of table) {
    const b = countBound(word, n, 'pods');
    for (const a of yes) assert.equal(b.holds(a), true, `${b.text}: ${a}`);
    for (const a of no) assert.equal(b.holds(a), false, `${b.text}: ${a}`);
  }
  assert.equal(countBound('at least', 2, 'pods').text, 'at least 2');
  assert.equal(countBound('exactly', 2, 'pods').text, '2');
});
