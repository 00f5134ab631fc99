/**
 * api.metadata.nullCreationTimestamp: up to 1.33 the API server's JSON writes a zero
 * creationTimestamp as null in every ObjectMeta nobody stored (apimachinery@v0.32.13
 * pkg/apis/meta/v1/types.go omitempty on a struct); from 1.34 it leaves it out (v0.34.4 omitzero).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEGACY_MINORS, parseKubernetesVersion, SUPPORTED_MINORS } from '../../src/kube/kubernetes-versions.ts';
import { withNullCreationTimestamps } from '../../src/serve/zero-creation-timestamps.ts';

const stamp = '2026-01-01T00:00:00Z';
const podSpec = { containers: [{ name: 'c' }], volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } }] };
const statefulSet = {
  kind: 'StatefulSet', apiVersion: 'apps/v1', metadata: { name: 'db', creationTimestamp: stamp },
  spec: { template: { metadata: { labels: { app: 'db' } }, spec: podSpec }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }] },
};
const cronJob = { kind: 'CronJob', apiVersion: 'batch/v1', metadata: { name: 'c', creationTimestamp: stamp }, spec: { jobTemplate: { spec: { template: { spec: podSpec } } } } };
const review = { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, status: { allowed: true } };

for (const minor of [...LEGACY_MINORS, ...SUPPORTED_MINORS]) {
  const writesNull = minor === '1.32';
  test(`${minor}: zero creationTimestamps are ${writesNull ? 'null' : 'left out'}`, () => {
    const v = parseKubernetesVersion(minor);
    const sts: any = withNullCreationTimestamps(v, statefulSet);
    const cj: any = withNullCreationTimestamps(v, cronJob);
    const list: any = withNullCreationTimestamps(v, { kind: 'StatefulSetList', apiVersion: 'apps/v1', metadata: { resourceVersion: '5' }, items: [statefulSet] });
    const zero = writesNull ? { creationTimestamp: null } : {};
    assert.deepEqual(sts.spec.template.metadata, { ...zero, labels: { app: 'db' } });
    assert.deepEqual(sts.spec.volumeClaimTemplates[0].metadata, { name: 'data', ...zero });
    assert.deepEqual(sts.spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.metadata ?? {}, zero);
    assert.equal(sts.metadata.creationTimestamp, stamp, 'a stored object keeps its own');
    assert.deepEqual(cj.spec.jobTemplate.metadata ?? {}, zero);
    assert.deepEqual(cj.spec.jobTemplate.spec.template.metadata ?? {}, zero);
    assert.deepEqual(list.items[0].spec.template.metadata, { ...zero, labels: { app: 'db' } });
    assert.deepEqual(list.metadata, { resourceVersion: '5' }, 'a ListMeta has no creationTimestamp');
    assert.deepEqual((withNullCreationTimestamps(v, review) as any).metadata, zero);
    assert.deepEqual((withNullCreationTimestamps(v, { kind: 'Status', apiVersion: 'v1', metadata: {}, code: 404 }) as any).metadata, {});
  });
}

test('the null sits where Go writes it: after name and namespace, before labels', () => {
  const out: any = withNullCreationTimestamps(parseKubernetesVersion('1.32'), { kind: 'Pod', apiVersion: 'v1', metadata: { labels: { a: 'b' }, name: 'x', namespace: 'n' } });
  assert.deepEqual(Object.keys(out.metadata), ['name', 'namespace', 'creationTimestamp', 'labels']);
});
