import assert from 'node:assert/strict';
import { test } from 'node:test';
import { availableMemory, evictionMessage, rankForMemoryEviction, type MemoryCandidate } from '../../../src/sim/kubelet/memory-pressure.ts';

const Mi = 1024 * 1024;
function candidate(name: string, usesMi: number, requestMi?: number, priority = 0): MemoryCandidate {
  const resources = requestMi === undefined ? {} : { requests: { memory: `${requestMi}Mi` } };
  return {
    pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { priority, containers: [{ name: 'c', resources }] } } as any,
    rt: { containers: [{ name: 'c', state: 'running', startedAt: 0, behavior: { exitCode: 0, ignoresSigterm: false, source: 't', memory: { bytes: usesMi * Mi, after: 0 } } }] } as any,
  };
}

test('pods over their request go first (BestEffort before all), then lower priority, then more usage above the request', () => {
  const ranked = rankForMemoryEviction([
    candidate('guaranteed-within', 100, 200),
    candidate('burstable-over', 300, 100),
    candidate('besteffort', 50),
    candidate('high-priority-over', 500, 100, 1000),
  ], 10).map((c) => c.pod.metadata.name);
  assert.deepEqual(ranked, ['burstable-over', 'besteffort', 'high-priority-over', 'guaranteed-within']);
});

test('available memory and the eviction message', () => {
  const node = { status: { capacity: { memory: '1Gi' } } } as any;
  const pods = [candidate('a', 900)];
  assert.equal(availableMemory(node, pods, 10), 124 * Mi);
  assert.equal(evictionMessage(pods[0]!, 124 * Mi, 10), 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 126976Ki. Container c was using 921600Ki, request is 0, has larger consumption of memory. ');
});
