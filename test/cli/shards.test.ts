import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { kubespec, projectWith } from './cli-helpers.ts';

const scenario = (name: string, replicas: number, expected: number) => [
  `  Scenario: ${name}`,
  `    Given a StatefulSet "${name}" with ${replicas} replicas`,
  `    Then StatefulSet "${name}" has ${expected} ready replicas within 2 minutes`,
].join('\n');

/** (feature, scenario, verdict) of every test case in a JUnit file. */
function verdicts(file: string): string[] {
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*>([\s\S]*?)<\/testcase>/g)]
    .map(([, feature, name, body]) => `${feature} / ${name}: ${/<failure/.test(body!) ? 'failed' : /<skipped/.test(body!) ? 'skipped' : 'passed'}`)
    .sort();
}

test('four shards merged give the same scenarios and verdicts as one run', async () => {
  const dir = projectWith({
    'one.feature': ['Feature: one', scenario('a', 1, 1), scenario('b', 2, 2), scenario('c', 1, 3), ''].join('\n'),
    'two.feature': ['Feature: two', scenario('d', 3, 3), scenario('e', 2, 1), ''].join('\n'),
    'three.feature': ['Feature: three', scenario('f', 1, 1), ''].join('\n'),
  });
  const whole = await kubespec(dir, 'run', '--reports', 'whole');
  assert.equal(whole.code, 1, 'two scenarios are written to fail');
  const shards = [];
  for (let i = 1; i <= 4; i++) shards.push(await kubespec(dir, 'run', '--shard', `${i}/4`, '--reports', `shard-${i}`));
  const ran = shards.map((s) => Number(/kubespec: (\d+) passed, (\d+) failed/.exec(s.stdout)!.slice(1).reduce((a, b) => a + Number(b), 0)));
  assert.equal(ran.reduce((a, b) => a + b, 0), 6);
  assert.ok(ran.every((n) => n >= 1 && n <= 2), `balanced: ${ran}`);
  const merge = await kubespec(dir, 'merge-results', 'shard-1', 'shard-2', 'shard-3', 'shard-4', '--into', 'merged');
  assert.equal(merge.code, 0, merge.stderr);
  assert.match(merge.stdout, /merged 4 runs: 6 scenarios, 2 failed/);
  const expected = verdicts(join(dir, 'whole', 'junit.xml'));
  assert.equal(expected.filter((v) => v.endsWith('failed')).length, 2);
  assert.deepEqual(verdicts(join(dir, 'merged', 'junit.xml')), expected);
});
