import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get, pod, seconds } from '../helpers.ts';
import type { SimCluster } from '../../../src/sim/cluster.ts';

const claim = (name: string, storageClassName: string) => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage: '1Gi' } } },
});
const storageClass = (name: string, provisioner: string) => ({
  apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name }, provisioner, volumeBindingMode: 'WaitForFirstConsumer',
});
const withClaim = (name: string, claimName: string) =>
  pod(name, { containers: [{ name: 'app', image: 'nginx:1.27' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] });

/** Second (since the epoch) of the first event with this reason about the object. */
function eventAt(cluster: SimCluster, reason: string, name: string): number | undefined {
  const e = cluster.store.list('Event').find((x) => x.reason === reason && x.involvedObject?.name === name);
  return e ? (Date.parse(e.firstTimestamp ?? e.eventTime) - Date.UTC(2026, 0, 1)) / 1000 : undefined;
}

test('a pod with a WaitForFirstConsumer claim is bound to its node only once the claim is Bound (PreBind waits)', () => {
  const cluster = clusterWith(2);
  cluster.store.create(storageClass('local', 'rancher.io/local-path'));
  cluster.store.create(claim('data', 'local'));
  cluster.store.create(withClaim('app', 'data'));
  cluster.clock.advanceBy(500);
  // The node is chosen and written on the claim, but the pod has no node yet.
  assert.ok(get(cluster, 'PersistentVolumeClaim', 'data')!.metadata.annotations?.['volume.kubernetes.io/selected-node']);
  assert.equal(get(cluster, 'Pod', 'app')!.spec.nodeName, undefined);
  cluster.clock.advanceBy(30_000);
  const pvc = get(cluster, 'PersistentVolumeClaim', 'data')!;
  assert.equal(pvc.status.phase, 'Bound');
  assert.equal(get(cluster, 'Pod', 'app')!.spec.nodeName, pvc.metadata.annotations?.['volume.kubernetes.io/selected-node']);
  const provisioned = eventAt(cluster, 'ProvisioningSucceeded', 'data')!;
  const scheduled = eventAt(cluster, 'Scheduled', 'app')!;
  assert.ok(scheduled >= provisioned, `Scheduled at ${scheduled}s, before the claim was provisioned at ${provisioned}s`);
});

test('a class that cannot provision, with no volume to match, leaves the pod unschedulable with the binder\'s reason', () => {
  const cluster = clusterWith(2);
  cluster.store.create(storageClass('manual', 'kubernetes.io/no-provisioner'));
  cluster.store.create(claim('data', 'manual'));
  cluster.store.create(withClaim('app', 'data'));
  cluster.clock.advanceBy(30_000);
  const p = get(cluster, 'Pod', 'app')!;
  assert.equal(p.spec.nodeName, undefined);
  const condition = p.status.conditions.find((c: any) => c.type === 'PodScheduled');
  // binder.go ErrReasonBindConflict, aggregated by the framework's FitError.
  assert.equal(condition.message, "0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
});

test('a free local volume pins the pod to its node and is reserved for the claim by the scheduler', () => {
  const cluster = clusterWith(3);
  cluster.store.create(storageClass('manual', 'kubernetes.io/no-provisioner'));
  cluster.store.create({
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'local-2' },
    spec: {
      capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', local: { path: '/mnt/disk' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker-2'] }] }] } },
    },
  });
  cluster.store.create(claim('data', 'manual'));
  cluster.store.create(withClaim('app', 'data'));
  cluster.clock.advanceBy(30_000);
  assert.equal(get(cluster, 'Pod', 'app')!.spec.nodeName, 'worker-2');
  assert.equal(get(cluster, 'PersistentVolumeClaim', 'data')!.spec.volumeName, 'local-2');
  // Only claims to provision carry the selected node; a matched volume is reserved instead.
  assert.equal(get(cluster, 'PersistentVolumeClaim', 'data')!.metadata.annotations?.['volume.kubernetes.io/selected-node'], undefined);
  assert.equal(cluster.store.get('PersistentVolume', { name: 'local-2' })!.metadata.annotations?.['pv.kubernetes.io/bound-by-controller'], 'yes');
});

test('an assumed pod holds its place on the node while its volumes bind', () => {
  const cluster = clusterWith([{ name: 'worker-1', capacity: { cpu: '1' } }]);
  cluster.store.create(storageClass('local', 'rancher.io/local-path'));
  cluster.store.create(claim('data', 'local'));
  const big = (name: string, volumes: unknown[] = []) => pod(name, { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '600m' } } }], volumes });
  cluster.store.create(big('first', [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }]));
  cluster.clock.advanceBy(100);
  cluster.store.create(big('second'));
  cluster.clock.advanceBy(100);
  assert.equal(get(cluster, 'Pod', 'second')!.spec.nodeName, undefined, `second placed at ${seconds(cluster)}s although first holds 600m of 1 CPU`);
  cluster.clock.advanceBy(30_000);
  assert.equal(get(cluster, 'Pod', 'first')!.spec.nodeName, 'worker-1');
});
