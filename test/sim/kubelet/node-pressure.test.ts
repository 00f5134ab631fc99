import assert from 'node:assert/strict';
import { test } from 'node:test';
import { available, DISK, evictionMessage, MEMORY, rankForEviction, type EvictionCandidate } from '../../../src/sim/kubelet/node-pressure.ts';

const Mi = 1024 * 1024;
function candidate(name: string, usesMi: number, requestMi?: number, priority = 0): EvictionCandidate {
  const resources = requestMi === undefined ? {} : { requests: { memory: `${requestMi}Mi` } };
  return {
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { priority, containers: [{ name: 'c', resources }] } } as any,
    rt: { containers: [{ name: 'c', state: 'running', startedAt: 0, behavior: { exitCode: 0, ignoresSigterm: false, source: 't', memory: { bytes: usesMi * Mi, after: 0 } } }] } as any,
  };
}

test('pods over their request go first (BestEffort before all), then lower priority, then more usage above the request', () => {
  const ranked = rankForEviction([
    candidate('guaranteed-within', 100, 200),
    candidate('burstable-over', 300, 100),
    candidate('besteffort', 50),
    candidate('high-priority-over', 500, 100, 1000),
  ], MEMORY, 10).map((c) => c.pod.metadata.name);
  assert.deepEqual(ranked, ['burstable-over', 'besteffort', 'high-priority-over', 'guaranteed-within']);
});

test('available memory and the eviction message', () => {
  const node = { status: { capacity: { memory: '1Gi' } } } as any;
  const pods = [candidate('a', 900)];
  assert.equal(available(node, pods, MEMORY, 10), 124 * Mi);
  assert.equal(evictionMessage(pods[0]!, node, 124 * Mi, MEMORY, 10), 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 126976Ki. Container c was using 921600Ki, request is 0, has larger consumption of memory. ');
});

test('disk: nodefs.available below 10 % of the node, the message in whole quantities', () => {
  const Gi = 1024 * Mi;
  const node = { status: { capacity: { 'ephemeral-storage': '100Gi' } } } as any;
  const writer = {
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'w' }, spec: { containers: [{ name: 'c', resources: { requests: { 'ephemeral-storage': '1Gi' } } }] } } as any,
    rt: { containers: [{ name: 'c', state: 'running', startedAt: 0, behavior: { exitCode: 0, ignoresSigterm: false, source: 't', disk: { bytes: 95 * Gi, after: 0 } } }] } as any,
  };
  assert.equal(DISK.threshold(node), 10 * Gi);
  assert.equal(available(node, [writer], DISK, 10), 5 * Gi);
  assert.equal(evictionMessage(writer, node, 5 * Gi, DISK, 10), 'The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 5Gi. Container c was using 95Gi, request is 1Gi, has larger consumption of ephemeral-storage. ');
});
