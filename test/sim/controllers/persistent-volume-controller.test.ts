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
