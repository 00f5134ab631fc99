import assert from 'node:assert/strict';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { test } from 'node:test';
import { SimCluster } from '../../../src/sim/cluster.ts';
import { thaw } from '../../../src/sim/store/freeze.ts';

const configMap = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data });

test('create fills uid, resourceVersion and creationTimestamp; reads are frozen', () => {
  const { store } = new SimCluster({ seed: 1 });
  const cm = store.create(configMap('settings'));
  assert.match(cm.metadata.uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(cm.metadata.creationTimestamp, '2026-01-01T00:00:00Z');
  assert.ok(Number(cm.metadata.resourceVersion) > 0);
  assert.ok(Object.isFrozen(cm.data));
});

test('a stale resourceVersion is a Conflict with the API server text', () => {
  const { store } = new SimCluster({ seed: 1 });
  const first = store.create(configMap('settings'));
  store.update({ ...thaw(first), data: { a: '1' } });
  assert.throws(() => store.update({ ...thaw(first), data: { a: '2' } }), {
    name: 'ConflictError',
    message: 'Operation cannot be fulfilled on configmaps "settings": the object has been modified; please apply your changes to the latest version and try again',
  });
});

test('generation moves on spec changes only', () => {
  const cluster = new SimCluster({ seed: 1 });
  const sts = cluster.store.create({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } },
  });
  assert.equal(sts.metadata.generation, 1);
  const labelled = cluster.store.update({ ...thaw(sts), metadata: { ...thaw(sts.metadata), labels: { x: 'y' } } });
  assert.equal(labelled.metadata.generation, 1);
  const scaled = cluster.store.update({ ...thaw(labelled), spec: { ...thaw(labelled.spec), replicas: 2 } });
  assert.equal(scaled.metadata.generation, 2);
});

test('generateName gets five characters from the seeded RNG; the same seed gives the same name', () => {
  const a = new SimCluster({ seed: 7 }).store.create({ ...configMap(''), metadata: { generateName: 'job-', namespace: 'default' } });
  const b = new SimCluster({ seed: 7 }).store.create({ ...configMap(''), metadata: { generateName: 'job-', namespace: 'default' } });
  assert.match(a.metadata.name, /^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(a.metadata.name, b.metadata.name);
});

test('errors use Kubernetes wording: already exists, not found, unknown kind, missing namespace, invalid name', () => {
  const { store } = new SimCluster({ seed: 1 });
  store.create(configMap('settings'));
  assert.throws(() => store.create(configMap('settings')), { message: 'configmaps "settings" already exists' });
  assert.throws(() => store.delete('ConfigMap', { namespace: 'default', name: 'nope' }), { message: 'configmaps "nope" not found' });
  assert.throws(() => store.create({ apiVersion: 'v1', kind: 'Gizmo', metadata: { name: 'g' } }), { message: 'no matches for kind "Gizmo" in version "v1"' });
  assert.throws(() => store.create({ ...configMap('x'), metadata: { name: 'x', namespace: 'ghost' } }), { message: 'namespaces "ghost" not found' });
  assert.throws(() => store.create(configMap('Bad_Name')), { message: /^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of/ });
});

test('StatefulSet validation: selector must match the template labels (the labels in Go syntax on 1.32, JSON from 1.34)', () => {
  for (const [minor, shown] of [['1.32', 'map[string]string{"app":"api"}'], ['1.37', '{"app":"api"}']] as const) {
    const { store } = new SimCluster({ seed: 1, version: parseKubernetesVersion(minor) });
    assert.throws(() => store.create({
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } } },
    }), { message: `StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: ${shown}: \`selector\` does not match template \`labels\`` });
  }
});

test('a bound pod is deleted gracefully; an unbound one at once', () => {
  const cluster = new SimCluster({ seed: 1 });
  const pod = (name: string, nodeName?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName, containers: [{ name: 'c', image: 'nginx:1' }] } });
  cluster.store.create(pod('loose'));
  cluster.store.delete('Pod', { namespace: 'default', name: 'loose' });
  assert.equal(cluster.store.get('Pod', { namespace: 'default', name: 'loose' }), undefined);
  cluster.store.create(pod('bound', 'worker-1'));
  const deleting = cluster.store.delete('Pod', { namespace: 'default', name: 'bound' });
  assert.equal(deleting.metadata.deletionTimestamp, '2026-01-01T00:00:30Z');
  assert.equal(deleting.metadata.deletionGracePeriodSeconds, 30);
});

test('watch replays from a resourceVersion and refuses one that is too old', () => {
  const { store } = new SimCluster({ seed: 1 });
  const from = store.currentRevision();
  store.create(configMap('a'));
  store.create(configMap('b'));
  const seen: string[] = [];
  store.watch('ConfigMap', (e) => seen.push(`${e.type} ${e.object.metadata.name}`), from);
  assert.deepEqual(seen, ['ADDED a', 'ADDED b']);
  // Past the kept history (20,000 changes) the resourceVersion is gone, as after etcd compaction.
  let cm = store.get('ConfigMap', { namespace: 'default', name: 'a' })!;
  for (let i = 0; i < 20_001; i++) cm = store.update({ ...thaw(cm), data: { i: String(i) } });
  assert.throws(() => store.watch('ConfigMap', () => {}, from), { name: 'GoneError', message: /^too old resource version: \d+ \(\d+\)$/ });
});

test('garbage collection: background deletes dependents, orphan keeps them without the owner reference', () => {
  const cluster = new SimCluster({ seed: 1 });
  const owner = cluster.store.create(configMap('owner'));
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid };
  cluster.store.create({ ...configMap('child'), metadata: { name: 'child', namespace: 'default', ownerReferences: [ref] } });
  cluster.store.delete('ConfigMap', { namespace: 'default', name: 'owner' });
  cluster.clock.settle();
  assert.equal(cluster.store.get('ConfigMap', { namespace: 'default', name: 'child' }), undefined);

  const owner2 = cluster.store.create(configMap('owner2'));
  const ref2 = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner2', uid: owner2.metadata.uid };
  cluster.store.create({ ...configMap('child2'), metadata: { name: 'child2', namespace: 'default', ownerReferences: [ref2] } });
  cluster.store.delete('ConfigMap', { namespace: 'default', name: 'owner2' }, { propagationPolicy: 'Orphan' });
  cluster.clock.settle();
  assert.equal(cluster.store.get('ConfigMap', { namespace: 'default', name: 'owner2' }), undefined);
  assert.equal(cluster.store.get('ConfigMap', { namespace: 'default', name: 'child2' })?.metadata.ownerReferences, undefined);
});

test('orphans are the pods of a namespace without a controller owner, kept as owners come and go', () => {
  const { store } = new SimCluster({ seed: 1 });
  const pod = (name: string, ownerReferences?: any[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...(ownerReferences ? { ownerReferences } : {}) }, spec: { containers: [{ name: 'c', image: 'pause' }] } });
  const owner = store.create(configMap('owner'));
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid };
  store.create(pod('loose'));
  store.create(pod('weakly-owned', [ref]));
  const controlled = store.create(pod('controlled', [{ ...ref, controller: true }]));
  const names = () => store.listOrphans('Pod', 'default').map((o) => o.metadata.name).sort();
  assert.deepEqual(names(), ['loose', 'weakly-owned']);
  store.update({ ...thaw(controlled), metadata: { ...thaw(controlled.metadata), ownerReferences: [] } });
  assert.deepEqual(names(), ['controlled', 'loose', 'weakly-owned']);
  store.delete('Pod', { namespace: 'default', name: 'loose' });
  assert.deepEqual(names(), ['controlled', 'weakly-owned']);
  assert.deepEqual(store.listOrphans('Pod', 'elsewhere'), []);
  assert.throws(() => store.listOrphans('ConfigMap', 'default'), /not indexed/);
});

test('a list of plain values is decoded as one: the wrong JSON type for it or for an item is refused', () => {
  const { store } = new SimCluster({ seed: 1 });
  const pod = (command: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', command }] } });
  assert.throws(() => store.create(pod('sleep 10')), { message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string' });
  assert.throws(() => store.create(pod(['sleep', 10])), { message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string' });
  assert.equal(store.create(pod(['sleep', '10'])).spec.containers[0].command[1], '10');
});

test('empty ObjectMeta maps and lists are omitted (omitempty), and managedFields do not claim them', () => {
  const { store } = new SimCluster({ seed: 1 });
  const writer = { manager: 'kubectl', time: '2026-01-01T00:00:00Z' };
  const cm = store.create({ ...configMap('settings'), metadata: { name: 'settings', namespace: 'default', labels: { app: 'web' }, annotations: {}, finalizers: [] } }, { writer });
  assert.deepEqual(cm.metadata.labels, { app: 'web' });
  assert.equal('annotations' in cm.metadata, false);
  assert.equal('finalizers' in cm.metadata, false);
  const unlabelled = store.update({ ...thaw(cm), metadata: { ...thaw(cm.metadata), labels: {}, ownerReferences: [] } }, { writer });
  assert.equal('labels' in unlabelled.metadata, false);
  assert.equal('ownerReferences' in unlabelled.metadata, false);
  const fields = JSON.stringify(unlabelled.metadata.managedFields ?? []);
  assert.equal(fields.includes('f:labels'), false, fields);
});
