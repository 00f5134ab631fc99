import type { Driver, TimelineEntry, Transition } from '../drivers/driver.ts';
import { WaitTimeoutAssertionError } from '../drivers/driver.ts';
import { formatDuration } from '../kube/duration.ts';
import { KubespecAssertionError } from './errors.ts';

/** One object reaching one lifecycle transition, e.g. pod "web-2" deleted. */
export interface Milestone {
  kind: string;
  name: string;
  transition: Transition;
}

/** The verdict on "first happens before second" from the timeline so far. */
export type OrderVerdict = { decided: false } | { decided: true; ok: boolean; message: string };

const label = (m: Milestone) => `${m.kind.toLowerCase()} "${m.name}" ${m.transition}`;

function find(timeline: TimelineEntry[], m: Milestone): number {
  return timeline.findIndex((e) => e.kind === m.kind && e.name === m.name && e.transition === m.transition);
}

/**
 * Decides whether `first` happened before `second` in the observed order of the timeline.
 * Undecided until both have happened, unless `second` happened first (then it fails at once).
 * The failure message lists the observed order of the transitions involved.
 */
export function orderVerdict(timeline: TimelineEntry[], first: Milestone, second: Milestone): OrderVerdict {
  const i = find(timeline, first);
  const j = find(timeline, second);
  if (j >= 0 && (i < 0 || j < i)) {
    return {
      decided: true,
      ok: false,
      message: `expected ${label(first)} before ${label(second)}, but ${label(second)} came first.\n${observedOrder(timeline, first.kind, [first.transition, second.transition])}`,
    };
  }
  if (i >= 0 && j >= 0) return { decided: true, ok: true, message: '' };
  return { decided: false };
}

/** "observed order: web-2 deleted (at 10s), web-1 deleted (at 11s)" */
export function observedOrder(timeline: TimelineEntry[], kind: string, transitions: Transition[]): string {
  const seen = timeline.filter((e) => e.kind === kind && transitions.includes(e.transition));
  const list = seen.map((e) => `${e.name} ${e.transition} (at ${formatDuration(e.at)})`).join(', ');
  return `observed order: ${list || 'none yet'}`;
}

/**
 * Waits until the order of two milestones is decided, then asserts `first` came first. Fails
 * with the observed order, or after `within` ms if it is never decided.
 */
export async function assertOrder(world: { driver: Driver }, first: Milestone, second: Milestone, within: number): Promise<void> {
  const driver = world.driver;
  const what = `${label(first)} before ${label(second)}`;
  let verdict: OrderVerdict;
  try {
    verdict = await driver.waitFor(what, async () => {
      const v = orderVerdict(driver.timeline(), first, second);
      return v.decided ? v : undefined;
    }, within);
  } catch (e) {
    if (!(e instanceof WaitTimeoutAssertionError)) throw e;
    throw new KubespecAssertionError(`${what}: not decided within ${formatDuration(within)}\n${observedOrder(driver.timeline(), first.kind, [first.transition, second.transition])}`);
  }
  if (verdict.decided && !verdict.ok) throw new KubespecAssertionError(verdict.message);
}
