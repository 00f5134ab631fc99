import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimDriver } from '../../src/drivers/sim/sim-driver.ts';
import { updateFromFresh } from '../../src/operations/update-from-fresh.ts';

test('a write made between the read and the patch is a conflict, and the change is made again from a fresh read', async () => {
  const driver = new SimDriver();
  await driver.setup({ name: 'conflict', uri: 'test', seed: 1 });
  await driver.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }]);
  let reads = 0;
  const result = await updateFromFresh(driver, { kind: 'ConfigMap', name: 'c' }, (current) => {
    reads++;
    // Someone else writes after our first read.
    if (reads === 1) void driver.patch({ kind: 'ConfigMap', name: 'c' }, { data: { b: '2' } }, 'merge');
    return { data: { ...current.data, mine: 'x' } };
  });
  assert.equal(reads, 2);
  assert.deepEqual(result.data, { a: '1', b: '2', mine: 'x' });
});

test('a stale resourceVersion in a patch is refused as the API server does', async () => {
  const driver = new SimDriver();
  await driver.setup({ name: 'stale', uri: 'test', seed: 1 });
  const [cm] = await driver.apply([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }]);
  await driver.patch({ kind: 'ConfigMap', name: 'c' }, { data: { a: '2' } }, 'merge');
  await assert.rejects(driver.patch({ kind: 'ConfigMap', name: 'c' }, { metadata: { resourceVersion: cm!.metadata.resourceVersion }, data: { a: '3' } }, 'merge'),
    /Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again/);
});
