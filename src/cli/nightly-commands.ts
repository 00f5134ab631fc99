import type { Command } from 'commander';
import * as api from '../index.ts';
import type { RunEnvironment } from '../index.ts';

/**
 * `kubespec nightly ...`: the features as an Indexed Job on the cluster under test. The bare
 * command renders (or with --apply applies) the Job and its RBAC; `shard` is the Job pods'
 * entrypoint; `collect` gathers and merges the shards' results.
 */
export function addNightlyCommands(program: Command, env: RunEnvironment, exit: (code: number) => void, parseInteger: (flag: string) => (v: string) => number): void {
  const nightly = program
    .command('nightly')
    .description('run the features as an Indexed Job on the cluster under test (prints the manifests; --apply applies them)')
    // `nightly --shards 4` and `nightly shard --shards 4` each own their options.
    .enablePositionalOptions()
    .option('--shards <n>', 'how many pods split the scenarios', parseInteger('--shards'), 4)
    .option('--image <ref>', 'the kubespec image the pods run')
    .option('--namespace <name>', 'where the Job and its results live', 'kubespec-nightly')
    .option('--tags <expression>', 'only scenarios matching this tag expression, e.g. "@portable and not @slow"')
    .option('--run <id>', 'the run id (default: a fresh one)')
    .option('--apply', 'apply the objects to the --context cluster instead of printing them')
    .option('--context <name>', 'kubeconfig context (same allow-list as run --profile live)')
    .action(async (flags: api.NightlyOptions) => {
      const r = await api.nightly(flags, env);
      if (flags.apply) env.stdout.write(`applied ${r.objects.length} objects: nightly run ${r.runId}; collect with: kubespec nightly collect --run ${r.runId}${flags.context ? ` --context ${flags.context}` : ''}\n`);
      else env.stdout.write(r.yaml);
    });

  nightly
    .command('shard')
    .description("a nightly Job pod's entrypoint: run shard JOB_COMPLETION_INDEX+1 of n in-cluster, store the reports as ConfigMaps")
    .requiredOption('--shards <n>', 'how many shards', parseInteger('--shards'))
    .requiredOption('--run <id>', 'the nightly run id')
    .option('--tags <expression>', 'the scenarios of the run')
    .option('--context <name>', 'the cluster: in-cluster (default) or a kubeconfig context')
    .option('--namespace <name>', 'where results go (default: $POD_NAMESPACE)')
    .option('--index <i>', '0-based shard index (default: $JOB_COMPLETION_INDEX)', parseInteger('--index'))
    .action(async (flags: api.ShardOptions) => {
      const { result, configMaps } = await api.nightlyShard(flags, env);
      const c = result.scenarios;
      env.stdout.write(`\nkubespec: shard ${(flags.index ?? Number(env.env.JOB_COMPLETION_INDEX)) + 1}/${flags.shards}: ${c.passed} passed, ${c.failed + c.undefined + c.ambiguous + c.pending} failed, ${c.skipped} skipped; results in ${configMaps.join(', ')}\n`);
      exit(0);
    });

  nightly
    .command('collect')
    .description("gather a nightly run's results from its ConfigMaps and merge them (as merge-results)")
    .requiredOption('--run <id>', 'the nightly run id')
    .option('--namespace <name>', 'where the Job ran', 'kubespec-nightly')
    .option('--context <name>', 'kubeconfig context (same allow-list as run --profile live)')
    .option('--shards <n>', 'refuse unless this many shards have results', parseInteger('--shards'))
    .option('--into <dir>', 'where the merged reports go', 'reports')
    .action(async (flags: { run: string; namespace?: string; context?: string; shards?: number; into?: string }) => {
      const m = await api.nightlyCollect(flags, env);
      env.stdout.write(`collected nightly run ${flags.run}: ${m.shards} shards, ${m.tests} scenarios, ${m.failures} failed, into ${flags.into}\n`);
      exit(m.failures ? 1 : 0);
    });
}
