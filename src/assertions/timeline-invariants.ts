import type { TimelineEntry } from '../drivers/driver.ts';
import { formatDuration } from '../kube/duration.ts';
import { LabelSelector } from '../kube/label-selector.ts';

/** A state a pod can be in over an interval, read from the timeline. */
export type PodState = 'terminating' | 'unready';

interface Interval { name: string; from: number; to: number }

/**
 * The intervals each pod matching `selector` spent in `state`: terminating from its
 * deletionTimestamp to its removal; unready from creation (or losing Ready) to Ready (or removal).
 * An interval still open at `end` closes there; only the part after `since` is kept.
 */
export function stateIntervals(timeline: TimelineEntry[], selector: string, state: PodState, end: number, since = 0): Interval[] {
  const sel = LabelSelector.parse(selector);
  const open = new Map<string, number>();
  const out: Interval[] = [];
  const close = (name: string, at: number) => {
    const from = open.get(name);
    if (from !== undefined) out.push({ name, from, to: at });
    open.delete(name);
  };
  for (const e of timeline) {
    if (e.kind !== 'Pod' || !sel.matches(e.labels)) continue;
    const starts = state === 'terminating' ? e.transition === 'terminating' : e.transition === 'created' || e.transition === 'not-ready';
    const ends = state === 'terminating' ? e.transition === 'deleted' : e.transition === 'ready' || e.transition === 'deleted';
    if (ends) close(e.name, e.at);
    else if (starts && !open.has(e.name)) open.set(e.name, e.at);
  }
  for (const name of [...open.keys()]) close(name, end);
  // Only the window [since, end] counts; an interval that began before it is clipped.
  return out.filter((i) => i.to > since || (i.from === i.to && i.from >= since)).map((i) => ({ ...i, from: Math.max(i.from, since) }));
}

/**
 * The largest number of intervals that overlap (touching ends do not overlap: a pod removed at t
 * and its replacement terminating from t count as one after the other), with when and which.
 */
export function peakOverlap(intervals: Interval[]): { count: number; at: number; names: string[] } {
  let best = { count: 0, at: 0, names: [] as string[] };
  for (const i of intervals) {
    const t = i.from;
    const active = intervals.filter((j) => j.from <= t && t < j.to && j.from < j.to);
    if (active.length > best.count) best = { count: active.length, at: t, names: active.map((j) => j.name) };
  }
  return best;
}

export function describePeak(selector: string, state: PodState, peak: { count: number; at: number; names: string[] }): string {
  return `${peak.count} pods labelled ${selector} were ${state} at ${formatDuration(peak.at)}: ${peak.names.join(', ')}`;
}
