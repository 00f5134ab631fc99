import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathMatches, routeRequest, wildcardMatches } from '../../src/network/ingress-routing.ts';
import type { ClusterView } from '../../src/network/cluster-view.ts';

const rule = (path: string, pathType = 'Prefix') => ({ path, pathType });

test('the worked Ingress matching table of reference/networking.md §7', () => {
  assert.equal(pathMatches(rule('/'), '/anything'), true);
  for (const p of ['/foo', '/foo/', '/foo/bar']) assert.equal(pathMatches(rule('/foo'), p), true, p);
  assert.equal(pathMatches(rule('/foo'), '/foobar'), false);
  assert.equal(pathMatches(rule('/foo/'), '/foo'), true);
  assert.equal(pathMatches(rule('/foo', 'Exact'), '/foo/'), false);
  assert.equal(pathMatches(rule('/aaa/bbb'), '/aaa/bbbxyz'), false);
});

test('wildcards cover exactly one label', () => {
  assert.equal(wildcardMatches('*.foo.com', 'bar.foo.com'), true);
  assert.equal(wildcardMatches('*.foo.com', 'baz.bar.foo.com'), false);
  assert.equal(wildcardMatches('*.foo.com', 'foo.com'), false);
});

test('Exact beats Prefix at equal length; exact hosts beat wildcards; defaultBackend catches the rest', () => {
  const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
  const view = {
    ingressClasses: [{ metadata: { name: 'nginx' } }],
    ingresses: [
      { metadata: { name: 'a' }, spec: { ingressClassName: 'nginx', defaultBackend: backend('fallback'), rules: [{ host: 'x.io', http: { paths: [{ path: '/foo', pathType: 'Prefix', backend: backend('prefix') }, { path: '/foo', pathType: 'Exact', backend: backend('exact') }] } }] } },
      { metadata: { name: 'b' }, spec: { ingressClassName: 'nginx', rules: [{ host: '*.io', http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] } }] } },
    ],
  } as unknown as ClusterView;
  assert.equal((routeRequest(view, 'http://x.io/foo') as any).service, 'exact');
  assert.equal((routeRequest(view, 'http://x.io/foo/bar') as any).service, 'prefix');
  assert.equal((routeRequest(view, 'http://x.io/other') as any).service, 'fallback');
  assert.equal((routeRequest(view, 'http://y.io/') as any).service, 'wild');
});

test("an Ingress in a namespace being deleted answers for no host", () => {
  const backend = { service: { name: 'old', port: { number: 80 } } };
  const view = {
    ingressClasses: [{ metadata: { name: 'nginx' } }],
    namespaces: [{ metadata: { name: 'gone' }, status: { phase: 'Terminating' } }, { metadata: { name: 'here' }, status: { phase: 'Active' } }],
    ingresses: [
      { metadata: { name: 'left-over', namespace: 'gone' }, spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.io', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] } },
    ],
  } as unknown as ClusterView;
  assert.equal(routeRequest(view, 'http://shop.io/').routed, false);
});
