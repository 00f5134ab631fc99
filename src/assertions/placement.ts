import type { KubeObject } from '../drivers/driver.ts';
import { holdsResources, nodeAllocatable, podRequests } from '../kube/pod-resources.ts';

/**
 * Placement invariants read from the objects, for any cluster: whether a node holds more than
 * it can allocate (the effective request of each pod still running there, summed), and how
 * evenly pods are spread over the values of a topology label.
 */
export function overcommittedNodes(nodes: KubeObject[], pods: KubeObject[]): string[] {
  const used = new Map<string, { milliCpu: number; memory: number; pods: number }>();
  // The request formulas are the scheduler's (src/kube/pod-resources.ts): they read only spec and status.
  for (const pod of pods) {
    if (!holdsResources(pod)) continue;
    const r = podRequests(pod);
    const u = used.get(pod.spec.nodeName) ?? { milliCpu: 0, memory: 0, pods: 0 };
    used.set(pod.spec.nodeName, { milliCpu: u.milliCpu + r.milliCpu, memory: u.memory + r.memory, pods: u.pods + 1 });
  }
  const over: string[] = [];
  for (const node of nodes) {
    const u = used.get(node.metadata.name);
    if (!u) continue;
    const a = nodeAllocatable(node);
    const excess = [
      u.milliCpu > a.milliCpu ? `cpu ${u.milliCpu}m of ${a.milliCpu}m` : '',
      u.memory > a.memory ? `memory ${u.memory} of ${a.memory} bytes` : '',
      u.pods > a.pods ? `${u.pods} pods of ${a.pods}` : '',
    ].filter(Boolean);
    if (excess.length) over.push(`${node.metadata.name}: ${excess.join(', ')}`);
  }
  return over;
}

/** Matching pods per value of `topologyKey`, over every node that has the label (empty domains count as 0). */
export function spreadCounts(nodes: KubeObject[], pods: KubeObject[], topologyKey: string): Map<string, number> {
  const domainOf = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const value = node.metadata.labels?.[topologyKey];
    if (value === undefined) continue;
    domainOf.set(node.metadata.name, value);
    counts.set(value, 0);
  }
  for (const pod of pods) {
    const domain = pod.metadata.deletionTimestamp ? undefined : domainOf.get(pod.spec?.nodeName);
    if (domain !== undefined) counts.set(domain, counts.get(domain)! + 1);
  }
  return counts;
}
