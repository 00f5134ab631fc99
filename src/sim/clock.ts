/**
 * Virtual time for the simulator (STYLE.md §6). Every component gets a `Clock` in its
 * constructor; only tests and the driver move time, explicitly. Times are integer milliseconds
 * since the cluster's epoch, so runs are exact and reproducible.
 */
export type { Millis } from '../kube/duration.ts';
import type { Millis } from '../kube/duration.ts';

/** A handle to cancel a pending timer. */
export type TimerId = number;

/** What a simulator component may do with time: read it and schedule work. */
export interface Clock {
  now(): Millis;
  /** Runs `fire` once `delay` ms from now (0 = later in this same instant). */
  after(delay: Millis, fire: () => void): TimerId;
  /** Runs `fire` at absolute time `at` (clamped to now if in the past). */
  at(at: Millis, fire: () => void): TimerId;
  cancel(id: TimerId): void;
}

interface Timer {
  due: Millis;
  seq: number;
  fire: () => void;
}

/** A binary min-heap of timers ordered by (due, seq): ties fire in creation order. */
class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number { return this.items.length; }
  peek(): Timer | undefined { return this.items[0]; }

  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!earlier(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && earlier(a[l]!, a[m]!)) m = l;
        if (r < a.length && earlier(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function earlier(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/**
 * A clock that only moves when told to. Timers fire in (due, creation) order, and timers
 * created while firing are seen by the same advance if they fall due before its target.
 */
export class VirtualClock implements Clock {
  private nowMs: Millis;
  private seq = 0;
  private readonly heap = new TimerHeap();
  private readonly cancelled = new Set<TimerId>();
  private readonly idleListeners: Array<() => void> = [];
  /** Inside the idle listeners: their own settles do not call them again. */
  private idle = false;

  constructor(start: Millis = 0) {
    this.nowMs = start;
  }

  now(): Millis { return this.nowMs; }

  after(delay: Millis, fire: () => void): TimerId {
    return this.at(this.nowMs + Math.max(0, delay), fire);
  }

  at(at: Millis, fire: () => void): TimerId {
    const id = ++this.seq;
    this.heap.push({ due: Math.max(at, this.nowMs), seq: id, fire });
    return id;
  }

  cancel(id: TimerId): void { this.cancelled.add(id); }

  /** When the next live timer is due, or undefined when nothing is scheduled. */
  nextDue(): Millis | undefined {
    this.dropCancelledHead();
    return this.heap.peek()?.due;
  }

  /**
   * Runs `listener` whenever time stops (an advance has fired everything due): for state that is
   * brought up to date when someone may look rather than at every virtual tick.
   */
  onIdle(listener: () => void): void {
    this.idleListeners.push(listener);
  }

  /** Fires everything due up to and including `target`, then sets now to `target`. */
  advanceTo(target: Millis): void {
    if (target < this.nowMs) throw new Error(`clock cannot go back: ${this.nowMs} -> ${target}`);
    this.fireUntil(target);
    this.nowMs = target;
    if (this.idle || this.idleListeners.length === 0) return;
    this.idle = true;
    try {
      for (const listener of this.idleListeners) listener();
      this.fireUntil(target);
    } finally {
      this.idle = false;
    }
  }

  private fireUntil(target: Millis): void {
    for (let t = this.nextTimer(target); t; t = this.nextTimer(target)) {
      this.nowMs = t.due;
      t.fire();
    }
  }

  advanceBy(delta: Millis): void { this.advanceTo(this.nowMs + delta); }

  /** Fires only what is due now (work queued "for later in this instant"). */
  settle(): void { this.advanceTo(this.nowMs); }

  private nextTimer(target: Millis): Timer | undefined {
    this.dropCancelledHead();
    const t = this.heap.peek();
    if (!t || t.due > target) return undefined;
    this.heap.pop();
    return t;
  }

  private dropCancelledHead(): void {
    for (let t = this.heap.peek(); t && this.cancelled.has(t.seq); t = this.heap.peek()) {
      this.heap.pop();
      this.cancelled.delete(t.seq);
    }
  }
}

/** RFC 3339 text for a virtual time, as the API server writes timestamps (second precision). */
export function rfc3339(ms: Millis): string {
  // Called for every event and status write: a pod status names now and the pod's start time,
  // so one remembered second missed every other call. The last seconds are kept, each in its slot.
  const second = ms - (ms % 1000);
  const slot = ((second / 1000) % RFC3339_SLOTS + RFC3339_SLOTS) % RFC3339_SLOTS;
  if (rfc3339Seconds[slot] !== second) {
    rfc3339Seconds[slot] = second;
    rfc3339Texts[slot] = new Date(second).toISOString().replace('.000Z', 'Z');
  }
  return rfc3339Texts[slot]!;
}

const RFC3339_SLOTS = 256;
const rfc3339Seconds = new Float64Array(RFC3339_SLOTS).fill(NaN);
const rfc3339Texts = new Array<string>(RFC3339_SLOTS).fill('');
