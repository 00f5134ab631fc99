import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankForDeletion } from '../../../src/sim/controllers/pod-deletion-rank.ts';

const t0 = Date.UTC(2026, 0, 1);
const pod = (name: string, o: { node?: string; phase?: string; ready?: boolean; readySince?: number; cost?: number; restarts?: number; created?: number } = {}) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: {
    name, uid: name, resourceVersion: '1', creationTimestamp: new Date(t0 + (o.created ?? 0)).toISOString(),
    annotations: o.cost !== undefined ? { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) } : undefined,
  },
  spec: { nodeName: o.node ?? 'n1' },
  status: {
    phase: o.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: new Date(t0 + (o.readySince ?? 0)).toISOString() }],
    containerStatuses: [{ restartCount: o.restarts ?? 0 }],
  },
});

test('the ranking of ActivePodsWithRanks, first difference wins', () => {
  const now = t0 + 3_600_000;
  const pods = [
    pod('ready-old', { readySince: 0 }),
    pod('unbound', { node: '' }),
    pod('pending', { phase: 'Pending', ready: false }),
    pod('not-ready', { ready: false }),
    pod('cheap', { cost: -10 }),
    pod('ready-new', { readySince: 3_599_000 }),
    pod('restarted', { restarts: 3 }),
  ];
  assert.deepEqual(rankForDeletion(pods as any, pods as any, now).map((p) => p.metadata.name),
    ['unbound', 'pending', 'not-ready', 'cheap', 'ready-new', 'restarted', 'ready-old']);
});

test('pods on crowded nodes go first', () => {
  const now = t0 + 60_000;
  const pods = [pod('alone', { node: 'a' }), pod('crowded-1', { node: 'b' }), pod('crowded-2', { node: 'b' })];
  assert.deepEqual(rankForDeletion(pods as any, pods as any, now).map((p) => p.metadata.name), ['crowded-1', 'crowded-2', 'alone']);
});
