import type { Millis } from '../clock.ts';
import { isPodActive, isPodReady, podCondition } from '../pod-status.ts';
import type { KubeObject } from '../store/types.ts';

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Orders pods for a ReplicaSet scale-down, most deletable first: ActivePodsWithRanks.Less of
 * pkg/controller/controller_utils.go (v1.32 to v1.37 alike, PodDeletionCost and LogarithmicScaleDown on),
 * reference/workloads.md §1.1. `related` are the active pods of every ReplicaSet with the same
 * owner: pods on crowded nodes go first. Where Go's unstable sort leaves equal pods in any
 * order, the pod name decides, so runs are repeatable.
 */
export function rankForDeletion(pods: KubeObject[], related: KubeObject[], now: Millis): KubeObject[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const rank = (p: KubeObject) => onNode.get(p.spec?.nodeName ?? '') ?? 0;
  return [...pods].sort((a, b) => compare(a, b, rank, now) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

function compare(a: KubeObject, b: KubeObject, rank: (p: KubeObject) => number, now: Millis): number {
  const na = a.spec?.nodeName ?? '', nb = b.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const pa = phaseOrdinal[a.status?.phase ?? ''] ?? 0, pb = phaseOrdinal[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a), rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(a), cb = deletionCost(b);
  if (ca !== cb) return ca - cb;
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  if (ra && rb) {
    const ta = Date.parse(podCondition(a, 'Ready')?.lastTransitionTime ?? ''), tb = Date.parse(podCondition(b, 'Ready')?.lastTransitionTime ?? '');
    if (ta !== tb) {
      const diff = logBucket(now - ta) - logBucket(now - tb);
      if (diff === 0) return a.metadata.uid < b.metadata.uid ? -1 : 1;
      return diff;
    }
  }
  const restarts = maxRestarts(b) - maxRestarts(a);
  if (restarts !== 0) return restarts;
  const sidecarRestarts = maxSidecarRestarts(b) - maxSidecarRestarts(a);
  if (sidecarRestarts !== 0) return sidecarRestarts;
  const ka = Date.parse(a.metadata.creationTimestamp), kb = Date.parse(b.metadata.creationTimestamp);
  if (ka !== kb) {
    const diff = logBucket(now - ka) - logBucket(now - kb);
    if (diff === 0) return a.metadata.uid < b.metadata.uid ? -1 : 1;
    return diff;
  }
  return 0;
}

/** floor(log2(d)) of a duration in nanoseconds, -1 for none (logarithmicRankDiff). */
function logBucket(ms: number): number {
  return ms > 0 ? Math.floor(Math.log2(ms * 1e6)) : -1;
}

function deletionCost(p: KubeObject): number {
  const v = Number(p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0);
  return Number.isInteger(v) ? v : 0;
}

function maxRestarts(p: KubeObject): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s: any) => s.restartCount ?? 0));
}

/** The most restarts of a sidecar (restartPolicy Always init container); other init containers do not count. */
function maxSidecarRestarts(p: KubeObject): number {
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always').map((c: any) => c.name));
  return Math.max(0, ...(p.status?.initContainerStatuses ?? []).filter((s: any) => sidecars.has(s.name)).map((s: any) => s.restartCount ?? 0));
}
