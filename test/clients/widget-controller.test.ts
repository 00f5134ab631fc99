import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { parse } from 'yaml';
import { packageRoot } from '../../src/package-root.ts';
import type { ServedCluster } from '../../src/serve/served-cluster.ts';
import type { KubeObject, WatchEvent } from '../../src/sim/index.ts';
import { serveForTests } from '../serve/served-for-tests.ts';
import { ensureGoClient } from './go-client-build.ts';

/**
 * A real controller-runtime controller (test/clients/widget-controller: client-go informers, a
 * work queue, a status subresource, owner references) reconciling Widgets through `kubespec
 * serve` while the test creates, updates and deletes them, forces a 409 Conflict on its status
 * write, ends its watches (it must resume from its last resourceVersion with nothing lost),
 * expires them with compaction (410 Expired: it must relist), and lets bookmarks carry its
 * resourceVersion forward. The controller logs what its informer is told as JSON lines.
 */
const client = await ensureGoClient('widget-controller', (line) => process.stderr.write(`${line}\n`));
if ('missing' in client) process.stderr.write(`widget-controller test not run: ${client.missing}\n`);
else if (client.builtNow) process.stderr.write(`widget-controller built in ${client.seconds}s\n`);

const namespace = 'default';
const widget = (name: string, message: string) => ({ apiVersion: 'clients.kubespec.dev/v1', kind: 'Widget', metadata: { name, namespace }, spec: { message } });

interface LogEntry { kind: string; type?: string; name?: string; rv?: string; generation?: number; error?: string; at: number }

describe('a controller-runtime controller against kubespec serve', { skip: 'missing' in client && client.missing }, () => {
  let served: ServedCluster;
  let controller: ResultPromise | undefined;
  const log: LogEntry[] = [];
  let stderr = '';
  /** Every Widget change the store made: what the informer's events are checked against. */
  const changes: WatchEvent[] = [];
  /** Lists of Widgets asked of the store by others than this test: client-go's reflector lists at start and after 410. */
  let widgetLists = 0;
  let list: ServedCluster['cluster']['store']['list'];
  /** The resourceVersions written while no watch was open, before the compaction: a relist may fold them. */
  const gap = { from: 0, to: 0 };
  /** The part of the log (indexes) from the forced expiry until the relisted state was reconciled. */
  const relisting = { from: 0, to: 0 };

  const store = () => served.cluster.store;
  const get = (kind: string, name: string) => store().get(kind, { namespace, name });
  const update = (name: string, message: string) => store().update({ ...get('Widget', name)!, spec: { message } } as KubeObject);
  const remove = (name: string) => store().delete('Widget', { namespace, name });
  const until = async (what: string, test: () => boolean, ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000}s waiting for ${what}\ncontroller log:\n${log.map((e) => JSON.stringify(e)).join('\n')}\nstderr:\n${stderr.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  /** Every Widget has its ConfigMap at its generation and says so in its status; no ConfigMap outlives its Widget. */
  const converged = () => {
    const widgets = list('Widget', { namespace });
    const maps = list('ConfigMap', { namespace }).filter((c) => c.metadata.name.startsWith('widget-'));
    return maps.length === widgets.length && widgets.every((w: any) => {
      const cm = get('ConfigMap', `widget-${w.metadata.name}`) as any;
      return cm?.data?.message === w.spec.message && cm.data.generation === String(w.metadata.generation) && w.status?.observedGeneration === w.metadata.generation && w.status.configMap === cm.metadata.name;
    });
  };
  /** Converged, and the informer has seen every Widget's current resourceVersion (the controller's own status writes included). */
  const settled = () => converged() && list('Widget', { namespace }).every((w) => watchEvents().some((e) => e.name === w.metadata.name && e.rv === w.metadata.resourceVersion));
  const watchEvents = (from = 0) => log.slice(from).filter((e) => e.kind === 'watch');

  before(async () => {
    const { served: s, env } = await serveForTests(30, [], 20);
    served = s;
    list = store().list.bind(store());
    store().list = (kind, opts) => {
      if (kind === 'Widget') widgetLists++;
      return list(kind, opts);
    };
    store().create(parse(readFileSync(join(packageRoot, 'test', 'clients', 'widget-controller', 'crd.yaml'), 'utf8')));
    await until('the CRD to be served', () => store().kindInfo('Widget') !== undefined);
    store().watch('Widget', (e) => changes.push(e));
    controller = execa((client as { binary: string }).binary, [], { env, reject: false, buffer: false });
    let pending = '';
    controller.stdout!.setEncoding('utf8');
    controller.stdout!.on('data', (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        log.push({ ...JSON.parse(pending.slice(0, nl)), at: Date.now() });
        pending = pending.slice(nl + 1);
      }
    });
    controller.stderr!.setEncoding('utf8');
    controller.stderr!.on('data', (chunk: string) => (stderr += chunk));
    await until('the controller to fill its cache', () => log.some((e) => e.kind === 'synced'));
  });
  after(async () => {
    controller?.kill('SIGTERM');
    await controller;
    await served?.stop();
  });

  it('reconciles Widgets as they are created, updated and deleted', async () => {
    assert.equal(widgetLists, 1, 'the informer listed once to start');
    for (const name of ['w-1', 'w-2', 'w-3', 'w-4']) store().create(widget(name, 'hello'));
    await until('the first reconciles', () => log.filter((e) => e.kind === 'reconciled').length >= 4);
    update('w-1', 'second');
    update('w-1', 'third');
    remove('w-4');
    await until('all Widgets reconciled, w-4 and its ConfigMap gone', settled);
    assert.equal((get('ConfigMap', 'widget-w-1') as any).data.message, 'third');
    assert.equal((get('Widget', 'w-1') as any).status.observedGeneration, 3);
    assert.equal(get('ConfigMap', 'widget-w-4'), undefined);
  });

  it('retries a status write that fails with 409 Conflict (a stale resourceVersion) until it lands', async () => {
    // The next Widget write after this create is the controller's status write for "contended"
    // (the others are settled): just before it, another writer changes the Widget, so the
    // resourceVersion the controller read is stale when its write is checked.
    const original = store().beforeWrite;
    let armed = false;
    let bumped = '';
    store().beforeWrite = (kind) => {
      original?.(kind);
      if (!armed || kind !== 'Widget') return;
      armed = false;
      const current = get('Widget', 'contended')!;
      bumped = store().update({ ...current, metadata: { ...current.metadata, labels: { touched: 'by-another-writer' } } } as KubeObject).metadata.resourceVersion!;
    };
    try {
      store().create(widget('contended', 'fought over'));
      armed = true;
      await until('contended to be reconciled after its conflict', () => settled() && log.some((e) => e.kind === 'reconciled' && e.name === 'contended'));
    } finally {
      store().beforeWrite = original;
    }
    const conflicts = log.filter((e) => e.kind === 'conflict' && e.name === 'contended');
    assert.ok(bumped, 'the other writer wrote');
    assert.ok(conflicts.length >= 1, 'the controller met the conflict');
    assert.match(conflicts[0]!.error!, /Operation cannot be fulfilled on widgets\.clients\.kubespec\.dev "contended": the object has been modified; please apply your changes to the latest version and try again/);
    assert.ok(Number(conflicts[0]!.rv) < Number(bumped), 'the refused write carried the resourceVersion before the other writer\'s');
    assert.equal((get('Widget', 'contended') as any).metadata.labels.touched, 'by-another-writer', 'the retry kept the other writer\'s change');
  });

  it('resumes its watch from its last resourceVersion when the stream ends, with the changes it missed', async () => {
    const from = log.length;
    const lists = widgetLists;
    // One synchronous block: the streams end, and the changes happen before any client is back.
    assert.ok(served.expireWatches({ compact: false }) >= 2, 'the Widget and ConfigMap watches were open');
    store().create(widget('w-5', 'late'));
    update('w-2', 'changed while away');
    remove('w-3');
    await until('the changes made while away to be reconciled', settled);
    assert.equal(widgetLists, lists, 'resumed from history, no relist');
    const seen = watchEvents(from).map((e) => `${e.type} ${e.name}`);
    for (const expected of ['ADDED w-5', 'MODIFIED w-2', 'DELETED w-3']) assert.ok(seen.includes(expected), `${expected} in ${seen.join(', ')}`);
  });

  it('relists when its resourceVersion has been compacted away (410 Expired), and learns of a deletion only from the relist', async () => {
    const from = log.length;
    const lists = widgetLists;
    served.expireWatches({ compact: false });
    gap.from = store().currentRevision();
    store().create(widget('w-6', 'born in the gap'));
    update('w-1', 'changed in the gap');
    remove('w-2');
    gap.to = store().currentRevision();
    served.expireWatches({ compact: true });
    relisting.from = log.length;
    await until('the relisted state to be reconciled', settled);
    relisting.to = log.length;
    assert.ok(widgetLists > lists, 'the informer listed again');
    const seen = watchEvents(from).map((e) => `${e.type} ${e.name}`);
    // A tombstone (DeletedFinalStateUnknown) is what a relist reports for an object it no longer finds.
    for (const expected of ['ADDED w-6', 'MODIFIED w-1', 'DELETED_UNKNOWN w-2']) assert.ok(seen.includes(expected), `${expected} in ${seen.join(', ')}`);
  });

  it('moves its resourceVersion forward on bookmarks, so a later expiry with compaction needs no relist', async () => {
    // Writes of another kind move the store's resourceVersion past every Widget event.
    for (let i = 0; i < 5; i++) store().create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `unrelated-${i}`, namespace } });
    const target = String(store().currentRevision());
    await until('a bookmark to carry the informer to the current resourceVersion', () => log.some((e) => e.kind === 'progress' && Number(e.rv) >= Number(target)), 15_000);
    const lists = widgetLists;
    // Compacted at the resourceVersion the bookmark carried: resuming from it is not too old.
    await until('the store to be quiet at the bookmark', () => String(store().currentRevision()) === [...log].reverse().find((e) => e.kind === 'progress')!.rv);
    served.expireWatches({ compact: true });
    store().create(widget('w-7', 'after the bookmark'));
    await until('w-7 to be reconciled', settled);
    assert.equal(widgetLists, lists, 'resumed from the bookmark, no relist');
  });

  it('saw every Widget change once, in order, but those a relist folded together', () => {
    const observed = watchEvents().filter((e) => e.type !== 'SYNC');
    // An update that repeats the resourceVersion the informer had is a relist's report of an
    // object that did not change (no resync is due: controller-runtime's is 10 hours). Anywhere
    // else it would be a watch event sent twice.
    log.forEach((e, i) => {
      if (e.kind !== 'watch' || e.type !== 'SYNC') return;
      assert.ok(i >= relisting.from && i < relisting.to, `${e.name} at ${e.rv} was delivered again outside the relist: ${JSON.stringify(e)}`);
      const had = log.slice(0, i).filter((p) => p.kind === 'watch' && p.name === e.name && p.type !== 'SYNC').at(-1);
      assert.equal(e.rv, had?.rv, `${e.name}: a SYNC repeats the resourceVersion the informer had`);
    });
    const byName = new Map<string, LogEntry[]>();
    for (const e of observed) byName.set(e.name!, [...(byName.get(e.name!) ?? []), e]);
    const known = new Set(changes.map((c) => `${c.object.metadata.name} ${c.object.metadata.resourceVersion}`));
    for (const [name, events] of byName) {
      // A tombstone carries the last state the informer had, not a new change.
      const versions = events.filter((e) => e.type !== 'DELETED_UNKNOWN').map((e) => Number(e.rv));
      assert.deepEqual(versions, [...new Set(versions)].sort((a, b) => a - b), `${name}: resourceVersions only go up, none twice`);
      for (const e of events.filter((e) => e.type !== 'DELETED_UNKNOWN')) assert.ok(known.has(`${name} ${e.rv}`), `${name} ${e.type} at ${e.rv} is a change the store made`);
    }
    // Outside the relist's gap, every change reached the informer.
    const missed = changes.filter((c) => !(c.resourceVersion > gap.from && c.resourceVersion <= gap.to)).filter((c) => !observed.some((e) => e.name === c.object.metadata.name && (e.rv === String(c.resourceVersion) || (c.type === 'DELETED' && e.type!.startsWith('DELETED')))));
    assert.deepEqual(missed.map((c) => `${c.type} ${c.object.metadata.name} ${c.resourceVersion}`), []);
    // And the end state of each Widget is the store's.
    for (const w of list('Widget', { namespace })) assert.equal(byName.get(w.metadata.name)!.at(-1)!.rv, w.metadata.resourceVersion);
    for (const gone of ['w-2', 'w-3', 'w-4']) assert.match(byName.get(gone)!.at(-1)!.type!, /^DELETED/);
  });

});
