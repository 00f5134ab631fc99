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

test('kubectl\'s directives are carried out and never stored: $setElementOrder, $deleteFromPrimitiveList, $retainKeys, $patch', () => {
  const pod = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }], finalizers: ['f1', 'f2'], strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
  assert.deepEqual(strategicMerge(pod, { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'z' }] } }), {
    spec: { containers: [{ name: 'b', image: 'y' }, { name: 'a', image: 'z' }], finalizers: ['f1', 'f2'], strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
  });
  assert.deepEqual((strategicMerge(pod, { spec: { '$deleteFromPrimitiveList/finalizers': ['f1'] } }) as any).spec.finalizers, ['f2']);
  assert.deepEqual((strategicMerge(pod, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }) as any).spec.strategy, { type: 'Recreate' });
  assert.deepEqual((strategicMerge(pod, { spec: { containers: [{ name: 'a', $patch: 'delete' }] } }) as any).spec.containers, [{ name: 'b', image: 'y' }]);
  assert.deepEqual((strategicMerge(pod, { spec: { strategy: { $patch: 'replace', type: 'Recreate' } } }) as any).spec.strategy, { type: 'Recreate' });
});
