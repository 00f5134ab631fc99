import type { Clock, Millis, TimerId } from '../clock.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { keyText } from '../store/types.ts';
import type { Controller, WatchSpec } from './controller.ts';
import { TerminalError } from './controller.ts';
import type { WatchEvent } from '../store/watch.ts';
import type { ApiFaults } from '../api-faults.ts';

/** client-go's default per-item rate limiter: 5ms doubling, capped at 1000s. */
const RETRY_BASE: Millis = 5;
const RETRY_MAX: Millis = 1_000_000;

/**
 * A reconcile loop that keeps re-queuing itself within one instant is a bug, not a wait. Counted
 * per controller and key: creating 150,000 pods at once is many syncs, but few of each key.
 */
const MAX_SYNCS_PER_KEY_PER_INSTANT = 1_000;

/** What controllers missed while their watches were down, to make up for when they relist. */
interface Outage {
  /** Objects created meanwhile: their deletion is never noticed (the relist does not have them). */
  createdMeanwhile: Set<string>;
  deleted: Array<{ controller: Controller; spec: WatchSpec; event: WatchEvent }>;
}

/** A reconcile failure kept for reports and tests. */
export interface ReconcileFailure {
  controller: string;
  key: string;
  message: string;
  terminal: boolean;
  at: Millis;
}

/**
 * Runs controllers as a work queue on the virtual clock, in the controller-runtime style: watch
 * events map to keys, keys are deduplicated, and each key is reconciled later in the same
 * instant. Keys are processed in the order they were first queued, so runs are deterministic.
 */
export class ControllerManager {
  private readonly queues = new Map<Controller, Map<string, ObjectKey>>();
  private readonly watches: Array<{ controller: Controller; spec: WatchSpec }> = [];
  private readonly retries = new Map<string, number>();
  private readonly requeueTimers = new Map<string, TimerId>();
  private drainScheduled = false;
  private instant = -1;
  private readonly syncsThisInstant = new Map<string, number>();
  readonly failures: ReconcileFailure[] = [];
  private watchOutage?: Outage;

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly faults?: ApiFaults) {}

  /** Registers a controller and the watches that feed its queue (our "builder"). */
  register(controller: Controller, watches: readonly WatchSpec[]): void {
    this.queues.set(controller, new Map());
    for (const w of watches) {
      this.watches.push({ controller, spec: w });
      this.store.watch(w.kind === '*' ? undefined : w.kind, (event) => {
        if (this.watchOutage) this.missed(this.watchOutage, controller, w, event);
        else for (const key of w.keys(event)) this.enqueue(controller, key);
      });
    }
  }

  /**
   * An informer resync for one object: every watch of its kind sees it as unchanged, so the
   * controllers that care look again (after something outside the store changed, like a kubelet
   * going down).
   */
  resync(object: KubeObject): void {
    for (const { controller, spec } of this.watches) {
      if (spec.kind !== '*' && spec.kind !== object.kind) continue;
      for (const key of spec.keys(unchanged(object))) this.enqueue(controller, key);
    }
  }

  /**
   * Every controller's watch drops for `duration`: changes meanwhile reach no one (delayed
   * requeues still fire). Then each informer relists, as a reflector does after a broken watch:
   * every existing object is seen as updated and every object deleted meanwhile as deleted.
   */
  disconnectWatches(duration: Millis): void {
    if (this.watchOutage) return;
    this.watchOutage = { createdMeanwhile: new Set(), deleted: [] };
    this.clock.after(duration, () => this.relist());
  }

  private missed(outage: Outage, controller: Controller, spec: WatchSpec, event: WatchEvent): void {
    const uid = event.object.metadata.uid ?? '';
    if (event.type === 'ADDED') outage.createdMeanwhile.add(uid);
    else if (event.type === 'DELETED' && !outage.createdMeanwhile.has(uid)) outage.deleted.push({ controller, spec, event });
  }

  private relist(): void {
    const outage = this.watchOutage!;
    this.watchOutage = undefined;
    for (const { controller, spec } of this.watches) {
      const objects = spec.kind === '*' ? this.store.listAll() : this.store.list(spec.kind);
      for (const object of objects) for (const key of spec.keys(unchanged(object))) this.enqueue(controller, key);
    }
    for (const { controller, spec, event } of outage.deleted) for (const key of spec.keys(event)) this.enqueue(controller, key);
  }

  /** Queues a key for a controller; a key already queued is not queued twice. */
  enqueue(controller: Controller, key: ObjectKey): void {
    this.queues.get(controller)!.set(keyText(key), key);
    if (!this.drainScheduled) {
      this.drainScheduled = true;
      this.clock.after(0, () => this.drain());
    }
  }

  private drain(): void {
    this.drainScheduled = false;
    for (const [controller, queue] of this.queues) {
      const batch = [...queue.values()];
      queue.clear();
      for (const key of batch) this.sync(controller, key);
    }
  }

  private sync(controller: Controller, key: ObjectKey): void {
    const id = `${controller.name}/${keyText(key)}`;
    this.guardLivelock(controller, key, id);
    try {
      const result = this.faults ? this.faults.asControlPlane(() => controller.reconcile(key)) : controller.reconcile(key);
      this.retries.delete(id);
      if (result.requeueAfter !== undefined) this.requeueLater(controller, key, id, result.requeueAfter);
    } catch (e) {
      // A TypeError is the simulator's own bug (a write to a frozen stored object, say), not an
      // API answer a real controller would retry: it must surface, not loop quietly.
      if (e instanceof TypeError || e instanceof ReferenceError) throw e;
      const terminal = e instanceof TerminalError;
      this.failures.push({ controller: controller.name, key: keyText(key), message: (e as Error).message, terminal, at: this.clock.now() });
      if (terminal) return;
      const n = this.retries.get(id) ?? 0;
      this.retries.set(id, n + 1);
      this.requeueLater(controller, key, id, Math.min(RETRY_BASE * 2 ** n, RETRY_MAX));
    }
  }

  private requeueLater(controller: Controller, key: ObjectKey, id: string, delay: Millis): void {
    const previous = this.requeueTimers.get(id);
    if (previous !== undefined) this.clock.cancel(previous);
    this.requeueTimers.set(id, this.clock.after(delay, () => {
      this.requeueTimers.delete(id);
      this.enqueue(controller, key);
    }));
  }

  private guardLivelock(controller: Controller, key: ObjectKey, id: string): void {
    const now = this.clock.now();
    if (now !== this.instant) {
      this.instant = now;
      this.syncsThisInstant.clear();
    }
    const n = (this.syncsThisInstant.get(id) ?? 0) + 1;
    this.syncsThisInstant.set(id, n);
    if (n > MAX_SYNCS_PER_KEY_PER_INSTANT) {
      throw new Error(`controllers did not settle at t=${now}ms (last: ${controller.name} ${keyText(key)}): a reconcile loop keeps re-queuing itself`);
    }
  }

}

/** The event an informer resync delivers: the object, seen as updated to itself. */
function unchanged(object: KubeObject): WatchEvent {
  return { type: 'MODIFIED', object, old: object, resourceVersion: Number(object.metadata.resourceVersion) };
}
