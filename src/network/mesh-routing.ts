import type { KubeObject } from '../drivers/driver.ts';
import type { ClusterView } from './cluster-view.ts';
import { CLUSTER_DOMAIN } from './dns.ts';
import { reachService } from './reachability.ts';

/** The Istio objects the mesh model reads, besides the cluster view. */
export interface MeshView {
  virtualServices: KubeObject[];
  destinationRules: KubeObject[];
}

/** One destination of the chosen route: its share of requests and where they land, or why they fail. */
export interface MeshDestination {
  service: string;
  subset?: string;
  weight: number;
  pods: string[];
  /** Why requests sent here fail with 503 (Envoy: no cluster for an undefined subset, or no healthy upstream). */
  failure?: string;
}

export type MeshRoute =
  /** The client has no sidecar, or no VirtualService covers the host: kube-proxy routes as for any pod. */
  | { kind: 'plain'; reason: string }
  /** A VirtualService covers the host but none of its http rules matches: Envoy answers 404. */
  | { kind: 'no-route'; virtualService: string }
  | { kind: 'routed'; virtualService: string; rule: number; destinations: MeshDestination[] };

export interface MeshRequest {
  from: KubeObject;
  url: string;
  headers?: Record<string, string>;
  method?: string;
}

/** A host as Istio reads it in an object of `namespace`: a short name is a Service of that namespace. */
function fqdn(host: string, namespace: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h.endsWith(`.svc.${CLUSTER_DOMAIN}`)) return h;
  const parts = h.split('.');
  if (parts.length === 1) return `${h}.${namespace}.svc.${CLUSTER_DOMAIN}`;
  if (parts.length === 2) return `${h}.svc.${CLUSTER_DOMAIN}`;
  return h;
}

function stringMatch(rule: any, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (rule.exact !== undefined) return value === rule.exact;
  if (rule.prefix !== undefined) return value.startsWith(rule.prefix);
  if (rule.regex !== undefined) return new RegExp(`^(?:${rule.regex})$`).test(value);
  return true;
}

/** One HTTPMatchRequest: every condition it names holds (uri, headers, method). */
function matches(match: any, path: string, headers: Record<string, string>, method: string): boolean {
  if (match.uri && !stringMatch(match.uri, path)) return false;
  if (match.method && !stringMatch(match.method, method)) return false;
  for (const [name, rule] of Object.entries(match.headers ?? {})) if (!stringMatch(rule, headers[name.toLowerCase()])) return false;
  return true;
}

/** Whether the client pod runs an Envoy sidecar: only then do VirtualServices steer its requests. */
export const hasSidecar = (pod: KubeObject) => ((pod.spec as any)?.containers ?? []).some((c: any) => c.name === 'istio-proxy');

/**
 * Where a mesh client's HTTP request goes, as its Envoy sidecar decides from the VirtualService
 * for the host (the client's namespace first, then the oldest elsewhere): the first http rule
 * whose match list is empty or has a matching entry, and its weighted destinations. A
 * destination's subset takes the pods of the Service's ready endpoints that carry the
 * DestinationRule subset's labels; a subset the DestinationRule does not define has no Envoy
 * cluster, and one without pods no healthy upstream: both answer 503.
 */
export function routeMeshRequest(view: ClusterView, mesh: MeshView, request: MeshRequest): MeshRoute {
  const client = request.from;
  const clientNamespace = client.metadata.namespace ?? 'default';
  if (!hasSidecar(client)) return { kind: 'plain', reason: `pod "${client.metadata.name}" has no istio-proxy sidecar` };
  const url = new URL(request.url);
  const host = fqdn(url.hostname, clientNamespace);
  const covering = mesh.virtualServices
    .filter((vs) => ((vs.spec as any)?.hosts ?? []).some((h: string) => fqdn(h, vs.metadata.namespace ?? 'default') === host))
    .sort((a, b) => Number(b.metadata.namespace === clientNamespace) - Number(a.metadata.namespace === clientNamespace) || String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const vs = covering[0];
  if (!vs) return { kind: 'plain', reason: `no VirtualService covers ${host}` };
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const rules: any[] = (vs.spec as any)?.http ?? [];
  const rule = rules.findIndex((r) => !r.match?.length || r.match.some((m: any) => matches(m, url.pathname, headers, request.method ?? 'GET')));
  if (rule < 0) return { kind: 'no-route', virtualService: vs.metadata.name };
  const route: any[] = rules[rule].route ?? [];
  const destinations = route.map((r) => destination(view, mesh, client, r, route.length, vs.metadata.namespace ?? 'default'));
  return { kind: 'routed', virtualService: vs.metadata.name, rule, destinations };
}

function destination(view: ClusterView, mesh: MeshView, client: KubeObject, r: any, count: number, vsNamespace: string): MeshDestination {
  const host = fqdn(r.destination?.host ?? '', vsNamespace);
  const [name, namespace] = host.split('.');
  const subset: string | undefined = r.destination?.subset;
  const out: MeshDestination = { service: name!, ...(subset ? { subset } : {}), weight: r.weight ?? (count === 1 ? 100 : 0), pods: [] };
  const service = view.services.find((s) => s.metadata.name === name && s.metadata.namespace === namespace);
  if (!service) return { ...out, failure: `no Service ${host}` };
  const port = r.destination?.port?.number ?? (service.spec as any)?.ports?.[0]?.port;
  const reach = reachService(view, client, service, port);
  let pods = reach.targets.map((t) => t.name);
  if (subset) {
    const rule = mesh.destinationRules.find((d) => fqdn((d.spec as any)?.host ?? '', d.metadata.namespace ?? 'default') === host);
    const defined = ((rule?.spec as any)?.subsets ?? []).find((s: any) => s.name === subset);
    if (!defined) {
      const known = ((rule?.spec as any)?.subsets ?? []).map((s: any) => s.name);
      return { ...out, failure: rule ? `DestinationRule "${rule.metadata.name}" defines no subset "${subset}" (it has ${known.join(', ') || 'none'})` : `no DestinationRule for ${host} defines subset "${subset}"` };
    }
    const labels: Record<string, string> = defined.labels ?? {};
    pods = pods.filter((p) => {
      const pod = view.pods.find((x) => x.metadata.name === p && x.metadata.namespace === namespace);
      return Object.entries(labels).every(([k, v]) => pod?.metadata.labels?.[k] === v);
    });
  }
  return pods.length ? { ...out, pods } : { ...out, failure: `no healthy upstream (${reach.reachable ? `no ready pod of ${name}${subset ? ` in subset ${subset}` : ''}` : reach.reason})` };
}
