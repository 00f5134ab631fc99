import type { Command } from 'commander';
import * as api from '../index.ts';
import type { RunEnvironment } from '../index.ts';
import { DEFAULT_MINOR, SUPPORTED_MINORS } from '../kube/kubernetes-versions.ts';

interface StartFlags {
  context?: string;
  topology?: string;
  port?: number;
  speed?: number;
  seed?: number;
  kubeconfig?: string;
  kubernetesVersion?: string;
}

/**
 * `kubespec drill ...`: CKA-style practice. `start` and `exam` serve a simulated cluster (or
 * use an allowed live context) with the drills' setup and print the tasks; `check` grades;
 * `reset` starts over. Sets the exit code through `exit`: 0 when every requirement passed.
 */
export function addDrillCommands(program: Command, env: RunEnvironment, exit: (code: number) => void, parseInteger: (flag: string) => (v: string) => number): void {
  const drill = program.command('drill').description('CKA-style practice: a task, a prepared cluster, graded checks');

  drill
    .command('list')
    .description('the drills, by domain')
    .option('--domain <name>', 'only one domain: cluster-architecture, workloads-scheduling, services-networking, storage, troubleshooting')
    .action((flags: { domain?: string }) => {
      const list = api.drills(env, flags.domain);
      const width = Math.max(...list.map((d) => d.id.length), 2);
      env.stdout.write(`${'ID'.padEnd(width)}  ${'DOMAIN'.padEnd(20)}  ${'LEVEL'.padEnd(6)}  MIN  TITLE\n`);
      for (const d of list) env.stdout.write(`${d.id.padEnd(width)}  ${d.domain.padEnd(20)}  ${d.difficulty.padEnd(6)}  ${String(d.minutes).padStart(3)}  ${d.title}\n`);
      env.stdout.write(`\n${list.length} drills. Start one: kubespec drill start <id>\n`);
    });

  const withCluster = (c: Command) => c
    .option('--context <name>', 'use this live context (kind-* or allowed) instead of a simulated cluster')
    .option('--topology <name>', 'nodes of the simulated cluster', 'kind')
    .option('--port <n>', 'port of the simulated cluster (0: any free port)', parseInteger('--port'))
    .option('--speed <factor>', 'virtual seconds per wall second', parseFloat)
    .option('--seed <n>', 'seed of the simulator', parseInteger('--seed'))
    .option('--kubeconfig <path>', 'where to write the kubeconfig (default reports/kubeconfig)')
    .option('--kubernetes-version <minor>', `the Kubernetes minor the simulated cluster plays (${SUPPORTED_MINORS.join(', ')}; default ${DEFAULT_MINOR}); a live context runs its own`);

  withCluster(drill.command('start'))
    .description('prepare a cluster for one or more drills and print the tasks')
    .argument('<ids...>', 'drill ids (several make an exam under one timer)')
    .action(async (ids: string[], flags: StartFlags) => startAndWait(ids, flags));

  withCluster(drill.command('exam'))
    .description('an exam: drills drawn across the domains, one cluster, one timer')
    .option('--count <n>', 'how many drills', parseInteger('--count'), 5)
    .option('--domain <name>', 'draw from one domain only')
    .action(async (flags: StartFlags & { count: number; domain?: string }) => {
      const picked = api.pickExam(env, flags.count, flags.seed ?? Date.now() % 100_000, flags.domain);
      await startAndWait(picked.map((d) => d.id), flags);
    });

  drill
    .command('check')
    .description('grade the drills of the session (or the ones named) on their cluster')
    .argument('[ids...]', 'drill ids (default: the ones started)')
    .option('--kubeconfig <path>', 'the cluster to grade (default: the session\'s)')
    .option('--context <name>', 'a live context to grade')
    .action(async (ids: string[], flags: { kubeconfig?: string; context?: string }) => {
      const { grades, session } = await api.checkDrills(ids, flags, env);
      env.stdout.write(api.renderGrades(grades, session, new Date()));
      exit(grades.every((g) => g.requirements.every((r) => r.passed)) ? 0 : 1);
    });

  drill
    .command('reset')
    .description('put the drills of the session (or the ones named) back to their starting state')
    .argument('[ids...]', 'drill ids (default: the ones started)')
    .option('--kubeconfig <path>', 'the cluster (default: the session\'s)')
    .option('--context <name>', 'a live context')
    .action(async (ids: string[], flags: { kubeconfig?: string; context?: string }) => {
      const { drills, cluster } = await api.resetDrillsCommand(ids, flags, env);
      const how = cluster === 'served' ? 'the simulated cluster started over' : 'their namespaces were recreated';
      env.stdout.write(`reset ${drills.map((d) => d.id).join(', ')}: ${how}, setup applied again\n`);
    });

  drill
    .command('hints')
    .description('the hints of a drill (try without them first)')
    .argument('<id>')
    .action((id: string) => {
      const d = api.drill(id, env);
      env.stdout.write(d.hints.length ? d.hints.map((h, i) => `${i + 1}. ${h}`).join('\n') + '\n' : `drill "${id}" has no hints\n`);
    });

  async function startAndWait(ids: string[], flags: StartFlags): Promise<void> {
    const { drills, served, session } = await api.startDrills(ids, flags, env);
    drills.forEach((d, i) => env.stdout.write(api.renderTask(d, drills.length > 1 ? { n: i + 1, of: drills.length } : undefined) + '\n\n'));
    const clusterLine = served
      ? `cluster: simulated Kubernetes ${served.version.gitVersion}, ${served.url()}\n  export KUBECONFIG=${session.kubeconfig}`
      : `cluster: context ${session.context}\n  kubectl config use-context ${session.context}`;
    env.stdout.write(`${clusterLine}\ntime: ${session.minutes} minutes. When done: kubespec drill check · start over: kubespec drill reset\n`);
    if (!served) return;
    env.stdout.write('Ctrl-C stops the cluster.\n');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await served.stop();
  }
}
