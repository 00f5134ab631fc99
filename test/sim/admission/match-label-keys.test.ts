import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

// pkg/registry/core/pod/strategy.go (v1.37.2) mutatePodAffinity, mutateTopologySpreadConstraints.
const pod = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'canary', namespace: 'default', labels: { app: 'web', track: 'canary' } },
  spec: {
    containers: [{ name: 'c', image: 'busybox' }],
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['track', 'absent'] }],
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } }, mismatchLabelKeys: ['track'] }] } },
  },
};

function created(minor: string) {
  const c = clusterWith(1, 1, parseKubernetesVersion(minor));
  c.store.create(structuredClone(pod));
  return get(c, 'Pod', 'canary')!;
}

test('from 1.34 a spread constraint\'s matchLabelKeys are merged into its selector at creation, for the keys the pod has', () => {
  const spread = created('1.37').spec.topologySpreadConstraints[0];
  assert.deepEqual(spread.labelSelector, { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'track', operator: 'In', values: ['canary'] }] });
  assert.deepEqual(spread.matchLabelKeys, ['track', 'absent']);
  assert.equal(created('1.32').spec.topologySpreadConstraints[0].labelSelector.matchExpressions, undefined);
});

test('an affinity term\'s mismatchLabelKeys become NotIn (MatchLabelKeysInPodAffinity, on in 1.32 already)', () => {
  for (const minor of ['1.32', '1.37']) {
    const term = created(minor).spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0];
    assert.deepEqual(term.labelSelector.matchExpressions, [{ key: 'track', operator: 'NotIn', values: ['canary'] }], minor);
  }
});
