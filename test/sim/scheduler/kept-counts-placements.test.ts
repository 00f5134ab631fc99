import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimCluster } from '../../../src/sim/index.ts';
import { podTopologySpread } from '../../../src/sim/scheduler/plugins/pod-topology-spread.ts';

// The whole scheduler on a mixed workload (the system default spreading of Deployments, own hard
// and soft spread constraints, minDomains, a nodeSelector, pod anti-affinity and preferred pod
// affinity, taints and tolerations, scale-downs and scale-ups) places every pod on the node it
// picks when PodTopologySpread counts the pods itself each cycle instead of reading the counts the
// cache keeps. 150 nodes: above 100, so only part of the nodes is searched (numFeasibleNodesToFind).

function placements(): Map<string, string> {
  const c = new SimCluster({ seed: 7 });
  for (let i = 0; i < 150; i++) {
    const labels: Record<string, string> = { 'topology.kubernetes.io/zone': `zone-${i % 3}` };
    if (i % 4 === 0) labels.disk = 'ssd';
    if (i % 7 === 0) labels.rack = `r${i % 5}`;
    const taints = i % 11 === 0 ? [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] : i % 13 === 0 ? [{ key: 'soft', value: 'x', effect: 'PreferNoSchedule' }] : undefined;
    c.addNode({ name: `node-${String(i).padStart(3, '0')}`, labels, ...(taints ? { taints } : {}), capacity: { cpu: `${4 + (i % 3) * 4}`, memory: `${8 + (i % 2) * 8}Gi`, pods: '110' } });
  }
  c.clock.settle();
  const deploy = (name: string, replicas: number, extra: any = {}) => c.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '32Mi' } } }], ...extra } } } });
  const spread = (key: string, when: string, app: string, more: any = {}) => ({ topologyKey: key, whenUnsatisfiable: when, labelSelector: { matchLabels: { app } }, maxSkew: 1, ...more });
  c.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  for (let d = 0; d < 3; d++) deploy(`d${d}`, 60);
  deploy('web', 60);
  deploy('zoned', 40, { topologySpreadConstraints: [spread('topology.kubernetes.io/zone', 'DoNotSchedule', 'zoned'), spread('kubernetes.io/hostname', 'ScheduleAnyway', 'zoned', { maxSkew: 2 })] });
  deploy('hosty', 30, { topologySpreadConstraints: [spread('kubernetes.io/hostname', 'DoNotSchedule', 'hosty', { minDomains: 3 })] });
  deploy('racky', 20, { topologySpreadConstraints: [spread('rack', 'ScheduleAnyway', 'racky')] });
  deploy('ssd', 20, { nodeSelector: { disk: 'ssd' }, topologySpreadConstraints: [spread('topology.kubernetes.io/zone', 'DoNotSchedule', 'ssd', { maxSkew: 2 })] });
  deploy('anti', 20, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'anti' } } }] } } });
  deploy('near', 20, { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: { topologyKey: 'topology.kubernetes.io/zone', labelSelector: { matchLabels: { app: 'web' } } } }] } } });
  deploy('gpu', 10, { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] });
  c.clock.advanceBy(30_000);
  const scale = (factor: (n: number) => number) => {
    for (const name of ['d0', 'web', 'zoned', 'hosty']) {
      const d = c.store.get('Deployment', { namespace: 'default', name })!;
      c.store.update({ ...structuredClone(d), spec: { ...structuredClone(d.spec), replicas: factor(d.spec.replicas) } });
    }
    c.clock.advanceBy(60_000);
  };
  scale((n) => Math.floor(n / 3));
  scale((n) => n * 3 + 10);
  return new Map(c.store.list('Pod', { namespace: 'default' }).map((p) => [p.metadata.name, p.spec.nodeName ?? '']));
}

test('pods land where they land when topology spread counts the pods itself each cycle', () => {
  const kept = placements();
  const prepare = podTopologySpread.prepare;
  try {
    podTopologySpread.prepare = (pod, ctx) => prepare(pod, { ...ctx, spreadCounts: undefined });
    assert.deepEqual(placements(), kept);
  } finally {
    podTopologySpread.prepare = prepare;
  }
  assert.ok(kept.size > 300 && [...kept.values()].every((node) => node !== ''), `${kept.size} pods, all placed`);
});
