import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EndpointSliceMirroringController } from '../../../src/sim/controllers/endpointslice-mirroring-controller.ts';
import { reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/endpointslicemirroring (k8s v1.32): utils.go newEndpointSlice (generateName
// "<endpoints>-", the Endpoints' labels plus kubernetes.io/service-name and managed-by
// endpointslicemirroring-controller.k8s.io, its annotations but last-change-trigger-time and
// last-applied-configuration, a controller reference to the Endpoints) and addressToEndpoint
// (addresses ready, notReadyAddresses not); endpointslicemirroring_controller.go mirrors only
// Endpoints of an existing Service without a selector, and not skip-mirror or leader-election ones
// (shouldMirror, hasLeaderElection).

const service = (selector?: Record<string, string>) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' },
  spec: { ports: [{ port: 5432 }], ...(selector ? { selector } : {}) },
});
const endpoints = {
  apiVersion: 'v1', kind: 'Endpoints',
  metadata: { name: 'db', namespace: 'default', labels: { team: 'data' }, annotations: { note: 'external', 'endpoints.kubernetes.io/last-change-trigger-time': '2026-01-01T00:00:00Z' } },
  subsets: [{ addresses: [{ ip: '10.0.0.5' }], notReadyAddresses: [{ ip: '10.0.0.6' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }],
};
const key = { namespace: 'default', name: 'db' };

test('hand-written Endpoints of a selector-less Service are mirrored into an EndpointSlice it owns', () => {
  const w = reconcileWorld();
  const [, ep] = w.put(service(), endpoints);
  const out = w.reconcile(new EndpointSliceMirroringController(w.store), key);
  assert.deepEqual(out.writes, ['create EndpointSlice default/db-*']);
  const [slice] = w.store.list('EndpointSlice', { namespace: 'default' });
  assert.deepEqual(slice!.metadata.labels, { team: 'data', 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
  assert.deepEqual(slice!.metadata.annotations, { note: 'external' });
  assert.deepEqual(slice!.metadata.ownerReferences!.map((r) => [r.kind, r.name, r.uid, r.controller]), [['Endpoints', 'db', ep!.metadata.uid, true]]);
  assert.equal(slice!.addressType, 'IPv4');
  assert.deepEqual(slice!.endpoints.map((e: any) => [e.addresses[0], e.conditions.ready]), [['10.0.0.5', true], ['10.0.0.6', false]]);
  assert.deepEqual(slice!.ports, [{ name: 'pg', port: 5432, protocol: 'TCP' }]);
});

test('Endpoints of a Service with a selector are not mirrored (the EndpointSlice controller owns that Service)', () => {
  const w = reconcileWorld();
  w.put(service({ app: 'db' }), endpoints);
  assert.deepEqual(w.reconcile(new EndpointSliceMirroringController(w.store), key).writes, []);
});

test('Endpoints labelled endpointslice.kubernetes.io/skip-mirror=true lose their mirrored slice', () => {
  const w = reconcileWorld();
  w.put(service(), endpoints);
  const controller = new EndpointSliceMirroringController(w.store);
  w.reconcile(controller, key);
  const ep = w.store.get('Endpoints', key)!;
  w.store.update({ ...ep, metadata: { ...ep.metadata, labels: { ...ep.metadata.labels, 'endpointslice.kubernetes.io/skip-mirror': 'true' } } });
  assert.deepEqual(w.reconcile(controller, key).writes, ['delete EndpointSlice default/db-*']);
});

test('Endpoints used as a leader-election lock are not mirrored', () => {
  const w = reconcileWorld();
  w.put(service(), { ...endpoints, metadata: { ...endpoints.metadata, annotations: { 'control-plane.alpha.kubernetes.io/leader': '{"holderIdentity":"a"}' } } });
  assert.deepEqual(w.reconcile(new EndpointSliceMirroringController(w.store), key).writes, []);
});
