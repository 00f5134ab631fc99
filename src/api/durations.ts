import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScenarioRecords } from '../report/scenario-records.ts';

/**
 * How long each scenario took last time it ran (reports/durations.json, by scenario id), kept up
 * to date after every run so `--shard` can balance shards by expected duration.
 */
export function readDurations(reports: string): Record<string, number> {
  const file = join(reports, 'durations.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

export function recordDurations(reports: string, projectRoot: string): void {
  const messages = join(reports, 'messages.ndjson');
  if (!existsSync(messages)) return;
  const durations = readDurations(reports);
  for (const r of readScenarioRecords(messages, projectRoot)) durations[r.id] = r.durationMs;
  const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(join(reports, 'durations.json'), JSON.stringify(sorted, null, 2) + '\n');
}

/**
 * What a scenario with no recorded duration is expected to take: the median of those recorded
 * (undefined when none is). Sharding and the longest-first order both weigh new scenarios so.
 */
export function medianDuration(recorded: Iterable<number | undefined>): number | undefined {
  const known = [...recorded].filter((ms): ms is number => typeof ms === 'number').sort((a, b) => a - b);
  return known.length ? known[Math.floor(known.length / 2)] : undefined;
}
