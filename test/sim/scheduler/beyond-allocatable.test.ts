import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

// pkg/scheduler/framework/plugins/noderesources/fit.go: from v1.34.4 a request beyond the node's
// whole allocatable is Unresolvable, so preemption calls the node not helpful.
function message(minor: string, cpu: string): string {
  const c = clusterWith([{ name: 'small', capacity: { cpu: '2' } }] as any, 1, parseKubernetesVersion(minor));
  c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu } } }] } });
  c.clock.advanceBy(2_000);
  return get(c, 'Pod', 'big')!.status.conditions.find((x: any) => x.type === 'PodScheduled').message;
}

test('a pod asking more cpu than the node has at all: no victims up to 1.33, not helpful from 1.34', () => {
  assert.equal(message('1.32', '8'), '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  assert.equal(message('1.37', '8'), '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
});
