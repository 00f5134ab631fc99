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
   * written again since (another resourceVersion) is skipped: a later entry covers it.
   */
  private readonly expiries: Array<{ due: Millis; namespace: string; name: string; resourceVersion: string }> = [];
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
    this.expiries.push({ due: this.clock.now() + EVENT_TTL, namespace, name, resourceVersion });
    if (!this.expiryTimer) this.armExpiry();
  }

  private armExpiry(): void {
    const head = this.expiries[this.expiriesStart];
    this.expiryTimer = head !== undefined;
    if (head) this.clock.at(head.due, () => this.expireDue());
  }

  private expireDue(): void {
    const now = this.clock.now();
    for (let e = this.expiries[this.expiriesStart]; e && e.due <= now; e = this.expiries[this.expiriesStart]) {
      this.expiriesStart++;
      const current = this.store.get('Event', e);
      if (current?.metadata.resourceVersion === e.resourceVersion) this.store.delete('Event', e);
    }
    // The queue is compacted now and then, not shifted on every expiry.
    if (this.expiriesStart > 4096 && this.expiriesStart * 2 > this.expiries.length) {
      this.expiries.splice(0, this.expiriesStart);
      this.expiriesStart = 0;
    }
    this.armExpiry();
  }
}

const CORRELATOR_CACHE_SIZE = 4096;
const EVENT_TTL: Millis = 60 * 60 * 1000;
