import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deploymentManifest } from '../../src/manifests/defaults.ts';
import { rolloutDone, setImage } from '../../src/operations/rollout.ts';
import { ownedBy, parseOwnedSelection, resolveOwned, selectOwned } from '../../src/operations/select-owned.ts';
import { ownerVariantOf } from '../../src/operations/owner-variants.ts';
import { SimDriver } from '../../src/drivers/sim/index.ts';

async function rolledOutTwice(): Promise<SimDriver> {
  const driver = new SimDriver();
  await driver.setup({ name: 'owners', uri: 'test', seed: 1 });
  await driver.apply([deploymentManifest('web', 2)]);
  const done = async () => ((d) => (d && rolloutDone(d).done ? true : undefined))(await driver.get({ kind: 'Deployment', name: 'web' }));
  await driver.waitFor('rollout', done, 120_000);
  await setImage(driver, { kind: 'Deployment', name: 'web' }, 'nginx:1.27');
  await driver.waitFor('rollout', done, 120_000);
  return driver;
}

test('a selection phrase is read into kind, owner and qualifiers', () => {
  assert.deepEqual(parseOwnedSelection('the ReplicaSet of Deployment "web" with revision 2'),
    { phrase: 'the ReplicaSet of Deployment "web" with revision 2', kind: 'ReplicaSet', owner: { kind: 'Deployment', name: 'web' }, revision: 2 });
  assert.deepEqual(parseOwnedSelection('the newest pod of DaemonSet "agent" on node "worker-2"'),
    { phrase: 'the newest pod of DaemonSet "agent" on node "worker-2"', kind: 'Pod', owner: { kind: 'DaemonSet', name: 'agent' }, pick: 'newest', node: 'worker-2' });
  assert.equal(parseOwnedSelection('the pod of Job "pi" with completion index 1').completionIndex, 1);
});

test('the ReplicaSets of a Deployment by revision; its pods through them', async () => {
  const driver = await rolledOutTwice();
  const rs = (await driver.list('ReplicaSet')).map((r) => [r.metadata.annotations?.['deployment.kubernetes.io/revision'], r.metadata.name]);
  const byRevision = Object.fromEntries(rs);
  for (const revision of [1, 2]) {
    assert.deepEqual(await selectOwned(driver, parseOwnedSelection(`the ReplicaSet of Deployment "web" with revision ${revision}`)),
      { ok: true, ref: { kind: 'ReplicaSet', name: byRevision[String(revision)] } });
  }
  const owner = (await driver.get({ kind: 'Deployment', name: 'web' }))!;
  const pods = (await ownedBy(driver, 'Pod', owner)).objects;
  assert.equal(pods.length, 2);
  assert.ok(pods.every((p) => p.metadata.name.startsWith(`${byRevision['2']}-`)), pods.map((p) => p.metadata.name).join(', '));
  assert.deepEqual(await selectOwned(driver, parseOwnedSelection(`the pod of Deployment "web" with revision 2 on node "${pods[0]!.spec.nodeName}"`)),
    { ok: true, ref: { kind: 'Pod', name: pods[0]!.metadata.name } });
});

test('a step with `within` waits for its selection to exist; without, it fails at once', async () => {
  const driver = new SimDriver();
  await driver.setup({ name: 'owners', uri: 'test', seed: 1 });
  await driver.apply([deploymentManifest('web', 1)]);
  const sel = parseOwnedSelection('the pod of Deployment "web"');
  const ref = await resolveOwned(driver, sel, true, 60_000);
  assert.equal(ref.kind, 'Pod');
  assert.match(ref.name, /^web-[a-z0-9]+-[a-z0-9]+$/);
});

test('the owner variant of a pattern replaces its first named object', () => {
  assert.deepEqual(ownerVariantOf('{kind} {string} has {int} ready replica(s)'), { pattern: '{owned} has {int} ready replica(s)', index: 0, replaces: 'kind-name' });
  assert.deepEqual(ownerVariantOf('pod {string} is {phase} within {duration}'), { pattern: '{owned} is {phase} within {duration}', index: 0, replaces: 'pod-name' });
  assert.deepEqual(ownerVariantOf('the pods labelled {string} are owned by {kind} {string}'), { pattern: 'the pods labelled {string} are owned by {owned}', index: 1, replaces: 'kind-name' });
  assert.deepEqual(ownerVariantOf('container {string} of pod {string} reaches localhost port {int}'), { pattern: 'container {string} of {owned} reaches localhost port {int}', index: 1, replaces: 'pod-name' });
  assert.equal(ownerVariantOf('a Deployment {string} with {int} replica(s)'), undefined);
  assert.equal(ownerVariantOf('there are {int} {word} pods labelled {string}'), undefined);
});
