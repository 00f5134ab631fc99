import type { Millis } from '../../clock.ts';

/** A past recommendation or resize, for stabilization windows and rate policies. */
export interface Timed { at: Millis; value: number }

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: Array<{ type: 'Pods' | 'Percent'; value: number; periodSeconds: number }>;
}

export interface Limit { replicas: number; reason: string; message: string }

/** The API defaults for spec.behavior (pkg/apis/autoscaling/v2/defaults.go). */
export const defaultScaleUp: Required<ScalingRules> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
};
export const defaultScaleDown: Required<ScalingRules> = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/**
 * stabilizeRecommendationWithBehaviors: within the scale-up window take the lowest recent
 * recommendation, within the scale-down window the highest, and keep the current count between.
 */
export function stabilize(current: number, desired: number, history: Timed[], up: ScalingRules, down: ScalingRules, now: Millis): number {
  let upRec = desired, downRec = desired;
  for (const r of history) {
    if (r.at > now - (up.stabilizationWindowSeconds ?? 0) * 1000) upRec = Math.min(upRec, r.value);
    if (r.at > now - (down.stabilizationWindowSeconds ?? 300) * 1000) downRec = Math.max(downRec, r.value);
  }
  return Math.min(Math.max(current, upRec), downRec);
}

/** Replicas added (or removed) by events within the last `periodSeconds`. */
function changedIn(events: Timed[], periodSeconds: number, now: Millis): number {
  return events.filter((e) => e.at > now - periodSeconds * 1000).reduce((n, e) => n + e.value, 0);
}

/** convertDesiredReplicasWithBehaviorRate: clamps to min/max and to what the rate policies allow. */
export function limitRate(current: number, desired: number, min: number, max: number, up: ScalingRules, down: ScalingRules, ups: Timed[], downs: Timed[], now: Millis): Limit {
  if (desired > current) {
    let limit = rateLimit(current, up, ups, downs, now, 'up');
    if (limit < current) limit = current;
    const ceiling = Math.min(max, limit);
    const byRate = max > limit;
    if (desired > ceiling) {
      return byRate
        ? { replicas: ceiling, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' }
        : { replicas: ceiling, reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
    }
  } else if (desired < current) {
    let limit = rateLimit(current, down, ups, downs, now, 'down');
    if (limit > current) limit = current;
    const floor = Math.max(min, limit);
    const byRate = min < limit;
    if (desired < floor) {
      return byRate
        ? { replicas: floor, reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' }
        : { replicas: floor, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
    }
  }
  return { replicas: desired, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

function rateLimit(current: number, rules: ScalingRules, ups: Timed[], downs: Timed[], now: Millis, direction: 'up' | 'down'): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pickMin = (rules.selectPolicy === 'Min') === (direction === 'up');
  let result = pickMin ? Infinity : -Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changedIn(ups, p.periodSeconds, now) + changedIn(downs, p.periodSeconds, now);
    const proposed = direction === 'up'
      ? p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100))
      : p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return Number.isFinite(result) ? result : current;
}
