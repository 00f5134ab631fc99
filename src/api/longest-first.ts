import { relative, resolve } from 'node:path';
import { medianDuration } from './durations.ts';

/**
 * The order a parallel run hands scenarios to its workers: the longest first, by the durations
 * earlier runs recorded (reports/durations.json). Cucumber gives a free worker the next scenario
 * in line, so a long scenario left for the end runs alone while the other workers wait: the
 * built-in library's longest (a CronJob's history, 1000 pods' scheduling) take 30 times the
 * average, and they sit in the last folders of the defined order. Results do not depend on the
 * order: every scenario on the simulator has a cluster of its own, seeded the same.
 */

/** A scenario as Cucumber's `pickles:order` transform sees it (the fields used here). */
export interface OrderablePickle {
  pickle: { uri: string };
  location: { line: number };
}

/**
 * The pickles, longest expected duration first; ties keep their defined order. A scenario with
 * no recorded duration (new, or renamed) counts as the median, as shard.ts counts it; with no
 * durations at all the defined order stays.
 */
export function longestFirst<T extends OrderablePickle>(pickles: readonly T[], durations: Readonly<Record<string, number>>, projectRoot: string): T[] {
  const idOf = (p: T) => `${relative(projectRoot, resolve(projectRoot, p.pickle.uri))}:${p.location.line}`;
  const median = medianDuration(pickles.map((p) => durations[idOf(p)]));
  if (median === undefined) return [...pickles];
  const expected = pickles.map((p, index) => ({ p, index, ms: durations[idOf(p)] ?? median }));
  return expected.sort((a, b) => b.ms - a.ms || a.index - b.index).map((e) => e.p);
}

/** Options of the plugin, under `longestFirst` of the run's plugin options. */
export interface LongestFirstOptions {
  durations: Record<string, number>;
  projectRoot: string;
}

/** The Cucumber plugin (a `pickles:order` transform) that `kubespec run` adds to parallel runs. */
const plugin = {
  type: 'plugin' as const,
  optionsKey: 'longestFirst',
  coordinator({ transform, options }: { transform: (event: 'pickles:order', f: (pickles: readonly OrderablePickle[]) => OrderablePickle[]) => void; options: LongestFirstOptions }) {
    transform('pickles:order', (pickles) => longestFirst(pickles, options.durations, options.projectRoot));
  },
};
export default plugin;
