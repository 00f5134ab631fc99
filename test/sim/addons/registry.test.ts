import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADD_ON_NAMES } from '../../../src/kube/add-on-names.ts';
import { addOns } from '../../../src/sim/addons/registry.ts';
import { SimCluster } from '../../../src/sim/cluster.ts';

test('every add-on name steps may use is in the registry', () => {
  assert.deepEqual(Object.keys(addOns).sort(), [...ADD_ON_NAMES].sort());
});

test('each add-on installs into a fresh cluster, and a second install changes nothing', () => {
  for (const name of ADD_ON_NAMES) {
    const cluster = new SimCluster({ seed: 1 });
    cluster.installAddOn(name);
    const after = cluster.store.list('CustomResourceDefinition').length + cluster.store.list('Namespace').length;
    const version = cluster.store.currentRevision();
    cluster.installAddOn(name);
    assert.equal(cluster.store.currentRevision(), version, `${name}: a second install wrote to the store`);
    assert.equal(cluster.store.list('CustomResourceDefinition').length + cluster.store.list('Namespace').length, after, name);
  }
});

test('the load-balancer provider gives an existing LoadBalancer Service its address', () => {
  const cluster = new SimCluster({ seed: 1 });
  cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } });
  cluster.clock.settle();
  assert.equal(cluster.store.get('Service', { namespace: 'default', name: 'web' })!.status?.loadBalancer?.ingress, undefined);
  cluster.installAddOn('load-balancer-provider');
  assert.ok(cluster.store.get('Service', { namespace: 'default', name: 'web' })!.status?.loadBalancer?.ingress?.[0]?.ip);
});
