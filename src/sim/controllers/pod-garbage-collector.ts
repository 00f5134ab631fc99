import type { ObjectStore } from '../store/object-store.ts';
import type { ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/**
 * The pod garbage collector (pkg/controller/podgc): pods bound to a node that no longer exists
 * are deleted at once (no kubelet is left to stop them gracefully). Keyed by node name.
 */
export class PodGarbageCollector implements Controller {
  readonly name = 'PodGC';

  constructor(private readonly store: ObjectStore) {}

  reconcile(key: ObjectKey): ReconcileResult {
    if (this.store.get('Node', { name: key.name })) return {};
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName === key.name)) {
      this.store.delete('Pod', pod.metadata, { gracePeriodSeconds: 0 });
    }
    return {};
  }
}
