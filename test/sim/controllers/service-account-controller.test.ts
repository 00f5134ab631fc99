import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceAccountController } from '../../../src/sim/controllers/service-account-controller.ts';
import { reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/serviceaccount/serviceaccounts_controller.go (the "default" ServiceAccount in
// every active namespace) and pkg/controller/certificates/rootcacertpublisher/publisher.go
// (the kube-root-ca.crt ConfigMap with its kubernetes.io/description annotation), k8s v1.32.

const description = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. '
  + 'No other usage is guaranteed across distributions of Kubernetes clusters.';

test('a new namespace gets the default ServiceAccount and the kube-root-ca.crt ConfigMap', () => {
  const w = reconcileWorld();
  w.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  const out = w.reconcile(new ServiceAccountController(w.store), { name: 'team' });
  assert.deepEqual(out.writes, ['create ServiceAccount team/default', 'create ConfigMap team/kube-root-ca.crt']);
  const ca = w.store.get('ConfigMap', { namespace: 'team', name: 'kube-root-ca.crt' })!;
  assert.equal(ca.metadata.annotations!['kubernetes.io/description'], description);
  assert.match(ca.data['ca.crt'], /^-----BEGIN CERTIFICATE-----/);
});

test('a deleted default ServiceAccount comes back; a terminating namespace gets nothing', () => {
  const w = reconcileWorld();
  w.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'leaving', finalizers: ['example.com/hold'] } });
  const controller = new ServiceAccountController(w.store);
  w.reconcile(controller, { name: 'team' });
  w.store.delete('ServiceAccount', { namespace: 'team', name: 'default' });
  assert.deepEqual(w.reconcile(controller, { name: 'team' }).writes, ['create ServiceAccount team/default']);
  w.store.delete('Namespace', { name: 'leaving' });
  assert.deepEqual(w.reconcile(controller, { name: 'leaving' }).writes, []);
});
