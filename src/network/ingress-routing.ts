import type { KubeObject } from '../drivers/driver.ts';
import type { ClusterView } from './cluster-view.ts';

/** Where an HTTP(S) request ends up. */
export type Route =
  | { routed: true; ingress: string; service: string; port: number | string; tlsSecret?: string; by: string; rule: Candidate }
  | { routed: false; reason: string };

export interface Candidate { ingress: KubeObject; host?: string; path: string; pathType: string; backend: any }

const LEGACY_CLASS = 'kubernetes.io/ingress.class';

/** The class an Ingress asks for: spec.ingressClassName, or the deprecated annotation. */
export function ingressClassOf(ingress: KubeObject): string | undefined {
  return ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.[LEGACY_CLASS];
}

/**
 * The Ingresses some installed controller serves: those of an existing IngressClass, leaving out
 * the ones whose namespace is being deleted (on their way out with it: host names are global,
 * and a finished scenario's leftovers must not answer for the next one's hosts).
 */
export function servedIngresses(view: ClusterView): KubeObject[] {
  const classes = new Set(view.ingressClasses.map((c) => c.metadata.name));
  const leaving = new Set((view.namespaces ?? []).filter((n) => n.status?.phase === 'Terminating' || n.metadata.deletionTimestamp).map((n) => n.metadata.name));
  return view.ingresses.filter((i) => classes.has(ingressClassOf(i) ?? '') && !leaving.has(i.metadata.namespace ?? ''));
}

/**
 * ingress-nginx reads every path of a host as a case-insensitive regular expression anchored at
 * the start once any Ingress of that host sets use-regex or rewrite-target (Exact stays exact).
 */
function regexHost(rules: Candidate[]): boolean {
  return rules.some((r) => {
    const a = r.ingress.metadata.annotations ?? {};
    return a['nginx.ingress.kubernetes.io/use-regex'] === 'true' || a['nginx.ingress.kubernetes.io/rewrite-target'] !== undefined;
  });
}

/**
 * How an Ingress controller routes a request (reference/networking.md §5), as a pure function:
 * only Ingresses of an existing IngressClass are served; exact hosts beat `*.` wildcards (one
 * label) which beat host-less rules; the longest matching path wins, Exact before Prefix at equal
 * length; Prefix compares whole path elements; no match falls to a defaultBackend. For https the
 * TLS entry covering the host names the certificate's Secret.
 */
export function routeRequest(view: ClusterView, url: string): Route {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { routed: false, reason: `"${url}" is not a URL` };
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname || '/';
  const served = servedIngresses(view);
  if (served.length === 0) {
    return { routed: false, reason: view.ingresses.length ? 'no Ingress belongs to an installed IngressClass (no controller serves them)' : 'there is no Ingress' };
  }
  const rules: Candidate[] = served.flatMap((ing) => (ing.spec.rules ?? []).flatMap((r: any) =>
    (r.http?.paths ?? []).map((p: any) => ({ ingress: ing, host: r.host, path: p.path ?? '/', pathType: p.pathType ?? 'Prefix', backend: p.backend }))));
  const exact = rules.filter((r) => r.host === host);
  const wildcard = rules.filter((r) => r.host?.startsWith('*.') && wildcardMatches(r.host, host));
  const anyHost = rules.filter((r) => !r.host);
  const hostRules = exact.length ? exact : wildcard.length ? wildcard : anyHost;
  const regex = regexHost(hostRules);
  const matching = hostRules.filter((r) => (regex && r.pathType !== 'Exact' ? regexPathMatch(r.path, path) !== undefined : pathMatches(r, path)))
    .sort((a, b) => b.path.length - a.path.length || Number(b.pathType === 'Exact') - Number(a.pathType === 'Exact'));
  const tlsSecret = parsed.protocol === 'https:' ? tlsFor(served, host) : undefined;
  const best = matching[0];
  if (best) return { routed: true, ingress: best.ingress.metadata.name, ...target(best.backend), ...(tlsSecret ? { tlsSecret } : {}), by: `${best.pathType} ${best.path}${regex && best.pathType !== 'Exact' ? ' (regex)' : ''}`, rule: best };
  const owner = hostRules[0]?.ingress ?? served.find((i) => i.spec.defaultBackend);
  if (owner?.spec?.defaultBackend) {
    const rule = { ingress: owner, host, path: '/', pathType: 'Prefix', backend: owner.spec.defaultBackend };
    return { routed: true, ingress: owner.metadata.name, ...target(owner.spec.defaultBackend), ...(tlsSecret ? { tlsSecret } : {}), by: 'defaultBackend', rule };
  }
  return { routed: false, reason: `no rule matches host "${host}" and path "${path}" and there is no defaultBackend (the controller answers 404)` };
}

function target(backend: any): { service: string; port: number | string } {
  return { service: backend?.service?.name, port: backend?.service?.port?.number ?? backend?.service?.port?.name };
}

/** `*.foo.com` matches exactly one more label: bar.foo.com, not foo.com or a.b.foo.com. */
export function wildcardMatches(pattern: string, host: string): boolean {
  const suffix = pattern.slice(1);
  if (!host.endsWith(suffix)) return false;
  const head = host.slice(0, -suffix.length);
  return head.length > 0 && !head.includes('.');
}

/** The captures of a regex path matched at the start of the request path, case-insensitively. */
export function regexPathMatch(pattern: string, path: string): string[] | undefined {
  try {
    const m = new RegExp(`^${pattern}`, 'i').exec(path);
    return m ? [...m] : undefined;
  } catch {
    return undefined;
  }
}

/** Exact: the same string. Prefix: whole `/`-separated elements, trailing slashes ignored. */
export function pathMatches(rule: { path: string; pathType: string }, path: string): boolean {
  if (rule.pathType === 'Exact') return rule.path === path;
  const want = rule.path.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  return want.every((element, i) => got[i] === element);
}

function tlsFor(ingresses: KubeObject[], host: string): string | undefined {
  return tlsEntryFor(ingresses, host)?.secretName;
}

/** The first TLS entry of the Ingresses that covers the host (exactly or by a `*.` wildcard). */
export function tlsEntryFor(ingresses: KubeObject[], host: string): { hosts?: string[]; secretName?: string } | undefined {
  for (const ing of ingresses) {
    for (const tls of ing.spec?.tls ?? []) {
      if ((tls.hosts ?? []).some((h: string) => h === host || (h.startsWith('*.') && wildcardMatches(h, host)))) return tls;
    }
  }
  return undefined;
}
