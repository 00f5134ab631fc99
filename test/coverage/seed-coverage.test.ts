import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { coverageMatrix, readSeedItems } from '../../src/coverage/seed-coverage.ts';
import { packageRoot } from '../../src/package-root.ts';

test('every one of the 1,039 seed items is read, with its scope', () => {
  const items = readSeedItems(join(packageRoot, '..', 'shared', 'seed-concepts'));
  assert.equal(items.length, 1039);
  assert.equal(new Set(items.map((i) => i.id)).size, 1039);
  assert.equal(items.filter((i) => i.scope === 'out-of-scope').length, 54);
  assert.doesNotMatch(items[0]!.text, / — lines? \d/);
});

test('an item is covered only by a passing scenario; out-of-scope items are listed, not counted', () => {
  const items = [
    { id: 'C000-001', text: 'a', file: '000.md', section: 'S', scope: 'in-scope' as const },
    { id: 'C000-002', text: 'b', file: '000.md', section: 'S', scope: 'in-scope' as const },
    { id: 'C000-003', text: 'c', file: '000.md', section: 'S', scope: 'out-of-scope' as const },
  ];
  const { markdown, summary } = coverageMatrix(items, [
    { id: 'f.feature:3', name: 'x', seedIds: ['C000-001'], status: 'PASSED' },
    { id: 'f.feature:9', name: 'y', seedIds: ['C000-002'], status: 'FAILED' },
  ]);
  assert.deepEqual(summary, { counted: 2, covered: 1, percent: 50 });
  assert.match(markdown, /\| C000-001 \| a \| in-scope \| ✅ `f.feature:3` \|/);
  assert.match(markdown, /\| C000-002 \| b \| in-scope \| ❌ `f.feature:9` \|/);
  assert.match(markdown, /\| C000-003 \| c \| out-of-scope \| — \|/);
});
