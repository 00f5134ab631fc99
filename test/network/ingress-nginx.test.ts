import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { ingressNginxAnswer, nginxSize, type SecretLookup } from '../../src/network/ingress-nginx.ts';
import type { ClusterView } from '../../src/network/cluster-view.ts';

const backend = { service: { name: 'api', port: { number: 80 } } };

/** One Ingress for shop.io with these annotations, a Service "api" with one ready endpoint. */
function view(annotations: Record<string, string>, extra: { tls?: boolean; path?: string; pathType?: string; ready?: boolean } = {}): ClusterView {
  return {
    ingressClasses: [{ metadata: { name: 'nginx' } }],
    ingresses: [{
      metadata: { name: 'shop', namespace: 'default', annotations },
      spec: {
        ingressClassName: 'nginx',
        ...(extra.tls ? { tls: [{ hosts: ['shop.io'], secretName: 'shop-tls' }] } : {}),
        rules: [{ host: 'shop.io', http: { paths: [{ path: extra.path ?? '/', pathType: extra.pathType ?? 'Prefix', backend }] } }],
      },
    }],
    services: [{ metadata: { name: 'api', namespace: 'default' }, spec: { ports: [{ port: 80 }] } }],
    slices: [{ metadata: { namespace: 'default', labels: { 'kubernetes.io/service-name': 'api' } }, endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: extra.ready ?? true } }] }],
  } as unknown as ClusterView;
}

const sha = (password: string) => `{SHA}${createHash('sha1').update(password).digest('base64')}`;
const secrets = (auth?: string): SecretLookup => async (_ns, name) =>
  name === 'users' && auth !== undefined ? { apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { auth: Buffer.from(auth).toString('base64') } } : undefined;

test('plain HTTP to a TLS host is redirected with 308 unless ssl-redirect is off', async () => {
  const redirected = await ingressNginxAnswer(view({}, { tls: true }), { url: 'http://shop.io/a?b=1' }, secrets());
  assert.equal(redirected.status, 308);
  assert.equal(redirected.headers.Location, 'https://shop.io/a?b=1');
  assert.equal((await ingressNginxAnswer(view({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' }, { tls: true }), { url: 'http://shop.io/' }, secrets())).status, 200);
  assert.equal((await ingressNginxAnswer(view({}), { url: 'http://shop.io/' }, secrets())).status, 200);
  assert.equal((await ingressNginxAnswer(view({ 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' }), { url: 'http://shop.io/' }, secrets())).status, 308);
});

test('basic auth: 503 without the Secret, 401 with a realm challenge, 200 for a {SHA} or {PLAIN} match', async () => {
  const auth = { 'nginx.ingress.kubernetes.io/auth-type': 'basic', 'nginx.ingress.kubernetes.io/auth-secret': 'users', 'nginx.ingress.kubernetes.io/auth-realm': 'Team' };
  assert.equal((await ingressNginxAnswer(view(auth), { url: 'http://shop.io/' }, secrets())).status, 503);
  const lookup = secrets(`ann:${sha('pw1')}\nbob:{PLAIN}pw2\n`);
  const challenged = await ingressNginxAnswer(view(auth), { url: 'http://shop.io/' }, lookup);
  assert.deepEqual([challenged.status, challenged.headers['WWW-Authenticate']], [401, 'Basic realm="Team"']);
  assert.equal((await ingressNginxAnswer(view(auth), { url: 'http://shop.io/', credentials: 'ann:pw1' }, lookup)).status, 200);
  assert.equal((await ingressNginxAnswer(view(auth), { url: 'http://shop.io/', credentials: 'bob:pw2' }, lookup)).status, 200);
  assert.equal((await ingressNginxAnswer(view(auth), { url: 'http://shop.io/', credentials: 'ann:pw2' }, lookup)).status, 401);
  assert.equal((await ingressNginxAnswer(view(auth), { url: 'http://shop.io/', credentials: 'eve:pw1' }, lookup)).status, 401);
});

test('bodies over proxy-body-size (1m by default, 0 disables) get 413', async () => {
  assert.equal(nginxSize('50m'), 50 * 1024 * 1024);
  assert.equal(nginxSize('8k'), 8192);
  const mib = 1024 * 1024;
  assert.equal((await ingressNginxAnswer(view({}), { url: 'http://shop.io/', bodyBytes: mib }, secrets())).status, 200);
  assert.equal((await ingressNginxAnswer(view({}), { url: 'http://shop.io/', bodyBytes: mib + 1 }, secrets())).status, 413);
  assert.equal((await ingressNginxAnswer(view({ 'nginx.ingress.kubernetes.io/proxy-body-size': '0' }), { url: 'http://shop.io/', bodyBytes: 900 * mib }, secrets())).status, 200);
});

test('enable-cors answers preflights itself and adds the headers to proxied answers', async () => {
  const cors = { 'nginx.ingress.kubernetes.io/enable-cors': 'true', 'nginx.ingress.kubernetes.io/cors-allow-origin': 'https://app.io' };
  const preflight = await ingressNginxAnswer(view(cors), { url: 'http://shop.io/', method: 'OPTIONS' }, secrets());
  assert.deepEqual([preflight.status, preflight.headers['Access-Control-Allow-Origin'], preflight.upstream], [204, 'https://app.io', undefined]);
  const proxied = await ingressNginxAnswer(view(cors), { url: 'http://shop.io/' }, secrets());
  assert.equal(proxied.headers['Access-Control-Allow-Methods'], 'GET, PUT, POST, DELETE, PATCH, OPTIONS');
  assert.equal((await ingressNginxAnswer(view({}), { url: 'http://shop.io/' }, secrets())).headers['Access-Control-Allow-Origin'], undefined);
});

test('rewrite-target replaces the path, with $n from the regex captures', async () => {
  const flat = await ingressNginxAnswer(view({ 'nginx.ingress.kubernetes.io/rewrite-target': '/' }, { path: '/api' }), { url: 'http://shop.io/api/users' }, secrets());
  assert.equal(flat.upstream?.path, '/');
  const captured = view({ 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' }, { path: '/api(/|$)(.*)', pathType: 'ImplementationSpecific' });
  assert.equal((await ingressNginxAnswer(captured, { url: 'http://shop.io/api/users/7' }, secrets())).upstream?.path, '/users/7');
  assert.equal((await ingressNginxAnswer(captured, { url: 'http://shop.io/apix' }, secrets())).status, 404);
  assert.equal((await ingressNginxAnswer(view({}, { path: '/api' }), { url: 'http://shop.io/api/users' }, secrets())).upstream?.path, '/api/users');
});

test('the backend: ready pod addresses, HTTP unless backend-protocol says otherwise, 503 without a ready endpoint', async () => {
  const ok = await ingressNginxAnswer(view({}), { url: 'http://shop.io/' }, secrets());
  assert.deepEqual([ok.upstream?.endpoints, ok.upstream?.protocol, ok.upstream?.balance], [['10.244.1.5'], 'HTTP', 'round_robin']);
  assert.equal((await ingressNginxAnswer(view({ 'nginx.ingress.kubernetes.io/backend-protocol': 'https' }), { url: 'http://shop.io/' }, secrets())).upstream?.protocol, 'HTTPS');
  assert.equal((await ingressNginxAnswer(view({}, { ready: false }), { url: 'http://shop.io/' }, secrets())).status, 503);
  assert.equal((await ingressNginxAnswer(view({}), { url: 'http://elsewhere.io/' }, secrets())).status, 404);
});
