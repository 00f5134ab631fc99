import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { coverageMatrix, itemProof, proofKindOf, readSeedItems, type TaggedScenario } from '../../src/coverage/seed-coverage.ts';
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
  assert.deepEqual(summary, { counted: 2, covered: 1, percent: 50, byProof: { 'control-plane': 0, simulator: 1, model: 0 } });
  assert.match(markdown, /\| C000-001 \| a \| in-scope \| simulator only \| ✅ `f.feature:3` \|/);
  assert.match(markdown, /\| C000-002 \| b \| in-scope \| — \| ❌ `f.feature:9` \|/);
  assert.match(markdown, /\| C000-003 \| c \| out-of-scope \| — \| — \|/);
});

test('a scenario proves on a control plane only when @portable, not @needs-kubelet and not model-judged', () => {
  assert.equal(proofKindOf({ tags: ['@api', '@portable'] }), 'control-plane');
  assert.equal(proofKindOf({ tags: ['@portable', '@needs-kubelet'] }), 'simulator');
  assert.equal(proofKindOf({ tags: ['@sim-only'] }), 'simulator');
  assert.equal(proofKindOf({ tags: ['@live-only'] }), 'simulator');
  assert.equal(proofKindOf({ tags: [] }), 'simulator');
  assert.equal(proofKindOf({ tags: ['@portable'], modelJudged: true }), 'model');
  assert.equal(proofKindOf({ tags: ['@sim-only'], modelJudged: true }), 'model');
});

test('an item is proven by its strongest passing scenario; failing ones do not count', () => {
  const s = (tags: string[], status: string, modelJudged = false): TaggedScenario => ({ id: 'f.feature:1', name: 'x', seedIds: ['C000-001'], status, tags, modelJudged });
  assert.equal(itemProof([s(['@portable'], 'PASSED', true), s(['@sim-only'], 'PASSED'), s(['@portable'], 'PASSED')]), 'control-plane');
  assert.equal(itemProof([s(['@portable'], 'PASSED', true), s(['@portable', '@needs-kubelet'], 'PASSED')]), 'simulator');
  assert.equal(itemProof([s(['@portable'], 'PASSED', true), s(['@portable'], 'FAILED')]), 'model');
  assert.equal(itemProof([s(['@portable'], 'FAILED')]), undefined);
  assert.equal(itemProof([]), undefined);
});

test('the summary and the report split covered items by how they are proven', () => {
  const item = (id: string) => ({ id, text: id, file: '000.md', section: 'S', scope: 'in-scope' as const });
  const items = ['C000-001', 'C000-002', 'C000-003', 'C000-004'].map(item);
  const { markdown, summary } = coverageMatrix(items, [
    { id: 'a.feature:1', name: 'a', seedIds: ['C000-001'], status: 'PASSED', tags: ['@portable'] },
    { id: 'b.feature:1', name: 'b', seedIds: ['C000-001', 'C000-002'], status: 'PASSED', tags: ['@portable', '@needs-kubelet'] },
    { id: 'c.feature:1', name: 'c', seedIds: ['C000-003'], status: 'PASSED', tags: ['@portable'], modelJudged: true },
    { id: 'd.feature:1', name: 'd', seedIds: ['C000-004'], status: 'FAILED', tags: ['@portable'] },
  ]);
  assert.deepEqual(summary, { counted: 4, covered: 3, percent: 75, byProof: { 'control-plane': 1, simulator: 1, model: 1 } });
  assert.match(markdown, /\| on a control plane \| 1 \| 25% \|/);
  assert.match(markdown, /\| on the simulator only \| 1 \| 25% \|/);
  assert.match(markdown, /\| by a model \| 1 \| 25% \|/);
  assert.match(markdown, /\| C000-001 \| C000-001 \| in-scope \| control plane \| ✅ `a.feature:1`<br>✅ `b.feature:1` \|/);
  assert.match(markdown, /\| C000-003 \| C000-003 \| in-scope \| model \| ✅ `c.feature:1` \|/);
  assert.match(markdown, /\| C000-004 \| C000-004 \| in-scope \| — \| ❌ `d.feature:1` \|/);
});
