import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';

// pkg/controller/volume/persistentvolume (pv_controller.go provisionClaimOperationExternal,
// pv_controller_base.go setClaimProvisioner, k8s v1.32) and sig-storage-lib-external-provisioner
// v10 controller.go (the Provisioning event).

test('a claim for an external provisioner is annotated with its name and gets ExternalProvisioning, then Provisioning events', () => {
  const c = clusterWith(1);
  c.store.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-now' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'Immediate' });
  c.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'nowhere', namespace: 'default' }, spec: { storageClassName: 'local-now', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  c.clock.advanceBy(5_000);
  const claim = get(c, 'PersistentVolumeClaim', 'nowhere')!;
  assert.equal(claim.metadata.annotations!['volume.kubernetes.io/storage-provisioner'], 'rancher.io/local-path');
  assert.equal(claim.metadata.annotations!['volume.beta.kubernetes.io/storage-provisioner'], 'rancher.io/local-path');
  assert.equal(claim.status.phase, 'Pending', 'local-path needs a selected node');
  const reasons = c.store.list('Event', { namespace: 'default' }).filter((e) => e.involvedObject?.name === 'nowhere').map((e) => e.reason);
  assert.deepEqual([...new Set(reasons)].sort(), ['ExternalProvisioning', 'Provisioning', 'ProvisioningFailed']);
  const provisioning = c.store.list('Event', { namespace: 'default' }).find((e) => e.reason === 'Provisioning')!;
  assert.equal(provisioning.message, 'External provisioner is provisioning volume for claim "default/nowhere"');
});

test('a WaitForFirstConsumer claim without a consumer is not handed to the provisioner', () => {
  const c = clusterWith(1);
  c.store.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'later' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
  c.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'idle', namespace: 'default' }, spec: { storageClassName: 'later', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  c.clock.advanceBy(5_000);
  assert.equal(get(c, 'PersistentVolumeClaim', 'idle')!.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'], undefined);
});

test('an unbound WaitForFirstConsumer claim: WaitForFirstConsumer with no pod, WaitForPodScheduled naming its unscheduled pods, again each 15 s resync', async () => {
  const { w, controller, podIn } = await waitingForConsumer();
  w.put({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: 'later', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  const key = { namespace: 'default', name: 'data' };
  let out = w.reconcile(controller, key);
  assert.deepEqual(out.events, ['Normal WaitForFirstConsumer PersistentVolumeClaim/data: waiting for first consumer to be created before binding']);
  assert.deepEqual(out.result, { requeueAfter: 15_000 });
  const uses = { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] };
  w.put(podIn('web-0', { spec: uses }));
  out = w.reconcile(controller, key);
  assert.deepEqual(out.events, ['Normal WaitForPodScheduled PersistentVolumeClaim/data: waiting for pod web-0 to be scheduled']);
  out = w.reconcile(controller, key);
  assert.deepEqual(out.events, ['Normal WaitForPodScheduled PersistentVolumeClaim/data: waiting for pod web-0 to be scheduled'], 'each sync records it again');
  const event = w.store.list('Event', { namespace: 'default' }).find((e) => e.reason === 'WaitForPodScheduled')!;
  assert.equal(event.count, 2);
  // Scheduled pods and finished ones do not count; several waiting pods are all named.
  w.put(podIn('web-1', { spec: uses }), podIn('placed', { spec: uses, node: 'n1' }), podIn('done', { spec: uses, phase: 'Failed' }));
  out = w.reconcile(controller, key);
  assert.deepEqual(out.events, ['Normal WaitForPodScheduled PersistentVolumeClaim/data: waiting for pods web-0,web-1 to be scheduled']);
  assert.deepEqual(out.writes.filter((x) => !x.includes('Event')), []);
});

test("a claim's first sync does not see the pod created with it (a StatefulSet's claim and pod): WaitForFirstConsumer, then WaitForPodScheduled at the resync", async () => {
  const { w, controller, podIn } = await waitingForConsumer();
  w.put(
    { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data-web-0', namespace: 'default' }, spec: { storageClassName: 'later', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    podIn('web-0', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } }] } }),
  );
  const key = { namespace: 'default', name: 'data-web-0' };
  assert.deepEqual(w.reconcile(controller, key).events, ['Normal WaitForFirstConsumer PersistentVolumeClaim/data-web-0: waiting for first consumer to be created before binding']);
  w.clock.advanceBy(15_000);
  assert.deepEqual(w.reconcile(controller, key).events, ['Normal WaitForPodScheduled PersistentVolumeClaim/data-web-0: waiting for pod web-0 to be scheduled']);
});

/** A PV controller over a world with the WaitForFirstConsumer class "later". */
async function waitingForConsumer() {
  const { reconcileWorld, podIn } = await import('./reconcile-helpers.ts');
  const { PersistentVolumeController } = await import('../../../src/sim/controllers/persistent-volume-controller.ts');
  const w = reconcileWorld();
  const controller = new PersistentVolumeController(w.store, w.clock, w.events);
  w.put({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'later' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
  return { w, controller, podIn };
}
