import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeNames } from '../../src/drivers/live/node-names.ts';

const node = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } } });

test("kind's node names map to the topology's: from the kubespec label, else kind's pattern", () => {
  const names = NodeNames.fromNodes([node('lab-control-plane'), node('lab-worker'), node('lab-worker2'), node('lab-worker3', { 'kubespec.io/node-name': 'gpu-1' }), node('plain')]);
  assert.deepEqual(['control-plane', 'worker-1', 'worker-2', 'gpu-1', 'plain'].map((n) => names.toCluster(n)), ['lab-control-plane', 'lab-worker', 'lab-worker2', 'lab-worker3', 'plain']);
  assert.equal(names.toScenario('lab-worker2'), 'worker-2');
  assert.equal(names.path('/api/v1/nodes/worker-2'), '/api/v1/nodes/lab-worker2');
  assert.equal(names.path('/api/v1/namespaces/worker-2/pods'), '/api/v1/namespaces/worker-2/pods');
});

test('pod specs, templates and node affinity go out with cluster names and come back with the scenario names', () => {
  const names = NodeNames.fromNodes([node('kind-worker'), node('kind-worker2')]);
  const deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: { template: { spec: {
      nodeSelector: { 'kubernetes.io/hostname': 'worker-1' },
      affinity: { nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-1', 'worker-2'] }, { key: 'zone', operator: 'In', values: ['worker-1'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-2'] }] } }],
      } },
      containers: [{ name: 'c', image: 'nginx' }],
    } } },
  };
  const out = names.outbound(deployment) as any;
  assert.equal(out.spec.template.spec.nodeSelector['kubernetes.io/hostname'], 'kind-worker');
  const required = out.spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions;
  assert.deepEqual(required.map((e: any) => e.values), [['kind-worker', 'kind-worker2'], ['worker-1']], 'only hostname expressions are node names');
  assert.deepEqual(out.spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchFields[0].values, ['kind-worker2']);
  assert.deepEqual(names.inbound(out), deployment, 'and back');
  assert.equal(deployment.spec.template.spec.nodeSelector['kubernetes.io/hostname'], 'worker-1', 'the input is not changed');
});

test('lists, bound pods and event messages come back with the scenario names', () => {
  const names = NodeNames.fromNodes([node('kind-worker'), node('kind-worker2')]);
  const pods = names.inbound({ kind: 'PodList', items: [{ metadata: { name: 'a' }, spec: { nodeName: 'kind-worker2' } }] });
  assert.equal(pods.items[0]!.spec.nodeName, 'worker-2');
  const nodes = names.inbound({ kind: 'NodeList', items: [{ metadata: { name: 'kind-worker', labels: { 'kubernetes.io/hostname': 'kind-worker' } } }] });
  assert.deepEqual(nodes.items[0]!.metadata, { name: 'worker-1', labels: { 'kubernetes.io/hostname': 'worker-1' } });
  const events = names.inbound({ kind: 'EventList', items: [{ message: 'Successfully assigned ns/a to kind-worker2', involvedObject: { kind: 'Pod', name: 'a' } }] });
  assert.equal(events.items[0]!.message, 'Successfully assigned ns/a to worker-2');
  assert.equal(names.textToScenario('kind-worker22 and kind-worker'), 'kind-worker22 and worker-1');
});
