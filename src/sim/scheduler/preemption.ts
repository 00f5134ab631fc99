import type { KubeObject } from '../store/types.ts';
import type { NodeInfo, Status } from './framework.ts';
import { addPod, newNodeInfo } from './resources.ts';

/** Where preemption would make room, and which pods it would evict. */
export interface Preemption {
  node: NodeInfo;
  victims: KubeObject[];
}

const priorityOf = (p: KubeObject): number => p.spec?.priority ?? 0;
const startOf = (p: KubeObject): string => p.status?.startTime ?? p.metadata.creationTimestamp;

/**
 * DefaultPreemption's dry run (pkg/scheduler/framework/preemption, reference/scheduling.md §11):
 * on every node that failed for a resolvable reason, remove all lower-priority pods; if the pod
 * then fits, add victims back from the highest priority down while it still fits. The chosen
 * node has the lowest highest-victim priority, then the smallest priority sum, then the fewest
 * victims, then the latest-started highest victim. PodDisruptionBudgets are not weighed yet.
 */
export function findPreemption(pod: KubeObject, nodes: NodeInfo[], statuses: ReadonlyMap<string, Status>, fits: (info: NodeInfo) => boolean): Preemption | undefined {
  const candidates: Preemption[] = [];
  for (const info of nodes) {
    if (statuses.get(info.node.metadata.name)?.code !== 'Unschedulable') continue;
    const lower = info.pods.filter((p) => priorityOf(p) < priorityOf(pod) && !p.metadata.deletionTimestamp);
    if (lower.length === 0) continue;
    const keep = info.pods.filter((p) => !lower.includes(p));
    if (!fits(rebuilt(info, keep))) continue;
    const victims: KubeObject[] = [];
    for (const p of [...lower].sort((a, b) => priorityOf(b) - priorityOf(a) || startOf(a).localeCompare(startOf(b)))) {
      if (fits(rebuilt(info, [...keep, p]))) keep.push(p);
      else victims.push(p);
    }
    candidates.push({ node: info, victims });
  }
  const highest = (c: Preemption) => Math.max(...c.victims.map(priorityOf));
  const total = (c: Preemption) => c.victims.reduce((n, v) => n + priorityOf(v), 0);
  const latestStart = (c: Preemption) => c.victims.filter((v) => priorityOf(v) === highest(c)).map(startOf).sort().at(-1) ?? '';
  candidates.sort((a, b) => highest(a) - highest(b) || total(a) - total(b) || a.victims.length - b.victims.length || latestStart(b).localeCompare(latestStart(a)));
  return candidates[0];
}

/** A NodeInfo for the same node holding only `pods`. */
function rebuilt(info: NodeInfo, pods: KubeObject[]): NodeInfo {
  const copy = newNodeInfo(info.node, info.allocatable);
  for (const p of pods) addPod(copy, p);
  return copy;
}
