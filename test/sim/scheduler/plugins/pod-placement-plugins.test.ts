import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CycleContext, NodeInfo } from '../../../../src/sim/scheduler/framework.ts';
import { interPodAffinity } from '../../../../src/sim/scheduler/plugins/inter-pod-affinity.ts';
import { nodePorts } from '../../../../src/sim/scheduler/plugins/node-ports.ts';
import { podTopologySpread } from '../../../../src/sim/scheduler/plugins/pod-topology-spread.ts';
import { buildNodeInfos } from '../../../../src/sim/scheduler/resources.ts';
import { defaultKubernetesVersion } from '../../../../src/kube/kubernetes-versions.ts';

const node = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } } as any, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } });
const pod = (name: string, labels: Record<string, string>, nodeName?: string, spec: Record<string, unknown> = {}) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels } as any, spec: { nodeName, containers: [{ name: 'c' }], ...spec }, status: { phase: 'Running' } });

function cycle(nodes: any[], pods: any[]): { infos: NodeInfo[]; ctx: CycleContext } {
  const infos = buildNodeInfos(nodes, pods);
  return {
    infos,
    ctx: {
      nodes: infos,
      nodeInfo: (name) => infos.find((i) => i.node.metadata.name === name),
      nodesWithPodAffinity: () => infos.filter((i) => i.podsWithAffinity.length > 0),
      podsMatching: (namespace, selector) => infos.flatMap((i) => i.pods).filter((p) => p.metadata.namespace === namespace && selector.matches(p.metadata.labels)),
      namespaceLabels: () => ({}), claim: () => undefined, storageClass: () => undefined, volume: () => undefined, volumes: () => [], pluginArgs: () => undefined,
      version: defaultKubernetesVersion(),
    },
  };
}

const antiWeb = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };

test('required anti-affinity rejects a node in the same domain as a matching pod', () => {
  const { infos, ctx } = cycle([node('n1'), node('n2')], [pod('web-a', { app: 'web' }, 'n1')]);
  const incoming = pod('web-b', { app: 'web' }, undefined, { affinity: antiWeb });
  const state = interPodAffinity.prepare(incoming as any, ctx);
  assert.deepEqual(infos.map((i) => interPodAffinity.filter(incoming as any, i, state).reasons), [["node(s) didn't match pod anti-affinity rules"], []]);
});

test("an existing pod's anti-affinity is symmetric", () => {
  const { infos, ctx } = cycle([node('n1'), node('n2')], [pod('web-a', { app: 'web' }, 'n1', { affinity: antiWeb })]);
  const incoming = pod('other', { app: 'web' });
  const state = interPodAffinity.prepare(incoming as any, ctx);
  assert.deepEqual(interPodAffinity.filter(incoming as any, infos[0]!, state).reasons, ["node(s) didn't satisfy existing pods anti-affinity rules"]);
});

test('required affinity lets the first pod of a group start anywhere when it matches its own term', () => {
  const { infos, ctx } = cycle([node('n1')], []);
  const self = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } };
  const first = pod('db-0', { app: 'db' }, undefined, { affinity: self });
  assert.equal(interPodAffinity.filter(first as any, infos[0]!, interPodAffinity.prepare(first as any, ctx)).code, 'Success');
  const stranger = pod('x', { app: 'x' }, undefined, { affinity: self });
  assert.equal(interPodAffinity.filter(stranger as any, infos[0]!, interPodAffinity.prepare(stranger as any, ctx)).code, 'UnschedulableAndUnresolvable');
});

test('topology spread: skew over maxSkew is rejected, a node without the key is unresolvable', () => {
  const nodes = [node('a', { zone: 'a' }), node('b', { zone: 'b' }), node('x')];
  const { infos, ctx } = cycle(nodes, [pod('p1', { app: 's' }, 'a')]);
  const incoming = pod('p2', { app: 's' }, undefined, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 's' } } }] });
  const state = podTopologySpread.prepare(incoming as any, ctx);
  assert.deepEqual(infos.map((i) => podTopologySpread.filter(incoming as any, i, state).reasons), [
    ["node(s) didn't match pod topology spread constraints"],
    [],
    ["node(s) didn't match pod topology spread constraints (missing required label)"],
  ]);
});

test('a host port already used on the node rejects it', () => {
  const withPort = { containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080 }] }] };
  const { infos } = cycle([node('n1')], [pod('a', {}, 'n1', withPort)]);
  assert.deepEqual(nodePorts.filter(pod('b', {}, undefined, withPort) as any, infos[0]!).reasons, ["node(s) didn't have free ports for the requested pod ports"]);
});
