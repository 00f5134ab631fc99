import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { ServedCluster } from '../../src/serve/served-cluster.ts';

/**
 * The watch semantics client-go's reflector relies on, over HTTP: a watch that ends is resumed
 * from its last resourceVersion without a gap; after compaction that resourceVersion is too old
 * (ERROR 410 Expired, k8s.io/apiserver pkg/storage/cacher/watch_cache.go getAllEventsSinceLocked);
 * a client that allows bookmarks gets one just before its timeout (cache_watcher.go nextBookmarkTime).
 */
describe('served watches that end: expiry, resumption and bookmarks', () => {
  let served: ServedCluster;
  let url: string;
  const configMaps = '/api/v1/namespaces/default/configmaps';

  /** A watch: its events as they come, and a promise of how it ended. */
  const open = (path: string) => {
    const events: any[] = [];
    const ended = new Promise<{ status: number }>((resolve, reject) => {
      const req = request(new URL(path, url), { agent: false, ca: served.certificate(), headers: { Authorization: `Bearer ${served.token}` } }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffer += chunk;
          for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
            events.push({ ...JSON.parse(buffer.slice(0, nl)), at: Date.now() });
            buffer = buffer.slice(nl + 1);
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      });
      req.on('error', reject);
      req.end();
    });
    return { events, ended };
  };
  const create = (name: string) => served.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { v: '1' } });
  const until = async (what: string, test: () => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  before(async () => {
    served = new ServedCluster({ seed: 5, nodes: [], images: [], speed: 0, host: '127.0.0.1', port: 0 });
    url = await served.start();
  });
  after(async () => served?.stop());

  it('resumes an ended watch from its last resourceVersion with exactly the changes it missed', async () => {
    const start = served.cluster.store.currentRevision();
    const first = open(`${configMaps}?watch=true&resourceVersion=${start}`);
    create('resume-a');
    await until('resume-a', () => first.events.length === 1);
    assert.equal(served.expireWatches({ compact: false }), 1);
    assert.equal((await first.ended).status, 200);
    const last = first.events[0].object.metadata.resourceVersion;
    // Changes while the client is away: they are still in the history.
    create('resume-b');
    served.cluster.store.delete('ConfigMap', { namespace: 'default', name: 'resume-a' });
    const second = open(`${configMaps}?watch=true&resourceVersion=${last}`);
    await until('the missed changes', () => second.events.length === 2);
    assert.deepEqual(second.events.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED resume-b', 'DELETED resume-a']);
    served.expireWatches({ compact: false });
  });

  it('after compaction, answers a resume from an older resourceVersion with ERROR 410 Expired, and one from the current one normally', async () => {
    const w = open(`${configMaps}?watch=true&resourceVersion=${served.cluster.store.currentRevision()}`);
    create('compact-a');
    await until('compact-a', () => w.events.length === 1);
    const last = Number(w.events[0].object.metadata.resourceVersion);
    served.expireWatches({ compact: false });
    await w.ended;
    create('compact-b');
    served.expireWatches({ compact: true });
    const now = served.cluster.store.currentRevision();
    const stale = open(`${configMaps}?watch=true&resourceVersion=${last}`);
    assert.equal((await stale.ended).status, 200);
    assert.deepEqual(stale.events.map((e) => [e.type, e.object.reason, e.object.code, e.object.message]), [['ERROR', 'Expired', 410, `too old resource version: ${last} (${now})`]]);
    const fresh = open(`${configMaps}?watch=true&resourceVersion=${now}`);
    create('compact-c');
    await until('compact-c', () => fresh.events.length === 1);
    assert.equal(fresh.events[0].object.metadata.name, 'compact-c');
    served.expireWatches({ compact: false });
  });

  it('ends open watches through the admin API, and says whether it compacted', async () => {
    const w = open(`${configMaps}?watch=true&resourceVersion=${served.cluster.store.currentRevision()}`);
    await new Promise((r) => setTimeout(r, 200));
    const answer = await new Promise<any>((resolve, reject) => {
      const req = request(new URL('/kubespec/v1/watches/expire', url), { method: 'POST', agent: false, ca: served.certificate(), headers: { Authorization: `Bearer ${served.token}` } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.on('error', reject);
      req.end();
    });
    assert.deepEqual(answer, { ended: 1, compacted: true, resourceVersion: String(served.cluster.store.currentRevision()) });
    assert.equal((await w.ended).status, 200);
  });

  it('sends a bookmark with the current resourceVersion just before the watch times out', async () => {
    const start = served.cluster.store.currentRevision();
    const opened = Date.now();
    const w = open(`${configMaps}?watch=true&resourceVersion=${start}&allowWatchBookmarks=true&timeoutSeconds=3`);
    await new Promise((r) => setTimeout(r, 200));
    // A change of another kind moves the store's resourceVersion past every ConfigMap event.
    served.cluster.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bookmark-moves', namespace: 'default' } });
    const { status } = await w.ended;
    const ended = Date.now();
    assert.equal(status, 200);
    assert.equal(w.events.length, 1, 'one bookmark and nothing else');
    const [bookmark] = w.events;
    assert.equal(bookmark.type, 'BOOKMARK');
    assert.equal(bookmark.object.metadata.resourceVersion, String(served.cluster.store.currentRevision()));
    assert.ok(bookmark.at - opened >= 900 && ended - bookmark.at >= 1_500, `the bookmark came ${bookmark.at - opened} ms after the start and ${ended - bookmark.at} ms before the end`);
  });

  it('sends no bookmark to a client that did not allow them', async () => {
    const w = open(`${configMaps}?watch=true&resourceVersion=${served.cluster.store.currentRevision()}&timeoutSeconds=3`);
    await w.ended;
    assert.deepEqual(w.events, []);
  });
});
