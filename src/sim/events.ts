import type { Clock, Millis } from './clock.ts';
import { rfc3339 } from './clock.ts';
import type { SeededRandom } from './rng.ts';
import type { ObjectStore } from './store/object-store.ts';
import type { KubeObject } from './store/types.ts';
import { thaw } from './store/freeze.ts';
import { LruCache } from './lru-cache.ts';

export type EventType = 'Normal' | 'Warning';

/**
 * Records core/v1 Events the way client-go's recorder does: one object per
 * (involved object, type, reason, message, source), whose `count` and `lastTimestamp` grow on
 * repeats (reference/api-machinery.md §11), remembered in an LRU of 4096 keys as its correlator
 * does. Events land in the involved object's namespace (`default` for cluster-scoped ones) and
 * expire an hour after their last write, as the API server's --event-ttl has them.
 */
export class EventRecorder {
  /**
   * The recorder's correlation cache, event name by dedup key: client-go's EventCorrelator keeps
   * an LRU of 4096 keys, and an event whose key it forgot starts a new object.
   */
  private readonly seen = new LruCache<string, string>(CORRELATOR_CACHE_SIZE);
  /**
   * Every event write, oldest first, with the resourceVersion it gave: the TTL is the same for
   * all, so expiries come in write order and one timer walks the queue. An entry whose event was
   * written again since (another resourceVersion) is skipped: a later entry covers it. Kept as
   * columns, not an object per write: a large cluster holds an hour of events (~180 bytes per
   * entry as objects, 32 as columns).
   */
  private readonly expiries = { due: [] as Millis[], namespace: [] as string[], name: [] as string[], resourceVersion: [] as string[] };
  private expiriesStart = 0;
  private expiryTimer = false;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly rng: SeededRandom,
  ) {
    store.watch('Event', (e) => {
      if (e.type !== 'DELETED') this.expireLater(e.object);
    });
  }

  /**
   * Records one event from `component` about `about`; `fieldPath` names the part of it the event
   * is about (the kubelet's `spec.containers{app}`), which is part of the correlator's key, so two
   * containers' identical "Container started" stay two events (client-go events/event.go getEventKey).
   */
  record(component: string, about: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const namespace = about.metadata.namespace ?? 'default';
    const dedupKey = [about.kind, namespace, about.metadata.name, about.metadata.uid, fieldPath ?? '', type, reason, message, component].join('\u0000');
    const now = rfc3339(this.clock.now());
    const existingName = this.seen.get(dedupKey);
    const existing = existingName ? this.store.get('Event', { namespace, name: existingName }) : undefined;
    if (existing) {
      this.seen.set(dedupKey, existingName!);
      const next = thaw(existing);
      next.count = (existing.count ?? 1) + 1;
      next.lastTimestamp = now;
      this.store.update(next);
      return;
    }
    if (!this.store.get('Namespace', { name: namespace })) return; // namespace gone: drop, as the API would refuse it
    const name = `${about.metadata.name}.${this.rng.string(16, '0123456789abcdef')}`;
    this.seen.set(dedupKey, name);
    this.store.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: about.apiVersion,
        kind: about.kind,
        name: about.metadata.name,
        namespace: about.metadata.namespace,
        uid: about.metadata.uid,
        resourceVersion: about.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      type,
      source: { component },
      reportingComponent: component,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    }, { handOver: true });
  }

  /**
   * The API server keeps an event for --event-ttl (1h) after it was last written, whoever wrote it,
   * then etcd drops it (reference/api-machinery.md §11); a repeat in the meantime moves the expiry.
   */
  private expireLater(event: KubeObject): void {
    const { namespace = 'default', name, resourceVersion } = event.metadata;
    const q = this.expiries;
    q.due.push(this.clock.now() + EVENT_TTL);
    q.namespace.push(namespace);
    q.name.push(name);
    q.resourceVersion.push(resourceVersion);
    if (!this.expiryTimer) this.armExpiry();
  }

  private armExpiry(): void {
    const due = this.expiries.due[this.expiriesStart];
    this.expiryTimer = due !== undefined;
    if (due !== undefined) this.clock.at(due, () => this.expireDue());
  }

  private expireDue(): void {
    const now = this.clock.now();
    const q = this.expiries;
    for (let i = this.expiriesStart; i < q.due.length && q.due[i]! <= now; i = this.expiriesStart) {
      this.expiriesStart++;
      const key = { namespace: q.namespace[i], name: q.name[i]! };
      const current = this.store.get('Event', key);
      if (current?.metadata.resourceVersion === q.resourceVersion[i]) this.store.delete('Event', key);
    }
    // The queue is compacted now and then, not shifted on every expiry.
    if (this.expiriesStart > 4096 && this.expiriesStart * 2 > q.due.length) {
      for (const column of Object.values(q)) column.splice(0, this.expiriesStart);
      this.expiriesStart = 0;
    }
    this.armExpiry();
  }
}

const CORRELATOR_CACHE_SIZE = 4096;
const EVENT_TTL: Millis = 60 * 60 * 1000;
