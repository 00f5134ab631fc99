import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thaw } from '../../../src/sim/store/freeze.ts';
import { clusterWith, get, podLog, seconds, statefulSet } from '../helpers.ts';

test('OrderedReady creates one pod at a time, each after the previous is Running and Ready', () => {
  const cluster = clusterWith(3);
  const log = podLog(cluster);
  cluster.store.create(statefulSet('web', 3));
  cluster.clock.advanceBy(60_000);
  // sandbox 1s + first pull 2s per pod (timings.ts), strictly one after another
  assert.deepEqual(log, ['0 ADDED web-0', '3 ADDED web-1', '6 ADDED web-2']);
  assert.deepEqual(get(cluster, 'StatefulSet', 'web')!.status, {
    observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3,
    currentRevision: get(cluster, 'StatefulSet', 'web')!.status.currentRevision, updateRevision: get(cluster, 'StatefulSet', 'web')!.status.currentRevision, collisionCount: 0,
  });
});

test('Parallel creates all pods in one sync', () => {
  const cluster = clusterWith(3);
  const log = podLog(cluster);
  cluster.store.create(statefulSet('web', 3, { podManagementPolicy: 'Parallel' }));
  cluster.clock.advanceBy(10_000);
  assert.deepEqual(log, ['0 ADDED web-0', '0 ADDED web-1', '0 ADDED web-2']);
});

test('scale-down deletes the highest ordinal first and waits for it to be gone', () => {
  const cluster = clusterWith(3);
  cluster.store.create(statefulSet('web', 3));
  cluster.clock.advanceBy(60_000);
  const log = podLog(cluster);
  const sts = get(cluster, 'StatefulSet', 'web')!;
  cluster.store.update({ ...thaw(sts), spec: { ...thaw(sts.spec), replicas: 1 } });
  cluster.clock.advanceBy(60_000);
  assert.deepEqual(log, ['61 DELETED web-2', '62 DELETED web-1']);
  assert.ok(get(cluster, 'Pod', 'web-0'));
});

test('pods carry the identity labels, hostname and subdomain; claims come from volumeClaimTemplates', () => {
  const cluster = clusterWith(1);
  cluster.store.create(statefulSet('web', 1, {
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  }));
  cluster.clock.advanceBy(10_000);
  const pod = get(cluster, 'Pod', 'web-0')!;
  assert.equal(pod.metadata.labels!['statefulset.kubernetes.io/pod-name'], 'web-0');
  assert.equal(pod.metadata.labels!['apps.kubernetes.io/pod-index'], '0');
  assert.match(pod.metadata.labels!['controller-revision-hash']!, /^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
  assert.equal(pod.spec.hostname, 'web-0');
  assert.equal(pod.spec.subdomain, 'web');
  assert.deepEqual(pod.spec.volumes.find((v: any) => v.name === 'data'), { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } });
  assert.match(pod.spec.volumes.find((v: any) => v.name !== 'data').name, /^kube-api-access-/, 'ServiceAccount admission adds the token volume');
  assert.ok(get(cluster, 'PersistentVolumeClaim', 'data-web-0'));
});

test('a deleted pod is recreated with the same name', () => {
  const cluster = clusterWith(1);
  cluster.store.create(statefulSet('web', 1));
  cluster.clock.advanceBy(10_000);
  const uid = get(cluster, 'Pod', 'web-0')!.metadata.uid;
  cluster.store.delete('Pod', { namespace: 'default', name: 'web-0' });
  cluster.clock.advanceBy(10_000);
  const again = get(cluster, 'Pod', 'web-0')!;
  assert.notEqual(again.metadata.uid, uid);
  assert.equal(seconds(cluster), 20);
});

test('events use the controller texts', () => {
  const cluster = clusterWith(1);
  cluster.store.create(statefulSet('web', 1));
  cluster.clock.advanceBy(10_000);
  const messages = cluster.store.list('Event').filter((e) => e.involvedObject.kind === 'StatefulSet').map((e) => `${e.reason}: ${e.message}`);
  assert.deepEqual(messages, ['SuccessfulCreate: create Pod web-0 in StatefulSet web successful']);
});

test('pods carry generateName like GetPodFromTemplate sets it; revisions store a patch replacing the template', () => {
  const cluster = clusterWith(1);
  cluster.store.create(statefulSet('web', 1));
  cluster.clock.advanceBy(10_000);
  assert.equal(get(cluster, 'Pod', 'web-0')!.metadata.generateName, 'web-');
  const [revision] = cluster.store.list('ControllerRevision', { namespace: 'default' });
  assert.deepEqual(Object.keys(revision!.data.spec), ['template']);
  assert.equal(revision!.data.spec.template.$patch, 'replace');
  assert.ok(!('$patch' in get(cluster, 'Pod', 'web-0')!.metadata));
});
