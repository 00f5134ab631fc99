import assert from 'node:assert/strict';
import { ApiError } from '../../sim/index.ts';
import type { Driver, KubeObject } from '../driver.ts';
import { WaitTimeoutAssertionError } from '../driver.ts';

/** One behaviour every Driver must have, run on a driver that is set up for one scenario. */
export interface ContractCase {
  name: string;
  run(driver: Driver): Promise<void>;
}

const configMap = (name: string, data: Record<string, string>, labels?: Record<string, string>) =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(labels ? { labels } : {}) }, data });

const pod = (name: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { contract: 'yes' } },
  spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10' }], terminationGracePeriodSeconds: 0 },
});

/**
 * The driver contract: what the steps rely on, checked the same way on every driver. A third-party
 * driver runs it on itself with `runDriverContract` (or iterates these cases with its own test
 * runner). Cases need a cluster with at least one schedulable node that runs pods.
 */
export const driverContract: ContractCase[] = [
  {
    name: 'apply then get: the object is stored in the scenario namespace as applied',
    async run(driver) {
      const [stored] = await driver.apply([configMap('contract-a', { mode: 'strict' })]);
      assert.equal(stored!.metadata.namespace, driver.namespace());
      const read = await driver.get({ kind: 'ConfigMap', name: 'contract-a' });
      assert.deepEqual(read?.data, { mode: 'strict' });
      assert.ok(read?.metadata.uid && read.metadata.resourceVersion, 'uid and resourceVersion are set');
    },
  },
  {
    name: 'apply again updates in place (same uid), fields the manifest sets win',
    async run(driver) {
      const [first] = await driver.apply([configMap('contract-b', { a: '1' })]);
      const [second] = await driver.apply([configMap('contract-b', { a: '2' })]);
      assert.equal(second!.metadata.uid, first!.metadata.uid);
      assert.equal((await driver.get({ kind: 'ConfigMap', name: 'contract-b' }))?.data?.a, '2');
    },
  },
  {
    name: 'list filters by label selector and returns kind and apiVersion on every item',
    async run(driver) {
      await driver.apply([configMap('contract-red', {}, { color: 'red' }), configMap('contract-blue', {}, { color: 'blue' })]);
      const red = await driver.list('ConfigMap', { labelSelector: 'color=red' });
      assert.deepEqual(red.map((o) => o.metadata.name), ['contract-red']);
      assert.deepEqual([red[0]!.apiVersion, red[0]!.kind], ['v1', 'ConfigMap']);
      const colored = await driver.list('ConfigMap', { labelSelector: 'color in (red,blue)' });
      assert.deepEqual(colored.map((o) => o.metadata.name), ['contract-blue', 'contract-red']);
    },
  },
  {
    name: 'patch (merge and strategic) returns and stores the change',
    async run(driver) {
      await driver.apply([configMap('contract-c', { a: '1' })]);
      const merged = await driver.patch({ kind: 'ConfigMap', name: 'contract-c' }, { data: { b: '2' } }, 'merge');
      assert.deepEqual(merged.data, { a: '1', b: '2' });
      await driver.patch({ kind: 'ConfigMap', name: 'contract-c' }, { metadata: { labels: { patched: 'yes' } } });
      assert.equal((await driver.get({ kind: 'ConfigMap', name: 'contract-c' }))?.metadata.labels?.patched, 'yes');
    },
  },
  {
    name: 'get of a missing object is undefined; delete makes an object go',
    async run(driver) {
      assert.equal(await driver.get({ kind: 'ConfigMap', name: 'contract-missing' }), undefined);
      await driver.apply([configMap('contract-d', {})]);
      await driver.delete({ kind: 'ConfigMap', name: 'contract-d' });
      await driver.waitFor('ConfigMap contract-d to be gone', async () => ((await driver.get({ kind: 'ConfigMap', name: 'contract-d' })) ? undefined : true), 30_000);
    },
  },
  {
    name: 'API refusals arrive as ApiError with the server\'s code, reason and words',
    async run(driver) {
      await assert.rejects(driver.apply([configMap('Bad_Name', {})]), (e: unknown) => {
        assert.ok(e instanceof ApiError, `an ApiError, not ${(e as Error)?.constructor?.name}`);
        assert.equal(e.code, 422);
        assert.equal(e.reason, 'Invalid');
        assert.match(e.message, /^ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
        return true;
      });
      await assert.rejects(driver.delete({ kind: 'ConfigMap', name: 'contract-never' }), (e: unknown) => e instanceof ApiError && e.code === 404 && e.message === 'configmaps "contract-never" not found');
    },
  },
  {
    name: 'waitFor returns the probe\'s value, and on timeout throws naming what was awaited and what was seen',
    async run(driver) {
      assert.equal(await driver.waitFor('something already true', async () => 'done', 60_000), 'done');
      await assert.rejects(driver.waitFor('a thing that never happens', async () => undefined, 1_000, async () => 'still nothing'), (e: unknown) => {
        assert.ok(e instanceof WaitTimeoutAssertionError);
        assert.match((e as Error).message, /a thing that never happens/);
        assert.match((e as Error).message, /still nothing/);
        return true;
      });
    },
  },
  {
    name: 'the timeline records a pod\'s lifecycle in order: created, scheduled, running, ..., deleted',
    async run(driver) {
      await driver.apply([pod('contract-pod')]);
      await driver.waitFor('pod contract-pod to run', async () => ((await driver.get({ kind: 'Pod', name: 'contract-pod' }))?.status?.phase === 'Running' ? true : undefined), 120_000);
      await driver.delete({ kind: 'Pod', name: 'contract-pod' });
      const seen = () => driver.timeline().filter((e) => e.name === 'contract-pod').map((e) => e.transition);
      await driver.waitFor('the deletion of contract-pod in the timeline', async () => (seen().includes('deleted') ? true : undefined), 120_000, async () => seen().join(', '));
      const order = seen();
      const at = (t: string) => order.indexOf(t as never);
      assert.ok(at('created') === 0, `created first: ${order}`);
      assert.ok(at('created') < at('scheduled') && at('scheduled') < at('running') && at('running') < at('deleted'), `in order: ${order}`);
      const times = driver.timeline().filter((e) => e.name === 'contract-pod').map((e) => e.at);
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'times never go back');
    },
  },
  {
    name: 'events and snapshot describe the scenario namespace only',
    async run(driver) {
      await driver.apply([configMap('contract-e', {})]);
      const snapshot = await driver.snapshot();
      assert.ok(snapshot.some((o: KubeObject) => o.kind === 'ConfigMap' && o.metadata.name === 'contract-e'));
      assert.ok(snapshot.every((o: KubeObject) => o.metadata.namespace === driver.namespace()), 'nothing from other namespaces');
      assert.ok(Array.isArray(await driver.events()));
    },
  },
];

/**
 * Runs every contract case in a fresh scenario of its own (setup → case → teardown), as a test
 * of the given runner (node:test's `test`, or another with the same shape), and finally checks
 * isolation: what one scenario made is not visible in the next.
 */
export function runDriverContract(label: string, makeDriver: () => Driver, test: (name: string, fn: () => Promise<void>) => unknown): void {
  let seq = 0;
  const inScenario = async (name: string, body: (driver: Driver) => Promise<void>) => {
    const driver = makeDriver();
    await driver.setup({ name: `contract ${++seq} ${name}`.slice(0, 60), uri: 'driver-contract', seed: 1 });
    try {
      await body(driver);
    } finally {
      await driver.teardown();
    }
  };
  for (const c of driverContract) test(`${label}: ${c.name}`, () => inScenario(c.name, (d) => c.run(d)));
  test(`${label}: teardown removes what a scenario made; the next scenario does not see it`, async () => {
    const driver = makeDriver();
    await driver.setup({ name: 'contract isolation one', uri: 'driver-contract', seed: 1 });
    await driver.apply([configMap('contract-left-behind', {})]);
    await driver.teardown();
    await driver.teardown();
    await driver.setup({ name: 'contract isolation two', uri: 'driver-contract', seed: 1 });
    try {
      assert.equal(await driver.get({ kind: 'ConfigMap', name: 'contract-left-behind' }), undefined);
    } finally {
      await driver.teardown();
    }
  });
}
