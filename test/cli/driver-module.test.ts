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
  assert.match(half.stderr, /^kubespec: driver module ".*half\.mjs": the driver lacks namespace, addNodes, containerEnv, .*, snapshot \(the Driver interface, src\/drivers\/driver\.ts\)\n$/);
  assert.ok(!existsSync(join(dir, 'trace.txt')));
});

test('a driver module that declares a capability without its methods is refused before any scenario', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  writeFileSync(join(dir, 'boast.mjs'), [
    `import { createDriver as builtIn } from ${JSON.stringify(join(packageRoot, 'src', 'index.ts'))};`,
    `export function createDriver() {`,
    `  const driver = builtIn('sim');`,
    `  return Object.assign(Object.create(driver), { capabilities: new Set(['node-faults']), failNode: undefined });`,
    `}`,
  ].join('\n'));
  const r = await kubespec(dir, 'run', '--driver', 'boast.mjs');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /the driver declares capabilities without their methods: failNode \(for node-faults\)/);
});

test('a scenario with a step that needs a capability the driver lacks is not applicable, said before it starts', async () => {
  const dir = projectWith({ 'faults.feature': [
    'Feature: node faults',
    '  Scenario: a node fails',
    '    Given a cluster with 2 worker nodes',
    '    When node "worker-2" fails',
    '    And 1 minute passes',
  ].join('\n') + '\n' });
  // The simulator with the core only: nothing beyond apply, get, list, wait and the rest.
  writeFileSync(join(dir, 'core-only.mjs'), [
    `import { appendFileSync } from 'node:fs';`,
    `import { createDriver as builtIn } from ${JSON.stringify(join(packageRoot, 'src', 'index.ts'))};`,
    `export function createDriver() {`,
    `  const driver = builtIn('sim');`,
    `  const setup = driver.setup.bind(driver);`,
    `  driver.setup = async (scenario) => { appendFileSync(${JSON.stringify(join(dir, 'trace.txt'))}, scenario.name + '\\n'); await setup(scenario); };`,
    `  Object.defineProperty(driver, 'capabilities', { value: new Set() });`,
    `  return driver;`,
    `}`,
  ].join('\n'));
  const r = await kubespec(dir, 'run', '--driver', 'core-only.mjs');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /not applicable on the sim driver: "node "worker-2" fails" needs to fail and recover nodes .*\(capability node-faults\)/);
  assert.match(r.stdout, /0 passed, 0 failed, 1 skipped/);
  assert.ok(!existsSync(join(dir, 'trace.txt')), 'the scenario was set up although it could not run');
});
