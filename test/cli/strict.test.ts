import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachments, kubespec, projectWith } from './cli-helpers.ts';

const feature = `Feature: a team's own image
  Scenario: the app runs
    Given a cluster with 1 worker node
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
        - {name: app, image: example.com/team/app:1.0}
      """
    Then pod "app" is Running within 1 minute
`;

const assumed = 'Pod default/app spec.containers[app].image: assumed it runs until stopped and stops promptly on SIGTERM, because kubespec has no facts about what the image "example.com/team/app:1.0" runs';

test('a scenario resting on an assumption passes, the report lists it and the run ends with the count', async () => {
  const dir = projectWith({ 'app.feature': feature });
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^1 scenario rests on 1 assumption of the simulator \(see assumptions\.txt in the report; --strict fails those a scenario does not check\)$/m);
  assert.deepEqual(attachments(dir, 'assumptions.txt'), [`${assumed}\n`]);
});

test('--strict fails the scenario and names the assumption', async () => {
  const dir = projectWith({ 'app.feature': feature });
  const r = await kubespec(dir, 'run', '--strict');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /StrictAssumptionError: --strict: this scenario rests on 1 assumption of the simulator:/);
  assert.ok(r.stdout.includes(`  - ${assumed}`), r.stdout);
  assert.match(r.stdout, /^kubespec: 0 passed, 1 failed, 0 skipped \(profile sim, Kubernetes v1\.37\.2\)$/m);
});

test('--strict accepts an assumption the scenario checks on purpose', async () => {
  const checked = feature.replace('    Then pod "app" is Running within 1 minute\n', '    Then pod "app" is Running within 1 minute\n    And the simulator assumed "spec.containers[app].image" of pod "app"\n');
  const dir = projectWith({ 'app.feature': checked });
  const r = await kubespec(dir, 'run', '--strict');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^kubespec: 1 passed, 0 failed, 0 skipped \(profile sim, Kubernetes v1\.37\.2\)$/m);
});
