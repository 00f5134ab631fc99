import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capacityMismatches, FENCE_HOLDERS, fenceHeldBy, fenceReleasedBy, nodeDefinitionPatch, notInScenario, restoreNodePatch } from '../../src/drivers/live/node-changes.ts';
import type { KubeObject } from '../../src/drivers/driver.ts';

const node = (labels: Record<string, string>, spec: object = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels }, spec } as KubeObject);

test('a node table row adds only the labels and taints the node lacks', () => {
  const current = node({ 'kubernetes.io/hostname': 'worker-1', zone: 'a' }, { taints: [{ key: 'old', effect: 'NoSchedule' }] });
  assert.deepEqual(nodeDefinitionPatch({ name: 'worker-1', labels: { zone: 'a', disk: 'ssd' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] }, current), {
    metadata: { labels: { disk: 'ssd' } },
    spec: { taints: [{ key: 'old', effect: 'NoSchedule' }, { key: 'gpu', value: 'true', effect: 'NoSchedule' }] },
  });
  assert.equal(nodeDefinitionPatch({ name: 'worker-1', labels: { zone: 'a' } }, current), undefined);
});

test('teardown removes added labels, restores changed ones, taints and cordon', () => {
  const original = node({ zone: 'a' });
  const changed = node({ zone: 'b', disk: 'ssd' }, { taints: [{ key: 'critical', value: 'true', effect: 'NoExecute' }], unschedulable: true });
  assert.deepEqual(restoreNodePatch(original, changed), { metadata: { labels: { disk: null, zone: 'a' } }, spec: { taints: null, unschedulable: null } });
  assert.equal(restoreNodePatch(original, node({ zone: 'a' })), undefined);
});

test('capacity a node table asks for is compared with what the live node reports', () => {
  const current = { ...node({}), status: { allocatable: { cpu: '4', memory: '16Gi', pods: '110' } } } as KubeObject;
  assert.deepEqual(capacityMismatches({ name: 'worker-1', capacity: { cpu: '4000m', memory: '16Gi' } }, current), []);
  assert.deepEqual(capacityMismatches({ name: 'worker-1', capacity: { cpu: '2', 'nvidia.com/gpu': '1' } }, current), ['cpu 2 (the node has 4)', 'nvidia.com/gpu 1 (the node has none)']);
});

test('scenarios that want the same workers share one fence, lifted when the last lets go', () => {
  const free = node({}, { taints: [{ key: 'team', value: 'a', effect: 'NoSchedule' }] });
  const one = fenceHeldBy(free, 'ks-a-111111')!;
  assert.deepEqual(one.spec.taints, [{ key: 'team', value: 'a', effect: 'NoSchedule' }, notInScenario]);
  assert.equal(one.metadata.annotations?.[FENCE_HOLDERS], 'ks-a-111111');
  assert.equal(fenceHeldBy(one, 'ks-a-111111'), undefined, 'a hold taken twice writes nothing');
  const two = fenceHeldBy(one, 'ks-b-222222')!;
  assert.deepEqual(two.spec.taints, [{ key: 'team', value: 'a', effect: 'NoSchedule' }, notInScenario], 'one taint for both');
  assert.equal(two.metadata.annotations?.[FENCE_HOLDERS], 'ks-a-111111,ks-b-222222');
  const left = fenceReleasedBy(two, 'ks-a-111111')!;
  assert.deepEqual(left.spec.taints, [{ key: 'team', value: 'a', effect: 'NoSchedule' }, notInScenario], 'still fenced for the other');
  assert.equal(left.metadata.annotations?.[FENCE_HOLDERS], 'ks-b-222222');
  const none = fenceReleasedBy(left, 'ks-b-222222')!;
  assert.deepEqual(none.spec.taints, [{ key: 'team', value: 'a', effect: 'NoSchedule' }]);
  assert.equal(none.metadata.annotations?.[FENCE_HOLDERS], undefined);
  assert.equal(fenceReleasedBy(none, 'ks-b-222222'), undefined, 'no hold, nothing to write');
});

test('a fence left without holders (an older run) is taken over and lifted by the next holder', () => {
  const stale = node({}, { taints: [notInScenario] });
  const held = fenceHeldBy(stale, 'ks-c-333333')!;
  assert.deepEqual(held.spec.taints, [notInScenario]);
  assert.equal(fenceReleasedBy(held, 'ks-c-333333')!.spec.taints, undefined);
});
