import type { Clock } from './clock.ts';
import { rfc3339 } from './clock.ts';
import type { SeededRandom } from './rng.ts';
import type { ObjectStore } from './store/object-store.ts';
import type { KubeObject } from './store/types.ts';
import { thaw } from './store/freeze.ts';

export type EventType = 'Normal' | 'Warning';

/**
 * Records core/v1 Events the way client-go's recorder does: one object per
 * (involved object, type, reason, message, source), whose `count` and `lastTimestamp` grow on
 * repeats (reference/api-machinery.md §11). Events land in the involved object's namespace
 * (`default` for cluster-scoped ones).
 */
export class EventRecorder {
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly rng: SeededRandom,
  ) {}

  /** Records one event from `component` about `about`. */
  record(component: string, about: KubeObject, type: EventType, reason: string, message: string): void {
    const namespace = about.metadata.namespace ?? 'default';
    const dedupKey = [about.kind, namespace, about.metadata.name, about.metadata.uid, type, reason, message, component].join('\u0000');
    const now = rfc3339(this.clock.now());
    const existingName = this.seen.get(dedupKey);
    const existing = existingName ? this.store.get('Event', { namespace, name: existingName }) : undefined;
    if (existing) {
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
      },
      reason,
      message,
      type,
      source: { component },
      reportingComponent: component,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    });
  }
}
