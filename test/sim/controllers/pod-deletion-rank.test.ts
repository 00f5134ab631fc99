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

test('ready times in the same power-of-two bucket tie, and the UID decides, not which became ready last (LogarithmicScaleDown)', () => {
  // 3.5 s and 2.2 s before now are both in [2^31, 2^32) ns: the pod ready for less time need not go first.
  const now = t0 + 10_000;
  const pods = [pod('b-ready-last', { readySince: 7_800 }), pod('a-ready-first', { readySince: 6_500 })];
  assert.deepEqual(rankForDeletion(pods as any, pods as any, now).map((p) => p.metadata.name), ['a-ready-first', 'b-ready-last']);
  // Twice as long ready is always another bucket: then the pod ready last goes first, whatever its UID.
  const later = [pod('b-ready-last', { readySince: 7_800 }), pod('a-ready-first', { readySince: 0 })];
  assert.deepEqual(rankForDeletion(later as any, later as any, now).map((p) => p.metadata.name), ['b-ready-last', 'a-ready-first']);
});

test('with equal restarts of the regular containers, the pod whose sidecars restarted more goes first (compareMaxContainerRestarts)', () => {
  const now = t0 + 60_000;
  const withSidecar = (name: string, sidecarRestarts: number) => {
    const p: any = pod(name);
    p.spec.initContainers = [{ name: 'shipper', restartPolicy: 'Always' }, { name: 'setup' }];
    p.status.initContainerStatuses = [{ name: 'shipper', restartCount: sidecarRestarts }, { name: 'setup', restartCount: 9 }];
    return p;
  };
  // A plain init container's restarts do not count; only the sidecar's do.
  const pods = [withSidecar('a-steady', 0), withSidecar('b-flapping', 4)];
  assert.deepEqual(rankForDeletion(pods, pods, now).map((p) => p.metadata.name), ['b-flapping', 'a-steady']);
  // The regular containers' restarts are compared first.
  const mixed = [withSidecar('a-flapping-sidecar', 4), { ...pod('b-restarted', { restarts: 1 }) }];
  assert.deepEqual(rankForDeletion(mixed as any, mixed as any, now).map((p) => p.metadata.name), ['b-restarted', 'a-flapping-sidecar']);
});
