import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CycleContext, NodeInfo } from '../../../../src/sim/scheduler/framework.ts';
import { podTopologySpread } from '../../../../src/sim/scheduler/plugins/pod-topology-spread.ts';
import { buildNodeInfos } from '../../../../src/sim/scheduler/resources.ts';
import { SeededRandom } from '../../../../src/sim/rng.ts';
import { defaultKubernetesVersion } from '../../../../src/kube/kubernetes-versions.ts';
import { plainTopologySpread } from './plain-topology-spread.ts';

// The plugin counts matching pods once per selector and skips per-node questions a pod does not
// ask; these checks hold its filter verdicts, weights and scores equal to the plain computation
// (plain-topology-spread.ts) on random clusters: zones and hostnames missing on some nodes,
// terminating pods, own hard and soft constraints, the system defaults and List defaults.

const apps = ['web', 'db', 'cache'];

function randomCluster(rng: SeededRandom) {
  const nodes = Array.from({ length: 5 + rng.int(40) }, (_, i) => {
    const labels: Record<string, string> = {};
    if (rng.int(10) > 0) labels['kubernetes.io/hostname'] = `n${i}`;
    if (rng.int(6) > 0) labels['topology.kubernetes.io/zone'] = `z${rng.int(4)}`;
    if (rng.int(3) === 0) labels.disk = rng.int(2) ? 'ssd' : 'hdd';
    return { apiVersion: 'v1', kind: 'Node', metadata: { name: `n${i}`, labels }, status: { allocatable: { cpu: '64', memory: '64Gi', pods: '500' } } };
  });
  const rsOf = (app: string) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${app}-rs`, namespace: 'default', uid: `uid-${app}` }, spec: { selector: { matchLabels: { app } } } });
  const pods = Array.from({ length: rng.int(200) }, (_, i) => {
    const app = apps[rng.int(apps.length)]!;
    const metadata: any = { name: `p${i}`, namespace: rng.int(8) === 0 ? 'other' : 'default', uid: `p${i}`, labels: { app, ...(rng.int(2) ? { tier: `t${rng.int(2)}` } : {}) } };
    if (rng.int(2)) metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-rs`, uid: `uid-${app}`, controller: true }];
    if (rng.int(12) === 0) metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { nodeName: `n${rng.int(nodes.length + 2)}`, containers: [{ name: 'c' }] }, status: { phase: 'Running' } };
  });
  const services = rng.int(2) ? [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }] : [];
  return { nodes, pods, services, workloads: apps.map(rsOf) };
}

function randomIncoming(rng: SeededRandom) {
  const app = apps[rng.int(apps.length)]!;
  const spec: any = { containers: [{ name: 'c' }] };
  if (rng.int(3) === 0) {
    const keys = ['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'disk'];
    spec.topologySpreadConstraints = Array.from({ length: 1 + rng.int(3) }, () => ({
      maxSkew: 1 + rng.int(3), topologyKey: keys[rng.int(keys.length)], whenUnsatisfiable: rng.int(2) ? 'DoNotSchedule' : 'ScheduleAnyway',
      labelSelector: { matchLabels: { app: rng.int(4) ? app : apps[rng.int(apps.length)] } },
      ...(rng.int(3) === 0 ? { minDomains: 1 + rng.int(5) } : {}), ...(rng.int(4) === 0 ? { matchLabelKeys: ['tier'] } : {}),
    }));
  }
  if (rng.int(4) === 0) spec.nodeSelector = { disk: 'ssd' };
  else if (rng.int(5) === 0) spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z0', 'z1'] }] }] } } };
  const metadata: any = { name: 'incoming', namespace: 'default', labels: { app, ...(rng.int(2) ? { tier: 't0' } : {}) } };
  if (rng.int(3) > 0) metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-rs`, uid: `uid-${app}`, controller: true }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

function context(infos: NodeInfo[], cluster: ReturnType<typeof randomCluster>, args: any): CycleContext {
  return {
    nodes: infos,
    nodeInfo: (name) => infos.find((i) => i.node.metadata.name === name),
    nodesWithPodAffinity: () => [],
    podsMatching: (namespace, selector) => infos.flatMap((i) => i.pods).filter((p) => p.metadata.namespace === namespace && selector.matches(p.metadata.labels)),
    namespaceLabels: () => ({}), claim: () => undefined, storageClass: () => undefined, volume: () => undefined, volumes: () => [],
    pluginArgs: () => args,
    services: () => cluster.services as any,
    workload: (kind, _namespace, name) => cluster.workloads.find((w) => w.kind === kind && w.metadata.name === name) as any,
    version: defaultKubernetesVersion(),
  };
}

const listDefaults = { defaultingType: 'List', defaultConstraints: [{ maxSkew: 2, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' }, { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }] };

test('topology spread: filter verdicts, weights and normalized scores equal the plain computation on 400 random clusters', () => {
  const rng = new SeededRandom(29);
  let scoredCycles = 0, rejections = 0;
  for (let round = 0; round < 400; round++) {
    const cluster = randomCluster(rng);
    const infos = buildNodeInfos(cluster.nodes as any, cluster.pods as any);
    const ctx = context(infos, cluster, rng.int(5) === 0 ? listDefaults : undefined);
    const incoming = randomIncoming(rng) as any;
    const fast = podTopologySpread.prepare(incoming, ctx);
    const plain = plainTopologySpread.prepare(incoming, ctx);
    assert.deepEqual(fast.counts, plain.counts, `round ${round}: counts`);
    const verdicts = infos.map((i) => podTopologySpread.filter(incoming, i, fast));
    assert.deepEqual(verdicts, infos.map((i) => plainTopologySpread.filter(incoming, i, plain)), `round ${round}: filter`);
    rejections += verdicts.filter((v) => v.code !== 'Success').length;
    assert.equal(podTopologySpread.skipsScore(incoming, fast), plainTopologySpread.skipsScore(incoming, plain));
    if (podTopologySpread.skipsScore(incoming, fast)) continue;
    const feasible = infos.filter((_, i) => verdicts[i]!.code === 'Success');
    podTopologySpread.preScore(incoming, feasible, fast);
    plainTopologySpread.preScore(incoming, feasible, plain);
    const softWeights = (s: typeof fast) => s.weights.filter((_, i) => !s.constraints[i]!.hard);
    assert.deepEqual(softWeights(fast), softWeights(plain), `round ${round}: weights`);
    const raw = feasible.map((i) => podTopologySpread.score(incoming, i, fast));
    assert.deepEqual(raw, feasible.map((i) => plainTopologySpread.score(incoming, i, plain)), `round ${round}: scores`);
    assert.deepEqual(podTopologySpread.normalize(incoming, raw), plainTopologySpread.normalize(incoming, raw), `round ${round}: normalized`);
    scoredCycles++;
  }
  // The random clusters do reach both halves of the plugin.
  assert.ok(scoredCycles > 100 && rejections > 100, `${scoredCycles} scored cycles, ${rejections} rejections`);
});
