import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignShards, parseShard } from '../../src/api/shard.ts';

test('shards are balanced by expected duration and independent of the order scenarios are listed in', () => {
  const scenarios = [
    { id: 'a.feature:3', expectedMs: 9000 }, { id: 'a.feature:9', expectedMs: 1000 }, { id: 'b.feature:4', expectedMs: 5000 },
    { id: 'b.feature:8', expectedMs: 4000 }, { id: 'c.feature:2', expectedMs: 3000 }, { id: 'c.feature:7' },
  ];
  const shards = assignShards(scenarios, 2);
  // The unknown one counts as the median (4000). Longest first to the lighter shard:
  // 9000 | 5000, +4000 (b:8) | tie at 9000 → shard 1 takes c:7 | +3000 | +1000: 13000 each.
  assert.deepEqual(shards, [['a.feature:3', 'c.feature:7'], ['a.feature:9', 'b.feature:4', 'b.feature:8', 'c.feature:2']]);
  assert.deepEqual(assignShards([...scenarios].reverse(), 2), shards);
  assert.deepEqual(shards.flat().sort(), scenarios.map((s) => s.id).sort());
  assert.deepEqual(assignShards(scenarios.slice(0, 1), 3), [['a.feature:3'], [], []]);
});

test('--shard takes INDEX/TOTAL within range', () => {
  assert.deepEqual(parseShard('2/4'), { index: 2, total: 4 });
  for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) assert.throws(() => parseShard(bad), /--shard must be INDEX\/TOTAL with 1 <= INDEX <= TOTAL, e\.g\. 2\/4/);
});
