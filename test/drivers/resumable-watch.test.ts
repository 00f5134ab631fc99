import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { RestClient } from '../../src/drivers/live/rest-client.ts';
import { ResumableWatch } from '../../src/drivers/live/resumable-watch.ts';

const pod = (name: string, rv: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', resourceVersion: rv } });
const line = (res: ServerResponse, type: string, object: unknown) => res.write(JSON.stringify({ type, object }) + '\n');

/**
 * A scripted API server: the first list has pod a; the first watch sends b and then drops; the
 * resumed watch (from b's resourceVersion) answers 410 Gone; the relist has b and c (a was
 * deleted meanwhile); the watch after it stays open.
 */
test('a watch resumes from its last resourceVersion, and relists after 410 Gone', async () => {
  const requests: string[] = [];
  let watches = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    requests.push(`${url.searchParams.get('watch') ? 'watch' : 'list'}@${url.searchParams.get('resourceVersion') ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    if (!url.searchParams.get('watch')) {
      const lists = requests.filter((r) => r.startsWith('list')).length;
      res.end(JSON.stringify(lists === 1 ? { items: [pod('a', '5')], metadata: { resourceVersion: '5' } } : { items: [pod('b', '6'), pod('c', '9')], metadata: { resourceVersion: '9' } }));
      return;
    }
    watches++;
    if (watches === 1) {
      line(res, 'ADDED', pod('b', '6'));
      setTimeout(() => res.destroy(), 50);
    } else if (watches === 2) {
      line(res, 'ERROR', { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 6 (8)' });
      res.end();
    } else line(res, 'BOOKMARK', { kind: 'Pod', metadata: { resourceVersion: '9' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u' }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x',
  });
  const seen: string[] = [];
  const watch = new ResumableWatch(kc, new RestClient(kc), '/api/v1/namespaces/ns/pods', {
    event: (type, o) => seen.push(`${type} ${o.metadata.name}`),
    listed: (items) => seen.push(`listed ${items.map((o) => o.metadata.name).join(',')}`),
  });
  await watch.start();
  while (watches < 3) await new Promise((r) => setTimeout(r, 20));
  watch.stop();
  server.closeAllConnections();
  server.close();
  assert.deepEqual(seen, ['listed a', 'ADDED b', 'listed b,c']);
  assert.deepEqual(requests, ['list@', 'watch@5', 'watch@6', 'list@', 'watch@9']);
  assert.deepEqual(watch.restarts, { resumed: 1, relisted: 1 });
});
