import type { ObjectStore } from '../store/object-store.ts';
import { thaw } from '../store/freeze.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, KeyMapper, ReconcileResult } from './controller.ts';

/**
 * The garbage collector (reference/workloads.md §7), keyed by owner uid (carried in the
 * key's name): dependents of a gone owner are deleted when no other owner of theirs is alive
 * (Background); an owner with the `orphan` finalizer has itself removed from its dependents'
 * ownerReferences; one with `foregroundDeletion` waits until its blocking dependents are gone.
 * Owners and dependents come from the store's uid and owner indexes.
 */
export class GarbageCollector implements Controller {
  readonly name = 'GarbageCollector';

  constructor(private readonly store: ObjectStore) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const ownerUid = key.name;
    const owner = this.store.getByUid(ownerUid);
    const dependents = this.store.dependentsOf(ownerUid);
    if (!owner) {
      for (const d of dependents) {
        const otherOwners = d.metadata.ownerReferences!.filter((r) => r.uid !== ownerUid && this.store.getByUid(r.uid));
        if (otherOwners.length === 0) this.deleteQuietly(d, 'Background');
        else this.dropOwner(d, ownerUid);
      }
      return {};
    }
    const finalizers = owner.metadata.finalizers ?? [];
    if (!owner.metadata.deletionTimestamp) return {};
    if (finalizers.includes('orphan')) {
      for (const d of dependents) this.dropOwner(d, ownerUid);
      this.removeFinalizer(owner, 'orphan');
    } else if (finalizers.includes('foregroundDeletion')) {
      // attemptToDeleteItem: a dependent with dependents of its own goes in the foreground too,
      // a leaf in the background (no foregroundDeletion finalizer to clear later).
      for (const d of dependents) this.deleteQuietly(d, this.store.dependentsOf(d.metadata.uid).length > 0 ? 'Foreground' : 'Background');
      const blocking = dependents.filter((d) => d.metadata.ownerReferences!.some((r) => r.uid === ownerUid && r.blockOwnerDeletion));
      if (blocking.length === 0) this.removeFinalizer(owner, 'foregroundDeletion');
    }
    return {};
  }

  private deleteQuietly(obj: KubeObject, policy: 'Background' | 'Foreground'): void {
    if (obj.metadata.deletionTimestamp) return;
    this.store.delete(obj.kind, obj.metadata, { propagationPolicy: policy });
  }

  private dropOwner(obj: KubeObject, uid: string): void {
    const next = thaw(obj);
    next.metadata.ownerReferences = next.metadata.ownerReferences!.filter((r) => r.uid !== uid);
    if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
    this.store.update(next);
  }

  private removeFinalizer(obj: KubeObject, finalizer: string): void {
    const next = thaw(obj);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    this.store.update(next);
  }
}

/**
 * Which owner uids a change concerns: a deleted or deleting object (its dependents), and the
 * owners named by an added or deleted dependent (a dangling reference, or a foreground owner
 * waiting for it). Plain updates concern nobody, which keeps the scans rare.
 */
export const ownerUids: KeyMapper = (e) => {
  const uids = new Set<string>();
  const meta = e.object.metadata;
  if (e.type === 'DELETED' || (meta.deletionTimestamp && meta.finalizers?.length)) uids.add(meta.uid);
  if (e.type !== 'MODIFIED') for (const r of meta.ownerReferences ?? []) uids.add(r.uid);
  return [...uids].map((uid) => ({ name: uid }));
};
