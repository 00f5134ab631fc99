import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

// pkg/apis/storage/validation/validation.go ValidateStorageClassUpdate: v1.35.4:69-85, v1.36.3:63-72;
// v1.37.2 the declarative +k8s:immutable (apimachinery pkg/api/validate/immutable.go: no value).
function refusal(minor: string, change: Record<string, unknown>): string {
  const c = clusterWith(0, 1, parseKubernetesVersion(minor));
  c.store.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fixed' }, provisioner: 'rancher.io/local-path', parameters: { a: '1' }, volumeBindingMode: 'WaitForFirstConsumer' });
  const current = c.store.get('StorageClass', { name: 'fixed' })!;
  try {
    c.store.update({ ...structuredClone(current), ...change } as any);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

test('a StorageClass refuses changes in each release\'s words', () => {
  assert.match(refusal('1.35', { provisioner: 'example.com/other' }), /provisioner: Forbidden: updates to provisioner are forbidden\./);
  assert.match(refusal('1.35', { volumeBindingMode: 'Immediate' }), /volumeBindingMode: Invalid value: "Immediate": field is immutable/);
  assert.match(refusal('1.36', { provisioner: 'example.com/other' }), /provisioner: Invalid value: "example.com\/other": field is immutable/);
  assert.match(refusal('1.36', { parameters: { a: '2' } }), /parameters: Invalid value: \{"a":"2"\}: field is immutable/);
  assert.match(refusal('1.37', { reclaimPolicy: 'Retain' }), /reclaimPolicy: Invalid value: null: field is immutable/);
  assert.equal(refusal('1.37', { allowVolumeExpansion: true }), 'accepted');
});
