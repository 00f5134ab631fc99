import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsThroughout } from '../../src/assertions/over-time.ts';
import { fail, pass } from '../../src/assertions/check.ts';
import { SimDriver } from '../../src/drivers/sim/index.ts';

/** A pod whose only container runs for 30 s and fails: Running, then Failed, in virtual time. */
async function podThatFailsAfter30s(): Promise<SimDriver> {
  const driver = new SimDriver();
  await driver.setup({ name: 'over-time', uri: 'test', seed: 1 });
  await driver.apply([{
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'job' },
    spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 30; exit 1'] }] },
  }]);
  await driver.waitFor('pod running', async () => ((await driver.get({ kind: 'Pod', name: 'job' }))?.status?.phase === 'Running' ? true : undefined), 60_000);
  return driver;
}

const phase = (driver: SimDriver, want: string) => async () => {
  const actual = (await driver.get({ kind: 'Pod', name: 'job' }))?.status?.phase;
  return actual === want ? pass : fail(`pod "job" is ${actual}, not ${want}`);
};

test('a condition that holds for the whole period passes, and the period is spent in virtual time', async () => {
  const driver = await podThatFailsAfter30s();
  const start = driver.elapsed();
  await holdsThroughout(driver, 'pod "job" to stay Running', 20_000, phase(driver, 'Running'));
  assert.equal(driver.elapsed() - start, 20_000);
});

test('a condition that breaks during the period fails at the moment it broke, with the state then', async () => {
  const driver = await podThatFailsAfter30s();
  const start = driver.elapsed();
  // The container starts at 3 s and its `sleep 30` ends at 33 s: the look right then sees Failed.
  await assert.rejects(holdsThroughout(driver, 'pod "job" to stay Running', 120_000, phase(driver, 'Running')),
    { name: 'KubespecAssertionError', message: 'pod "job" to stay Running: broke after 30s (at 33s) of the 2m\npod "job" is Failed, not Running' });
  // It stopped looking when it broke, not after 2 minutes.
  const spent = driver.elapsed() - start;
  assert.equal(spent, 30_000);
});

test('a condition false at the start fails at once', async () => {
  const driver = await podThatFailsAfter30s();
  const start = driver.elapsed();
  await assert.rejects(holdsThroughout(driver, 'pod "job" to stay Succeeded', 60_000, phase(driver, 'Succeeded')),
    { message: `pod "job" to stay Succeeded: broke at the start (at ${start / 1000}s) of the 1m\npod "job" is Running, not Succeeded` });
  assert.equal(driver.elapsed(), start);
});

test('a condition that holds to the end and breaks right after passes: the period ends where it says', async () => {
  const driver = await podThatFailsAfter30s();
  await holdsThroughout(driver, 'pod "job" to stay Running', 25_000, phase(driver, 'Running'));
  await assert.rejects(holdsThroughout(driver, 'pod "job" to stay Running', 10_000, phase(driver, 'Running')), /broke after/);
});
