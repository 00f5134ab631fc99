import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/package-root.ts';
import { copyCardFeature, kubespec, projectWith } from './cli-helpers.ts';

test('a driver chosen by module path runs the scenarios', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  // A team's driver: here the simulator wrapped to leave a trace of every scenario it set up.
  writeFileSync(join(dir, 'my-driver.mjs'), [
    `import { appendFileSync } from 'node:fs';`,
    `import { createDriver as builtIn } from ${JSON.stringify(join(packageRoot, 'src', 'index.ts'))};`,
    `export function createDriver(options) {`,
    `  const driver = builtIn('sim');`,
    `  const setup = driver.setup.bind(driver);`,
    `  driver.setup = async (scenario) => { appendFileSync(${JSON.stringify(join(dir, 'trace.txt'))}, scenario.name + ' ' + options.profile + '\\n'); await setup(scenario); };`,
    `  return driver;`,
    `}`,
  ].join('\n'));
  const r = await kubespec(dir, 'run', '--driver', 'my-driver.mjs');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(readFileSync(join(dir, 'trace.txt'), 'utf8'), 'the highest ordinal goes first sim\n');
});

test('a driver module that is missing or lacks methods is refused before any scenario', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  const missing = await kubespec(dir, 'run', '--driver', 'nope.mjs');
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), `kubespec: driver module "${join(dir, 'nope.mjs')}" does not exist`);
  writeFileSync(join(dir, 'half.mjs'), 'export default () => ({ setup() {}, teardown() {} });\n');
  const half = await kubespec(dir, 'run', '--driver', 'half.mjs');
  assert.equal(half.code, 2);
  assert.match(half.stderr, /^kubespec: driver module ".*half\.mjs": the driver lacks namespace, addNodes, failNode, .*, snapshot \(the Driver interface, src\/drivers\/driver\.ts\)\n$/);
  assert.ok(!existsSync(join(dir, 'trace.txt')));
});
