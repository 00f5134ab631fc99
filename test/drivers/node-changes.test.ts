import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capacityMismatches, nodeDefinitionPatch, restoreNodePatch } from '../../src/drivers/live/node-changes.ts';
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
