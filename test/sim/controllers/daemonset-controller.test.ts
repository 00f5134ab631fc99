import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';

// pkg/controller/daemon/update.go (k8s v1.32): constructHistory and snapshot.

const daemonSet = (image: string) => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image }] } } },
});

test('a DaemonSet records each template as a ControllerRevision named for the hash its pods carry', () => {
  const c = clusterWith(2);
  c.store.create(daemonSet('nginx:1.27'));
  c.clock.advanceBy(30_000);
  const revisions = () => c.store.list('ControllerRevision', { namespace: 'default' }).sort((a, b) => a.revision - b.revision);
  assert.equal(revisions().length, 1);
  const [first] = revisions();
  const hash = first!.metadata.labels!['controller-revision-hash'];
  assert.equal(first!.metadata.name, `agent-${hash}`);
  assert.equal(first!.metadata.labels!.app, 'agent');
  assert.equal(first!.metadata.annotations!['deprecated.daemonset.template.generation'], '1');
  assert.equal(first!.metadata.ownerReferences![0]!.name, 'agent');
  assert.equal(first!.data.spec.template.$patch, 'replace');
  assert.equal(first!.data.spec.template.spec.containers[0].image, 'nginx:1.27');
  const pods = c.store.list('Pod', { namespace: 'default' });
  assert.equal(pods.length, 2);
  for (const p of pods) {
    assert.equal(p.metadata.labels!['controller-revision-hash'], hash);
    assert.equal(p.metadata.labels!['pod-template-generation'], '1');
  }

  c.store.update({ ...daemonSet('nginx:1.28'), metadata: get(c, 'DaemonSet', 'agent')!.metadata });
  c.clock.advanceBy(30_000);
  assert.deepEqual(revisions().map((r) => r.revision), [1, 2]);
  assert.equal(revisions()[1]!.data.spec.template.spec.containers[0].image, 'nginx:1.28');
});
