// The test command (npm test, .ci/run): unit and CLI tests with node's test runner, then the
// built-in features on the simulator. Prints each suite's output and, last, the total over
// both as `N passed, N failed`.
import { readdirSync } from 'node:fs';
import { execa } from 'execa';

const extra = process.argv.slice(2);
// Node 20's test runner takes no globs: list the files (test/ mirrors src/).
const testFiles = readdirSync('test', { recursive: true }).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/${f}`);

async function unitTests() {
  const r = await execa('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...testFiles, ...extra], {
    reject: false, all: true, env: { FORCE_COLOR: '0' },
  });
  process.stdout.write(r.all + '\n');
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(r.all)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  return { passed, failed: failed || (r.exitCode !== 0 && passed === 0 ? 1 : failed) };
}

async function features() {
  const r = await execa('node', ['bin/kubespec.mjs', 'run'], { reject: false, all: true, env: { FORCE_COLOR: '0' } });
  process.stdout.write(r.all + '\n');
  const m = /^kubespec: (\d+) passed, (\d+) failed/m.exec(r.all);
  if (!m) return { passed: 0, failed: 1 };
  return { passed: Number(m[1]), failed: Number(m[2]) + (r.exitCode === 0 ? 0 : Number(m[2]) === 0 ? 1 : 0) };
}

const unit = await unitTests();
console.log(`unit tests: ${unit.passed} passed, ${unit.failed} failed`);
const feat = await features();
console.log(`features: ${feat.passed} passed, ${feat.failed} failed`);
const passed = unit.passed + feat.passed;
const failed = unit.failed + feat.failed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
