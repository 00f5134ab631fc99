import type { Clock, Millis } from './clock.ts';
import { SeededRandom } from './rng.ts';
import { ApiError } from '../kube/api-errors.ts';

/** The statuses a burst can answer with, each with the text a real API server sends. */
const FAULTS: Record<number, () => ApiError> = {
  // The priority-and-fairness filter's plain-text refusal (k8s.io/apiserver filters).
  429: () => new ApiError('TooManyRequests', 429, 'Too many requests, please try again later.'),
  // A storage error passed through as a generic 500 (what an overloaded etcd gives).
  500: () => new ApiError('InternalError', 500, 'etcdserver: request timed out'),
  503: () => new ApiError('ServiceUnavailable', 503, 'the server is currently unable to handle the request'),
};

/** The statuses `failWrites` accepts. */
export const FAULT_STATUSES = Object.keys(FAULTS).map(Number);

interface Burst {
  status: number;
  fraction: number;
  until: Millis;
}

/**
 * Faults the API server shows the control plane on purpose: a burst in which a share of the
 * controllers', scheduler's and kubelets' writes are refused (they must retry and converge).
 * The scenario's own requests are not affected, so its steps stay meaningful. Which writes
 * fail is drawn from a generator seeded from the cluster's seed: same seed, same failures.
 */
export class ApiFaults {
  private burst?: Burst;
  private controlPlaneDepth = 0;
  private readonly rng: SeededRandom;
  /** How many writes the bursts refused, for reports and tests. */
  refused = 0;

  constructor(private readonly clock: Clock, seed: number) {
    this.rng = new SeededRandom(seed ^ 0x5eed_fa17);
  }

  /** From now for `duration`, refuse this share (0..1] of control-plane writes with `status`. */
  failWrites(status: number, fraction: number, duration: Millis): void {
    if (!FAULTS[status]) throw new Error(`the API server can be made to answer ${FAULT_STATUSES.join(', ')}, not ${status}`);
    this.burst = { status, fraction, until: this.clock.now() + duration };
  }

  /** Runs a control-plane component's work: its writes meet the faults. */
  asControlPlane<T>(work: () => T): T {
    this.controlPlaneDepth++;
    try {
      return work();
    } finally {
      this.controlPlaneDepth--;
    }
  }

  /**
   * Called before every write. Events are exempt: client-go records them in the background and
   * drops what fails, so a refused event never stops a controller.
   */
  beforeWrite(kind: string): void {
    const burst = this.burst;
    if (!burst || this.controlPlaneDepth === 0 || kind === 'Event') return;
    if (this.clock.now() >= burst.until) {
      this.burst = undefined;
      return;
    }
    if (this.rng.next() >= burst.fraction) return;
    this.refused++;
    throw FAULTS[burst.status]!();
  }
}
