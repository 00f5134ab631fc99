import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

// pkg/controller/volume/pvcprotection/pvc_protection_controller.go (v1.37.2) updateUnusedCondition.

function boundClaim(minor: string) {
  const c = clusterWith(1, 1, parseKubernetesVersion(minor));
  c.store.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } });
  c.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: '', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  c.clock.advanceBy(2_000);
  return c;
}
const unused = (c: ReturnType<typeof clusterWith>) => get(c, 'PersistentVolumeClaim', 'data')!.status.conditions?.find((x: any) => x.type === 'Unused');

test('on 1.37 a bound claim says no pod uses it, then that one does, then again that none does once the pod is gone', () => {
  const c = boundClaim('1.37');
  assert.equal(get(c, 'PersistentVolumeClaim', 'data')!.status.phase, 'Bound');
  assert.deepEqual({ ...unused(c), lastTransitionTime: undefined }, { type: 'Unused', status: 'True', reason: 'NoPodsUsingPVC', message: 'No pods are currently referencing this PVC', lastTransitionTime: undefined });
  const since = unused(c).lastTransitionTime;
  c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
  c.clock.advanceBy(5_000);
  assert.equal(unused(c).status, 'False');
  assert.equal(unused(c).reason, 'PodUsingPVC');
  assert.equal(unused(c).message, 'A pod is currently referencing this PVC');
  assert.notEqual(unused(c).lastTransitionTime, since);
  c.store.delete('Pod', { namespace: 'default', name: 'app' });
  c.clock.advanceBy(60_000);
  assert.equal(get(c, 'Pod', 'app'), undefined);
  assert.equal(unused(c).status, 'True');
});

test('before 1.37 (the gate off) a claim carries no Unused condition', () => {
  assert.equal(unused(boundClaim('1.36')), undefined);
});
