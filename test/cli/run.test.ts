import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { join } from 'node:path';
import { test } from 'node:test';
import { attachments, bin, copyCardFeature, kubespec, projectWith } from './cli-helpers.ts';

test('the card scenario passes on the simulator and writes Allure results and JUnit XML', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /kubespec: 1 passed, 0 failed, 0 skipped \(profile sim, Kubernetes v1\.37\.2\)/);
  assert.ok(existsSync(join(dir, 'reports', 'junit.xml')));
  const timeline = attachments(dir, 'timeline.txt');
  assert.equal(timeline.length, 1);
  assert.match(timeline[0]!, /pod web-2\s+deleted\n.*pod web-1\s+terminating/);
});

test('two runs with the same seed produce identical timelines', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  await kubespec(dir, 'run', '--seed', '42');
  const first = attachments(dir, 'timeline.txt');
  await kubespec(dir, 'run', '--seed', '42');
  assert.deepEqual(attachments(dir, 'timeline.txt'), first);
  assert.equal(first.length, 1);
});

test('a wrong ordering assertion fails with the observed order of deletions, exit code 1', async () => {
  const dir = projectWith({
    'wrong.feature': [
      'Feature: wrong', '  Scenario: reversed',
      '    Given a StatefulSet "web" with 3 replicas',
      '    And StatefulSet "web" has 3 ready replicas within 2 minutes',
      '    When StatefulSet "web" is scaled to 1',
      '    Then pod "web-1" is deleted before pod "web-2"', '',
    ].join('\n'),
  });
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /expected pod "web-1" deleted before pod "web-2" deleted, but pod "web-2" deleted came first\.\n\s+observed order: web-2 deleted \(at 10s\)/);
  assert.doesNotMatch(r.stdout, /at assertOrder/, 'no stack trace for a failed check');
});

test('an undefined step gets the closest steps of the vocabulary', async () => {
  const dir = projectWith({ 'typo.feature': 'Feature: t\n  Scenario: s\n    Then StatefulSet "web" has 3 redy replicas within 2 minutes\n' });
  // Found by the check every run starts with (issue 27): exit 2, nothing executed.
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^features\/typo\.feature:3:10: undefined step: Then StatefulSet "web" has 3 redy replicas within 2 minutes\n    closest steps \(kubespec steps lists them all\):\n      Then StatefulSet "web" has 3 ready replicas within 2 minutes/);
});

test('invalid YAML in a doc string names the feature line and the YAML position', async () => {
  const dir = projectWith({
    'yaml.feature': 'Feature: y\n  Scenario: s\n    Given the following manifest is applied:\n      """yaml\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: x\n       bad: [\n      """\n',
  });
  // Found by the check every run starts with (issue 27): exit 2, nothing executed.
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^features\/yaml\.feature:9:1: invalid YAML at line 5, column 1: All mapping items must start at the same column/);
});

test('usage errors exit 2 with one line and no stack trace', async () => {
  const dir = projectWith({});
  const bad = await kubespec(dir, 'run', '--seed', 'abc');
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr.trim(), 'kubespec: --seed must be a non-negative integer, not "abc"');
  writeFileSync(join(dir, 'kubeconfig'), 'apiVersion: v1\nkind: Config\nclusters: [{name: prod, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: prod, user: {token: x}}]\ncontexts: [{name: production, context: {cluster: prod, user: prod}}]\ncurrent-context: production\n');
  const live = await execa('node', [bin, 'run', '--profile', 'live'], { cwd: dir, reject: false, env: { KUBECONFIG: join(dir, 'kubeconfig'), KUBESPEC_ALLOWED_CONTEXTS: '' } });
  assert.equal(live.exitCode, 2);
  assert.equal(live.stderr.trim(), 'kubespec: refusing to run against context "production": live runs use kind-* clusters, a kubespec serve cluster ("kubespec"), the reference cluster ("kubespec-reference"), or contexts listed in KUBESPEC_ALLOWED_CONTEXTS');
  const missing = await execa('node', [bin, 'run', '--profile', 'live', '--context', 'nope'], { cwd: dir, reject: false, env: { KUBECONFIG: join(dir, 'kubeconfig') } });
  assert.equal(missing.exitCode, 2);
  assert.match(missing.stderr, /^kubespec: kubeconfig context "nope" does not exist \(contexts: production\)/);
  const unknown = await kubespec(dir, 'frobnicate');
  assert.equal(unknown.code, 2);
});
