// The reference cluster per Kubernetes version (issue 26): which releases can be built, how a
// --kubernetes-version value picks one, and where each one's cluster lives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterFolderName, DEFAULT_REFERENCE_MINOR, REFERENCE_BUILDS, referenceBuild, referenceMinors } from '../../../src/cluster/reference/versions.ts';
import { RELEASES } from '../../../src/kube/kubernetes-versions.ts';
import { UserError } from '../../../src/errors.ts';

const moduleDir = join(import.meta.dirname, '..', '..', '..', 'scripts', 'reference-cluster');

test('each build is the release src/kube pins, except 1.32, built from v1.32.5 and saying why', () => {
  for (const minor of referenceMinors()) {
    const build = REFERENCE_BUILDS[minor]!;
    if (minor === '1.32') {
      assert.equal(build.kubernetesVersion, 'v1.32.5');
      assert.notEqual(RELEASES['1.32'].gitVersion, 'v1.32.5');
      assert.match(build.note ?? '', /v1\.32\.13/);
    } else {
      assert.equal(build.kubernetesVersion, RELEASES[minor].gitVersion, minor);
    }
  }
});

test("each build's go.mod requires its k8s.io/kubernetes release and pins the staging modules to it", () => {
  for (const minor of referenceMinors()) {
    const build = REFERENCE_BUILDS[minor]!;
    const modfile = join(moduleDir, build.modfile ?? 'go.mod');
    const text = readFileSync(modfile, 'utf8');
    assert.match(text, new RegExp(`^\\tk8s\\.io/kubernetes ${build.kubernetesVersion.replaceAll('.', '\\.')}$`, 'm'), modfile);
    const staging = `v0.${build.kubernetesVersion.slice(3)}`;
    assert.match(text, new RegExp(`^\\tk8s\\.io/client-go => k8s\\.io/client-go ${staging.replaceAll('.', '\\.')}$`, 'm'), modfile);
    // The replace pins client-go whatever is asked; the require line shows nothing (the provisioner
    // library, say) asked for a newer one, which the pinned client-go might not compile against.
    assert.match(text, new RegExp(`^\\tk8s\\.io/client-go ${staging.replaceAll('.', '\\.')}$`, 'm'), `${modfile}: client-go required at ${staging}`);
    assert.ok(existsSync(modfile.replace(/\.mod$/, '.sum')), `${modfile}: its go.sum`);
  }
});

test('--kubernetes-version picks a build by minor, v-prefix or exact patch; the default is the newest, 1.37', () => {
  assert.equal(referenceBuild().minor, DEFAULT_REFERENCE_MINOR);
  assert.equal(DEFAULT_REFERENCE_MINOR, '1.37');
  assert.equal(referenceBuild('1.37').kubernetesVersion, 'v1.37.2');
  assert.equal(referenceBuild('v1.37').minor, '1.37');
  assert.equal(referenceBuild('1.37.2').minor, '1.37');
  assert.equal(referenceBuild('1.32.5').minor, '1.32');
  assert.equal(referenceBuild('1.35').kubernetesVersion, 'v1.35.4');
  assert.equal(referenceBuild('v1.36.3').modfile, 'versions/1.36/go.mod');
});

test('a version without a build, or another patch, is refused naming what can be built', () => {
  assert.throws(() => referenceBuild('1.34'), (e: Error) => e instanceof UserError && /built for 1\.32 \(v1\.32\.5\), 1\.35 \(v1\.35\.4\), 1\.36 \(v1\.36\.3\), 1\.37 \(v1\.37\.2, default\)/.test(e.message));
  assert.throws(() => referenceBuild('1.37.1'), /built from v1\.37\.2 only/);
  assert.throws(() => referenceBuild('1.32.13'), /built from v1\.32\.5 only/);
  assert.throws(() => referenceBuild('latest'), UserError);
});

test('the default keeps the folder CI and the fidelity run read; every other minor has its own', () => {
  assert.equal(clusterFolderName(referenceBuild()), 'cluster');
  assert.equal(clusterFolderName(referenceBuild('1.32')), 'cluster-1.32');
  assert.equal(clusterFolderName(referenceBuild('1.36')), 'cluster-1.36');
});
