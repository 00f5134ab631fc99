import type { Millis } from '../clock.ts';
import { LabelSelector, podSelectorSpec } from '../../kube/label-selector.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { WatchEvent } from '../store/watch.ts';

/**
 * What a reconcile asks for next (STYLE.md §1): nothing, or "come back after this long" in
 * virtual time. Throwing an ordinary error means "retry with backoff"; throwing a
 * TerminalError means "record it and stop retrying this key".
 */
export interface ReconcileResult {
  requeueAfter?: Millis;
}

/**
 * A level-based controller: given only a key, it re-reads the world and moves it one step
 * toward the desired state. It must be idempotent; a missed or doubled call is harmless.
 */
export interface Controller {
  readonly name: string;
  reconcile(key: ObjectKey): ReconcileResult;
}

/** Maps a watch event to the keys of the objects a controller must look at again. */
export type KeyMapper = (event: WatchEvent) => ObjectKey[];

/** Declares which kinds a controller watches and which keys their changes enqueue. */
export interface WatchSpec {
  /** A kind, or '*' for every kind. */
  kind: string;
  keys: KeyMapper;
}

/** An error that retrying cannot fix (bad spec, unsupported field). */
export class TerminalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TerminalError';
  }
}

/** The key of the changed object itself. */
export const ownKey: KeyMapper = (e) => [{ namespace: e.object.metadata.namespace, name: e.object.metadata.name }];

/**
 * The key of the controlling owner of the given kind, from the object's ownerReferences (or, if it
 * has none of that kind, from those it had before the change).
 */
export function controllerKey(ownerKind: string): KeyMapper {
  // Every pod change goes through one of these per workload kind: no lists are built per event.
  return (e) => {
    const owner = controllerRef(e.object, ownerKind) ?? (e.old && controllerRef(e.old, ownerKind));
    return owner ? [{ namespace: e.object.metadata.namespace, name: owner.name }] : [];
  };
}

function controllerRef(o: KubeObject, ownerKind: string): { name: string } | undefined {
  for (const r of o.metadata.ownerReferences ?? []) if (r.controller && r.kind === ownerKind) return r;
  return undefined;
}

/**
 * For an object without a controller: the keys of every `ownerKind` in its namespace whose
 * selector matches its labels, so an orphan is found by the controller that may adopt it.
 */
export function selectingOwners(list: (kind: string, namespace: string) => KubeObject[], ownerKind: string): KeyMapper {
  return (e) => {
    if (e.type === 'DELETED' || e.object.metadata.ownerReferences?.some((r) => r.controller)) return [];
    const ns = e.object.metadata.namespace ?? '';
    return list(ownerKind, ns)
      .filter((o) => o.spec?.selector && LabelSelector.fromSpec(podSelectorSpec(o)).matches(e.object.metadata.labels))
      .map((o) => ({ namespace: ns, name: o.metadata.name }));
  };
}
