import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith } from '../helpers.ts';

const crd = (overrides: Record<string, unknown> = {}) => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com', scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
    versions: [{
      name: 'v1', served: true, storage: true, subresources: { status: {} },
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['image'], properties: {
        image: { type: 'string', maxLength: 20 }, replicas: { type: 'integer', minimum: 1, maximum: 10, default: 1 },
        labels: { type: 'object', additionalProperties: { type: 'string' } }, ports: { type: 'array', maxItems: 2, items: { type: 'integer' } },
      } } } } },
    }],
    ...overrides,
  },
});

const crontab = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name, namespace: 'default' }, spec });

test('a custom kind is refused until its CRD is established, then stored pruned and defaulted; the CRD shows its conditions and finalizer', () => {
  const cluster = clusterWith(1);
  assert.throws(() => cluster.store.create(crontab('a', { image: 'x' })), /no matches for kind "CronTab" in version "stable.example.com\/v1"/);
  cluster.store.create(crd());
  cluster.clock.settle();
  const definition = cluster.store.get('CustomResourceDefinition', { name: 'crontabs.stable.example.com' })!;
  assert.deepEqual(definition.status.conditions.map((c: any) => `${c.type}=${c.status}`), ['NamesAccepted=True', 'Established=True']);
  assert.deepEqual(definition.metadata.finalizers, ['customresourcecleanup.apiextensions.k8s.io']);
  assert.deepEqual(definition.status.storedVersions, ['v1']);

  const stored = cluster.store.create(crontab('a', { image: 'x', colour: 'blue', labels: { tier: 'web' } }));
  assert.deepEqual(stored.spec, { image: 'x', labels: { tier: 'web' }, replicas: 1 }, 'unknown field pruned, default filled in');
  assert.equal(stored.metadata.generation, 1);
  assert.ok(cluster.store.kinds().some((k) => k.kind === 'CronTab' && k.namespaced));
});

test('custom resources are validated by their schema, every error reported in the API server\'s words', () => {
  const cluster = clusterWith(1);
  cluster.store.create(crd());
  cluster.clock.settle();
  assert.throws(() => cluster.store.create(crontab('b', { image: 'x', replicas: 'three' })),
    (e: any) => e.message === 'CronTab.stable.example.com "b" is invalid: spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"');
  assert.throws(() => cluster.store.create(crontab('c', { replicas: 11, ports: [1, 2, 3], image: 'a-very-long-image-name-indeed' })), (e: any) => {
    assert.equal(e.code, 422);
    assert.equal(e.message, 'CronTab.stable.example.com "c" is invalid: [spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10, spec.ports: Too many: 3: must have at most 2 items, spec.image: Too long: may not be more than 20 bytes]');
    assert.deepEqual(e.subject, { kind: 'CronTab', group: 'stable.example.com', name: 'c' });
    assert.deepEqual(e.fieldCauses.map((c: any) => c.reason), ['FieldValueInvalid', 'FieldValueTooMany', 'FieldValueTooLong']);
    return true;
  });
  assert.throws(() => cluster.store.create(crontab('d', {})), /spec.image: Required value/);
});

test('deleting the CRD deletes its objects first, then stops serving the kind', () => {
  const cluster = clusterWith(1);
  cluster.store.create(crd());
  cluster.clock.settle();
  cluster.store.create(crontab('e', { image: 'x' }));
  cluster.store.delete('CustomResourceDefinition', { name: 'crontabs.stable.example.com' });
  cluster.clock.settle();
  assert.equal(cluster.store.get('CustomResourceDefinition', { name: 'crontabs.stable.example.com' }), undefined);
  assert.equal(cluster.store.kindInfo('CronTab'), undefined);
  assert.throws(() => cluster.store.create(crontab('f', { image: 'x' })), /no matches for kind "CronTab"/);
});

test('a CRD is validated: its name, its storage version, the approval of a k8s.io group; a built-in kind name is not accepted', () => {
  const cluster = clusterWith(1);
  assert.throws(() => cluster.store.create({ ...crd(), metadata: { name: 'crontabs' } }), /metadata.name: Invalid value: "crontabs": must be spec.names.plural\+"."\+spec.group/);
  assert.throws(() => cluster.store.create(crd({ versions: [{ name: 'v1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } }] })), /must have exactly one version marked as storage version/);
  const approval = crd({ group: 'tools.k8s.io' });
  approval.metadata.name = 'crontabs.tools.k8s.io';
  assert.throws(() => cluster.store.create(approval), /metadata.annotations\[api-approved.kubernetes.io\]: Required value/);
  cluster.store.create({ ...approval, metadata: { ...approval.metadata, annotations: { 'api-approved.kubernetes.io': 'unapproved, experimental' } } });
  const clash = crd({ group: 'example.com', names: { plural: 'pods', kind: 'Pod' } });
  clash.metadata.name = 'pods.example.com';
  cluster.store.create(clash);
  cluster.clock.settle();
  const status = cluster.store.get('CustomResourceDefinition', { name: 'pods.example.com' })!.status;
  assert.equal(status.conditions.find((c: any) => c.type === 'Established').status, 'False');
});
