import { join } from 'node:path';
import { kindDown, kindUp } from '../cluster/kind/kind-cluster.ts';
import { loadTopology } from '../manifests/topologies.ts';
import { packageRoot } from '../package-root.ts';
import type { RunEnvironment } from './run-environment.ts';

/** `kubespec cluster up|down [--name N] [--topology T]`: a kind cluster shaped like a topology. */
export async function kindCluster(action: 'up' | 'down', options: { name?: string; topology?: string }, env: RunEnvironment): Promise<number> {
  const name = options.name ?? 'kubespec';
  const say = (line: string) => env.stdout.write(`${line}\n`);
  if (action === 'up') {
    const topology = options.topology ?? 'kind';
    const nodes = loadTopology(topology, [join(env.cwd, 'scenarios', 'topologies'), join(packageRoot, 'scenarios', 'topologies')]);
    const context = await kindUp(name, nodes, join(env.cwd, 'reports'), say);
    say(`kind cluster "${name}" is up (topology ${topology}); run: kubespec run --profile live --context ${context}`);
    return 0;
  }
  say((await kindDown(name)) ? `deleted kind cluster "${name}"` : `no kind cluster "${name}"`);
  return 0;
}
