import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CustomResourceDefinitionController } from '../../../src/sim/controllers/crd-controller.ts';
import { reconcileWorld } from './reconcile-helpers.ts';

// k8s.io/apiextensions-apiserver v0.32: pkg/controller/status/naming_controller.go
// (NamesAccepted "NoConflicts" / "no conflicts found"; a kind taken in the group is KindConflict
// "\"<Kind>\" is already in use" and Established stays False "NotAccepted" / "not all names are
// accepted"), pkg/controller/establish/establishing_controller.go (Established
// "InitialNamesAccepted" / "the initial names have been accepted") and
// pkg/controller/finalizer/crd_finalizer.go (customresourcecleanup.apiextensions.k8s.io: the
// custom resources go before the definition).

const crd = (plural: string, kind: string, listKind?: string) => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `${plural}.example.com` },
  spec: {
    group: 'example.com', scope: 'Namespaced',
    names: { plural, kind, ...(listKind ? { listKind } : {}) },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
});
const conditions = (w: ReturnType<typeof reconcileWorld>, name: string) =>
  w.store.get('CustomResourceDefinition', { name })!.status.conditions.map((c: any) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);

test('a new definition gets the cleanup finalizer, accepted names and Established, and its kind is served', () => {
  const w = reconcileWorld();
  w.put(crd('widgets', 'Widget'));
  w.reconcile(new CustomResourceDefinitionController(w.store, w.clock), { name: 'widgets.example.com' });
  const stored = w.store.get('CustomResourceDefinition', { name: 'widgets.example.com' })!;
  assert.deepEqual(stored.metadata.finalizers, ['customresourcecleanup.apiextensions.k8s.io']);
  assert.deepEqual(conditions(w, 'widgets.example.com'), ['NamesAccepted=True NoConflicts: no conflicts found', 'Established=True InitialNamesAccepted: the initial names have been accepted']);
  assert.deepEqual(stored.status.acceptedNames, { plural: 'widgets', kind: 'Widget', singular: 'widget', listKind: 'WidgetList' });
  assert.deepEqual(stored.status.storedVersions, ['v1']);
  assert.doesNotThrow(() => w.store.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default' } }));
});

test('a second definition claiming the same kind is not accepted', () => {
  const w = reconcileWorld();
  const controller = new CustomResourceDefinitionController(w.store, w.clock);
  w.put(crd('widgets', 'Widget'), crd('gadgets', 'Widget', 'GadgetList'));
  w.reconcile(controller, { name: 'widgets.example.com' });
  w.reconcile(controller, { name: 'gadgets.example.com' });
  assert.deepEqual(conditions(w, 'gadgets.example.com'), ['NamesAccepted=False KindConflict: "Widget" is already in use', 'Established=False NotAccepted: not all names are accepted']);
});

test('a deleted definition takes its custom resources with it, then releases its finalizer', () => {
  const w = reconcileWorld();
  const controller = new CustomResourceDefinitionController(w.store, w.clock);
  w.put(crd('widgets', 'Widget'));
  w.reconcile(controller, { name: 'widgets.example.com' });
  w.store.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default' } });
  w.store.delete('CustomResourceDefinition', { name: 'widgets.example.com' });
  const out = w.reconcile(controller, { name: 'widgets.example.com' });
  assert.deepEqual(out.writes, ['delete Widget default/w1', 'delete CustomResourceDefinition widgets.example.com']);
  assert.equal(w.store.kindInfo('Widget'), undefined, 'no longer served');
});
