import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simulatorVersionArgs } from '../../src/fidelity/fidelity-run.ts';
import { copyCardFeature, kubespec, projectWith } from '../cli/cli-helpers.ts';

test("the simulator side is told the reference cluster's minor", () => {
  assert.deepEqual(simulatorVersionArgs('v1.32.5'), ['--kubernetes-version', '1.32']);
  assert.deepEqual(simulatorVersionArgs('v1.37.2'), ['--kubernetes-version', '1.37']);
  assert.deepEqual(simulatorVersionArgs(undefined), []);
});

test('fidelity --rerun-simulator runs the simulator as the version of the last reference run', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  mkdirSync(join(dir, 'reports'), { recursive: true });
  writeFileSync(join(dir, 'reports', 'fidelity.json'), JSON.stringify({ version: 'v1.35.4' }));
  const r = await kubespec(dir, 'fidelity', '--rerun-simulator');
  assert.match(r.stdout, /^simulator as Kubernetes 1\.35: running @portable$/m);
  // No reference run to compare with here; the simulator side ran and its report names the version.
  const environment = readFileSync(join(dir, 'reports', 'fidelity', 'sim', 'allure-results', 'environment.properties'), 'utf8');
  assert.match(environment, /^kubernetes\s*=\s*v1\.35\.4$/m);
});
