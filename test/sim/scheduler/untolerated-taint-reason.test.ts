import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go: v1.33.13:118 names the
// taint, v1.34.4:120 does not.
function unschedulableMessage(minor: string): string {
  const c = clusterWith([
    { name: 'gpu-1', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    { name: 'maint-1', taints: [{ key: 'maintenance', effect: 'NoExecute' }] },
  ] as any, 1, parseKubernetesVersion(minor));
  c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'plain', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  c.clock.advanceBy(2_000);
  return get(c, 'Pod', 'plain')!.status.conditions.find((x: any) => x.type === 'PodScheduled').message;
}

test('up to 1.33 each node reports the taint it has; from 1.34 the taints are one reason', () => {
  assert.equal(unschedulableMessage('1.32'), '0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {maintenance: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  assert.equal(unschedulableMessage('1.37'), '0/2 nodes are available: 2 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
});
