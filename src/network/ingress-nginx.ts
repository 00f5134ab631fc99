import { createHash } from 'node:crypto';
import type { KubeObject } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import type { ClusterView } from './cluster-view.ts';
import { regexPathMatch, routeRequest, servedIngresses, tlsEntryFor } from './ingress-routing.ts';

/** A request as a client sends it to the ingress controller. */
export interface IngressRequest {
  url: string;
  method?: string;
  /** `user:password` for HTTP Basic authentication. */
  credentials?: string;
  bodyBytes?: number;
  origin?: string;
}

/** What ingress-nginx answers, and where it proxied the request if it did. */
export interface IngressAnswer {
  status: number;
  /** Why, in words, for failure messages. */
  why: string;
  headers: Record<string, string>;
  upstream?: Upstream;
}

/** Where ingress-nginx proxies a request: straight to the Service's ready pod addresses. */
export interface Upstream {
  ingress: string;
  namespace: string;
  service: string;
  port: number | string;
  /** The path the backend sees (after rewrite-target). */
  path: string;
  protocol: string;
  /** The ready endpoint addresses nginx balances over (an ExternalName Service: its name). */
  endpoints: string[];
  /** round_robin unless the load-balance annotation says ewma. */
  balance: string;
}

/** Reads a Secret (the controller's view of auth and TLS Secrets). */
export type SecretLookup = (namespace: string, name: string) => Promise<KubeObject | undefined>;

const A = 'nginx.ingress.kubernetes.io/';
const CORS_METHODS = 'GET, PUT, POST, DELETE, PATCH, OPTIONS';
const CORS_HEADERS = 'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization';

/**
 * ingress-nginx's answer to a request, worked out from the objects (its documented annotation
 * semantics, controller v1.12): routing as routeRequest; HTTP to a TLS host (or with
 * force-ssl-redirect) redirected with 308; auth-type basic checked against the `auth` key of
 * auth-secret (401 without valid credentials, 503 when the Secret is missing); bodies over
 * proxy-body-size (1m by default) refused with 413; CORS headers and preflights with
 * enable-cors; a backend Service that is missing, lacks the port or has no ready endpoint gives
 * 503; rewrite-target rewrites the whole URI, with $n from the path's regex captures.
 */
export async function ingressNginxAnswer(view: ClusterView, request: IngressRequest, secret: SecretLookup): Promise<IngressAnswer> {
  const route = routeRequest(view, request.url);
  if (!route.routed) return { status: 404, why: route.reason, headers: {} };
  const url = new URL(request.url);
  const ingress = route.rule.ingress;
  const namespace = ingress.metadata.namespace ?? 'default';
  const note = (key: string) => ingress.metadata.annotations?.[A + key];
  const headers: Record<string, string> = {};

  const hasTls = tlsEntryFor(servedIngresses(view), url.hostname) !== undefined;
  if (url.protocol === 'http:' && ((hasTls && note('ssl-redirect') !== 'false') || note('force-ssl-redirect') === 'true')) {
    const location = `https://${url.host}${url.pathname}${url.search}`;
    return { status: 308, why: `redirected to ${location}`, headers: { Location: location } };
  }

  if (note('auth-type') === 'basic') {
    const denied = await checkBasicAuth(note('auth-secret'), namespace, note('auth-realm') ?? '', request.credentials, secret);
    if (denied) return denied;
  }

  const limit = nginxSize(note('proxy-body-size') ?? '1m');
  if (limit > 0 && (request.bodyBytes ?? 0) > limit) return { status: 413, why: `the body (${request.bodyBytes} bytes) is larger than proxy-body-size ${note('proxy-body-size') ?? '1m'}`, headers: {} };

  if (note('enable-cors') === 'true') {
    headers['Access-Control-Allow-Origin'] = note('cors-allow-origin') ?? '*';
    headers['Access-Control-Allow-Methods'] = note('cors-allow-methods') ?? CORS_METHODS;
    headers['Access-Control-Allow-Headers'] = note('cors-allow-headers') ?? CORS_HEADERS;
    if ((request.method ?? 'GET').toUpperCase() === 'OPTIONS') return { status: 204, why: 'a CORS preflight answered by the controller', headers };
  }

  const backend = backendEndpoints(view, namespace, route.service, route.port);
  if (typeof backend === 'string') return { status: 503, why: backend, headers };

  const rewrite = note('rewrite-target');
  const captures = rewrite === undefined ? undefined : regexPathMatch(route.rule.path, url.pathname) ?? [url.pathname];
  const path = rewrite === undefined ? url.pathname : rewrite.replace(/\$(\d)/g, (_, n) => captures![Number(n)] ?? '');
  return {
    status: 200,
    why: `proxied by Ingress "${route.ingress}" (${route.by}) to service "${route.service}" port ${route.port}`,
    headers,
    upstream: { ingress: route.ingress, namespace, service: route.service, port: route.port, path: path || '/', protocol: (note('backend-protocol') ?? 'HTTP').toUpperCase(), endpoints: backend, balance: note('load-balance') ?? 'round_robin' },
  };
}

/** An answer refusing the request, or undefined when the credentials are good. */
async function checkBasicAuth(ref: string | undefined, namespace: string, realm: string, credentials: string | undefined, secret: SecretLookup): Promise<IngressAnswer | undefined> {
  const [ns, name] = ref?.includes('/') ? ref.split('/', 2) as [string, string] : [namespace, ref ?? ''];
  const found = name ? await secret(ns, name) : undefined;
  const file = found?.data?.auth !== undefined ? Buffer.from(found.data.auth, 'base64').toString('utf8') : undefined;
  if (file === undefined) return { status: 503, why: `auth-secret "${ref ?? ''}" ${found ? 'has no key "auth"' : 'does not exist'}: ingress-nginx denies the location`, headers: {} };
  const challenge = { 'WWW-Authenticate': `Basic realm="${realm}"` };
  if (!credentials) return { status: 401, why: 'no credentials', headers: challenge };
  const [user, ...rest] = credentials.split(':');
  const password = rest.join(':');
  const entry = file.split('\n').map((l) => l.trim()).find((l) => l.startsWith(`${user}:`));
  if (!entry || !htpasswdMatches(entry.slice(user!.length + 1), password)) return { status: 401, why: `the credentials of "${user}" are not accepted`, headers: challenge };
  return undefined;
}

/** An htpasswd hash: {SHA} (htpasswd -s) or {PLAIN}; other schemes are not checked here. */
function htpasswdMatches(hash: string, password: string): boolean {
  if (hash.startsWith('{SHA}')) return hash.slice(5) === createHash('sha1').update(password).digest('base64');
  if (hash.startsWith('{PLAIN}')) return hash.slice(7) === password;
  throw new UserError(`kubespec checks {SHA} (htpasswd -s) and {PLAIN} htpasswd entries; "${hash.slice(0, 6)}…" is another scheme`);
}

/** nginx sizes: bytes, or k/m/g (powers of 1024); 0 disables the check. */
export function nginxSize(text: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text.trim());
  if (!m) return 0;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** The addresses nginx proxies to, or why the backend cannot take the request (503). */
function backendEndpoints(view: ClusterView, namespace: string, service: string, port: number | string): string[] | string {
  const svc = view.services.find((s) => s.metadata.name === service && s.metadata.namespace === namespace);
  if (!svc) return `service "${service}" does not exist in namespace "${namespace}" (a backend must be in the Ingress's namespace)`;
  const servicePort = (svc.spec?.ports ?? []).find((p: any) => p.port === port || p.name === port);
  if (!servicePort) return `service "${service}" has no port ${port}`;
  if (svc.spec?.type === 'ExternalName') return [svc.spec.externalName];
  const ready = view.slices.filter((s) => s.metadata.namespace === namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((s) => s.endpoints ?? []).filter((e: any) => e.conditions?.ready).flatMap((e: any) => e.addresses ?? []);
  return ready.length ? [...new Set<string>(ready)].sort() : `service "${service}" has no ready endpoint`;
}
