import { availableParallelism } from 'node:os';

/**
 * Below this many selected scenarios a run stays in one process: a worker costs about two
 * seconds to start (TypeScript loader, step library), and a scenario on the simulator takes a
 * third of a second on average (the built-in library, 2026-12-06).
 */
const SCENARIOS_WORTH_A_WORKER = 20;

/**
 * How many worker processes a run uses when `--parallel` is not given. On the simulator every
 * scenario has a cluster of its own, so the selection is spread over the machine's cores; a live
 * cluster is shared by its scenarios (nodes, cluster-scoped objects), so a live run stays serial
 * unless asked otherwise. 0 is Cucumber's "in this process".
 */
export function defaultWorkers(profile: 'sim' | 'live', selectedScenarios: number, cores = availableParallelism()): number {
  if (profile !== 'sim' || cores < 2) return 0;
  return Math.min(cores, Math.floor(selectedScenarios / SCENARIOS_WORTH_A_WORKER));
}
