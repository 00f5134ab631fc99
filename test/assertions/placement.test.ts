import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overcommittedNodes, spreadCounts } from '../../src/assertions/placement.ts';

const node = (name: string, zone?: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: (zone ? { 'topology.kubernetes.io/zone': zone } : {}) as Record<string, string> }, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '3' } } });
const pod = (name: string, nodeName: string | undefined, cpu: string, extra: Record<string, unknown> = {}) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { nodeName, containers: [{ name: 'c', resources: { requests: { cpu } } }] }, status: { phase: 'Running' }, ...extra });

test('a node is overcommitted when its running pods request more than it can allocate', () => {
  const pods = [pod('a', 'n1', '600m'), pod('b', 'n1', '500m'), pod('c', 'n2', '900m'), pod('d', undefined, '5')];
  assert.deepEqual(overcommittedNodes([node('n1'), node('n2')], pods), ['n1: cpu 1100m of 1000m']);
  // Finished pods hold nothing.
  const done = pod('b', 'n1', '500m', { status: { phase: 'Succeeded' } });
  assert.deepEqual(overcommittedNodes([node('n1')], [pod('a', 'n1', '600m'), done]), []);
  assert.deepEqual(overcommittedNodes([node('n1')], ['a', 'b', 'c', 'd'].map((n) => pod(n, 'n1', '0'))), ['n1: 4 pods of 3']);
});

test('spread counts every labelled domain, empty ones as 0, and ignores terminating pods', () => {
  const nodes = [node('a1', 'a'), node('b1', 'b'), node('c1', 'c'), node('x')];
  const pods = [pod('p1', 'a1', '0'), pod('p2', 'a1', '0'), pod('p3', 'b1', '0'), pod('p4', 'x', '0'), pod('p5', 'b1', '0', { metadata: { name: 'p5', deletionTimestamp: '2026-01-01T00:00:00Z' } })];
  assert.deepEqual([...spreadCounts(nodes, pods, 'topology.kubernetes.io/zone')], [['a', 2], ['b', 1], ['c', 0]]);
});
