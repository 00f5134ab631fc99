import { rfc3339, type Clock } from '../clock.ts';
import { customKindOf } from '../store/custom-kinds.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';
const RECHECK_MS = 1_000;

/**
 * The apiextensions-apiserver's controllers for a CustomResourceDefinition: the naming and
 * establishing controllers accept its names and start serving its kind (conditions
 * NamesAccepted and Established), and the finalizer controller, when the definition is deleted,
 * deletes every custom resource of the kind before the definition goes.
 */
export class CustomResourceDefinitionController implements Controller {
  readonly name = 'customresourcedefinition';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const crd = this.store.get('CustomResourceDefinition', { name: key.name });
    if (!crd) return {};
    const info = customKindOf(crd);
    if (crd.metadata.deletionTimestamp) {
      if (this.store.kindInfo(info.kind)?.custom?.definition === crd.metadata.name) {
        for (const obj of this.store.list(info.kind, { unsorted: true })) {
          if (!obj.metadata.deletionTimestamp) this.store.delete(info.kind, obj.metadata);
        }
        // Objects with finalizers of their own stay until those are removed.
        if (this.store.list(info.kind, { unsorted: true }).length > 0) return { requeueAfter: RECHECK_MS };
      }
      this.store.unregisterCustomKind(info.kind);
      const done = thaw(crd);
      done.metadata.finalizers = (done.metadata.finalizers ?? []).filter((f: string) => f !== CLEANUP_FINALIZER);
      this.store.update(done);
      return {};
    }
    const taken = this.store.kindInfo(info.kind);
    if (taken && taken.custom?.definition !== crd.metadata.name) return this.refuseNames(crd, taken.custom ? `"${info.kind}" is already in use` : `"${info.kind}" is the name of a built-in kind (the simulator keys kinds by name, not by group)`);
    this.store.registerCustomKind(info);
    let current = crd;
    if (!(crd.metadata.finalizers ?? []).includes(CLEANUP_FINALIZER)) {
      const withFinalizer = thaw(crd);
      withFinalizer.metadata.finalizers = [...(withFinalizer.metadata.finalizers ?? []), CLEANUP_FINALIZER];
      current = this.store.update(withFinalizer);
    }
    const now = rfc3339(this.clock.now());
    const status = {
      conditions: [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: now },
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: now },
      ],
      acceptedNames: { ...crd.spec.names, singular: crd.spec.names.singular ?? crd.spec.names.kind.toLowerCase(), listKind: crd.spec.names.listKind ?? `${crd.spec.names.kind}List` },
      storedVersions: [...new Set([...(crd.status?.storedVersions ?? []), info.apiVersion.split('/')[1]!])],
    };
    if (!sameStatus(current.status, status)) this.store.updateStatus({ ...thaw(current), status: keepTransitionTimes(current.status, status) });
    return {};
  }

  private refuseNames(crd: any, why: string): ReconcileResult {
    const now = rfc3339(this.clock.now());
    const status = { ...crd.status, conditions: [{ type: 'NamesAccepted', status: 'False', reason: 'KindConflict', message: why, lastTransitionTime: now }, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted', lastTransitionTime: now }] };
    if (!sameStatus(crd.status, status)) this.store.updateStatus({ ...thaw(crd), status: keepTransitionTimes(crd.status, status) });
    return {};
  }
}

/** Equal but for the conditions' transition times. */
function sameStatus(a: any, b: any): boolean {
  const strip = (s: any) => JSON.stringify({ ...s, conditions: (s?.conditions ?? []).map(({ lastTransitionTime: _t, ...c }: any) => c) });
  return strip(a ?? {}) === strip(b);
}

/** A condition whose status did not change keeps its lastTransitionTime. */
function keepTransitionTimes(before: any, after: any): any {
  const old = new Map((before?.conditions ?? []).map((c: any) => [c.type, c]));
  return { ...after, conditions: after.conditions.map((c: any) => (old.get(c.type) as any)?.status === c.status ? { ...c, lastTransitionTime: (old.get(c.type) as any).lastTransitionTime } : c) };
}
