import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoadBalancerController, LoadBalancerProvider } from '../../../src/sim/controllers/load-balancer-controller.ts';
import { reconcileWorld } from './reconcile-helpers.ts';

// No upstream controller: kind has no cloud provider, so a LoadBalancer Service stays <pending>
// (empty status.loadBalancer) unless a provider such as cloud-provider-kind is installed, which
// writes status.loadBalancer.ingress [{ip}]; the API server adds ipMode VIP to an ingress with an
// IP (pkg/apis/core/v1/defaults.go SetDefaults_Service, LoadBalancerIPMode GA in v1.32).

const service = (name: string, type: string) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' },
  spec: { type, selector: { app: name }, ports: [{ port: 80 }] },
});

test('without a provider a LoadBalancer Service keeps an empty status', () => {
  const w = reconcileWorld();
  w.put(service('web', 'LoadBalancer'));
  assert.deepEqual(w.reconcile(new LoadBalancerController(w.store, new LoadBalancerProvider()), { namespace: 'default', name: 'web' }).writes, []);
});

test('with a provider each LoadBalancer Service gets its own address, once; other Services none', () => {
  const w = reconcileWorld();
  const provider = new LoadBalancerProvider();
  provider.installed = true;
  w.put(service('web', 'LoadBalancer'), service('api', 'LoadBalancer'), service('internal', 'ClusterIP'));
  const controller = new LoadBalancerController(w.store, provider);
  const key = (name: string) => ({ namespace: 'default', name });
  assert.deepEqual(w.reconcile(controller, key('web')).writes, ['update status Service default/web']);
  w.reconcile(controller, key('api'));
  assert.deepEqual(w.reconcile(controller, key('internal')).writes, []);
  assert.deepEqual(w.reconcile(controller, key('web')).writes, [], 'nothing changes on a second pass');
  const ingress = (name: string) => w.store.get('Service', key(name))!.status.loadBalancer.ingress;
  assert.deepEqual(ingress('web'), [{ ip: '172.18.255.200', ipMode: 'VIP' }]);
  assert.deepEqual(ingress('api'), [{ ip: '172.18.255.201', ipMode: 'VIP' }]);
});
