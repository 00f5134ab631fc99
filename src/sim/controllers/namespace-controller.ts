import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/** How often a terminating namespace is checked for remaining content (the controller requeues). */
const RECHECK_MS = 1_000;

/**
 * The namespace controller (pkg/controller/namespace/deletion): a namespace being deleted has
 * all its content deleted, and once nothing is left its "kubernetes" spec finalizer is removed,
 * which lets the API server remove the namespace. Pods take their grace period, so a namespace
 * with running pods stays Terminating for as long as they do.
 */
export class NamespaceController implements Controller {
  readonly name = 'namespace';

  constructor(private readonly store: ObjectStore) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const ns = this.store.get('Namespace', { name: key.name });
    if (!ns?.metadata.deletionTimestamp) return {};
    let remaining = 0;
    for (const info of this.store.kinds()) {
      if (!info.namespaced) continue;
      for (const obj of this.store.list(info.kind, { namespace: key.name, unsorted: true })) {
        remaining++;
        if (!obj.metadata.deletionTimestamp) this.store.delete(info.kind, obj.metadata);
      }
    }
    if (remaining > 0) return { requeueAfter: RECHECK_MS };
    const done = thaw(ns);
    done.spec = { ...done.spec, finalizers: [] };
    this.store.update(done);
    return {};
  }
}
