import type { NodeDefinition } from '../drivers/driver.ts';
import { realNodeLimit } from '../cluster/reference/real-node/played-workers.ts';

/**
 * How many real nodes the fidelity run's real-node pass brings up. Asked for (`--real-nodes`):
 * that many. Otherwise every worker of the topology the pass runs on, so no scenario's pod lands
 * on a KWOK worker (a scenario without a cluster step uses them all; one with "a cluster with N
 * worker nodes" uses worker-1..N, which the first real nodes play). CI's bounded pass
 * (`--real-node-quick`) keeps one: it leaves out the scenarios that use more workers
 * (real-node-budget.ts), and each node more costs its bring-up and its share of two cores.
 */
export function realNodeCount(asked: number | undefined, quick: boolean | undefined, topology: readonly NodeDefinition[]): number {
  if (asked !== undefined) return asked;
  if (quick) return 1;
  return realNodeLimit(topology);
}
