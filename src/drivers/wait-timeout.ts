import type { KubeObject } from './driver.ts';
import { WaitTimeoutAssertionError } from './driver.ts';

/** How many of the namespace's latest events a timeout shows. */
const RECENT_EVENTS = 5;

/**
 * The error a wait that ran out ends with, the same from every driver: what was awaited, for how
 * long, the last state seen, and the scenario namespace's latest events, which usually say why
 * (FailedScheduling, BackOff, FailedCreate).
 */
export function waitTimeout(what: string, timeoutMs: number, clock: 'virtual' | 'wall', lastSeen: string | undefined, events: readonly KubeObject[]): WaitTimeoutAssertionError {
  const lines = [`timed out after ${formatMs(timeoutMs)}${clock === 'virtual' ? ' (virtual time)' : ''} waiting for ${what}`];
  if (lastSeen !== undefined) lines.push(`last seen: ${lastSeen}`);
  const recent = events.slice(-RECENT_EVENTS);
  if (recent.length > 0) {
    lines.push('recent events:');
    for (const e of recent) lines.push(`  ${e.type} ${e.reason} ${e.involvedObject?.kind}/${e.involvedObject?.name}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`);
  }
  return new WaitTimeoutAssertionError(lines.join('\n'));
}

/** `2m`, `30s`, `250ms`: a duration as the steps write it. */
export function formatMs(ms: number): string {
  if (ms % 60_000 === 0 && ms >= 60_000) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
