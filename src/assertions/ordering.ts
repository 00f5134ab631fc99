import type { Driver, TimelineEntry, Transition } from '../drivers/driver.ts';
import { WaitTimeoutAssertionError } from '../drivers/driver.ts';
import { KubespecAssertionError } from './errors.ts';
import { formatDuration } from '../parse/duration.ts';

/** The verdict on "A <transition> before B" from the timeline so far. */
export type OrderVerdict = { decided: false } | { decided: true; ok: boolean; message: string };

function first(timeline: TimelineEntry[], kind: string, name: string, transition: Transition): TimelineEntry | undefined {
  return timeline.find((e) => e.kind === kind && e.name === name && e.transition === transition);
}

/**
 * Decides whether `a` reached `transition` before `b` did. Undecided until both have, unless
 * `b` got there first (then it fails at once). The failure message lists the observed order
 * of that transition for every object that reached it.
 */
export function orderVerdict(timeline: TimelineEntry[], kind: string, a: string, b: string, transition: Transition): OrderVerdict {
  const ea = first(timeline, kind, a, transition);
  const eb = first(timeline, kind, b, transition);
  const label = kind.toLowerCase();
  const ia = ea ? timeline.indexOf(ea) : -1;
  const ib = eb ? timeline.indexOf(eb) : -1;
  if (eb && (!ea || ib < ia)) {
    return { decided: true, ok: false, message: `expected ${label} "${a}" to be ${transition} before ${label} "${b}", but ${label} "${b}" was ${transition} first.\n${observedOrder(timeline, kind, transition)}` };
  }
  if (ea && eb) return { decided: true, ok: true, message: '' };
  return { decided: false };
}

/** "observed deleted order: web-2 (at 1m1s), web-1 (at 1m2s)" */
export function observedOrder(timeline: TimelineEntry[], kind: string, transition: Transition): string {
  const seen = timeline.filter((e) => e.kind === kind && e.transition === transition);
  const list = seen.map((e) => `${e.name} (at ${formatDuration(e.at)})`).join(', ');
  return `observed ${transition} order: ${list || 'none yet'}`;
}

/**
 * Waits until the order of `a` and `b` reaching `transition` is decided, then asserts `a` came
 * first. Fails with the observed order, or after `within` ms if it is never decided.
 */
export async function assertOrder(world: { driver: Driver }, kind: string, a: string, b: string, transition: Transition, within: number): Promise<void> {
  const driver = world.driver;
  const label = kind.toLowerCase();
  const what = `${label} "${a}" to be ${transition} before ${label} "${b}"`;
  let verdict: OrderVerdict;
  try {
    verdict = await driver.waitFor(what, async () => {
      const v = orderVerdict(driver.timeline(), kind, a, b, transition);
      return v.decided ? v : undefined;
    }, within);
  } catch (e) {
    if (!(e instanceof WaitTimeoutAssertionError)) throw e;
    throw new KubespecAssertionError(`${what}: not decided within ${formatDuration(within)}\n${observedOrder(driver.timeline(), kind, transition)}`);
  }
  if (verdict.decided && !verdict.ok) throw new KubespecAssertionError(verdict.message);
}
