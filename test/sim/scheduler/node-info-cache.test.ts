import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimCluster } from '../../../src/sim/index.ts';
import { NodeInfoCache } from '../../../src/sim/scheduler/node-info-cache.ts';
import { LabelSelector } from '../../../src/kube/label-selector.ts';
import { holdsResources } from '../../../src/kube/pod-resources.ts';
import { SeededRandom } from '../../../src/sim/rng.ts';

// The cache keeps its label index up to date from pod changes (a status write moves the new
// version into the old one's place); after any run of writes, the pods it says a selector
// matches are the stored pods that hold resources on a node and match, as a plain scan finds.

test("the scheduler cache's label index answers as a scan of the stored pods does, through status writes, relabels and deletions", () => {
  const c = new SimCluster({ seed: 3 });
  for (let i = 0; i < 4; i++) c.addNode({ name: `n${i}` });
  c.clock.settle();
  const cache = new NodeInfoCache(c.store);
  const rng = new SeededRandom(11);
  const apps = ['a', 'b', 'c'];
  for (let i = 0; i < 30; i++) {
    c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default', labels: { app: apps[rng.int(3)]!, tier: `t${rng.int(2)}` } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
  }
  const selectors = apps.flatMap((app) => [LabelSelector.fromSpec({ matchLabels: { app } }), LabelSelector.fromSpec({ matchLabels: { app, tier: 't1' } })]);
  const names = (pods: Array<{ metadata: { name: string } }>) => pods.map((p) => p.metadata.name).sort();
  let checks = 0;
  for (let step = 0; step < 60; step++) {
    c.clock.advanceBy(500 + rng.int(2000));
    const pods = c.store.list('Pod');
    if (pods.length === 0) break;
    const pod = pods[rng.int(pods.length)]!;
    const roll = rng.int(4);
    if (roll === 0) c.store.update({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, app: apps[rng.int(3)]! } } });
    else if (roll === 1) c.store.delete('Pod', pod.metadata);
    else c.store.updateStatus({ ...pod, status: { ...pod.status, message: `step ${step}` } });
    for (const selector of selectors) {
      const plain = c.store.list('Pod').filter((p) => holdsResources(p) && selector.matches(p.metadata.labels));
      assert.deepEqual(names(cache.podsMatching('default', selector)), names(plain), `step ${step}`);
      // The very objects the store holds now, not older versions.
      for (const p of cache.podsMatching('default', selector)) assert.equal(p, c.store.get('Pod', p.metadata));
      checks++;
    }
  }
  assert.ok(checks > 300);
});
