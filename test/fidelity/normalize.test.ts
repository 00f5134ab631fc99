import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutKubeletOnlyFields } from '../../src/fidelity/normalize.ts';

test('the generation a kubelet observed is not compared (KWOK writes none), the scheduler\'s and controllers\' are', () => {
  const pod = (conditions: object[], observedGeneration?: number) => ({ kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Running', ...(observedGeneration ? { observedGeneration } : {}), conditions } });
  const kubelet = withoutKubeletOnlyFields(pod([
    { type: 'Ready', status: 'True', observedGeneration: 1 },
    { type: 'PodScheduled', status: 'True', observedGeneration: 1 },
    { type: 'DisruptionTarget', status: 'True', observedGeneration: 2 },
  ], 1));
  const kwok = withoutKubeletOnlyFields(pod([
    { type: 'Ready', status: 'True' },
    { type: 'PodScheduled', status: 'True' },
    { type: 'DisruptionTarget', status: 'True', observedGeneration: 2 },
  ]));
  assert.deepEqual(kubelet, kwok);
  const unschedulable = withoutKubeletOnlyFields(pod([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', observedGeneration: 1 }]));
  assert.equal(unschedulable.status.conditions[0].observedGeneration, 1);
});
