import type { Clock, Millis } from '../clock.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/** Pods of a vanished node wait this long before the collector deletes them. */
const QUARANTINE: Millis = 40_000;

/**
 * The pod garbage collector (pkg/controller/podgc): pods bound to a node that no longer exists
 * are force-deleted after a 40s quarantine (no kubelet is left to stop them gracefully).
 * Keyed by node name.
 */
export class PodGarbageCollector implements Controller {
  readonly name = 'PodGC';
  private readonly goneSince = new Map<string, Millis>();

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}

  reconcile(key: ObjectKey): ReconcileResult {
    if (this.store.get('Node', { name: key.name })) {
      this.goneSince.delete(key.name);
      return {};
    }
    const now = this.clock.now();
    if (!this.goneSince.has(key.name)) this.goneSince.set(key.name, now);
    const due = this.goneSince.get(key.name)! + QUARANTINE;
    if (due > now) return { requeueAfter: due - now };
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName === key.name)) {
      this.store.delete('Pod', pod.metadata, { gracePeriodSeconds: 0 });
    }
    return {};
  }
}
