import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimCluster } from '../../../src/sim/index.ts';
import type { CycleContext } from '../../../src/sim/scheduler/framework.ts';
import { NodeInfoCache } from '../../../src/sim/scheduler/node-info-cache.ts';
import { podTopologySpread } from '../../../src/sim/scheduler/plugins/pod-topology-spread.ts';
import { SeededRandom } from '../../../src/sim/rng.ts';
import { defaultKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { plainTopologySpread } from './plugins/plain-topology-spread.ts';

// PodTopologySpread reads the counts the cache keeps (spread-counts.ts) instead of walking the
// matching pods each cycle. Through pod creations, relabels, graceful deletions, node relabels,
// new and removed nodes, every verdict, global minimum, count and score it gives equals the plain
// computation's (plain-topology-spread.ts, which walks the pods), for pods with own hard and soft
// constraints and for the system defaults.

const apps = ['web', 'db', 'cache'];
const keys = ['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'rack'];

function nodeLabels(rng: SeededRandom): Record<string, string> {
  const labels: Record<string, string> = {};
  if (rng.int(6) > 0) labels['topology.kubernetes.io/zone'] = `z${rng.int(3)}`;
  if (rng.int(3) === 0) labels.rack = `r${rng.int(4)}`;
  return labels;
}

function incoming(rng: SeededRandom): any {
  const app = apps[rng.int(apps.length)]!;
  const spec: any = { containers: [{ name: 'c', image: 'nginx:1.27' }] };
  if (rng.int(3) > 0) {
    spec.topologySpreadConstraints = Array.from({ length: 1 + rng.int(3) }, () => ({
      maxSkew: 1 + rng.int(2), topologyKey: keys[rng.int(keys.length)], whenUnsatisfiable: rng.int(2) ? 'DoNotSchedule' : 'ScheduleAnyway',
      labelSelector: rng.int(5) ? { matchLabels: { app: rng.int(4) ? app : apps[rng.int(apps.length)] } } : { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] },
      ...(rng.int(3) === 0 ? { minDomains: 1 + rng.int(5) } : {}), ...(rng.int(4) === 0 ? { matchLabelKeys: ['tier'] } : {}),
    }));
  }
  const metadata: any = { name: 'incoming', namespace: 'default', labels: { app, ...(rng.int(2) ? { tier: 't0' } : {}) } };
  metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-rs`, uid: `uid-${app}`, controller: true }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

test('topology spread on the counts the cache keeps decides as the plain walk over the pods does, through pod and node changes', () => {
  const c = new SimCluster({ seed: 5 });
  const rng = new SeededRandom(29);
  let nodes = 0;
  const addNode = () => c.addNode({ name: `n${nodes++}`, labels: nodeLabels(rng) });
  for (let i = 0; i < 12; i++) addNode();
  c.clock.settle();
  c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
  for (const app of apps) c.store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${app}-rs`, namespace: 'default' }, spec: { replicas: 0, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } });
  const cache = new NodeInfoCache(c.store);
  const ctx: CycleContext = {
    nodes: [], nodeInfo: (name) => cache.node(name), nodesWithPodAffinity: () => cache.nodesWithPodAffinity(),
    podsMatching: (namespace, selector) => cache.podsMatching(namespace, selector),
    namespaceLabels: () => ({}), claim: () => undefined, storageClass: () => undefined, volume: () => undefined, volumes: () => [], pluginArgs: () => undefined,
    services: () => [], workload: (kind, namespace, name) => c.store.get(kind, { namespace, name }),
    spreadCounts: cache.spreadCounts, version: defaultKubernetesVersion(),
  };
  const plainCtx: CycleContext = { ...ctx, spreadCounts: undefined };
  let created = 0, checks = 0, rejections = 0;
  for (let step = 0; step < 150; step++) {
    const roll = rng.int(20);
    const pods = c.store.list('Pod', { namespace: 'default' });
    const somePod = pods[rng.int(Math.max(1, pods.length))];
    if (roll < 9 || !somePod) {
      const app = apps[rng.int(apps.length)]!;
      const owner = rng.int(2) ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-rs`, uid: c.store.get('ReplicaSet', { namespace: 'default', name: `${app}-rs` })!.metadata.uid, controller: true }] : undefined;
      c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${created++}`, namespace: rng.int(8) ? 'default' : 'other', labels: { app, ...(rng.int(2) ? { tier: `t${rng.int(2)}` } : {}) }, ...(owner ? { ownerReferences: owner } : {}) },
        spec: { nodeName: `n${rng.int(nodes + 1)}`, containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    } else if (roll < 12) {
      c.store.update({ ...somePod, metadata: { ...somePod.metadata, labels: { ...somePod.metadata.labels, app: apps[rng.int(apps.length)]! } } });
    } else if (roll < 15) {
      c.store.delete('Pod', somePod.metadata);
    } else if (roll < 17) {
      const node = c.store.get('Node', { name: `n${rng.int(nodes)}` });
      if (node) c.store.update({ ...node, metadata: { ...node.metadata, labels: { 'kubernetes.io/hostname': node.metadata.name, ...nodeLabels(rng) } } });
    } else if (roll < 19) {
      addNode();
    } else {
      const node = c.store.get('Node', { name: `n${rng.int(nodes)}` });
      if (node) c.store.delete('Node', node.metadata);
    }
    c.clock.advanceBy(rng.int(3000));
    ctx.nodes = plainCtx.nodes = cache.nodes();
    for (let k = 0; k < 4; k++) {
      const pod = incoming(rng);
      const kept = podTopologySpread.prepare(pod, ctx);
      const plain = plainTopologySpread.prepare(pod, plainCtx);
      const nonZero = (counts: Array<Map<string, number>>) => counts.map((m) => new Map([...m].filter(([, n]) => n > 0)));
      assert.deepEqual(nonZero(kept.counts), nonZero(plain.counts), `step ${step}: counts`);
      assert.deepEqual(kept.globalMin, plain.globalMin, `step ${step}: global minimum`);
      const verdicts = ctx.nodes.map((i) => podTopologySpread.filter(pod, i, kept));
      assert.deepEqual(verdicts, ctx.nodes.map((i) => plainTopologySpread.filter(pod, i, plain)), `step ${step}: filter`);
      rejections += verdicts.filter((v) => v.code !== 'Success').length;
      if (!podTopologySpread.skipsScore(pod, kept)) {
        const feasible = ctx.nodes.filter((_, i) => verdicts[i]!.code === 'Success');
        podTopologySpread.preScore(pod, feasible, kept);
        plainTopologySpread.preScore(pod, feasible, plain);
        assert.deepEqual(feasible.map((i) => podTopologySpread.score(pod, i, kept)), feasible.map((i) => plainTopologySpread.score(pod, i, plain)), `step ${step}: scores`);
      }
      checks++;
    }
  }
  // The run does reach pods on nodes, rejections and the counts kept across changes.
  assert.ok(checks === 600 && rejections > 100 && c.store.list('Pod').length > 20, `${checks} checks, ${rejections} rejections`);
});
