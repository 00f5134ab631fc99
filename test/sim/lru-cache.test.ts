import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LruCache } from '../../src/sim/lru-cache.ts';
import { SeededRandom } from '../../src/sim/rng.ts';

test('the least recently set key is forgotten first; a read does not count as use', () => {
  const lru = new LruCache<string, number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  assert.equal(lru.get('a'), 1);
  lru.set('c', 3);
  assert.deepEqual([lru.get('a'), lru.get('b'), lru.get('c')], [undefined, 2, 3]);
  lru.set('b', 4);
  lru.set('d', 5);
  assert.deepEqual([lru.get('b'), lru.get('c'), lru.get('d'), lru.size], [4, undefined, 5, 2]);
});

test('it keeps the same keys as a Map whose oldest key is dropped, over 20,000 seeded sets', () => {
  const rng = new SeededRandom(7);
  const lru = new LruCache<number, number>(64);
  const model = new Map<number, number>();
  for (let i = 0; i < 20_000; i++) {
    const key = rng.int(200);
    model.delete(key);
    model.set(key, i);
    if (model.size > 64) model.delete(model.keys().next().value!);
    lru.set(key, i);
    const probe = rng.int(200);
    assert.equal(lru.get(probe), model.get(probe));
  }
  assert.equal(lru.size, model.size);
});
