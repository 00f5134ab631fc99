import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

// schedule_one.go bindingCycle (v1.37.2:412, NominatedNodeNameForExpectation) and BindingREST's
// assignPod (storage.go:247, ClearingNominatedNodeNameAfterBinding): both on from 1.35.
function podWaitingForItsVolume(minor: string) {
  const c = clusterWith(1, 1, parseKubernetesVersion(minor));
  c.store.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
  c.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { storageClassName: 'local', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } });
  const nominations: Array<string | undefined> = [];
  for (let i = 0; i < 30 && !get(c, 'Pod', 'app')!.spec.nodeName; i++) {
    c.clock.advanceBy(200);
    nominations.push(get(c, 'Pod', 'app')!.status?.nominatedNodeName);
  }
  return { nominations, bound: get(c, 'Pod', 'app')! };
}

test('from 1.35 a pod whose volume is being provisioned is nominated to its node, and binding clears it', () => {
  const { nominations, bound } = podWaitingForItsVolume('1.37');
  assert.equal(bound.spec.nodeName, 'worker-1');
  assert.ok(nominations.includes('worker-1'), `nominated while its claim was provisioned: ${nominations.join(',')}`);
  assert.equal(bound.status.nominatedNodeName, undefined);
});

test('on 1.32 the scheduler nominates no node for a pod it is binding', () => {
  const { nominations, bound } = podWaitingForItsVolume('1.32');
  assert.equal(bound.spec.nodeName, 'worker-1');
  assert.deepEqual([...new Set(nominations)], [undefined]);
});
