import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubespec, projectWith } from './cli-helpers.ts';

const scenario = (tags: string) => [
  'Feature: versions',
  `  ${tags}`,
  '  Scenario: a node',
  '    Given a cluster with nodes:',
  '      | name     |',
  '      | worker-1 |',
  '    Then Node "worker-1" matches:',
  '      """yaml',
  '      status: {nodeInfo: {kubeletVersion: v1.36.3}}',
  '      """',
  '',
].join('\n');

test('--kubernetes-version 1.36 runs the simulator as v1.36.3 and the closing line and Allure environment say so', async () => {
  const dir = projectWith({ 'v.feature': scenario('') });
  const r = await kubespec(dir, 'run', '--kubernetes-version', '1.36');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^kubespec: 1 passed, 0 failed, 0 skipped \(profile sim, Kubernetes v1\.36\.3\)$/m);
  const environment = readFileSync(join(dir, 'reports', 'allure-results', 'environment.properties'), 'utf8');
  assert.match(environment, /^kubernetes\s*=\s*v1\.36\.3$/m);
});

test('the default version is 1.37: the same scenario fails there, and the closing line names the version', async () => {
  const dir = projectWith({ 'v.feature': scenario('') });
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /kubeletVersion/);
  assert.match(r.stdout, /^kubespec: 0 passed, 1 failed, 0 skipped \(profile sim, Kubernetes v1\.37\.2\)$/m);
});

test('the kubernetesVersion config key chooses the version, and the flag overrides it', async () => {
  const dir = projectWith({ 'v.feature': scenario('') });
  writeFileSync(join(dir, 'kubespec.config.json'), JSON.stringify({ kubernetesVersion: '1.36' }));
  const byConfig = await kubespec(dir, 'run');
  assert.equal(byConfig.code, 0, byConfig.stdout + byConfig.stderr);
  const byFlag = await kubespec(dir, 'run', '--kubernetes-version', '1.35');
  assert.match(byFlag.stdout, /\(profile sim, Kubernetes v1\.35\.4\)$/m);
});

test('a version kubespec does not simulate is refused with exit 2 and the parse error, no stack trace', async () => {
  const dir = projectWith({ 'v.feature': scenario('') });
  const r = await kubespec(dir, 'run', '--kubernetes-version', '1.31');
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'kubespec: --kubernetes-version: "1.31" is not a Kubernetes version kubespec simulates: minor 1.31 is not simulated (supported: 1.35 (v1.35.4), 1.36 (v1.36.3), 1.37 (v1.37.2, default), legacy 1.32 (v1.32.13))\n');
  assert.equal(readdirSync(dir).includes('reports'), false);
  writeFileSync(join(dir, 'kubespec.config.json'), JSON.stringify({ kubernetesVersion: 1.37 }));
  const number = await kubespec(dir, 'run');
  assert.equal(number.code, 2);
  assert.match(number.stderr, /^kubespec: --kubernetes-version must be a string such as "1\.37", not 1\.37\n$/);
});

test('a scenario tagged for other versions is not applicable, with the reason; on its version it runs', async () => {
  const dir = projectWith({ 'v.feature': scenario('@kubernetes-1.36-') });
  const other = await kubespec(dir, 'run', '--kubernetes-version', '1.37');
  assert.equal(other.code, 0, other.stdout + other.stderr);
  assert.match(other.stdout, /not applicable on Kubernetes v1\.37\.2: the scenario is tagged @kubernetes-1\.36- \(its expectations hold for Kubernetes 1\.36 or earlier\)/);
  assert.match(other.stdout, /0 passed, 0 failed, 1 skipped \(profile sim, Kubernetes v1\.37\.2\)/);
  const own = await kubespec(dir, 'run', '--kubernetes-version', '1.36');
  assert.match(own.stdout, /1 passed, 0 failed, 0 skipped \(profile sim, Kubernetes v1\.36\.3\)/);
});

test('a scenario that rests on a version difference passes on 1.36 and fails on 1.35, its failure naming the version', async () => {
  // MutatingAdmissionPolicy is served in admissionregistration.k8s.io/v1 from 1.36 (served-apis.ts).
  const policy = [
    'Feature: versions',
    '  Scenario: a MutatingAdmissionPolicy in v1',
    '    When the following manifest is applied:',
    '      """yaml',
    '      apiVersion: admissionregistration.k8s.io/v1',
    '      kind: MutatingAdmissionPolicy',
    '      metadata: {name: label-configmaps}',
    '      spec:',
    '        matchConstraints: {resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]}',
    '        failurePolicy: Fail',
    '        reinvocationPolicy: Never',
    '        mutations: [{patchType: ApplyConfiguration, applyConfiguration: {expression: "Object{}"}}]',
    '      """',
    '',
  ].join('\n');
  const dir = projectWith({ 'policy.feature': policy });
  const on136 = await kubespec(dir, 'run', '--kubernetes-version', '1.36');
  assert.equal(on136.code, 0, on136.stdout + on136.stderr);
  const on135 = await kubespec(dir, 'run', '--kubernetes-version', '1.35');
  assert.equal(on135.code, 1, on135.stdout + on135.stderr);
  assert.match(on135.stdout, /no matches for kind "MutatingAdmissionPolicy" in version "admissionregistration\.k8s\.io\/v1"\n\s*\(on the simulated Kubernetes v1\.35\.4\)\n\s*at features\/policy\.feature:3/);
  assert.match(readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8'), /on the simulated Kubernetes v1\.35\.4/);
});
