import type { Driver } from '../drivers/driver.ts';
import { WaitTimeoutAssertionError } from '../drivers/driver.ts';
import { formatDuration } from '../kube/duration.ts';
import { KubespecAssertionError } from './errors.ts';

/** What one look at the cluster found: fine, or why not. */
export type Verdict = { ok: true } | { ok: false; message: string };

export const pass: Verdict = { ok: true };
export const fail = (message: string): Verdict => ({ ok: false, message });

/**
 * Runs a check now (no `within`), or eventually: the driver re-checks as the cluster changes
 * until it holds or `within` ms pass. Either way a failure says what was expected and what
 * the last look found.
 */
export async function check(driver: Driver, what: string, within: number | undefined, look: () => Promise<Verdict>): Promise<void> {
  if (within === undefined) {
    const v = await look();
    if (!v.ok) throw new KubespecAssertionError(v.message);
    return;
  }
  let last: Verdict = pass;
  try {
    await driver.waitFor(what, async () => ((last = await look()).ok ? true : undefined), within);
  } catch (e) {
    if (!(e instanceof WaitTimeoutAssertionError)) throw e;
    const reason = last.ok ? '' : `\n${last.message}`;
    throw new KubespecAssertionError(`${what}: not true within ${formatDuration(within)}${reason}`);
  }
}
