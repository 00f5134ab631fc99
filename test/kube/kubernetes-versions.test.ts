import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BEHAVIOURS, behaviour, defaultKubernetesVersion, enabledSince, FEATURE_GATES, featureEnabled, gateDefault, gateDefaultChanges,
  KNOWN_MINORS, kubectlSkewWarning, parseKubernetesVersion, RELEASES, servesGroupVersion, servesKind, versionInfo,
} from '../../src/kube/kubernetes-versions.ts';

const v = parseKubernetesVersion;
const SUPPORTED = 'supported: 1.35 (v1.35.4), 1.36 (v1.36.3), 1.37 (v1.37.2, default), legacy 1.32 (v1.32.13)';

test('a version is accepted as 1.37, v1.37 or 1.37.2 and resolves to the pinned patch', () => {
  for (const text of ['1.37', 'v1.37', '1.37.2', ' v1.37.2 ']) assert.equal(v(text).gitVersion, 'v1.37.2', text);
  assert.equal(v('1.35').gitVersion, 'v1.35.4');
  assert.equal(v('1.36').gitVersion, 'v1.36.3');
  assert.equal(v('1.32').gitVersion, 'v1.32.13');
  assert.equal(defaultKubernetesVersion().minor, '1.37');
});

test('an unsupported version is refused with the supported list', () => {
  assert.throws(() => v('1.34'), { name: 'KubernetesVersionError', message: `"1.34" is not a Kubernetes version kubespec simulates: minor 1.34 is not simulated (${SUPPORTED})` });
  assert.throws(() => v('1.37.1'), { message: `"1.37.1" is not a Kubernetes version kubespec simulates: only patch v1.37.2 of 1.37 is modelled (${SUPPORTED})` });
  assert.throws(() => v('latest'), { message: `"latest" is not a Kubernetes version kubespec simulates: expected MAJOR.MINOR or MAJOR.MINOR.PATCH, optionally with a leading v (${SUPPORTED})` });
  assert.throws(() => v('2.37'), { name: 'KubernetesVersionError' });
});

test('a gate whose default flips between minors is reported per minor', () => {
  // MaxUnavailableStatefulSet: beta but off in 1.35 and 1.36, on in 1.37 (despite CHANGELOG-1.35 #133153 saying "enabled by default").
  assert.deepEqual(['1.35', '1.36', '1.37'].map((m) => featureEnabled(v(m), 'MaxUnavailableStatefulSet')), [false, false, true]);
  assert.deepEqual(['1.35', '1.36', '1.37'].map((m) => featureEnabled(v(m), 'HPAScaleToZero')), [false, false, true]);
  assert.deepEqual(['1.32', '1.35', '1.36'].map((m) => featureEnabled(v(m), 'MutatingAdmissionPolicy')), [false, false, true]);
  assert.deepEqual(['1.32', '1.35'].map((m) => featureEnabled(v(m), 'ImageVolume')), [false, true]);
  assert.deepEqual(['1.32', '1.35'].map((m) => featureEnabled(v(m), 'InPlacePodVerticalScaling')), [false, true]);
});

test('a removed gate keeps its last meaning: GA stays on, alpha stays off', () => {
  assert.deepEqual(gateDefault(v('1.36'), 'SidecarContainers'), {
    gate: 'SidecarContainers', enabled: true, stage: 'GA', locked: true,
    source: 'k8s.io/kubernetes@v1.36.3/test/compatibility_lifecycle/reference/versioned_feature_list.yaml (SidecarContainers)',
  });
  const gone = gateDefault(v('1.37'), 'SidecarContainers');
  assert.equal(gone.enabled, true);
  assert.equal(gone.stage, 'removed');
  assert.equal(featureEnabled(v('1.35'), 'VolumeCapacityPriority'), false);
  assert.equal(gateDefault(v('1.35'), 'VolumeCapacityPriority').stage, 'removed');
  assert.equal(gateDefault(v('1.32'), 'GangScheduling').stage, 'absent');
});

test('enabledSince and gateDefaultChanges read across minors', () => {
  assert.equal(enabledSince('InPlacePodVerticalScaling'), '1.33');
  assert.equal(enabledSince('SidecarContainers'), '1.32');
  assert.equal(enabledSince('VolumeCapacityPriority'), undefined);
  const changes = gateDefaultChanges(v('1.35'), v('1.37'));
  assert.ok(changes.some((c) => c.gate === 'MaxUnavailableStatefulSet' && !c.from && c.to));
  assert.ok(!changes.some((c) => c.gate === 'SidecarContainers'));
  assert.deepEqual(gateDefaultChanges(v('1.37'), v('1.37')), []);
});

test('served group versions and kinds follow the release', () => {
  assert.deepEqual(['1.32', '1.35', '1.37'].map((m) => servesGroupVersion(v(m), 'resource.k8s.io/v1')), [false, true, true]);
  assert.deepEqual(['1.36', '1.37'].map((m) => servesGroupVersion(v(m), 'storagemigration.k8s.io/v1')), [false, true]);
  assert.equal(servesGroupVersion(v('1.37'), 'resource.k8s.io/v1beta1'), false);
  assert.equal(servesGroupVersion(v('1.37'), 'v1'), true);
  assert.deepEqual(['1.35', '1.36'].map((m) => servesKind(v(m), 'admissionregistration.k8s.io/v1', 'MutatingAdmissionPolicy')), [false, true]);
  assert.deepEqual(['1.36', '1.37'].map((m) => servesKind(v(m), 'certificates.k8s.io/v1', 'ClusterTrustBundle')), [false, true]);
  assert.equal(servesKind(v('1.32'), 'v1', 'Pod'), true);
  assert.equal(servesKind(v('1.32'), 'resource.k8s.io/v1', 'ResourceClaim'), false);
});

test('versioned texts change in the minor upstream changed them', () => {
  assert.equal(behaviour(v('1.32'), 'scheduler.volumeBinding.nodeConflictReason').value, 'node(s) had volume node affinity conflict');
  assert.equal(behaviour(v('1.35'), 'scheduler.volumeBinding.nodeConflictReason').value, "node(s) didn't match PersistentVolume's node affinity");
  assert.equal(behaviour(v('1.35'), 'scheduler.volumeBinding.nodeConflictReason').since, '1.33');
  assert.equal(behaviour(v('1.36'), 'scheduler.preemption.successMessage').value, null);
  assert.deepEqual(behaviour(v('1.35'), 'kubectl-output.serviceAccount.columns').value, ['NAME', 'AGE']);
  assert.deepEqual(behaviour(v('1.32'), 'kubectl-output.serviceAccount.columns').value, ['NAME', 'SECRETS', 'AGE']);
  assert.deepEqual(['1.32', '1.35'].map((m) => behaviour(v(m), 'api.validation.nonScalarBadValue').value), ['go-syntax', 'json']);
  assert.deepEqual(['1.32', '1.35', '1.37'].map((m) => behaviour(v(m), 'kubelet.event.startedContainer').value), ['Started container %NAME', 'Container started', 'Container started']);
});

test('/version says what the release serves', () => {
  const build = { gitCommit: 'kubespec', buildDate: '2026-01-01T00:00:00Z', platform: 'linux/amd64' };
  assert.deepEqual(versionInfo(v('1.37'), build), {
    major: '1', minor: '37', emulationMajor: '1', emulationMinor: '37', minCompatibilityMajor: '1', minCompatibilityMinor: '36',
    gitVersion: 'v1.37.2', gitCommit: 'kubespec', gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.26.10', compiler: 'gc', platform: 'linux/amd64',
  });
  assert.deepEqual(versionInfo(v('1.32'), build), {
    major: '1', minor: '32', gitVersion: 'v1.32.13', gitCommit: 'kubespec', gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z', goVersion: 'go1.24.13', compiler: 'gc', platform: 'linux/amd64',
  });
});

test('kubectl warns beyond one minor of skew', () => {
  assert.equal(kubectlSkewWarning({ major: 1, minor: 37 }, { major: 1, minor: 36 }), undefined);
  assert.equal(kubectlSkewWarning({ major: 1, minor: 37 }, { major: 1, minor: 35 }), 'version difference between client (1.37) and server (1.35) exceeds the supported minor version skew of +/-1');
});

test('every fact names its source and covers every known minor', () => {
  for (const [name, gate] of Object.entries(FEATURE_GATES)) {
    assert.deepEqual(Object.keys(gate.states), [...KNOWN_MINORS], name);
  }
  for (const [id, fact] of Object.entries(BEHAVIOURS)) {
    assert.equal(fact.changes[0]?.since, '1.32', id);
    for (const c of fact.changes) assert.match(c.source, /k8s\.io\/|CHANGELOG-1\.3\d/, id);
  }
  for (const r of Object.values(RELEASES)) assert.match(r.goVersionSource, /^k8s\.io\/kubernetes@v1\.3\d\.\d+\/\.go-version$/);
});
