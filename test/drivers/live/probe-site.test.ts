// Where a live cluster's probe pods go (issue 31): a Ready node that is not KWOK, the reference
// cluster's real node first, with the agnhost image the node already has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agnhostOn, chooseProbeSite, DEFAULT_PROBE_IMAGE } from '../../../src/drivers/live/probe-site.ts';
import type { KubeObject } from '../../../src/drivers/driver.ts';

function node(name: string, o: { kwok?: boolean; ready?: boolean; real?: boolean; policy?: boolean; controlPlane?: boolean; images?: string[] } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name,
      labels: { ...(o.real ? { 'kubespec.io/real-node': 'true' } : {}), ...(o.policy ? { 'kubespec.io/network-policy': 'kube-router-v2.1.0' } : {}), ...(o.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}) },
      annotations: o.kwok ? { 'kwok.x-k8s.io/node': 'fake' } : {},
    },
    status: { conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }], images: (o.images ?? []).map((n) => ({ names: [n] })) },
  };
}

test('KWOK nodes and nodes not Ready run no probe; with none left the reason counts them', () => {
  assert.deepEqual(chooseProbeSite([node('control-plane', { kwok: true, controlPlane: true }), node('worker-1', { kwok: true }), node('worker-2', { ready: false })]),
    { unavailable: 'no node of this cluster runs containers (3 nodes: 2 KWOK, 1 not Ready)' });
});

test('the real node before other workers, a worker before a control plane; every node that runs containers is listed, and those marked as enforcing NetworkPolicy', () => {
  const site = chooseProbeSite([node('control-plane', { controlPlane: true }), node('worker-1'), node('worker-2', { real: true, policy: true }), node('worker-3', { kwok: true, policy: true })]);
  assert.deepEqual(site, { node: 'worker-2', image: DEFAULT_PROBE_IMAGE, nodesRunningContainers: ['control-plane', 'worker-1', 'worker-2'], nodesEnforcingNetworkPolicy: ['worker-2'] });
  assert.equal((chooseProbeSite([node('control-plane', { controlPlane: true }), node('worker-1')]) as { node: string }).node, 'worker-1');
});

test('the newest agnhost tag the node holds, by version, else the pinned default', () => {
  const n = node('worker-1', { images: ['registry.k8s.io/e2e-test-images/agnhost:2.9', 'registry.k8s.io/e2e-test-images/agnhost:2.63.0', 'docker.io/library/busybox:1.36', 'example.com/agnhost-proxy:9.9'] });
  assert.equal(agnhostOn(n), 'registry.k8s.io/e2e-test-images/agnhost:2.63.0');
  assert.equal(agnhostOn(node('worker-1', { images: ['docker.io/library/busybox:1.36'] })), undefined);
});
