// Over STYLE's ~400 lines: the write path (create, update, status, graceful deletion, finalizers, admission, managed fields) is one registry.Store over the same maps; owner-index.ts, watch.ts and apply/ stand beside it.
import type { Clock } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import type { SeededRandom } from '../rng.ts';
import type { Admission } from '../admission/admission.ts';
import { alreadyExists, ApiError, badRequest, conflict, notFound, noKindMatch, qualifiedResource } from '../../kube/api-errors.ts';
import { recordUpdate, type ManagedFieldsEntry, type Writer } from './apply/field-manager.ts';
import { deepEqual } from './apply/object-fields.ts';
import { shapeOfKind } from './apply/schema.ts';
import { decodeInPlace } from './apply/undeclared-fields.ts';
import { deepFreeze, ownCopy, thaw } from './freeze.ts';
import { servesVersion } from './custom-kinds.ts';
import { apiGroupOf, kindInfo, knownKinds, type KindInfo } from '../../kube/kinds.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { KubeObject, ObjectInput, ObjectKey } from './types.ts';
import { keyText } from './types.ts';
import type { Unsubscribe, WatchEvent, WatchHandler } from './watch.ts';
import { OwnerIndex } from './owner-index.ts';

/** Options of a list call; all filters are ANDed. */
export interface ListOptions {
  namespace?: string;
  selector?: LabelSelector;
  /** Only objects with an ownerReference to this uid. */
  ownerUid?: string;
  /** Skip the name sort (hot internal paths that do not care about order). */
  unsorted?: boolean;
}

/** `dryRun`: validate, default and admit as for real, return the result, store nothing (dryRun=All). */
export interface WriteOptions {
  dryRun?: boolean;
  /** Records the write in metadata.managedFields as an Update by this manager (API requests do). */
  writer?: Writer;
  /** POST pods/<name>/binding: the one way a pod's spec.nodeName is set after creation; `resize`: pods/<name>/resize (pod-resize-validation.ts). */
  subresource?: 'binding' | 'resize';
  /** Collects the admission warnings of this write (kubectl prints them as `Warning: …`). */
  warnings?: string[];
  /**
   * The caller built this object (for a create) or this status (for a status write) for this
   * write and keeps no reference to it, so the store takes it as it is instead of copying it
   * first (events, controller-made pods and the kubelet's statuses: the bulk of a large
   * cluster's writes).
   */
  handOver?: boolean;
  /**
   * A check the registry makes for the requester once the object is admitted (kubespec serve's
   * RBAC escalation check for roles and bindings); it throws to refuse the write.
   */
  guard?: (object: KubeObject) => void;
}

export interface DeleteOptions extends WriteOptions {
  /** Overrides the pod's terminationGracePeriodSeconds; 0 removes at once. */
  gracePeriodSeconds?: number;
  /** Background (default for most kinds), Foreground or Orphan. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** How many past changes watches can resume from before a resourceVersion is "too old". */
const HISTORY_WINDOW = 20_000;

/**
 * The simulator's etcd plus the generic registry logic of the API server: names, uids,
 * resourceVersion (one global counter), generation, graceful deletion, finalizers and watch.
 * Reads return frozen objects; writes take the resourceVersion the writer read and fail with
 * Conflict when it is stale (reference/api-machinery.md §2).
 */
export class ObjectStore {
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  /** By uid, by owner and the orphans controllers may adopt (owner-index.ts). */
  private readonly index = new OwnerIndex();
  private readonly customKinds = new Map<string, KindInfo>();
  /** Kinds the simulated release serves beyond the built-in table (kinds.ts releaseKinds). */
  private readonly releaseKinds = new Map<string, KindInfo>();
  private readonly watchers = new Set<{ kind?: string; handler: WatchHandler }>();
  /**
   * The watchers of each kind (its own and the all-kinds ones), in the order they were added:
   * built when first needed and dropped when a watch comes or goes. Every write publishes, so it
   * neither copies nor filters the whole set; a list is never changed once built, so a handler
   * that adds or removes a watch does not disturb the delivery under way.
   */
  private readonly watchersByKind = new Map<string, ReadonlyArray<{ kind?: string; handler: WatchHandler }>>();
  private readonly history: WatchEvent[] = [];
  /** Where the kept history starts in `history` (older entries await compaction). */
  private historyStart = 0;
  private revision = 0;
  /** Called before every create, update and delete with the kind; may refuse it by throwing (injected API faults). */
  beforeWrite?: (kind: string) => void;
  /** The binding subresource clears status.nominatedNodeName (ClearingNominatedNodeNameAfterBinding, 1.35+). */
  clearsNominationOnBinding = false;
  /** The JSON decoder names embedded Go structs in a type error's path (api.decode.embeddedStructNames). */
  decodeNamesEmbeddedStructs = false;

  constructor(
    private readonly clock: Clock,
    private readonly rng: SeededRandom,
    private readonly admission?: Admission,
  ) {}

  /** The latest resourceVersion handed out. */
  currentRevision(): number { return this.revision; }

  get(kind: string, key: ObjectKey): KubeObject | undefined {
    return this.bucket(kind).get(keyText(key));
  }

  /** Lists objects sorted by namespace then name, the order the API server returns them. */
  list(kind: string, opts: ListOptions = {}): KubeObject[] {
    const out: KubeObject[] = [];
    const candidates = opts.ownerUid !== undefined ? this.index.ownedBy(opts.ownerUid) : this.bucket(kind).values();
    for (const obj of candidates) {
      if (obj.kind !== kind) continue;
      if (opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.selector && !opts.selector.matches(obj.metadata.labels)) continue;
      if (opts.ownerUid && !obj.metadata.ownerReferences?.some((r) => r.uid === opts.ownerUid)) continue;
      out.push(obj);
    }
    return opts.unsorted ? out : out.sort(byNamespaceAndName);
  }

  /** The object with this uid, of any kind. */
  getByUid(uid: string): KubeObject | undefined {
    return this.index.byUid(uid);
  }

  /**
   * The objects of a kind in a namespace without a controller ownerReference, in no particular
   * order: with the owned ones, all a controller must look at to claim (FilterPodsByOwner).
   * Kept for the kinds controllers adopt (owner-index.ts ADOPTABLE_KINDS), not for Events and the like.
   */
  listOrphans(kind: string, namespace: string | undefined): KubeObject[] {
    return this.index.orphans(kind, namespace);
  }

  /** Every object that names `uid` among its owners, sorted by kind, namespace and name (as listAll). */
  dependentsOf(uid: string): KubeObject[] {
    return [...this.index.ownedBy(uid)].sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : byNamespaceAndName(a, b)));
  }

  /** All objects of all kinds, sorted by kind, namespace and name. */
  listAll(opts: ListOptions = {}): KubeObject[] {
    return [...this.objects.keys()].sort().flatMap((kind) => this.list(kind, opts));
  }

  create(input: ObjectInput, opts: WriteOptions = {}): KubeObject {
    const info = this.info(input.kind, input.apiVersion);
    this.beforeWrite?.(info.kind);
    const obj = (opts.handOver ? input : thaw(input)) as KubeObject;
    const meta = obj.metadata ?? ({} as KubeObject['metadata']);
    obj.metadata = meta;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.rng.string(5);
    if (!meta.name) {
      throw new ApiError('Invalid', 422, `${info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    }
    if (info.namespaced) meta.namespace = meta.namespace || 'default';
    else delete meta.namespace;
    if (this.get(info.kind, meta)) throw alreadyExists(info.plural, meta.name, groupOf(info));
    if (info.namespaced && meta.namespace !== undefined) {
      const namespace = this.get('Namespace', { name: meta.namespace });
      if (!namespace) throw notFound('namespaces', meta.namespace);
      // NamespaceLifecycle admission: nothing new in a namespace that is being deleted.
      if (namespace.metadata.deletionTimestamp) {
        throw new ApiError('Forbidden', 403, `${qualifiedResource(info.plural, groupOf(info))} "${meta.name}" is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated`);
      }
    }
    checkDecodable(obj, this.decodeNamesEmbeddedStructs);
    meta.uid = this.rng.uuid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    if (info.generation) meta.generation = 1;
    delete meta.deletionTimestamp;
    (meta as Partial<typeof meta>).resourceVersion = undefined;
    this.admission?.admit({ operation: 'CREATE', object: obj, info, dryRun: opts.dryRun, warnings: opts.warnings });
    opts.guard?.(obj);
    dropEmptyMetadata(obj);
    if (opts.writer) setManagedFields(obj, recordUpdate(undefined, obj, opts.writer));
    return this.commit(info, obj, undefined, opts);
  }

  /**
   * Replaces an object (PUT). The status is kept as stored: status changes go through
   * `updateStatus`, as with a status subresource. A stale resourceVersion is a Conflict.
   */
  update(next: KubeObject, opts: WriteOptions = {}): KubeObject {
    return this.write(next, 'main', opts);
  }

  /** Replaces only the status (PUT .../status). */
  updateStatus(next: KubeObject, opts: WriteOptions = {}): KubeObject {
    return this.write(next, 'status', opts);
  }

  /**
   * Deletes an object. Pods that are bound and not yet finished are deleted gracefully: they
   * get a deletionTimestamp and stay until the kubelet removes them. Objects with finalizers
   * stay until their finalizers are removed. Returns the object as it is after the call.
   */
  delete(kind: string, key: ObjectKey, opts: DeleteOptions = {}): KubeObject {
    const info = this.info(kind);
    this.beforeWrite?.(info.kind);
    const current = this.get(kind, key);
    if (!current) throw notFound(info.plural, key.name, groupOf(info));
    // NamespaceLifecycle's immortal namespaces.
    if (kind === 'Namespace' && ['default', 'kube-system', 'kube-public'].includes(key.name)) {
      throw new ApiError('Forbidden', 403, `namespaces "${key.name}" is forbidden: this namespace may not be deleted`);
    }
    const grace = this.graceSeconds(current, opts);
    if (current.metadata.deletionTimestamp) return this.shortenGrace(info, current, grace, opts);
    // Foreground and Orphan are carried out by the garbage collector, through finalizers.
    const policyFinalizer = { Foreground: 'foregroundDeletion', Orphan: 'orphan', Background: undefined }[opts.propagationPolicy ?? 'Background'];
    const finalizers = [...(current.metadata.finalizers ?? []), ...(policyFinalizer ? [policyFinalizer] : [])];
    if (grace === 0 && finalizers.length === 0 && !namespaceFinalizing(current)) return this.removeGracelessly(info, current, opts);
    const next = thaw(current);
    // A namespace goes Terminating until the namespace controller has emptied it.
    if (namespaceFinalizing(current)) next.status = { ...next.status, phase: 'Terminating' };
    next.metadata.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
    next.metadata.deletionGracePeriodSeconds = grace;
    bumpGenerationForDeletion(next);
    if (finalizers.length > 0) next.metadata.finalizers = finalizers;
    return this.commit(info, next, current, opts);
  }

  /**
   * Watches changes of one kind (or all kinds), optionally replaying from a resourceVersion.
   * A resourceVersion older than the kept history fails with 410 Gone, as etcd compaction does.
   */
  watch(kind: string | undefined, handler: WatchHandler, fromRevision?: number): Unsubscribe {
    if (fromRevision !== undefined) {
      const oldest = this.history[this.historyStart]?.resourceVersion ?? this.revision + 1;
      if (fromRevision < oldest - 1) {
        throw new ApiError('Gone', 410, `too old resource version: ${fromRevision} (${oldest - 1})`);
      }
      for (let i = this.historyStart; i < this.history.length; i++) {
        const e = this.history[i]!;
        if (e.resourceVersion > fromRevision && (!kind || e.object.kind === kind)) handler(e);
      }
    }
    const entry = { kind, handler };
    this.watchers.add(entry);
    this.watchersByKind.clear();
    return () => {
      this.watchers.delete(entry);
      this.watchersByKind.clear();
    };
  }

  /**
   * Forgets the kept history, as etcd's compaction at the current revision does: a watch from an
   * older resourceVersion then fails with 410 Gone, and its client must list again (serve's
   * forced watch expiry, for clients' relist paths).
   */
  compactHistory(): void {
    this.history.length = 0;
    this.historyStart = 0;
  }

  private write(next: KubeObject, part: 'main' | 'status', opts: WriteOptions): KubeObject {
    const info = this.info(next.kind, next.apiVersion);
    this.beforeWrite?.(info.kind);
    const current = this.get(info.kind, next.metadata);
    if (!current) throw notFound(info.plural, next.metadata.name, groupOf(info));
    const rv = next.metadata.resourceVersion;
    if (rv && rv !== current.metadata.resourceVersion) throw conflict(info.plural, next.metadata.name, groupOf(info));
    if (part === 'status') {
      // No admission plugin sees a status write, so nothing changes the copy: stored parts are shared.
      const status = opts.handOver ? next.status : ownCopy(next.status);
      checkDecodable({ ...next, status }, this.decodeNamesEmbeddedStructs, changedFields(next, current));
      // Only the status and metadata's top-level fields (resourceVersion, managedFields) change:
      // the rest of the stored object is frozen and shared, not copied.
      const merged = { ...current, metadata: { ...current.metadata }, status };
      if (!('status' in next)) delete merged.status;
      if (opts.writer) setManagedFields(merged, recordUpdate(current, merged, { ...opts.writer, subresource: 'status' }));
      return this.commitChange(info, merged, current, opts);
    }
    // A binding only sets spec.nodeName: the rest of the pod is the stored, frozen one, shared.
    const obj = opts.subresource === 'binding' ? ownCopy(next) : thaw(next);
    checkDecodable(obj, this.decodeNamesEmbeddedStructs, changedFields(next, current));
    // A client that sends no managedFields leaves them as they are.
    if (obj.metadata.managedFields === undefined && current.metadata.managedFields !== undefined) obj.metadata.managedFields = thaw(current.metadata.managedFields);
    // Without a status subresource (a custom resource may lack one) status is written as any field.
    const statusSubresource = !info.custom || info.custom.statusSubresource;
    if (statusSubresource && current.status !== undefined) obj.status = current.status;
    else if (statusSubresource) delete obj.status;
    // The binding subresource sets the node and PodScheduled=True in one write (BindingREST), its
    // zero lastProbeTime a JSON null; this status is not decoded, so the null is stored.
    if (opts.subresource === 'binding') {
      obj.status = { ...(current.status ?? {}), conditions: upsertCondition(current.status?.conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()) }) };
      if (this.clearsNominationOnBinding) delete obj.status.nominatedNodeName;
    }
    // Identity and server-owned metadata cannot be changed by a client.
    obj.metadata.uid = current.metadata.uid;
    obj.metadata.creationTimestamp = current.metadata.creationTimestamp;
    obj.metadata.namespace = current.metadata.namespace;
    if (current.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = current.metadata.deletionTimestamp;
      obj.metadata.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
    }
    // The binding subresource (BindingREST's setPodNodeAndMetadata) sets the node without the pod
    // strategy's updatePodGeneration: binding never bumps a pod's generation.
    if (info.generation && opts.subresource !== 'binding') {
      const changed = info.generation === 'spec' ? !deepEqual(obj.spec, current.spec) : contentChanged(obj, current);
      obj.metadata.generation = (current.metadata.generation ?? 1) + (changed ? 1 : 0);
    }
    this.admission?.admit({ operation: 'UPDATE', object: obj, old: current, info, dryRun: opts.dryRun, subresource: opts.subresource, warnings: opts.warnings });
    opts.guard?.(obj);
    dropEmptyMetadata(obj);
    if (opts.writer) setManagedFields(obj, recordUpdate(current, obj, opts.writer));
    // A finalizer removed from an object that is being deleted may complete the deletion.
    if (obj.metadata.deletionTimestamp && (obj.metadata.finalizers?.length ?? 0) === 0 && this.graceOver(obj) && !namespaceFinalizing(obj)) {
      return this.remove(info, current, opts);
    }
    return this.commitChange(info, obj, current, opts);
  }

  /**
   * An update that changes nothing is not written: no new resourceVersion, no watch event, as
   * etcd3's store skips a write whose bytes equal the stored ones.
   */
  private commitChange(info: KindInfo, obj: KubeObject, current: KubeObject, opts: WriteOptions): KubeObject {
    obj.metadata.resourceVersion = current.metadata.resourceVersion;
    if (deepEqual(obj, current)) return current;
    return this.commit(info, obj, current, opts);
  }

  private graceSeconds(obj: KubeObject, opts: DeleteOptions): number {
    if (opts.gracePeriodSeconds !== undefined) {
      if (opts.gracePeriodSeconds < 0) throw badRequest('gracePeriodSeconds must be non-negative');
      return opts.gracePeriodSeconds;
    }
    if (obj.kind !== 'Pod') return 0;
    // reference/kubelet.md §7: unbound or finished pods are removed at once.
    const finished = obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed';
    if (!obj.spec?.nodeName || finished) return 0;
    return obj.spec?.terminationGracePeriodSeconds ?? 30;
  }

  private graceOver(obj: KubeObject): boolean {
    return obj.kind !== 'Pod' || obj.metadata.deletionGracePeriodSeconds === 0;
  }

  private shortenGrace(info: KindInfo, current: KubeObject, grace: number, opts: WriteOptions): KubeObject {
    const previous = current.metadata.deletionGracePeriodSeconds ?? 0;
    if (grace >= previous) return current;
    const next = thaw(current);
    next.metadata.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
    next.metadata.deletionGracePeriodSeconds = grace;
    if (grace === 0 && (next.metadata.finalizers?.length ?? 0) === 0) return this.removeGracelessly(info, current, opts);
    return this.commit(info, next, current, opts);
  }

  /**
   * A deletion with no grace left. A pod goes through the graceful-deletion strategy even then
   * (podStrategy.CheckGracefulDelete answers true with period 0 for an unbound or finished pod):
   * rest.BeforeDelete stamps deletionTimestamp and deletionGracePeriodSeconds 0, the store
   * persists that (watchers see the pod terminating) and only then deletes it
   * (updateForGracefulDeletionAndFinalizers, apiserver registry/generic/registry/store.go).
   * Other kinds have no graceful strategy and are deleted in one step.
   */
  private removeGracelessly(info: KindInfo, current: KubeObject, opts: WriteOptions): KubeObject {
    if (info.kind !== 'Pod' || opts.dryRun) return this.remove(info, current, opts);
    const marked = thaw(current);
    marked.metadata.deletionTimestamp = rfc3339(this.clock.now());
    marked.metadata.deletionGracePeriodSeconds = 0;
    bumpGenerationForDeletion(marked);
    return this.remove(info, this.commit(info, marked, current, opts), opts);
  }

  private commit(info: KindInfo, obj: KubeObject, old: KubeObject | undefined, opts: WriteOptions = {}): KubeObject {
    if (opts.dryRun) {
      // Nothing was written: a new object has no resourceVersion yet, a changed one keeps its own.
      if (old) obj.metadata.resourceVersion = old.metadata.resourceVersion;
      else delete (obj.metadata as Partial<KubeObject['metadata']>).resourceVersion;
      return deepFreeze(obj);
    }
    const rv = ++this.revision;
    obj.metadata.resourceVersion = String(rv);
    deepFreeze(obj);
    this.bucket(info.kind).set(keyText(obj.metadata), obj);
    this.index.move(old, obj);
    this.publish({ type: old ? 'MODIFIED' : 'ADDED', object: obj, old, resourceVersion: rv });
    return obj;
  }

  private remove(info: KindInfo, current: KubeObject, opts: WriteOptions = {}): KubeObject {
    if (opts.dryRun) return current;
    const rv = ++this.revision;
    this.bucket(info.kind).delete(keyText(current.metadata));
    this.index.move(current, undefined);
    const gone = thaw(current);
    gone.metadata.resourceVersion = String(rv);
    deepFreeze(gone);
    this.publish({ type: 'DELETED', object: gone, old: current, resourceVersion: rv });
    return gone;
  }

  private publish(event: WatchEvent): void {
    this.history.push(event);
    // The window slides by an index; the array is compacted now and then, not cut on every change.
    if (this.history.length - this.historyStart > HISTORY_WINDOW) this.historyStart++;
    if (this.historyStart > HISTORY_WINDOW) {
      this.history.splice(0, this.historyStart);
      this.historyStart = 0;
    }
    const kind = event.object.kind;
    let watchers = this.watchersByKind.get(kind);
    if (!watchers) {
      watchers = [...this.watchers].filter((w) => !w.kind || w.kind === kind);
      this.watchersByKind.set(kind, watchers);
    }
    for (const w of watchers) w.handler(event);
  }

  private info(kind: string, apiVersion?: string): KindInfo {
    const info = this.kindInfo(kind);
    if (!info || (apiVersion !== undefined && !servesVersion(info, apiVersion))) {
      throw noKindMatch(kind, apiVersion ?? '');
    }
    return info;
  }

  /** A built-in kind (of every release, or of this cluster's), or one a CustomResourceDefinition in this cluster defines. */
  kindInfo(kind: string): KindInfo | undefined {
    return this.releaseChanges.get(kind) ?? kindInfo(kind) ?? this.releaseKinds.get(kind) ?? this.customKinds.get(kind);
  }

  /** Built-in kinds whose bookkeeping the cluster's release changed (a pod's generation from 1.33). */
  private readonly releaseChanges = new Map<string, KindInfo>();

  /** From now on `kind` keeps metadata.generation as `how` says (the cluster calls this for its release). */
  trackGeneration(kind: string, how: KindInfo['generation']): void {
    const info = kindInfo(kind);
    if (info) this.releaseChanges.set(kind, { ...info, generation: how });
  }

  /** Every kind this cluster serves: the built-in ones, its release's, then the custom ones. */
  kinds(): KindInfo[] {
    return [...knownKinds, ...this.releaseKinds.values(), ...this.customKinds.values()];
  }

  /** Serves the kinds the cluster's release adds (kinds.ts releaseKinds); the cluster calls this once. */
  serveReleaseKinds(infos: readonly KindInfo[]): void {
    for (const info of infos) this.releaseKinds.set(info.kind, info);
  }

  /** Serves a custom kind (the CRD controller calls this once the definition is accepted). */
  registerCustomKind(info: KindInfo): void {
    this.customKinds.set(info.kind, info);
  }

  /** Stops serving a custom kind; its objects must be gone already. */
  unregisterCustomKind(kind: string): void {
    this.customKinds.delete(kind);
  }


  private bucket(kind: string): Map<string, KubeObject> {
    let b = this.objects.get(kind);
    if (!b) this.objects.set(kind, (b = new Map()));
    return b;
  }
}

/** A Namespace whose spec.finalizers (the namespace controller's "kubernetes") are not done. */
function namespaceFinalizing(obj: KubeObject): boolean {
  return obj.kind === 'Namespace' && (obj.spec?.finalizers?.length ?? 0) > 0;
}

function groupOf(info: KindInfo): string {
  return apiGroupOf(info.apiVersion);
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '', nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * What the API server's JSON decoder refuses before anything else: a value of the wrong type for
 * its field (`cannot be handled as a Deployment: json: cannot unmarshal number into Go struct
 * field PodSpec.spec.template.spec.containers of type []v1.Container`), so that no controller
 * ever sees an object a real cluster could not have stored. Nulls are read as Go reads them.
 */
function checkDecodable(obj: KubeObject, embeddedNames: boolean, fields?: readonly string[]): void {
  const shape = shapeOfKind(obj.apiVersion, obj.kind);
  // Only the given top-level fields, decoded as a shell object and copied back (nulls replaced).
  const part: Record<string, any> = fields ? { apiVersion: obj.apiVersion, kind: obj.kind } : obj;
  if (fields) for (const f of fields) part[f] = (obj as any)[f];
  // One walk finds a type error and reads nulls; on an error the half-read object is dropped with the request.
  const error = decodeInPlace(part, shape, embeddedNames);
  if (!error) {
    if (fields) for (const f of fields) (obj as any)[f] = part[f];
    return;
  }
  const version = obj.apiVersion.split('/').pop();
  throw new ApiError('BadRequest', 400, `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${error}`);
}

/**
 * The top-level fields a write changes. A part passed on as the very object the store holds
 * (a controller writing `{ ...current, status }`) was decoded when it was stored, and stored
 * objects are frozen, so it needs no second look.
 */
function changedFields(next: KubeObject, current: KubeObject): string[] {
  return Object.keys(next).filter((f) => (next as any)[f] !== (current as any)[f]);
}

/**
 * ObjectMeta's maps and lists are `omitempty` (apimachinery pkg/apis/meta/v1/types.go, ObjectMeta),
 * so an empty one is never stored or served: `labels: {}` after removing the last label reads back
 * without a `labels` key. Dropped before managedFields are recorded, as the field manager sees the
 * object through runtime.DefaultUnstructuredConverter, whose isZero (pkg/runtime/converter.go)
 * counts an empty map or slice as absent. (managedFields itself is handled by setManagedFields.)
 */
function dropEmptyMetadata(obj: KubeObject): void {
  const empty = (v: unknown) => v !== undefined && (v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0));
  const keys = (['labels', 'annotations', 'ownerReferences', 'finalizers'] as const).filter((k) => empty(obj.metadata[k]));
  if (keys.length === 0) return;
  // A binding shares the stored metadata, which is frozen: replace it with a copy first.
  if (Object.isFrozen(obj.metadata)) obj.metadata = { ...obj.metadata };
  for (const k of keys) delete obj.metadata[k];
}

/**
 * The first deletion of an object that stays a while (graceful, or held by finalizers) bumps its
 * generation, if it has one: controllers of an object being deleted should stop acting on it, and
 * the bump says its desired state changed (rest.BeforeDelete for graceful kinds, store.go
 * markAsDeleting for the others; apiserver v0.32.5 and v0.37.2 alike). Pods carry a generation
 * from 1.33, so from then a pod's graceful deletion bumps it too.
 */
function bumpGenerationForDeletion(obj: KubeObject): void {
  if ((obj.metadata.generation ?? 0) > 0) obj.metadata.generation! += 1;
}

function setManagedFields(obj: KubeObject, entries: ManagedFieldsEntry[] | undefined): void {
  if (entries && entries.length > 0) obj.metadata.managedFields = entries;
  else delete obj.metadata.managedFields;
}

/** EndpointSlice's rule (its registry strategy): anything but metadata changed, or the labels did. */
function contentChanged(next: KubeObject, current: KubeObject): boolean {
  const { metadata: a, ...restNext } = next;
  const { metadata: b, ...restCurrent } = current;
  return !deepEqual(restNext, restCurrent) || !deepEqual(a.labels ?? {}, b.labels ?? {});
}
