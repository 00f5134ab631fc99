/**
 * Durations as scenarios write them (DESIGN.md "Step grammar"): Go-style `30s`, `5m`,
 * `1h30m`, `500ms`, or words `30 seconds`, `2 minutes`, `1 hour`. Returns milliseconds.
 */
/** A duration or a point in virtual time, in integer milliseconds (the simulator's clock counts them). */
export type Millis = number;

const units: Record<string, Millis> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** A value that is not a duration, with the text a user can act on. */
export class DurationError extends Error {
  constructor(text: string) {
    super(`"${text}" is not a duration (try 30s, 5m, 1h30m or 2 minutes)`);
    this.name = 'DurationError';
    // The user's mistake, not ours: the message is the whole story, a stack trace is noise.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export function parseDuration(text: string): number {
  const compact = text.trim();
  const parts = [...compact.matchAll(/(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('').trim() !== compact) throw new DurationError(text);
  let total = 0;
  for (const [, value, unit] of parts) {
    const factor = units[unit!];
    if (factor === undefined) throw new DurationError(text);
    total += Number(value) * factor;
  }
  return Math.round(total);
}

/** The regular expression a step parameter uses to capture a duration, good or bad. */
export const durationPattern = /\d+(?:\.\d+)?\s*[a-zA-Z]+(?:\s*\d+(?:\.\d+)?\s*[a-zA-Z]+)*/;

/** Milliseconds back to the shortest readable form: 90000 → 1m30s. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}
