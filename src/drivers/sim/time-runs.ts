import type { VirtualClock } from '../../sim/index.ts';

/** How often virtual time catches up with the wall clock while an outside program works. */
const TICK_MS = 25;

/**
 * Runs `work` (an outside program talking to the served cluster: helm) while virtual time runs
 * `rate` times wall time, as `kubespec serve --speed` does: such a program waits in wall time
 * (helm --wait watches until its --timeout), so the cluster must move meanwhile. Time stops
 * again when it ends. Unlike the driver's own waits this depends on wall time, so the timeline
 * of such a scenario is not byte-identical from run to run.
 */
export async function whileTimeRuns<T>(clock: VirtualClock, rate: number, work: () => Promise<T>): Promise<T> {
  const wallStart = Date.now();
  const virtualStart = clock.now();
  const catchUp = () => {
    const target = virtualStart + (Date.now() - wallStart) * rate;
    if (target > clock.now()) clock.advanceTo(target);
  };
  const ticker = setInterval(catchUp, TICK_MS);
  try {
    return await work();
  } finally {
    clearInterval(ticker);
    catchUp();
  }
}
