import type { KubeObject } from '../store/types.ts';
import type { NodeInfo } from './framework.ts';
import { addResources, emptyResources, holdsResources, nodeAllocatable, podRequests } from '../../kube/pod-resources.ts';

// What a pod requests and a node offers is vocabulary (src/kube/pod-resources.ts): the
// assertions check placement with the same formulas. Here is what only the scheduler keeps.

export function hasPodAffinity(pod: KubeObject): boolean {
  const a = pod.spec?.affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

/** Builds the NodeInfo of every node from the current pods, at once (the scheduler keeps them up to date instead: NodeInfoCache). */
export function buildNodeInfos(nodes: KubeObject[], pods: KubeObject[]): NodeInfo[] {
  const byName = new Map<string, NodeInfo>();
  for (const node of nodes) {
    byName.set(node.metadata.name, {
      node,
      pods: [],
      podsWithAffinity: [],
      requested: emptyResources(),
      nonZeroRequested: emptyResources(),
      allocatable: nodeAllocatable(node),
    });
  }
  for (const pod of pods) {
    const info = pod.spec?.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    if (!info || !holdsResources(pod)) continue;
    addPod(info, pod);
  }
  return [...byName.values()];
}

/** Accounts a pod on a node (used after binding within one cycle, too). */
export function addPod(info: NodeInfo, pod: KubeObject): void {
  info.pods.push(pod);
  if (hasPodAffinity(pod)) info.podsWithAffinity.push(pod);
  info.requested = addResources(info.requested, podRequests(pod));
  info.nonZeroRequested = addResources(info.nonZeroRequested, podRequests(pod, true));
}
