import { UserError } from '../errors.ts';
import { medianDuration } from './durations.ts';

export interface Shard {
  /** 1-based, as people count shards. */
  index: number;
  total: number;
}

/** `"2/4"` → shard 2 of 4; anything else is a usage error naming the flag. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN, total = m ? Number(m[2]) : NaN;
  if (!m || total < 1 || index < 1 || index > total) throw new UserError(`--shard must be INDEX/TOTAL with 1 <= INDEX <= TOTAL, e.g. 2/4, not "${text}"`);
  return { index, total };
}

export interface PlannedScenario {
  /** `features/x.feature:12` */
  id: string;
  /** From earlier runs (reports/durations.json); unknown scenarios count as the median. */
  expectedMs?: number;
}

/**
 * Splits scenarios into `total` shards of about equal expected duration: longest first, each to
 * the shard with the least so far (ties: the lowest shard, then the scenario id), so the split
 * depends only on the scenario ids and their expected durations, not on file order.
 */
export function assignShards(scenarios: PlannedScenario[], total: number): string[][] {
  const typical = medianDuration(scenarios.map((s) => s.expectedMs)) ?? 1;
  const weighted = scenarios.map((s) => ({ id: s.id, ms: s.expectedMs ?? typical }))
    .sort((a, b) => b.ms - a.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shards = Array.from({ length: total }, () => ({ ids: [] as string[], ms: 0 }));
  for (const s of weighted) {
    const lightest = shards.reduce((best, shard) => (shard.ms < best.ms ? shard : best), shards[0]!);
    lightest.ids.push(s.id);
    lightest.ms += s.ms;
  }
  return shards.map((s) => s.ids.sort());
}
