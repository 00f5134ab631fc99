import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, LabelSelector, type KubeObject, type SimCluster } from '../sim/index.ts';
import { rfc3339 } from '../sim/clock.ts';
import type { Subject } from '../security/rbac.ts';
import { decide, forbidden } from '../apiserver/index.ts';
import { sendJson } from './http-io.ts';

/**
 * The metrics.k8s.io/v1beta1 API that metrics-server adds through API aggregation, served from
 * the simulator's metrics-server (src/sim/metrics.ts) while it is installed: what `kubectl top
 * pod` and `kubectl top node` read. Read-only (get, list), as upstream; quantities in the units
 * metrics-server writes (nanocores, kibibytes).
 */
export const METRICS_GROUP = 'metrics.k8s.io';
const GROUP_VERSION = `${METRICS_GROUP}/v1beta1`;
/** metrics-server's default resolution: each figure is the rate over the last 15 s. */
const WINDOW = '15s';

/** The APIGroup entry /apis lists while metrics-server runs. */
export function metricsGroup(): { name: string; versions: object[]; preferredVersion: object } {
  const version = { groupVersion: GROUP_VERSION, version: 'v1beta1' };
  return { name: METRICS_GROUP, versions: [version], preferredVersion: version };
}

/** GET /apis/metrics.k8s.io/v1beta1: its two resources. */
export function metricsResourceList(): object {
  const verbs = ['get', 'list'];
  return {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: GROUP_VERSION,
    resources: [
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs },
    ],
  };
}

/** Serves /apis/metrics.k8s.io/v1beta1/{nodes[/n] | pods | namespaces/<ns>/pods[/p]}. */
export function handleMetrics(cluster: SimCluster, subject: Subject, p: string, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const m = /^\/apis\/metrics\.k8s\.io\/v1beta1\/(?:namespaces\/([^/]+)\/)?(nodes|pods)(?:\/([^/]+))?$/.exec(p);
  if (!m || (m[1] !== undefined && m[2] === 'nodes')) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  const [, namespace, resource, name] = m as unknown as [string, string | undefined, 'nodes' | 'pods', string | undefined];
  if ((req.method ?? 'GET') !== 'GET') throw new ApiError('BadRequest', 405, `the server does not allow this method on the requested resource (${req.method} ${resource})`);
  const request = { verb: name ? 'get' : 'list', resource, apiGroup: METRICS_GROUP, namespace, name };
  if (!decide(cluster, subject, request).allowed) throw forbidden(subject, request);
  const selector = LabelSelector.parse(url.searchParams.get('labelSelector') ?? '');
  const now = rfc3339(cluster.clock.now());
  const items = resource === 'pods' ? podMetrics(cluster, namespace, now) : nodeMetrics(cluster, now);
  const chosen = items.filter((i) => (name === undefined || i.metadata.name === name) && selector.matches(i.metadata.labels));
  if (name === undefined) {
    sendJson(res, 200, { kind: resource === 'pods' ? 'PodMetricsList' : 'NodeMetricsList', apiVersion: GROUP_VERSION, metadata: {}, items: chosen });
    return;
  }
  if (!chosen.length) throw new ApiError('NotFound', 404, `${resource}.${METRICS_GROUP} "${name}" not found`);
  sendJson(res, 200, chosen[0]);
}

const usage = (cpuMilli: number, memoryBytes: number) => ({ cpu: `${cpuMilli * 1_000_000}n`, memory: `${Math.round(memoryBytes / 1024)}Ki` });

function podMetrics(cluster: SimCluster, namespace: string | undefined, now: string): any[] {
  const out: any[] = [];
  for (const pod of cluster.store.list('Pod', { namespace })) {
    const containers = cluster.metrics.containerUsage(pod);
    if (!containers) continue;
    out.push({
      kind: 'PodMetrics', apiVersion: GROUP_VERSION,
      metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: now, labels: pod.metadata.labels ?? {} },
      timestamp: now, window: WINDOW,
      containers: containers.map((c) => ({ name: c.name, usage: usage(c.cpu, c.memory) })),
    });
  }
  return out;
}

/** A node's usage is what its measured pods use (the simulator has no system daemons eating into it). */
function nodeMetrics(cluster: SimCluster, now: string): any[] {
  const totals = new Map<string, { cpu: number; memory: number }>();
  for (const pod of cluster.store.list('Pod')) {
    const used = cluster.metrics.podUsage(pod);
    const node = pod.spec?.nodeName as string | undefined;
    if (!used || !node) continue;
    const total = totals.get(node) ?? { cpu: 0, memory: 0 };
    totals.set(node, { cpu: total.cpu + used.cpu, memory: total.memory + used.memory });
  }
  return cluster.store.list('Node').map((node: KubeObject) => {
    const total = totals.get(node.metadata.name) ?? { cpu: 0, memory: 0 };
    return {
      kind: 'NodeMetrics', apiVersion: GROUP_VERSION,
      metadata: { name: node.metadata.name, creationTimestamp: now, labels: node.metadata.labels ?? {} },
      timestamp: now, window: WINDOW, usage: usage(total.cpu, total.memory),
    };
  });
}
