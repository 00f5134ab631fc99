import type { Clock } from '../../clock.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../controller.ts';

/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * ttlSecondsAfterFinished is deleted, with Foreground propagation, at finish time + TTL. The
 * finish time is the Complete or Failed condition's lastTransitionTime.
 */
export class TtlAfterFinishedController implements Controller {
  readonly name = 'TTLAfterFinished';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const job = this.store.get('Job', key);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl === undefined || job.metadata.deletionTimestamp) return {};
    const done = (job.status?.conditions ?? []).find((c: any) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    if (!done) return {};
    const due = Date.parse(done.lastTransitionTime) + ttl * 1000;
    if (due > this.clock.now()) return { requeueAfter: due - this.clock.now() };
    this.store.delete('Job', key, { propagationPolicy: 'Foreground' });
    return {};
  }
}
