import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubespec, projectWith } from './cli-helpers.ts';

const deployment = (indent: string) => ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: -1', '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec:', '      containers: [{name: app, image: nginx:1.27}]'].map((l) => indent + l).join('\n');

test('a refused manifest names the line of the refused field, in a doc string and in a manifest file', async () => {
  const dir = projectWith({
    'inline.feature': `Feature: f\n  Scenario: inline\n    Given a cluster with 1 worker node\n    And the following manifest is applied:\n      """yaml\n${deployment('      ')}\n      """\n`,
    'file.feature': 'Feature: g\n  Scenario: from a file\n    Given a cluster with 1 worker node\n    And manifest "web.yaml" is applied\n',
  });
  mkdirSync(join(dir, 'scenarios', 'manifests'), { recursive: true });
  writeFileSync(join(dir, 'scenarios', 'manifests', 'web.yaml'), `# the web tier\n${deployment('')}\n`);
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /InvalidError: Deployment\.apps "web" is invalid: spec\.replicas: Invalid value: -1: must be greater than or equal to 0\n\s+spec\.replicas is on features\/inline\.feature:10\n/);
  assert.match(r.stdout, /\n\s+spec\.replicas is on scenarios\/manifests\/web\.yaml:6\n/);
});
