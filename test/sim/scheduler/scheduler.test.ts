import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitErrorMessage } from '../../../src/sim/scheduler/fit-error.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { clusterWith, get, pod } from '../helpers.ts';

test('the FitError histogram is sorted as strings and followed by the preemption verdict', () => {
  const statuses = new Map([
    ['a', { code: 'UnschedulableAndUnresolvable' as const, reasons: ['node(s) had untolerated taint {dedicated: gpu}'] }],
    ['b', { code: 'UnschedulableAndUnresolvable' as const, reasons: ['node(s) had untolerated taint {dedicated: gpu}'] }],
    ['c', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
    ['d', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
    ['e', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
  ]);
  assert.equal(fitErrorMessage(parseKubernetesVersion('1.37'), 5, statuses),
    '0/5 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}, 3 Insufficient cpu. preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.');
});

test('an unschedulable pod gets PodScheduled=False and a FailedScheduling event, and is placed once a node fits', () => {
  const cluster = clusterWith([
    { name: 'control-plane', role: 'control-plane' },
    { name: 'worker-1', capacity: { cpu: '1' } },
  ]);
  cluster.store.create(pod('big', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '2' } } }] }));
  cluster.clock.settle();
  // The default release (1.37) no longer names the taint (untolerated-taint-reason.test.ts has both),
  // and a node that could never hold the pod is one preemption cannot help (beyond-allocatable.test.ts).
  const message = '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
  const condition = get(cluster, 'Pod', 'big')!.status.conditions.find((c: any) => c.type === 'PodScheduled');
  assert.equal(condition.status, 'False');
  assert.equal(condition.reason, 'Unschedulable');
  assert.equal(condition.message, message);
  assert.ok(cluster.store.list('Event').some((e) => e.reason === 'FailedScheduling' && e.message === message && e.type === 'Warning'));
  cluster.addNode({ name: 'worker-2', capacity: { cpu: '4' } });
  assert.equal(get(cluster, 'Pod', 'big')!.spec.nodeName, 'worker-2');
});

test('nodeSelector and tolerations steer placement; the control plane is avoided', () => {
  const cluster = clusterWith([
    { name: 'control-plane', role: 'control-plane' },
    { name: 'worker-1', labels: { disk: 'ssd' } },
    { name: 'worker-2', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
  ]);
  cluster.store.create(pod('ssd', { nodeSelector: { disk: 'ssd' } }));
  cluster.store.create(pod('gpu', { nodeSelector: { 'kubernetes.io/hostname': 'worker-2' }, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }));
  cluster.clock.settle();
  assert.equal(get(cluster, 'Pod', 'ssd')!.spec.nodeName, 'worker-1');
  assert.equal(get(cluster, 'Pod', 'gpu')!.spec.nodeName, 'worker-2');
});

test('ties are broken by the seeded RNG: the same seed places pods the same way', () => {
  const placements = (seed: number) => {
    const cluster = clusterWith(5, seed);
    for (let i = 0; i < 6; i++) cluster.store.create(pod(`p${i}`));
    cluster.clock.settle();
    return cluster.store.list('Pod').map((p) => p.spec.nodeName).join(',');
  };
  assert.equal(placements(3), placements(3));
});

test("a pod whose own anti-affinity keeps it off a node is told so before the existing pods' anti-affinity (filtering.go's order)", () => {
  const cluster = clusterWith([{ name: 'worker-1' }]);
  const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } }] } };
  const web = (name: string) => pod(name, { affinity: anti }, { labels: { app: 'web' } });
  cluster.store.create(web('web-1'));
  cluster.clock.settle();
  cluster.store.create(web('web-2'));
  cluster.clock.settle();
  const condition = get(cluster, 'Pod', 'web-2')!.status.conditions.find((c: any) => c.type === 'PodScheduled');
  assert.equal(condition.message, "0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
});

test('after a surge rollout of 3 replicas on 3 nodes the new pods sit one per node (spreading by the new ReplicaSet\'s selector)', async () => {
  const { thaw } = await import('../../../src/sim/store/freeze.ts');
  for (let seed = 1; seed <= 10; seed++) {
    const c = clusterWith(3, seed);
    c.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] } } } });
    c.clock.advanceBy(60_000);
    const d = c.store.get('Deployment', { namespace: 'default', name: 'api' })!;
    c.store.update({ ...thaw(d), spec: { ...thaw(d.spec), template: { ...thaw(d.spec.template), spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } });
    c.clock.advanceBy(120_000);
    const pods = c.store.list('Pod', { namespace: 'default' }).filter((p) => !p.metadata.deletionTimestamp);
    assert.ok(pods.every((p) => p.spec.containers[0].image === 'nginx:1.27'), `seed ${seed}: rolled out`);
    assert.deepEqual(pods.map((p) => p.spec.nodeName).sort(), ['worker-1', 'worker-2', 'worker-3'], `seed ${seed}`);
  }
});
