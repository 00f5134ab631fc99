import type { NodeDefinition } from '../../../drivers/driver.ts';
import { UserError } from '../../../errors.ts';
import { maxRealNodes } from './node-network.ts';

/**
 * The topology workers `count` real nodes play, in the topology's order: real node 0 plays the
 * first worker, 1 the second, and so on. Scenarios name their workers worker-1..N ("a cluster
 * with 2 worker nodes" keeps worker-1 and worker-2 and fences the rest), so the first workers are
 * the ones most scenarios use. Too many is refused with what the topology and the address plan
 * allow.
 */
export function playedWorkers(nodes: readonly NodeDefinition[], count: number, topology: string): NodeDefinition[] {
  const workers = workersOf(nodes);
  const limit = realNodeLimit(nodes);
  if (!Number.isInteger(count) || count < 0 || count > limit) {
    const why = workers.length <= maxRealNodes
      ? `topology ${topology} has ${workers.length} worker${workers.length === 1 ? '' : 's'}${workers.length ? ` (${workers.map((w) => w.name).join(', ')})` : ''}, and each real node plays one`
      : `a cluster numbers at most ${maxRealNodes} real nodes (their pod subnets are one /22, node-network.ts)`;
    throw new UserError(`--real-nodes ${count}: expected 0 to ${limit}: ${why}`);
  }
  return workers.slice(0, count);
}

/** How many real nodes a topology can have: one per worker, within the address plan's limit. */
export function realNodeLimit(nodes: readonly NodeDefinition[]): number {
  return Math.min(workersOf(nodes).length, maxRealNodes);
}

const workersOf = (nodes: readonly NodeDefinition[]) => nodes.filter((n) => n.role !== 'control-plane');
