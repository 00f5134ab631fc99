import { relative, resolve } from 'node:path';
import type { Pickle } from '@cucumber/messages';
import { canRunBeside, type Footprint } from '../drivers/live/cluster-footprint.ts';

type Assignment = (pickle: Pickle, inProgress: Pickle[]) => boolean;

/**
 * The rule by which a parallel live run hands out scenarios (Cucumber's parallelCanAssign): one
 * starts only when it can run beside every scenario in progress, by the footprints `kubespec
 * check` found (cluster-footprint.ts), and when the project's own rule, if its support code set
 * one, allows it too. A scenario the check did not see counts as one that must run alone.
 */
export function footprintAssignment(footprints: ReadonlyMap<string, Footprint | undefined>, cwd: string, own: Assignment): Assignment {
  const of = (pickle: Pickle): Footprint | undefined => {
    const key = pickleKey(cwd, pickle);
    return footprints.has(key) ? footprints.get(key) : { alone: 'was not checked' };
  };
  return (pickle, inProgress) => own(pickle, inProgress) && inProgress.every((other) => canRunBeside(of(pickle), of(other)));
}

/** How `kubespec check` names a scenario: its file, absolute, and line. */
export function pickleKey(cwd: string, pickle: Pickle): string {
  return `${resolve(cwd, pickle.uri)}:${pickle.location?.line}`;
}

/**
 * One line for the run's output: how many of the scenarios must run alone or with their own
 * cluster shape, with the first reason, so that a parallel live run that stays mostly serial says why.
 */
export function footprintSummary(footprints: ReadonlyMap<string, Footprint | undefined>, cwd: string, workers: number): string {
  const alone = [...footprints].filter((e): e is [string, { alone: string }] => !!e[1] && 'alone' in e[1]);
  const shapes = new Set([...footprints.values()].filter((f) => !(f && 'alone' in f)).map((f) => (f && 'workers' in f ? f.workers : 'all')));
  const example = alone[0] ? ` (for example ${relative(cwd, alone[0][0])} ${alone[0][1].alone})` : '';
  return `live run in ${workers} workers: ${alone.length} of ${footprints.size} scenarios run alone, as they change what every scenario shares${example}; the others run beside scenarios that want the same workers (${shapes.size} cluster shape${shapes.size === 1 ? '' : 's'})`;
}
