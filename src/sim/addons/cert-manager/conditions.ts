import type { Millis } from '../../clock.ts';
import { rfc3339 } from '../../clock.ts';

export interface Condition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

/**
 * cert-manager's condition setter (pkg/api/util): the transition time moves only when the status
 * does; observedGeneration records the generation the controller looked at.
 */
export function withCondition(conditions: any[] | undefined, next: Condition, generation: number | undefined, now: Millis): any[] {
  const before = (conditions ?? []).find((c) => c.type === next.type);
  const lastTransitionTime = before && before.status === next.status ? before.lastTransitionTime : rfc3339(now);
  const written = { ...next, lastTransitionTime, ...(generation !== undefined ? { observedGeneration: generation } : {}) };
  return [...(conditions ?? []).filter((c) => c.type !== next.type), written];
}

export function withoutCondition(conditions: any[] | undefined, type: string): any[] {
  return (conditions ?? []).filter((c) => c.type !== type);
}

export const conditionOf = (object: any, type: string) => (object?.status?.conditions ?? []).find((c: any) => c.type === type);

/** Whether two condition lists are the same, so writing the new one back would change nothing. */
export const sameConditions = (a: any[] | undefined, b: any[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
