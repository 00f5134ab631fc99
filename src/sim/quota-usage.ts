import { bytes, formatBytes, formatMilliCpu, milliCpu } from '../kube/quantity.ts';
import type { KubeObject } from './store/types.ts';

/** Amounts in base units: millicores for cpu, bytes for memory and storage, counts otherwise. */
export type Usage = Record<string, number>;

const isCpu = (r: string) => r === 'cpu' || r.endsWith('.cpu');
const isBytes = (r: string) => /memory|storage/.test(r);

/** Parses a quota amount for a resource name. */
export function amount(resource: string, q: string | number): number {
  return isCpu(resource) ? milliCpu(q) : isBytes(resource) ? bytes(q) : Number(q);
}

/** Prints an amount the way the API server prints quantities. */
export function formatAmount(resource: string, n: number): string {
  return isCpu(resource) ? formatMilliCpu(n) : isBytes(resource) ? formatBytes(n) : String(n);
}

const kindCounts: Record<string, string> = {
  Pod: 'pods', Service: 'services', ConfigMap: 'configmaps', Secret: 'secrets', PersistentVolumeClaim: 'persistentvolumeclaims',
  ReplicationController: 'replicationcontrollers', ResourceQuota: 'resourcequotas',
};

/**
 * What one object charges against quota (pkg/quota/v1/evaluator/core): a pod's count and the
 * sum of its containers' requests and limits (`cpu`/`memory` mean requests), services and their
 * node ports, claims and their storage, `count/<resource>.<group>` for everything.
 */
export function usageOf(obj: KubeObject, plural: string, group: string): Usage {
  const countKey = `count/${group ? `${plural}.${group}` : plural}`;
  const u: Usage = { [countKey]: 1 };
  const simple = kindCounts[obj.kind];
  if (simple) u[simple] = 1;
  if (obj.kind === 'Pod') {
    // PodUsageFunc: count/pods tracks every pod in storage; a finished one charges nothing else.
    if (obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed') return { [countKey]: 1 };
    for (const c of obj.spec?.containers ?? []) {
      for (const r of ['cpu', 'memory'] as const) {
        const req = c.resources?.requests?.[r];
        const lim = c.resources?.limits?.[r];
        if (req !== undefined) {
          u[`requests.${r}`] = (u[`requests.${r}`] ?? 0) + amount(r, req);
          u[r] = u[`requests.${r}`]!;
        }
        if (lim !== undefined) u[`limits.${r}`] = (u[`limits.${r}`] ?? 0) + amount(r, lim);
      }
    }
  }
  if (obj.kind === 'Service') {
    const ports = (obj.spec?.ports ?? []).filter((p: any) => p.nodePort).length;
    if (obj.spec?.type === 'NodePort' || obj.spec?.type === 'LoadBalancer') u['services.nodeports'] = ports;
    if (obj.spec?.type === 'LoadBalancer') u['services.loadbalancers'] = 1;
  }
  if (obj.kind === 'PersistentVolumeClaim') u['requests.storage'] = bytes(obj.spec?.resources?.requests?.storage ?? 0);
  return u;
}

/** Containers missing a request or limit a quota tracks: "limits.cpu for: app; requests.memory for: app". */
export function missingForQuota(pod: KubeObject, tracked: string[]): string | undefined {
  const missing = new Map<string, string[]>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const r of tracked) {
      const [kind, res] = r.startsWith('limits.') ? ['limits', r.slice(7)] : r.startsWith('requests.') ? ['requests', r.slice(9)] : r === 'cpu' || r === 'memory' ? ['requests', r] : [];
      if (!kind || (res !== 'cpu' && res !== 'memory')) continue;
      if (c.resources?.[kind]?.[res] === undefined) missing.set(r, [...(missing.get(r) ?? []), c.name]);
    }
  }
  if (missing.size === 0) return undefined;
  return [...missing.keys()].sort().map((r) => `${r} for: ${missing.get(r)!.sort().join(',')}`).join('; ');
}
