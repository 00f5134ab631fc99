import type { KubeObject } from '../store/types.ts';
import type { NodeInfo, Resources } from './framework.ts';
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
    byName.set(node.metadata.name, newNodeInfo(node));
  }
  for (const pod of pods) {
    const info = pod.spec?.nodeName ? byName.get(pod.spec.nodeName) : undefined;
    if (!info || !holdsResources(pod)) continue;
    addPod(info, pod);
  }
  return [...byName.values()];
}

const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** A node with no pods yet. Every NodeInfo is made here, so that all have one shape. */
export function newNodeInfo(node: KubeObject, allocatable: Resources = nodeAllocatable(node)): NodeInfo {
  return {
    node, labels: node.metadata.labels ?? NO_LABELS, taints: taintsOf(node), unschedulable: !!node.spec?.unschedulable,
    pods: [], podsWithAffinity: [], requested: emptyResources(), nonZeroRequested: emptyResources(), allocatable,
  };
}

/** A node's new version takes the old one's place, with the copies of what plugins read. */
export function setNodeObject(info: NodeInfo, node: KubeObject): void {
  info.node = node;
  info.labels = node.metadata.labels ?? NO_LABELS;
  info.taints = taintsOf(node);
  info.unschedulable = !!node.spec?.unschedulable;
  info.allocatable = nodeAllocatable(node);
}

/** No taints and an empty list are the same to every plugin: undefined for both. */
function taintsOf(node: KubeObject): NodeInfo['taints'] {
  const taints = node.spec?.taints;
  return taints?.length ? taints : undefined;
}

/** Accounts a pod on a node (used after binding within one cycle, too). */
export function addPod(info: NodeInfo, pod: KubeObject): void {
  info.pods.push(pod);
  if (hasPodAffinity(pod)) info.podsWithAffinity.push(pod);
  info.requested = addResources(info.requested, podRequests(pod));
  info.nonZeroRequested = addResources(info.nonZeroRequested, podRequests(pod, true));
}
