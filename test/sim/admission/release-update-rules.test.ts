import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

const at = (minor: string) => clusterWith(0, 1, parseKubernetesVersion(minor));
const refusal = (write: () => unknown) => {
  try {
    write();
    return 'accepted';
  } catch (e) {
    return (e as Error).message;
  }
};
const statefulSet = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' }, spec: { serviceName: 'web', replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };

// pkg/apis/apps/validation/validation.go ValidateStatefulSetUpdate: v1.32.5:193, v1.33.13:210, v1.37.2:261-264.
test('a StatefulSet update: one Forbidden naming the mutable fields up to 1.36, per-field immutability from 1.37', () => {
  for (const [minor, expected] of [
    ['1.32', /spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden/],
    ['1.35', /'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy'/],
    ['1.37', /spec\.serviceName: Invalid value: "other": field is immutable/],
  ] as const) {
    const c = at(minor);
    c.store.create(structuredClone(statefulSet));
    const current = structuredClone(c.store.get('StatefulSet', { namespace: 'default', name: 'web' })!) as any;
    assert.match(refusal(() => c.store.update({ ...current, spec: { ...current.spec, serviceName: 'other' } })), expected, minor);
  }
  const c = at('1.37');
  c.store.create(structuredClone(statefulSet));
  const current = structuredClone(c.store.get('StatefulSet', { namespace: 'default', name: 'web' })!) as any;
  assert.equal(refusal(() => c.store.update({ ...current, spec: { ...current.spec, revisionHistoryLimit: 3 } })), 'accepted');
});

// pkg/apis/autoscaling/validation/validation.go v1.37.2: MinReplicasLowerBound 0 with HPAScaleToZero, validateMetrics:216.
test('minReplicas 0 is refused up to 1.36, and from 1.37 needs an Object or External metric', () => {
  const hpa = (name: string, metrics?: object[]) => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: 'default' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 0, maxReplicas: 3, ...(metrics ? { metrics } : {}) } });
  assert.match(refusal(() => at('1.36').store.create(hpa('a'))), /spec\.minReplicas: Invalid value: 0: must be greater than or equal to 1/);
  assert.match(refusal(() => at('1.37').store.create(hpa('b'))), /spec\.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas/);
  const queue = { type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'AverageValue', averageValue: '30' } } };
  assert.equal(refusal(() => at('1.37').store.create(hpa('c', [queue]))), 'accepted');
});
