import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settleBy } from '../../src/drivers/settle.ts';

const object = (rv: number) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: String(rv) } });

test('settling looks until nothing changed for the quiet steps, in the driver time it lets pass', async () => {
  let clock = 0;
  const changesUntil = 3000;
  await settleBy(async () => [object(Math.min(clock, changesUntil))], async (ms) => { clock += ms; }, { stepMs: 1000, quietSteps: 2, maxMs: 60_000 });
  assert.equal(clock, 5000, 'changed at 1, 2 and 3 s, then unchanged at 4 and 5 s');
});

test('settling gives up at the bound when the objects never rest', async () => {
  let clock = 0;
  await settleBy(async () => [object(clock)], async (ms) => { clock += ms; }, { stepMs: 1000, quietSteps: 2, maxMs: 10_000 });
  assert.equal(clock, 10_000);
});
