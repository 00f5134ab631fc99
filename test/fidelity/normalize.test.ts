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

test('what Helm writes from the run itself, its release namespace and modifiedAt second, is not compared', async () => {
  const { normalizeObject } = await import('../../src/fidelity/normalize.ts');
  const rendered = (namespace: string, second: string) => normalizeObject({
    metadata: { annotations: { 'meta.helm.sh/release-name': 'web', 'meta.helm.sh/release-namespace': namespace }, labels: { modifiedAt: second, owner: 'helm' } },
  });
  assert.deepEqual(rendered('default', '1796614776'), rendered('ks-a-broken-value-a1f5a2', '1796615132'));
  assert.notDeepEqual(rendered('default', '1'), normalizeObject({ metadata: { annotations: { 'meta.helm.sh/release-name': 'api', 'meta.helm.sh/release-namespace': 'x' }, labels: { modifiedAt: '1', owner: 'helm' } } }));
});

test('from 1.34 the fenced workers hide in the tainted count, which is then not compared; the other reasons are', async () => {
  const { withoutFencedNodes } = await import('../../src/fidelity/normalize.ts');
  const sim = '0/3 nodes are available: 2 node(s) didn\'t match Pod\'s node affinity/selector, 1 node(s) had untolerated taint(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const real = '0/4 nodes are available: 2 node(s) didn\'t match Pod\'s node affinity/selector, 2 node(s) had untolerated taint(s). preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  assert.equal(withoutFencedNodes(sim), withoutFencedNodes(real));
  assert.notEqual(withoutFencedNodes(sim), withoutFencedNodes(real.replace('2 node(s) didn\'t', '1 node(s) didn\'t')));
});

test('on KWOK the container status fields only a kubelet writes are not compared; on a real node they are', async () => {
  const { withoutKubeletOnlyFields } = await import('../../src/fidelity/normalize.ts');
  const fromKubelet = { kind: 'Pod', metadata: { name: 'p' }, status: { containerStatuses: [{ name: 'app', ready: false, resources: {}, allocatedResources: { cpu: '100m' }, state: { terminated: { exitCode: 0, reason: 'Completed', containerID: 'containerd://1' } } }] } };
  const fromKwok = { kind: 'Pod', metadata: { name: 'p' }, status: { containerStatuses: [{ name: 'app', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } };
  assert.deepEqual(withoutKubeletOnlyFields(fromKubelet), withoutKubeletOnlyFields(fromKwok));
  const real = withoutKubeletOnlyFields(fromKubelet, { realKubelet: true });
  assert.deepEqual(real.status.containerStatuses[0].allocatedResources, { cpu: '100m' });
  assert.deepEqual(real.status.containerStatuses[0].resources, {});
});

test('a tainted count taken out of the histogram does not move the reasons around it', async () => {
  const { withoutFencedNodes } = await import('../../src/fidelity/normalize.ts');
  const sim = '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
  const real = '0/4 nodes are available: 2 node(s) didn\'t match Pod\'s node affinity/selector, 2 node(s) had untolerated taint(s). preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';
  assert.equal(withoutFencedNodes(sim), withoutFencedNodes(real));
});
