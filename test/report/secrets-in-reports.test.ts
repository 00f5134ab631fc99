import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubespec, projectWith } from '../cli/cli-helpers.ts';

const planted = 'planted-s3cret-value';

const feature = `Feature: secrets stay out of reports
  Scenario: a failing check that quotes a Secret's value
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: db}
      stringData: {password: ${planted}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
          - name: main
            image: busybox
            command: [sleep, "3600"]
            env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
      """
    Then pod "app" is Running within 1 minute
    And container "main" of pod "app" has environment variable "DB_PASSWORD" set to "something else"
`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

test('a Secret\'s value planted in a feature appears nowhere in the reports, not even in a failure that quotes it', async () => {
  const dir = projectWith({ 'secret.feature': feature });
  const run = await kubespec(dir, 'run', '--format', 'progress');
  assert.equal(run.code, 1, 'the scenario fails, quoting the variable');
  assert.match(run.stdout, /DB_PASSWORD is "<redacted>" in container "main" of pod "app"/);
  const encoded = Buffer.from(planted).toString('base64');
  for (const file of filesUnder(join(dir, 'reports'))) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(planted) && !text.includes(encoded), `${file} shows the secret`);
  }
});
