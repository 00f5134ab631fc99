import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IngressStatusController } from '../../../src/sim/controllers/ingress-status-controller.ts';
import { podIn, readyNode, reconcileWorld } from './reconcile-helpers.ts';

// ingress-nginx internal/ingress/status/status.go (runningAddresses: --publish-status-address
// split on commas, an IP or else a hostname; else the nodes of Running and Ready controller pods;
// lessLoadBalancerIngress sorts by hostname, then IP) and internal/k8s/main.go (GetNodeIPOrName:
// ExternalIP, falling back to InternalIP).

const controllerPod = (name: string, node: string, args: string[], ready = true) => podIn(name, {
  node, ...(ready ? { readySince: 0 } : {}),
  spec: { containers: [{ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.12.0', args: ['/nginx-ingress-controller', ...args] }] },
});
const ingressClass = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } };
const ingress = (className?: string) => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'site', namespace: 'default' },
  spec: { ...(className ? { ingressClassName: className } : {}), rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
});
const key = { namespace: 'default', name: 'site' };
const addresses = (w: ReturnType<typeof reconcileWorld>) => w.store.get('Ingress', key)!.status.loadBalancer.ingress;

test('--publish-status-address is written as the Ingress address, IPs before hostnames', () => {
  const w = reconcileWorld();
  w.put(ingressClass, ingress('nginx'), controllerPod('ingress-nginx-controller', 'n1', ['--publish-status-address=localhost,10.0.0.9']));
  const out = w.reconcile(new IngressStatusController(w.store), key);
  assert.deepEqual(out.writes, ['update status Ingress default/site']);
  assert.deepEqual(addresses(w), [{ ip: '10.0.0.9' }, { hostname: 'localhost' }]);
});

test('without a publish flag the address is the node\'s InternalIP when it has no ExternalIP, from Ready controller pods only', () => {
  const w = reconcileWorld();
  w.put(
    ingressClass, ingress('nginx'),
    readyNode('n1', { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] }),
    readyNode('n2', { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'ExternalIP', address: '203.0.113.7' }] }),
    readyNode('n3', { addresses: [{ type: 'InternalIP', address: '172.18.0.4' }] }),
    controllerPod('c1', 'n1', []), controllerPod('c2', 'n2', []), controllerPod('c3', 'n3', [], false),
  );
  w.reconcile(new IngressStatusController(w.store), key);
  assert.deepEqual(addresses(w), [{ ip: '172.18.0.2' }, { ip: '203.0.113.7' }]);
});

test('an Ingress of another class is left alone', () => {
  const w = reconcileWorld();
  w.put(ingressClass, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'other' }, spec: { controller: 'example.com/other' } },
    ingress('other'), controllerPod('ingress-nginx-controller', 'n1', ['--publish-status-address=localhost']));
  assert.deepEqual(w.reconcile(new IngressStatusController(w.store), key).writes, []);
});
