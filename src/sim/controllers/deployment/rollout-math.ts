import type { KubeObject } from '../../store/types.ts';

/**
 * The numbers of a rolling update (reference/workloads.md §2.1), from
 * pkg/controller/deployment/util/deployment_util.go.
 */

/** intstr: an int, or "N%" of `total` rounded up (surge) or down (unavailable). */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: surge rounded up, unavailable down; both 0 → unavailable 1. */
export function fenceposts(d: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge, replicas, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable, replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** MaxUnavailable: 0 for Recreate or 0 replicas; capped at replicas. */
export function maxUnavailable(d: KubeObject): number {
  const replicas = d.spec.replicas ?? 1;
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(fenceposts(d).maxUnavailable, replicas);
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? fenceposts(d).maxSurge : 0;
}

export const specReplicas = (rs: KubeObject | undefined): number => rs?.spec?.replicas ?? 0;
export const sum = (sets: Array<KubeObject | undefined>, f: (rs: KubeObject) => number): number =>
  sets.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);

/** NewRSNewReplicas for RollingUpdate: how far the new set may grow this step. */
export function newReplicaSetReplicas(d: KubeObject, all: KubeObject[], newRS: KubeObject | undefined): number {
  const replicas = d.spec.replicas ?? 1;
  if (!isRollingUpdate(d)) return replicas;
  const current = sum(all, specReplicas);
  const maxTotal = replicas + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}
