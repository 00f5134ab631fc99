import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { ServedCluster } from '../../src/serve/served-cluster.ts';

/** Raw HTTP against a served cluster: watch ordering under concurrent writes, 410 Expired, 401, paging. */
describe('the served API over HTTP', () => {
  let served: ServedCluster;
  let url: string;

  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; json: any }>((resolve, reject) => {
      const req = request(new URL(path, url), { method, agent: false, ca: served.certificate(), headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  /** Opens a watch and collects events until `until` says stop. */
  const watch = (path: string, until: (events: any[]) => boolean) =>
    new Promise<any[]>((resolve, reject) => {
      const events: any[] = [];
      const req = request(new URL(path, url), { agent: false, ca: served.certificate(), headers: { Authorization: `Bearer ${served.token}` } }, (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffer += chunk;
          let nl: number;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            events.push(JSON.parse(buffer.slice(0, nl)));
            buffer = buffer.slice(nl + 1);
          }
          if (until(events)) {
            req.destroy();
            resolve(events);
          }
        });
      });
      req.on('error', (e) => (events.length && until(events) ? resolve(events) : reject(e)));
      req.end();
    });

  before(async () => {
    served = new ServedCluster({ seed: 3, nodes: [{ name: 'worker-1' }], images: [], speed: 1, host: '127.0.0.1', port: 0 });
    url = await served.start();
  });
  after(async () => served?.stop());

  it('gives 20 concurrent watchers every change of a concurrent writer, in resourceVersion order', async () => {
    const start = served.cluster.store.currentRevision();
    const writes = 40;
    const done = (events: any[]) => events.filter((e) => e.object.metadata.name.startsWith('cm-')).length >= writes * 2;
    const watchers = Array.from({ length: 20 }, () => watch(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${start}`, done));
    for (let i = 0; i < writes; i++) {
      const created = await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { n: '0' } });
      assert.equal(created.status, 201);
      const patched = await call('PATCH', `/api/v1/namespaces/default/configmaps/cm-${i}`, { data: { n: '1' } }, { 'Content-Type': 'application/merge-patch+json' });
      assert.equal(patched.status, 200);
    }
    for (const events of await Promise.all(watchers)) {
      const ours = events.filter((e) => e.object.metadata.name.startsWith('cm-'));
      assert.equal(ours.length, writes * 2);
      const versions = ours.map((e) => Number(e.object.metadata.resourceVersion));
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
      assert.deepEqual(ours.slice(0, 2).map((e) => e.type), ['ADDED', 'MODIFIED']);
    }
  });

  it('stays correct under load: 50 concurrent clients writing, listing, updating with stale versions and watching', async () => {
    // Bounded and seeded by construction: a fixed number of requests per client, loopback only.
    const start = served.cluster.store.currentRevision();
    const writers = 20, listers = 10, contenders = 5, watchers = 15, perWriter = 15;
    const expected = writers * perWriter * 2;
    const ours = (e: any) => e.object?.metadata?.name?.startsWith('load-');
    const began = Date.now();
    const watches = Array.from({ length: watchers }, () => watch(`/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${start}`, (events) => events.filter(ours).length >= expected));
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'contended' }, data: { n: '0' } });
    const writing = Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < perWriter; i++) {
        const name = `load-${w}-${i}`;
        count((await call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { n: '0' } })).status);
        count((await call('PATCH', `/api/v1/namespaces/default/configmaps/${name}`, { data: { n: '1' } }, { 'Content-Type': 'application/merge-patch+json' })).status);
      }
    });
    const listing = Array.from({ length: listers }, async () => {
      for (let i = 0; i < 15; i++) {
        const list = await call('GET', '/api/v1/namespaces/default/configmaps?limit=50');
        count(list.status);
        assert.ok(Number(list.json.metadata.resourceVersion) >= start);
      }
    });
    // Read-modify-write with the version read: some lose the race and must get 409, nothing else.
    const contending = Array.from({ length: contenders }, async (_, c) => {
      for (let i = 0; i < 10; i++) {
        const current = (await call('GET', '/api/v1/namespaces/default/configmaps/contended')).json;
        count((await call('PUT', '/api/v1/namespaces/default/configmaps/contended', { ...current, data: { n: `${c}-${i}` } })).status);
      }
    });
    await Promise.all([...writing, ...listing, ...contending]);
    const seen = await Promise.all(watches);
    const seconds = (Date.now() - began) / 1000;
    const requests = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`load: 50 clients, ${requests} requests and ${watchers} watches of ${expected} events each in ${seconds.toFixed(1)} s (${Math.round(requests / seconds)} requests/s); statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    assert.deepEqual([...statuses.keys()].filter((s) => ![200, 201, 409].includes(s)), [], 'no error but conflicts');
    assert.equal((statuses.get(201) ?? 0), writers * perWriter);
    for (const events of seen) {
      const mine = events.filter(ours);
      assert.equal(mine.length, expected, 'no lost or duplicated event');
      assert.equal(new Set(mine.map((e: any) => `${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`)).size, expected);
      const versions = events.map((e: any) => Number(e.object.metadata.resourceVersion));
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'resourceVersions only go up');
    }
  });

  it('answers a resourceVersion older than the history as the watch cache does: 200, then one ERROR event, 410 Expired', async () => {
    for (let i = 0; i < 20_100; i++) served.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `bulk-${i}`, namespace: 'default' } });
    const r = await call('GET', '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1');
    assert.equal(r.status, 200);
    assert.equal(r.json.type, 'ERROR');
    assert.deepEqual([r.json.object.kind, r.json.object.status, r.json.object.reason, r.json.object.code], ['Status', 'Failure', 'Expired', 410]);
    assert.match(r.json.object.message, /^too old resource version: 1 \(\d+\)$/);
  });

  it('pages a list with limit and continue, without gaps or repeats', async () => {
    const names: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const r = await call('GET', `/api/v1/namespaces/default/configmaps?limit=5000${token ? `&continue=${token}` : ''}`);
      names.push(...r.json.items.map((o: any) => o.metadata.name));
      token = r.json.metadata.continue ?? '';
      pages++;
    } while (token);
    const all = (await call('GET', '/api/v1/namespaces/default/configmaps')).json.items.map((o: any) => o.metadata.name);
    assert.ok(pages > 1);
    assert.deepEqual(names, all);
  });

  it('refuses a request without the token with 401', async () => {
    const r = await call('GET', '/api/v1/pods', undefined, { Authorization: 'Bearer nope' });
    assert.equal(r.status, 401);
  });

  it('reports a conflict for a stale resourceVersion, in the apiserver words', async () => {
    const cm = (await call('GET', '/api/v1/namespaces/default/configmaps/cm-0')).json;
    await call('PATCH', '/api/v1/namespaces/default/configmaps/cm-0', { data: { n: '2' } }, { 'Content-Type': 'application/merge-patch+json' });
    const r = await call('PUT', '/api/v1/namespaces/default/configmaps/cm-0', cm);
    assert.equal(r.status, 409);
    assert.match(r.json.message, /Operation cannot be fulfilled on configmaps "cm-0": the object has been modified/);
  });
});
