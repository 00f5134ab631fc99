import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonMerge, strategicMerge } from '../../../src/sim/store/strategic-merge.ts';

const target = { spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }], args: ['1', '2'] }, metadata: { labels: { app: 'web', tier: 'fe' } } };

test('containers merge by name; other lists are replaced; null deletes', () => {
  assert.deepEqual(strategicMerge(target, { spec: { containers: [{ name: 'b', image: 'y:2' }], args: ['3'] }, metadata: { labels: { tier: null } } }), {
    spec: { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:2' }], args: ['3'] },
    metadata: { labels: { app: 'web' } },
  });
});

test('a JSON merge patch replaces lists whole', () => {
  assert.deepEqual((jsonMerge(target, { spec: { containers: [{ name: 'b', image: 'y:2' }] } }) as any).spec.containers, [{ name: 'b', image: 'y:2' }]);
});
