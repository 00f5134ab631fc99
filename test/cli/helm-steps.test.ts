import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { helmBinary } from '../../src/drivers/helm-binary.ts';
import { packageRoot } from '../../src/package-root.ts';
import { kubespec, projectWith } from './cli-helpers.ts';

const choice = await helmBinary({ cacheRoot: packageRoot, build: true });
const missing = 'missing' in choice ? `helm is not available: ${choice.missing}` : undefined;

/**
 * How the Helm steps fail: helm's own message (a template's file and line) at the feature line;
 * "the upgrade fails with" when the upgrade did not fail; a values doc string that is not a
 * mapping. Runs the real helm on the simulator (built into .cache/helm on first use).
 */
test('Helm steps fail with helm\'s message at the feature line, and a failure check needs a failure', { skip: missing }, async () => {
  const feature = [
    'Feature: f',
    '',
    '  Scenario: a template error nobody expects',
    '    When release "bad" is installed from chart "broken"',
    '',
    '  Scenario: a failure check after a success',
    '    Given release "ok" is installed from chart "broken" with "-f values/fixed.yaml"',
    '    When release "ok" is upgraded from chart "broken" with "-f values/fixed.yaml"',
    '    Then the upgrade fails with "anything"',
    '',
    '  Scenario: values that are not a mapping',
    '    When release "ok" is installed from chart "broken" with values:',
    '      """yaml',
    '      - a',
    '      """',
    '',
  ].join('\n');
  const dir = projectWith({ 'helm.feature': feature });
  const chart = join(dir, 'features', 'broken');
  mkdirSync(join(chart, 'templates'), { recursive: true });
  mkdirSync(join(dir, 'features', 'values'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: broken\nversion: 0.1.0\n');
  writeFileSync(join(chart, 'templates', 'settings.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ .Release.Name }}"}\ndata:\n  level: {{ .Values.log.level | quote }}\n');
  writeFileSync(join(dir, 'features', 'values', 'fixed.yaml'), 'log: {level: debug}\n');
  const r = await kubespec(dir, 'run', 'features/helm.feature', '--reports', 'reports');
  const out = r.stdout + r.stderr;
  assert.equal(r.code, 1, out);
  assert.match(out, /helm install of release "bad" failed \(exit 1\):\n\s*Error: INSTALLATION FAILED: broken\/templates\/settings.yaml:5:\d+\n\s*executing "broken\/templates\/settings.yaml" at <\.Values\.log\.level>:\n\s*nil pointer evaluating interface \{\}\.level\n[^\n]*\n\s+at features\/helm\.feature:4/);
  assert.match(out, /the step before did not fail: this step checks the failure of the release upgrade just before it\n[^\n]*\n\s+at features\/helm\.feature:9/);
  assert.match(out, /features\/helm\.feature:12: Helm values must be a YAML mapping \(key: value\), not a list/);
  assert.match(out, /kubespec: 0 passed, 3 failed/);
});
