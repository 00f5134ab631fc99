import { loadLiveContext } from '../drivers/live/live-context.ts';
import { RestClient, resourcePath } from '../drivers/live/rest-client.ts';
import { FENCE_HOLDERS, notInScenario } from '../drivers/live/node-changes.ts';
import { kindInfo } from '../sim/index.ts';
import type { RunEnvironment } from './run-environment.ts';

/**
 * `kubespec clean`: what interrupted live runs left on a cluster, found by label and removed:
 * scenario namespaces (`app.kubernetes.io/managed-by=kubespec`) and the not-in-scenario taint on
 * nodes, with the annotation naming its holders. Refuses the same contexts a live run refuses. Returns what it removed.
 */
export async function clean(options: { context?: string }, env: RunEnvironment): Promise<string[]> {
  const rest = new RestClient(await loadLiveContext(options.context, env.env));
  const removed: string[] = [];
  const namespaces = await rest.request('GET', resourcePath(kindInfo('Namespace')!), { query: { labelSelector: 'app.kubernetes.io/managed-by=kubespec' } });
  for (const ns of namespaces.items ?? []) {
    if (ns.metadata.deletionTimestamp) continue;
    await rest.request('DELETE', resourcePath(kindInfo('Namespace')!, undefined, ns.metadata.name));
    removed.push(`namespace ${ns.metadata.name}`);
  }
  const nodes = await rest.request('GET', resourcePath(kindInfo('Node')!));
  for (const node of nodes.items ?? []) {
    const taints: any[] = node.spec?.taints ?? [];
    if (!taints.some((t) => t.key === notInScenario.key) && !node.metadata.annotations?.[FENCE_HOLDERS]) continue;
    const kept = taints.filter((t) => t.key !== notInScenario.key);
    const body = { metadata: { annotations: { [FENCE_HOLDERS]: null } }, spec: { taints: kept.length ? kept : null } };
    await rest.request('PATCH', resourcePath(kindInfo('Node')!, undefined, node.metadata.name), { body, contentType: 'application/merge-patch+json' });
    removed.push(`taint ${notInScenario.key} on node ${node.metadata.name}`);
  }
  return removed;
}
