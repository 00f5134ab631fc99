import { Argument, Command, CommanderError, Option } from 'commander';
import * as api from '../index.ts';
import type { RunEnvironment } from '../index.ts';
import { addDrillCommands } from './drill-commands.ts';
import { addNightlyCommands } from './nightly-commands.ts';
import { referenceVersionHelp } from '../cluster/reference/versions.ts';
import { DEFAULT_MINOR, LEGACY_MINORS, SUPPORTED_MINORS } from '../kube/kubernetes-versions.ts';

/** The help of every --kubernetes-version option. */
export const KUBERNETES_VERSION_HELP = `the Kubernetes minor the simulator plays: ${[...SUPPORTED_MINORS].reverse().join(', ')} (default ${DEFAULT_MINOR}), or legacy ${LEGACY_MINORS.join(', ')}; a live cluster's own version must match`;

/** Exit codes (README "Exit codes"). */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * The `kubespec` command: parses arguments, calls the programmatic API, prints, and returns the
 * exit code. It never exits the process itself; bin/kubespec.mjs does.
 */
export async function main(argv: string[], env: RunEnvironment): Promise<number> {
  let code = EXIT_OK;
  const program = new Command('kubespec')
    .description('Declarative Kubernetes scenario tests, on a simulator or a live cluster')
    .exitOverride()
    .configureOutput({ writeOut: (s) => env.stdout.write(s), writeErr: (s) => env.stderr.write(s) })
    .showSuggestionAfterError()
    .enablePositionalOptions();

  program
    .command('run')
    .description('run features (default: features/) and write reports under reports/')
    .argument('[paths...]', 'feature files or folders')
    .addOption(new Option('--profile <name>', 'where to run').choices(['sim', 'live']))
    .option('--tags <expression>', 'only scenarios matching this tag expression, e.g. "@workloads and not @slow"')
    .option('--seed <n>', 'seed of the simulator (same seed, same results)', parseInteger('--seed'))
    .option('--parallel <n>', 'run scenarios in N worker processes (default: on the simulator one per core when 20 or more scenarios are selected, else 0; live runs 0, in this process)', parseInteger('--parallel'))
    .option('--format <name>', 'console output: progress, pretty or summary')
    .option('--context <name>', 'kubeconfig context of a live run (kind-*, kubespec, kubespec-reference, or listed in KUBESPEC_ALLOWED_CONTEXTS)')
    .option('--reports <dir>', 'where reports go (default reports/)')
    .option('--driver <module>', "a team's driver module (exports createDriver(options) returning a Driver)")
    .option('--shard <i/n>', 'run shard i of n (balanced by earlier durations); join shards with merge-results')
    .option('--strict', "fail a scenario whose verdict rests on the simulator's assumptions (unknown images, commands it cannot interpret)")
    .option('--settle', "let each scenario's objects come to rest (at most 30 s of the driver's time) before its final state is recorded, as the fidelity run does")
    .option('--allow-empty', 'selecting no scenario is not an error (by default it is: a mistyped path or tag selects nothing)')
    .option('--kubernetes-version <minor>', KUBERNETES_VERSION_HELP)
    .action(async (paths: string[], flags: api.RunOptions) => {
      const options = { ...api.loadProjectConfig(env.cwd), ...definedOnly(flags), ...(paths.length ? { paths } : {}) };
      const result = await api.run(options, env);
      for (const u of result.undefinedSteps) {
        env.stdout.write(`\nUndefined step at ${u.place}: ${u.text}\n`);
        if (u.suggestions.length) env.stdout.write(`  closest steps (kubespec steps lists them all):\n${u.suggestions.map((s) => `    ${s}`).join('\n')}\n`);
      }
      const c = result.scenarios;
      if (result.assumptions) env.stdout.write(`\n${result.assumptions}\n`);
      if (result.notApplicable) env.stdout.write(`\n${result.notApplicable}\n`);
      env.stdout.write(`\nkubespec: ${c.passed} passed, ${c.failed + c.undefined + c.ambiguous + c.pending} failed, ${c.skipped} skipped (profile ${options.profile ?? 'sim'}, Kubernetes ${result.kubernetesVersion})\n`);
      code = result.ok ? EXIT_OK : EXIT_FAILED;
    });

  program
    .command('check')
    .description('check features, steps and manifests without running anything (also done by every run)')
    .argument('[paths...]', 'feature files or folders')
    .addOption(new Option('--profile <name>', 'the profile whose kinds count (live: the cluster\'s discovery)').choices(['sim', 'live']))
    .option('--context <name>', 'kubeconfig context of the live profile')
    .option('--tags <expression>', 'check only scenarios matching this tag expression')
    .option('--driver <module>', "a team's driver module")
    .option('--allow-empty', 'selecting no scenario is not an error')
    .action(async (paths: string[], flags: api.RunOptions) => {
      const options = { ...api.loadProjectConfig(env.cwd), ...definedOnly(flags), ...(paths.length ? { paths } : {}) };
      const result = await api.checkFeatures(options, env);
      if (result.problems.length) throw new api.CheckFailedError(result.problems);
      env.stdout.write(`kubespec check: ${result.scenarios} scenario${result.scenarios === 1 ? '' : 's'} in ${result.files} feature file${result.files === 1 ? '' : 's'}, no problems\n`);
    });

  program
    .command('report')
    .description('render reports/allure-results as reports/allure-report/index.html')
    .option('--open', 'open the report in a browser')
    .action(async (flags: api.ReportOptions) => {
      const path = await api.report(flags, env);
      env.stdout.write(`report: ${path}\n`);
    });

  program
    .command('steps')
    .description('list the step vocabulary with an example each')
    .option('--json', 'as JSON')
    .option('--glue', 'as a glue file for the Cucumber editor extension (.vscode/kubespec-steps.ts)')
    .action((flags: { json?: boolean; glue?: boolean }) => {
      const steps = api.listSteps();
      if (flags.json) env.stdout.write(JSON.stringify(steps, null, 2) + '\n');
      else if (flags.glue) env.stdout.write(api.renderEditorGlue(steps));
      else env.stdout.write(api.renderSteps(steps));
    });

  program
    .command('init')
    .description('scaffold kubespec in this repository (never overwrites files)')
    .action(() => {
      const { written, kept } = api.init(env, api.renderEditorGlue(api.listSteps()));
      for (const f of written) env.stdout.write(`created ${f}\n`);
      for (const f of kept) env.stdout.write(`kept    ${f} (exists)\n`);
      env.stdout.write('\nnext: npx kubespec run\n');
    });

  program
    .command('serve')
    .description('serve a simulated cluster that kubectl can use (writes a kubeconfig)')
    .option('--topology <name>', 'nodes from scenarios/topologies/<name>.yaml', 'kind')
    .option('--port <n>', 'port to listen on (0: any free port)', parseInteger('--port'), 6443)
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--kubeconfig <path>', 'where to write the kubeconfig (default reports/kubeconfig)')
    .option('--merge-kubeconfig', 'also add the "kubespec" context to ~/.kube/config (or $KUBECONFIG) and switch to it')
    .option('--seed <n>', 'seed of the simulator', parseInteger('--seed'))
    .option('--speed <factor>', 'virtual seconds per wall second', parseFloat)
    .option('--load <file>', 'start from a snapshot (YAML objects, e.g. from `kubespec snapshot`)')
    .option('--kubernetes-version <minor>', KUBERNETES_VERSION_HELP)
    .action(async (flags: api.ServeCommandOptions) => {
      const { served, url, kubeconfig } = await api.serve(flags, env);
      env.stdout.write(`kubespec serve: ${url} (Kubernetes ${served.version.gitVersion} API, simulated)\nkubeconfig: ${kubeconfig}\n  export KUBECONFIG=${kubeconfig}\nCtrl-C stops.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await served.stop();
    });

  program
    .command('clean')
    .description('remove what interrupted live runs left on a cluster (scenario namespaces, node fences)')
    .option('--context <name>', 'kubeconfig context (same allow-list as run --profile live)')
    .action(async (flags: { context?: string }) => {
      const removed = await api.clean(flags, env);
      env.stdout.write(removed.length ? removed.map((r) => `removed ${r}`).join('\n') + '\n' : 'nothing to clean\n');
    });

  program
    .command('merge-results')
    .description('join the reports folders of shards (run --shard i/n --reports DIR) into one')
    .argument('<folders...>', 'reports folders to merge')
    .option('--into <dir>', 'where the merged reports go', 'reports')
    .action((folders: string[], flags: { into: string }) => {
      const m = api.mergeResults(folders, flags.into, env);
      env.stdout.write(`merged ${m.shards} runs: ${m.tests} scenarios, ${m.failures} failed, into ${flags.into}\n`);
    });

  const cluster = program.command('cluster').description('clusters for live runs');
  for (const action of ['up', 'down'] as const) {
    cluster
      .command(action)
      .description(action === 'up' ? 'create a kind cluster shaped like a topology (needs kind and Docker/Podman)' : 'delete the kind cluster')
      .option('--name <name>', 'kind cluster name (context kind-<name>)', 'kubespec')
      .option('--topology <name>', 'nodes from scenarios/topologies/<name>.yaml', 'kind')
      .action(async (flags: { name?: string; topology?: string }) => {
        code = await api.kindCluster(action, flags, env);
      });
  }
  cluster
    .command('reference')
    .description('a real control plane (kube-apiserver, controller-manager, scheduler, etcd) built from the upstream Go modules, with KWOK nodes')
    .addArgument(new Argument('<action>', 'what to do').choices(['up', 'down', 'status']))
    .option('--topology <name>', 'nodes from scenarios/topologies/<name>.yaml (up only)', 'kind')
    .option('--kubernetes-version <minor>', referenceVersionHelp())
    .option('--real-nodes <n>', 'nodes with a real kubelet, containerd, CNI, kube-proxy and CoreDNS beside the KWOK ones (up only; 0 up to the topology\'s workers, each playing one: worker-1, worker-2, ...)', parseInteger('--real-nodes'))
    .action(async (action: api.ReferenceAction, flags: { topology?: string; kubernetesVersion?: string; realNodes?: number }) => {
      code = await api.referenceCluster(action, flags, env);
    });

  program
    .command('fidelity')
    .description('run the @portable scenarios on the simulator and on the reference cluster and compare them')
    .argument('[paths...]', 'feature files or folders')
    .option('--tags <expression>', 'narrow the portable scenarios, e.g. "@workloads"')
    .option('--parallel <n>', "worker processes for the reference cluster's KWOK pass: scenarios that change what every scenario shares (nodes, cluster-scoped objects) still run alone", parseInteger('--parallel'))
    .option('--compare-only', 'compare the last runs again, running nothing')
    .option('--rerun-simulator', 'run the simulator side again and compare with the last reference run')
    .option('--kubernetes-version <minor>', "the reference cluster's release (cluster reference --kubernetes-version); the simulator side plays the same minor")
    .option('--real-nodes <n>', 'real nodes for the @needs-kubelet scenarios, each playing a worker of the kind topology: default all 3 (1 with --real-node-quick), where the machine can run them; 0 leaves them not judged', parseInteger('--real-nodes'))
    .option('--real-node-quick', "leave out of the real-node pass the scenarios that wait longest in real time (CI's bounded pass; src/fidelity/real-node-budget.ts)")
    .action(async (paths: string[], flags: { tags?: string; parallel?: number; compareOnly?: boolean; rerunSimulator?: boolean; kubernetesVersion?: string; realNodes?: number; realNodeQuick?: boolean }) => {
      const report = await api.fidelityRun({ cwd: env.cwd, paths, ...definedOnly(flags), log: (line) => env.stdout.write(`${line}\n`) });
      env.stdout.write(api.fidelityTable(report));
      env.stdout.write('written: reports/fidelity.txt, reports/fidelity.json\n');
      code = report.disagree === 0 ? EXIT_OK : EXIT_FAILED;
    });

  const clock = program.command('clock').description('the virtual clock of a served cluster');
  clock
    .command('advance')
    .description('jump the served cluster ahead, e.g. `kubespec clock advance 5m`')
    .argument('<duration>', '30s, 5m, 1h30m')
    .option('--kubeconfig <path>', 'the served cluster (default reports/kubeconfig)')
    .action(async (duration: string, flags: { kubeconfig?: string }) => {
      const body = await api.callServed(api.kubeconfigArgument(env.cwd, flags.kubeconfig), 'POST', `/kubespec/v1/clock/advance?by=${encodeURIComponent(duration)}`);
      env.stdout.write(`virtual time is now ${JSON.parse(body).now}\n`);
    });

  program
    .command('snapshot')
    .description('print the objects of a served cluster as YAML, for `kubespec serve --load`')
    .option('--kubeconfig <path>', 'the served cluster (default reports/kubeconfig)')
    .action(async (flags: { kubeconfig?: string }) => {
      env.stdout.write(await api.callServed(api.kubeconfigArgument(env.cwd, flags.kubeconfig), 'GET', '/kubespec/v1/snapshot'));
    });

  addDrillCommands(program, env, (c) => (code = c), parseInteger);
  addNightlyCommands(program, env, (c) => (code = c), parseInteger);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (e instanceof api.CheckFailedError) {
      const n = e.problems.length;
      env.stderr.write(`${e.message}\nkubespec: ${n} problem${n === 1 ? '' : 's'} found by kubespec check; nothing was run\n`);
      return EXIT_USAGE;
    }
    env.stderr.write(`kubespec: ${userMessage(e)}\n`);
    return EXIT_USAGE;
  }
}

/** A user error prints alone; anything else is a bug and gets its stack for the report. */
function userMessage(e: unknown): string {
  if (e instanceof api.UserError) return e.message;
  if (e instanceof Error) return `internal error: ${e.stack ?? e.message}`;
  return String(e);
}

function parseInteger(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new api.UserError(`${flag} must be a non-negative integer, not "${value}"`);
    return Number(value);
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
