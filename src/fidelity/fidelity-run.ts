import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { readState, referenceContext, referenceDown, referenceUp } from '../cluster/reference/reference-cluster.ts';
import { referenceBuild, type ReferenceBuild } from '../cluster/reference/versions.ts';
import { loadTopology } from '../manifests/topologies.ts';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import { compareRuns, type FidelityReport } from './compare-runs.ts';
import { fidelityTable } from './fidelity-table.ts';
import { readScenarioRecords } from '../report/scenario-records.ts';

export interface FidelityOptions {
  /** The project whose features run (this repository for the built-in library). */
  cwd: string;
  /** Feature files or folders; default all. */
  paths?: string[];
  /** Narrows the portable scenarios further, e.g. "@workloads". */
  tags?: string;
  /**
   * Worker processes for the reference side. Namespaces keep scenarios apart, but node tables
   * label, taint and fence the shared nodes, so scenarios that describe their nodes can disturb
   * each other in parallel: serial (the default) is the trustworthy measurement.
   */
  parallel?: number;
  /** Compare the results of the last runs again without running anything (after a simulator fix, with `rerunSimulator`). */
  compareOnly?: boolean;
  /** Run only the simulator side again and compare with the last reference run. */
  rerunSimulator?: boolean;
  /** The reference cluster's release (`1.37`); the simulator side plays the same minor. Default: the reference cluster's default. */
  kubernetesVersion?: string;
  log: (line: string) => void;
}

/**
 * Runs every @portable scenario on the simulator and on the reference control plane (brought up
 * if it is not, and taken down again then), compares them and writes reports/fidelity.json and
 * reports/fidelity.txt.
 */
export async function fidelityRun(options: FidelityOptions): Promise<FidelityReport> {
  const cacheDir = join(options.cwd, '.cache', 'reference-cluster');
  const build = referenceBuild(options.kubernetesVersion);
  const reports = join(options.cwd, 'reports', 'fidelity');
  mkdirSync(reports, { recursive: true });
  const tags = options.tags ? `@portable and (${options.tags})` : '@portable';
  let ran: string | undefined;
  if (options.rerunSimulator) await runSimulator(options, tags, reports, readState(cacheDir, build)?.version ?? lastVersion(options.cwd));
  else if (!options.compareOnly) ran = await runBoth(options, tags, reports, cacheDir, build);
  // The release just compared with, even if its cluster went down again after the run.
  const version = ran ?? readState(cacheDir, build)?.version ?? (options.kubernetesVersion ? build.kubernetesVersion : lastVersion(options.cwd));
  const report = { ...(version ? { version } : {}), ...compareRuns(lastRun(reports, 'sim', options.cwd), lastRun(reports, 'reference', options.cwd)) };
  writeFileSync(join(options.cwd, 'reports', 'fidelity.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(options.cwd, 'reports', 'fidelity.txt'), fidelityTable(report));
  return report;
}

/** The version the last fidelity report named (a --compare-only run after the cluster went down). */
function lastVersion(cwd: string): string | undefined {
  const file = join(cwd, 'reports', 'fidelity.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
}

function lastRun(reports: string, side: 'sim' | 'reference', cwd: string) {
  const file = join(reports, side, 'messages.ndjson');
  if (!existsSync(file)) throw new UserError(`no ${side === 'sim' ? 'simulator' : 'reference cluster'} run to compare (${file}); run \`kubespec fidelity\` first`);
  return readScenarioRecords(file, cwd);
}

async function runSimulator(options: FidelityOptions, tags: string, reports: string, referenceVersion: string | undefined): Promise<void> {
  const version = simulatorVersionArgs(referenceVersion);
  options.log(`simulator${version.length ? ` as Kubernetes ${version[1]}` : ''}: running ${tags}`);
  await runSide(options, ['--profile', 'sim', ...version, '--tags', tags, '--reports', join(reports, 'sim')], {});
}

/**
 * The simulator side plays the reference cluster's minor (`v1.32.5` → `--kubernetes-version
 * 1.32`): the comparison is of one release on both sides. Without a known reference version the
 * simulator runs its default.
 */
export function simulatorVersionArgs(referenceVersion: string | undefined): string[] {
  const m = referenceVersion && /^v?(\d+)\.(\d+)/.exec(referenceVersion);
  return m ? ['--kubernetes-version', `${m[1]}.${m[2]}`] : [];
}

/** Both sides; returns the reference cluster's version. */
async function runBoth(options: FidelityOptions, tags: string, reports: string, cacheDir: string, build: ReferenceBuild): Promise<string> {
  const startedHere = !readState(cacheDir, build);
  const state = await referenceUp({
    build,
    moduleDir: join(packageRoot, 'scripts', 'reference-cluster'),
    cacheDir,
    topology: 'kind',
    nodes: loadTopology('kind', [join(packageRoot, 'scenarios', 'topologies')]),
    log: options.log,
  });
  try {
    await runSimulator(options, tags, reports, state.version);
    options.log(`reference cluster ${state.version}: running ${tags} (real time: this takes a while)`);
    await runSide(options, [
      '--profile', 'live', '--context', referenceContext, '--tags', `${tags} and not @needs-kubelet`, '--reports', join(reports, 'reference'),
      ...(options.parallel ? ['--parallel', String(options.parallel)] : []),
    ], { KUBECONFIG: state.kubeconfig });
  } finally {
    if (startedHere) await referenceDown(cacheDir, build);
  }
  return state.version;
}

/** One side in its own process: Cucumber loads support code once per process and profile. */
async function runSide(options: FidelityOptions, args: string[], env: Record<string, string>): Promise<void> {
  // Both sides settle before their final state is recorded: the comparison is of where each
  // cluster comes to rest, not of where it was when the last step ended (KWOK starts pods at once).
  const result = await execa('node', [join(packageRoot, 'bin', 'kubespec.mjs'), 'run', '--format', 'summary', '--settle', ...args, ...(options.paths ?? [])], {
    cwd: options.cwd,
    env, // added to this process's environment (execa's extendEnv)
    stdout: 'ignore',
    stderr: 'inherit',
    // A failed scenario is a verdict to compare, not a failure of the fidelity run.
    reject: false,
  });
  if (result.exitCode !== 0 && result.exitCode !== 1) throw new UserError(`kubespec run ${args.join(' ')} could not run (exit ${result.exitCode})`);
}
