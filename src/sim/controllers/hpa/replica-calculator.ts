import { bytes, milliCpu } from '../../../kube/quantity.ts';
import { isPodReady } from '../../pod-status.ts';
import type { KubeObject } from '../../store/types.ts';

/** The HPA's tolerance: ratios within 10% of 1 change nothing (--horizontal-pod-autoscaler-tolerance). */
export const TOLERANCE = 0.1;

export type PodUsage = (pod: KubeObject) => { cpu: number; memory: number } | undefined;

export interface ResourceResult {
  replicas: number;
  utilization: number;
  averageValue: number;
}

/**
 * GetResourceReplicas of pkg/controller/podautoscaler/replica_calculator.go for a Utilization
 * target: usage over requests of the ready pods with metrics, the tolerance, and the
 * conservative rebalancing of unready and not-yet-measured pods. Throws when a pod has no
 * request for the resource, with the controller's message.
 */
export function resourceReplicas(current: number, targetUtilization: number, resource: 'cpu' | 'memory', pods: KubeObject[], usage: PodUsage): ResourceResult {
  const ready: KubeObject[] = [];
  const unready: KubeObject[] = [];
  const missing: KubeObject[] = [];
  const metrics = new Map<string, number>();
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') continue;
    if (pod.status?.phase === 'Pending') { unready.push(pod); continue; }
    const u = usage(pod);
    if (!u) { missing.push(pod); continue; }
    if (resource === 'cpu' && !isPodReady(pod)) { unready.push(pod); continue; }
    metrics.set(pod.metadata.uid, u[resource]);
    ready.push(pod);
  }
  if (ready.length === 0) throw new Error(`did not receive metrics for targeted pods (pods might be unready)`);
  const requests = new Map<string, number>();
  for (const pod of [...ready, ...missing, ...unready]) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) {
      const r = c.resources?.requests?.[resource];
      if (r === undefined) throw new Error(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      sum += resource === 'cpu' ? milliCpu(r) : bytes(r);
    }
    requests.set(pod.metadata.uid, sum);
  }
  const ratioOf = (m: Map<string, number>) => {
    let used = 0, requested = 0;
    for (const [uid, v] of m) { used += v; requested += requests.get(uid)!; }
    const utilization = Math.trunc((used * 100) / requested);
    return { ratio: utilization / targetUtilization, utilization, average: Math.trunc(used / m.size) };
  };
  const first = ratioOf(metrics);
  const rebalanceUnready = unready.length > 0 && first.ratio > 1;
  if (!rebalanceUnready && missing.length === 0) {
    if (Math.abs(1 - first.ratio) <= TOLERANCE) return { replicas: current, utilization: first.utilization, averageValue: first.average };
    return { replicas: Math.ceil(first.ratio * ready.length), utilization: first.utilization, averageValue: first.average };
  }
  // Missing pods count as using their full request when scaling down and nothing when scaling up;
  // unready pods count as idle, which only ever dampens a scale-up.
  const all = new Map(metrics);
  for (const pod of missing) all.set(pod.metadata.uid, first.ratio < 1 ? requests.get(pod.metadata.uid)! : 0);
  if (rebalanceUnready) for (const pod of unready) all.set(pod.metadata.uid, 0);
  const second = ratioOf(all);
  const flipped = (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1);
  if (Math.abs(1 - second.ratio) <= TOLERANCE || flipped) return { replicas: current, utilization: first.utilization, averageValue: first.average };
  const replicas = Math.ceil(second.ratio * all.size);
  if ((second.ratio < 1 && replicas > current) || (second.ratio > 1 && replicas < current)) return { replicas: current, utilization: first.utilization, averageValue: first.average };
  return { replicas, utilization: first.utilization, averageValue: first.average };
}
