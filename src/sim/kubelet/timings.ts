import type { Millis } from '../clock.ts';

/**
 * The simulator's rounding of kubelet latencies. Real clusters vary around these; they are
 * chosen to be plausible on a kind node and stable for assertions with `within`.
 */
export const timings = {
  /** Pod sandbox and network set-up, before the first image pull. */
  sandbox: 1_000 as Millis,
  /** Pulling an image the node does not have (or with imagePullPolicy Always). */
  imagePull: 2_000 as Millis,
  /** A container that handles SIGTERM stops this long after it gets it. */
  stopOnSigterm: 1_000 as Millis,
  /** Restart backoff (reference/kubelet.md §3): 10s doubling to 300s, reset after 600s. */
  backoffInitial: 10_000 as Millis,
  backoffMax: 300_000 as Millis,
  backoffReset: 600_000 as Millis,
};
