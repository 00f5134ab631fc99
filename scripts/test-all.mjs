// The test command (npm test, .ci/run): unit and CLI tests with node's test runner, then the
// built-in features on the simulator. Prints each suite's output and, last, the total over
// both as `N passed, N failed`.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

const extra = process.argv.slice(2);
// Node 20's test runner takes no globs: list the files (test/ mirrors src/).
const testFiles = readdirSync('test', { recursive: true }).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `test/${f}`);

/** Runs a command, printing its output as it comes (a suite takes minutes), and returns it all. */
async function streamed(command, args) {
  const child = execa(command, args, { reject: false, all: true, env: { FORCE_COLOR: '0' } });
  child.all.on('data', (chunk) => process.stdout.write(chunk));
  const r = await child;
  process.stdout.write('\n');
  return r;
}

async function unitTests() {
  console.log(`unit tests: ${testFiles.length} files`);
  // Progress streams, one line per test as it ends; node 20's spec reporter holds a file's
  // output back until the files before it are done, so its report (details, counts) comes last.
  const spec = join(mkdtempSync(join(tmpdir(), 'kubespec-test-')), 'spec.txt');
  const r = await streamed('node', ['--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=./scripts/progress-reporter.mjs', '--test-reporter-destination=stdout',
    '--test-reporter=spec', `--test-reporter-destination=${spec}`, ...testFiles, ...extra]);
  const report = existsSync(spec) ? readFileSync(spec, 'utf8') : r.all;
  process.stdout.write(report + '\n');
  const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled');
  return { passed, failed: failed || (r.exitCode !== 0 && passed === 0 ? 1 : failed) };
}

async function features() {
  // --strict: no built-in scenario may rest on a guess of the simulator it does not check on purpose.
  const r = await streamed('node', ['bin/kubespec.mjs', 'run', '--strict']);
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
