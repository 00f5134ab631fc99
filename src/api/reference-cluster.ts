import { join } from 'node:path';
import { loadTopology } from '../manifests/topologies.ts';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import { readState, referenceContext, referenceDown, referenceHealth, referenceUp } from '../cluster/reference/reference-cluster.ts';
import { referenceBuild } from '../cluster/reference/versions.ts';
import { kubectlFor } from '../drivers/kubectl-binary.ts';
import type { RunEnvironment } from './run-environment.ts';

export type ReferenceAction = 'up' | 'down' | 'status';

/**
 * `kubespec cluster reference up|down|status [--kubernetes-version 1.37]`: the real control plane
 * built from the upstream Go modules, with KWOK nodes (issue: fidelity); each version is built,
 * cached and run on its own (issue 26). Returns the exit code.
 */
export async function referenceCluster(action: ReferenceAction, options: { topology?: string; kubernetesVersion?: string; realNodes?: number }, env: RunEnvironment): Promise<number> {
  const cacheDir = join(env.cwd, '.cache', 'reference-cluster');
  const build = referenceBuild(options.kubernetesVersion);
  const say = (line: string) => env.stdout.write(`${line}\n`);
  if (action === 'up') {
    const topology = options.topology ?? 'kind';
    const nodes = loadTopology(topology, [join(env.cwd, 'scenarios', 'topologies'), join(packageRoot, 'scenarios', 'topologies')]);
    const state = await referenceUp({ moduleDir: join(packageRoot, 'scripts', 'reference-cluster'), cacheDir, build, topology, nodes, log: say, realNodes: options.realNodes });
    const real = state.realNodes?.length ?? 0;
    say(`reference cluster ${state.version} up: ${state.server}, ${state.nodes.length - real} KWOK nodes (topology ${topology}), ${real} real node${real === 1 ? '' : 's'}${real ? ` playing ${state.realNodes!.map((n) => n.name).join(', ')} (labelled kubespec.io/real-node=true)` : ''}`);
    // kubectl of a matching minor: the PATH's within the skew, else built now (said once).
    const kubectl = await kubectlFor(build.minor, { build: true, cwd: env.cwd, log: say });
    say(`kubeconfig: ${state.kubeconfig}\n  export KUBECONFIG=${state.kubeconfig}\n  kubespec run --profile live --context ${referenceContext}`);
    if (kubectl !== 'kubectl') say(`kubectl of this minor: ${kubectl}`);
    return 0;
  }
  if (action === 'down') {
    const stopped = await referenceDown(cacheDir, build, say);
    say(stopped.length ? `stopped ${stopped.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}` : `no ${build.minor} reference cluster was running`);
    return 0;
  }
  if (action === 'status') {
    const state = readState(cacheDir, build);
    if (!state) {
      say(`no ${build.minor} reference cluster (start one with \`kubespec cluster reference up${options.kubernetesVersion ? ` --kubernetes-version ${build.minor}` : ''}\`)`);
      return 1;
    }
    const health = await referenceHealth(state);
    for (const line of health.lines) say(line);
    say(health.healthy ? 'healthy' : 'not healthy');
    return health.healthy ? 0 : 1;
  }
  throw new UserError(`unknown action "${action}" (up, down or status)`);
}
