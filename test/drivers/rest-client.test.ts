import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { genericReason, RestClient, retryDelay } from '../../src/drivers/live/rest-client.ts';
import { ApiError } from '../../src/sim/index.ts';

test('throttling and unavailability are retried; answers, PDB refusals and unsafe repeats are not', () => {
  assert.equal(retryDelay(new ApiError('TooManyRequests', 429, 'slow down'), 1), 250);
  assert.equal(retryDelay(new ApiError('InternalError', 503, 'unavailable'), 3), 1000);
  assert.equal(retryDelay(Object.assign(new ApiError('TooManyRequests', 429, 'x'), { retryAfterSeconds: 2 }), 1), 2000);
  assert.equal(retryDelay(new ApiError('TooManyRequests', 429, "Cannot evict pod as it would violate the pod's disruption budget."), 1), undefined);
  assert.equal(retryDelay(new ApiError('Conflict', 409, 'conflict'), 1), undefined);
  assert.equal(retryDelay(new ApiError('NotFound', 404, 'gone'), 1), undefined);
  assert.equal(retryDelay(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), 1, 'GET'), 250);
  assert.equal(retryDelay(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), 1, 'POST'), undefined);
});

test('a server that throttles twice is answered on the third try, with the Status message on failure', async () => {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    res.setHeader('content-type', 'application/json');
    if (req.url?.startsWith('/api/v1/namespaces/x')) {
      res.statusCode = 404;
      res.end(JSON.stringify({ kind: 'Status', reason: 'NotFound', code: 404, message: 'namespaces "x" not found' }));
    } else if (calls <= 2) {
      res.statusCode = 429;
      res.setHeader('retry-after', '0');
      res.end(JSON.stringify({ kind: 'Status', reason: 'TooManyRequests', code: 429, message: 'too many requests' }));
    } else res.end(JSON.stringify({ kind: 'NamespaceList', items: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }], users: [{ name: 'u' }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x' });
  try {
    const rest = new RestClient(kc);
    assert.deepEqual(await rest.request('GET', '/api/v1/namespaces'), { kind: 'NamespaceList', items: [] });
    assert.equal(calls, 3);
    await assert.rejects(rest.request('GET', '/api/v1/namespaces/x'), (e: ApiError) => e.code === 404 && e.message === 'namespaces "x" not found');
    assert.equal(calls, 4, 'a 404 is an answer: asked once');
  } finally {
    server.close();
  }
});

test('an error answer without a Status gets its reason from the code, as client-go gives it', async () => {
  assert.equal(genericReason(404, 'GET'), 'NotFound');
  assert.equal(genericReason(409, 'POST'), 'AlreadyExists');
  assert.equal(genericReason(409, 'PATCH'), 'Conflict');
  assert.equal(genericReason(422, 'PATCH'), 'Invalid');
  assert.equal(genericReason(418, 'GET'), 'InternalError');
  const server = createServer((_req, res) => {
    res.statusCode = 403;
    res.end('forbidden by the proxy');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }], users: [{ name: 'u' }], contexts: [{ name: 'x', cluster: 'c', user: 'u' }], currentContext: 'x' });
  try {
    await assert.rejects(new RestClient(kc).request('GET', '/api/v1/namespaces/x'), (e: ApiError) => e.reason === 'Forbidden' && e.code === 403 && e.message === 'forbidden by the proxy');
  } finally {
    server.close();
  }
});
