import type { Driver } from '../drivers/driver.ts';
import { WaitTimeoutAssertionError } from '../drivers/driver.ts';
import { formatDuration } from '../kube/duration.ts';
import type { Verdict } from './check.ts';
import { KubespecAssertionError } from './errors.ts';

/**
 * Asserts that a condition holds at every moment the driver observes for `duration`, starting
 * now: on the simulator at each change of the cluster in virtual time (the driver's `waitFor`
 * looks after every timer that fires), on a live cluster at each watch event (and at least every
 * poll interval) in real time. Fails at the first look that finds it false, with the moment (time
 * since the scenario began, and how far into the period) and what that look found; "for D"
 * includes the end of the period.
 */
export async function holdsThroughout(driver: Driver, what: string, duration: number, look: () => Promise<Verdict>): Promise<void> {
  const start = driver.elapsed();
  try {
    await driver.waitFor(what, async () => {
      const v = await look();
      if (v.ok) return undefined;
      const now = driver.elapsed();
      const when = now === start ? 'at the start' : `after ${formatDuration(now - start)}`;
      throw new KubespecAssertionError(`${what}: broke ${when} (at ${formatDuration(now)}) of the ${formatDuration(duration)}\n${v.message}`);
    }, duration);
  } catch (e) {
    // Running out of time is the point: nothing broke the condition for the whole period.
    if (e instanceof WaitTimeoutAssertionError) return;
    throw e;
  }
}
