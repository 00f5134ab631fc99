import { join } from 'node:path';
import { loadImageBehaviors } from '../../src/drivers/sim/image-behaviors.ts';
import { packageRoot } from '../../src/package-root.ts';
import { SimCluster } from '../../src/sim/cluster.ts';
import type { KubernetesVersion } from '../../src/kube/kubernetes-versions.ts';
import type { NodeSpec } from '../../src/sim/nodes.ts';
import type { KubeObject } from '../../src/sim/store/types.ts';

/** The product's image facts (scenarios/behaviors/images.yaml), as the sim driver loads them. */
export const images = loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml'));

/** A cluster at the default epoch with the given workers (names worker-1..n unless given). */
export function clusterWith(nodes: number | NodeSpec[], seed = 1, version?: KubernetesVersion): SimCluster {
  const cluster = new SimCluster({ seed, images, ...(version ? { version } : {}) });
  const specs = typeof nodes === 'number' ? Array.from({ length: nodes }, (_, i) => ({ name: `worker-${i + 1}` })) : nodes;
  for (const n of specs) cluster.addNode(n);
  return cluster;
}

/** Seconds since the epoch of the cluster's clock. */
export function seconds(cluster: SimCluster): number {
  return (cluster.clock.now() - Date.UTC(2026, 0, 1)) / 1000;
}

export function pod(name: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...metadata }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec } };
}

export function statefulSet(name: string, replicas: number, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'default' },
    spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } }, ...extra },
  };
}

/** Records "t=<s> <TYPE> <name> <phase>" for every pod change. */
export function podLog(cluster: SimCluster): string[] {
  const log: string[] = [];
  cluster.store.watch('Pod', (e) => {
    if (e.type !== 'MODIFIED') log.push(`${seconds(cluster)} ${e.type} ${e.object.metadata.name}`);
  });
  return log;
}

export function get(cluster: SimCluster, kind: string, name: string): KubeObject | undefined {
  return cluster.store.get(kind, { namespace: kind === 'Node' ? undefined : 'default', name });
}
