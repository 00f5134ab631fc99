import type { KubeObject } from '../drivers/driver.ts';
import type { ClusterView } from './cluster-view.ts';

/** Where an HTTP(S) request ends up. */
export type Route =
  | { routed: true; ingress: string; service: string; port: number | string; tlsSecret?: string; by: string }
  | { routed: false; reason: string };

interface Candidate { ingress: KubeObject; host?: string; path: string; pathType: string; backend: any }

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
  const classes = new Set(view.ingressClasses.map((c) => c.metadata.name));
  const served = view.ingresses.filter((i) => i.spec?.ingressClassName && classes.has(i.spec.ingressClassName));
  if (served.length === 0) {
    return { routed: false, reason: view.ingresses.length ? 'no Ingress belongs to an installed IngressClass (no controller serves them)' : 'there is no Ingress' };
  }
  const rules: Candidate[] = served.flatMap((ing) => (ing.spec.rules ?? []).flatMap((r: any) =>
    (r.http?.paths ?? []).map((p: any) => ({ ingress: ing, host: r.host, path: p.path ?? '/', pathType: p.pathType ?? 'Prefix', backend: p.backend }))));
  const exact = rules.filter((r) => r.host === host);
  const wildcard = rules.filter((r) => r.host?.startsWith('*.') && wildcardMatches(r.host, host));
  const anyHost = rules.filter((r) => !r.host);
  const hostRules = exact.length ? exact : wildcard.length ? wildcard : anyHost;
  const matching = hostRules.filter((r) => pathMatches(r, path))
    .sort((a, b) => b.path.length - a.path.length || Number(b.pathType === 'Exact') - Number(a.pathType === 'Exact'));
  const tlsSecret = parsed.protocol === 'https:' ? tlsFor(served, host) : undefined;
  const best = matching[0];
  if (best) return { routed: true, ingress: best.ingress.metadata.name, ...target(best.backend), ...(tlsSecret ? { tlsSecret } : {}), by: `${best.pathType} ${best.path}` };
  const owner = hostRules[0]?.ingress ?? served.find((i) => i.spec.defaultBackend);
  if (owner?.spec?.defaultBackend) return { routed: true, ingress: owner.metadata.name, ...target(owner.spec.defaultBackend), ...(tlsSecret ? { tlsSecret } : {}), by: 'defaultBackend' };
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

/** Exact: the same string. Prefix: whole `/`-separated elements, trailing slashes ignored. */
export function pathMatches(rule: { path: string; pathType: string }, path: string): boolean {
  if (rule.pathType === 'Exact') return rule.path === path;
  const want = rule.path.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  return want.every((element, i) => got[i] === element);
}

function tlsFor(ingresses: KubeObject[], host: string): string | undefined {
  for (const ing of ingresses) {
    for (const tls of ing.spec?.tls ?? []) {
      if ((tls.hosts ?? []).some((h: string) => h === host || (h.startsWith('*.') && wildcardMatches(h, host)))) return tls.secretName;
    }
  }
  return undefined;
}
