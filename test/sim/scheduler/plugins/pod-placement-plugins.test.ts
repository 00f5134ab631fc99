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
      services: () => [], workload: () => undefined,
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
  const { infos, ctx } = cycle([node('n1')], [pod('a', {}, 'n1', withPort)]);
  const incoming = pod('b', {}, undefined, withPort);
  assert.deepEqual(nodePorts.filter(incoming as any, infos[0]!, nodePorts.prepare(incoming as any, ctx)).reasons, ["node(s) didn't have free ports for the requested pod ports"]);
});

// podtopologyspread/scoring.go (PreScore, Score, NormalizeScore) and helper/spread.go
// (DefaultSelector), k8s v1.32: the system default constraints select by the pod's Services and
// its ReplicaSet's selector, which for a Deployment includes pod-template-hash.
test('topology spread system defaults: a rollout\'s new pods spread among themselves (ReplicaSet selector), scored as scoring.go normalises', () => {
  const rsOld = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-a', namespace: 'default', uid: 'ua' }, spec: { selector: { matchLabels: { app: 'web', 'pod-template-hash': 'a' } } } };
  const rsNew = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-b', namespace: 'default', uid: 'ub' }, spec: { selector: { matchLabels: { app: 'web', 'pod-template-hash': 'b' } } } };
  const owned = (rs: any) => ({ ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true }] });
  const webPod = (name: string, hash: string, rs: any, nodeName?: string) => {
    const p = pod(name, { app: 'web', 'pod-template-hash': hash }, nodeName);
    Object.assign(p.metadata, owned(rs));
    return p;
  };
  const leaving = webPod('old-2', 'a', rsOld, 'n2');
  (leaving.metadata as any).deletionTimestamp = '2026-01-01T00:00:00Z';
  // Old pods on n1 and n3 (n2's is terminating), the first new pod on n1.
  const { infos, ctx } = cycle([node('n1'), node('n2'), node('n3')], [webPod('old-1', 'a', rsOld, 'n1'), leaving, webPod('old-3', 'a', rsOld, 'n3'), webPod('new-1', 'b', rsNew, 'n1')]);
  const services = [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }];
  const full: CycleContext = { ...ctx, services: () => services as any, workload: (kind, _ns, name) => [rsOld, rsNew].find((r) => r.kind === kind && r.metadata.name === name) as any };
  const incoming = webPod('new-2', 'b', rsNew);
  const state = podTopologySpread.prepare(incoming as any, full);
  podTopologySpread.preScore(incoming as any, infos, state);
  const raw = infos.map((i) => podTopologySpread.score(incoming as any, i, state));
  // Hostname weight log(3 + 2); no node has a zone label, so the zone default adds nothing.
  assert.deepEqual(raw, [Math.round(Math.log(5) + 2), 2, 2]);
  assert.deepEqual(podTopologySpread.normalize(incoming as any, raw), [50, 100, 100]);
  // A bare pod that a Service selects gets the defaults too; one nothing selects gets none.
  const bare = pod('bare', { app: 'web' });
  assert.equal(podTopologySpread.prepare(bare as any, full).constraints.length, 2);
  assert.equal(podTopologySpread.prepare(pod('lonely', { app: 'x' }) as any, full).constraints.length, 0);
});

test('topology spread with its own soft constraint: a node lacking the key is ignored (score 0), not favoured', () => {
  const { infos, ctx } = cycle([node('a', { zone: 'a' }), node('b', { zone: 'b' }), node('x')], [pod('p1', { app: 's' }, 'a')]);
  const incoming = pod('p2', { app: 's' }, undefined, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 's' } } }] });
  const state = podTopologySpread.prepare(incoming as any, ctx);
  podTopologySpread.preScore(incoming as any, infos, state);
  const raw = infos.map((i) => podTopologySpread.score(incoming as any, i, state));
  assert.deepEqual(podTopologySpread.normalize(incoming as any, raw), [0, 100, 0]);
});

test('NodeResourcesBalancedAllocation scores actual requests (useRequested), without the 100m/200Mi non-zero defaults', async () => {
  const { balancedAllocation } = await import('../../../../src/sim/scheduler/plugins/balanced-allocation.ts');
  // 4 CPUs, 8Gi; one pod already requests 2 CPUs and nothing of memory.
  const busy = pod('busy', {}, 'n1', { containers: [{ name: 'c', resources: { requests: { cpu: '2' } } }] });
  const { infos } = cycle([node('n1')], [busy]);
  const incoming = pod('new', {}, undefined);
  const score = balancedAllocation.score(incoming as any, infos[0]!, balancedAllocation.prepare(incoming as any));
  // Fractions cpu 2/4 and memory 0/8Gi: std 0.25, score 75. With the defaults (busy 2 CPUs and
  // 200Mi, new 100m and 200Mi) it would be cpu 2.1/4 and memory 400Mi/8Gi: std 0.238, 76.
  assert.equal(score, 75);
});
