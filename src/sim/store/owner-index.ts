import type { KubeObject } from './types.ts';
import { keyText } from './types.ts';

/**
 * The store's indexes besides kind and key (client-go's indexers, which controllers list by):
 * every object by uid, the objects that name each owner uid among their ownerReferences, and, for
 * the kinds workload controllers adopt, the objects no controller owns yet. The store moves an
 * object here on every commit and removal.
 */
export class OwnerIndex {
  private readonly uids = new Map<string, KubeObject>();
  /** Objects by the uid of each owner they reference, then by kind and key: what controllers list most. */
  private readonly owned = new Map<string, Map<string, KubeObject>>();
  /** Objects no controller owns, by kind and namespace: the orphans a controller may adopt. */
  private readonly orphanSets = new Map<string, Map<string, KubeObject>>();

  /** The object with this uid, of any kind. */
  byUid(uid: string): KubeObject | undefined {
    return this.uids.get(uid);
  }

  /** The objects that name `uid` among their owners, in no particular order. */
  ownedBy(uid: string): Iterable<KubeObject> {
    return this.owned.get(uid)?.values() ?? [];
  }

  /** The objects of an adoptable kind in a namespace without a controller ownerReference, in no particular order. */
  orphans(kind: string, namespace: string | undefined): KubeObject[] {
    if (!ADOPTABLE_KINDS.has(kind)) throw new Error(`orphans of kind ${kind} are not indexed`);
    return [...(this.orphanSets.get(orphanKey(kind, namespace))?.values() ?? [])];
  }

  /** Moves an object in the indexes from what it was to what it is (undefined: absent). */
  move(before: KubeObject | undefined, after: KubeObject | undefined): void {
    // The uid index is only looked up, never walked: a changed object just takes its entry.
    if (before && before.metadata.uid !== after?.metadata.uid) this.uids.delete(before.metadata.uid);
    if (after) this.uids.set(after.metadata.uid, after);
    // Only adoptable kinds are ever orphans (most writes, events among them, are not).
    if (before && ADOPTABLE_KINDS.has(before.kind)) this.orphanSets.get(orphanKey(before.kind, before.metadata.namespace))?.delete(before.metadata.uid);
    if (after && ADOPTABLE_KINDS.has(after.kind) && !after.metadata.ownerReferences?.some((r) => r.controller)) {
      const key = orphanKey(after.kind, after.metadata.namespace);
      const set = this.orphanSets.get(key) ?? new Map<string, KubeObject>();
      set.set(after.metadata.uid, after);
      this.orphanSets.set(key, set);
    }
    const beforeRefs = before?.metadata.ownerReferences, afterRefs = after?.metadata.ownerReferences;
    if (!beforeRefs?.length && !afterRefs?.length) return;
    // The same place among the owner's dependents when kind and key stay (every write but a rename-free create or removal).
    const beforeKey = before && ownedKey(before);
    const afterKey = after && (before && after.kind === before.kind && after.metadata.name === before.metadata.name && after.metadata.namespace === before.metadata.namespace ? beforeKey : ownedKey(after));
    for (const ref of beforeRefs ?? []) {
      const set = this.owned.get(ref.uid);
      set?.delete(beforeKey!);
      if (set?.size === 0) this.owned.delete(ref.uid);
    }
    for (const ref of afterRefs ?? []) {
      const set = this.owned.get(ref.uid) ?? new Map<string, KubeObject>();
      set.set(afterKey!, after!);
      this.owned.set(ref.uid, set);
    }
  }
}

/** What workload controllers claim: pods, a Deployment's ReplicaSets, a CronJob's Jobs, revisions. */
const ADOPTABLE_KINDS = new Set(['Pod', 'ReplicaSet', 'Job', 'ControllerRevision']);

function orphanKey(kind: string, namespace: string | undefined): string {
  return `${kind}\u0000${namespace ?? ''}`;
}

/** An object's place among its owner's dependents: kind, namespace and name. */
function ownedKey(o: KubeObject): string {
  return `${o.kind}\u0000${keyText(o.metadata)}`;
}
