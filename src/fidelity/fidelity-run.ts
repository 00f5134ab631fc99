import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { readState, referenceContext, referenceDown, referenceUp, type ReferenceClusterState } from '../cluster/reference/reference-cluster.ts';
import { realNodeMissing } from '../cluster/reference/real-node/preflight.ts';
import { realNodeReleaseMissing } from '../cluster/reference/real-node/node-build.ts';
import { containerdLayout, listImages } from '../cluster/reference/real-node/containerd.ts';
import { leftOutForImages, runsInRealNodePass, type RealNodeRun } from './real-node-judging.ts';
import { leftOutOfQuickPass } from './real-node-budget.ts';
import { realNodeCount } from './real-node-count.ts';
import { referenceBuild, type ReferenceBuild } from '../cluster/reference/versions.ts';
import { loadTopology } from '../manifests/topologies.ts';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import { compareRuns, type FidelityReport } from './compare-runs.ts';
import { maskedAlike } from './masked-alike.ts';
import { fidelityTable } from './fidelity-table.ts';
import { readScenarioRecords, type ScenarioRecord } from '../report/scenario-records.ts';

export interface FidelityOptions {
  /** The project whose features run (this repository for the built-in library). */
  cwd: string;
  /** Feature files or folders; default all. */
  paths?: string[];
  /** Narrows the portable scenarios further, e.g. "@workloads". */
  tags?: string;
  /**
   * Worker processes for the reference side's KWOK pass. Namespaces keep scenarios apart, and a
   * parallel live run starts a scenario only beside those it cannot disturb: one that labels,
   * taints or cordons nodes or writes a cluster-scoped object runs alone, and one that describes
   * its cluster as N workers runs only beside those that want the same workers
   * (drivers/live/cluster-footprint.ts). The real-node pass stays serial: its nodes run containers.
   */
  parallel?: number;
  /** Compare the results of the last runs again without running anything (after a simulator fix, with `rerunSimulator`). */
  compareOnly?: boolean;
  /** Run only the simulator side again and compare with the last reference run. */
  rerunSimulator?: boolean;
  /** The reference cluster's release (`1.37`); the simulator side plays the same minor. Default: the reference cluster's default. */
  kubernetesVersion?: string;
  /**
   * Real nodes for the @needs-kubelet pass, each playing one worker of the kind topology: by
   * default all its workers (3), or 1 with `realNodeQuick` (real-node-count.ts); 0 leaves those
   * scenarios not judged. A machine that cannot run them is said so in the report.
   */
  realNodes?: number;
  /** The real-node pass without the scenarios that wait longest in real time (real-node-budget.ts): CI's bounded pass. */
  realNodeQuick?: boolean;
  log: (line: string) => void;
}

/**
 * Runs every @portable scenario on the simulator and on the reference control plane, compares
 * them and writes reports/fidelity.json and reports/fidelity.txt. The reference side is two
 * passes on two shapes of the cluster: everything but @needs-kubelet on KWOK-only nodes, then
 * @needs-kubelet with real nodes playing the topology's workers (realNodePass). Each
 * cluster is brought up if it is not, and the cluster that was up before (or none) is what is
 * left at the end.
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
  const pass = lastRealNodePass(reports, options.cwd);
  const [sim, reference, onRealNode] = maskedAlike([lastRun(reports, 'sim', options.cwd), lastRun(reports, 'reference', options.cwd), pass?.records ?? []], options.cwd);
  const realNode = pass && { ...pass, records: onRealNode! };
  const report = { ...(version ? { version } : {}), ...compareRuns(sim!, reference!, realNode) };
  writeFileSync(join(options.cwd, 'reports', 'fidelity.json'), JSON.stringify(report, null, 2));
  writeFileSync(join(options.cwd, 'reports', 'fidelity.txt'), fidelityTable(report));
  return report;
}

/** The real-node pass's folder under reports/fidelity: its messages and run.json (what it ran on). */
const REAL_NODE_PASS = 'reference-real-node';

function lastRealNodePass(reports: string, cwd: string): { records: ScenarioRecord[]; run?: RealNodeRun } | undefined {
  const dir = join(reports, REAL_NODE_PASS);
  if (!existsSync(join(dir, 'run.json'))) return undefined;
  const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RealNodeRun;
  const messages = join(dir, 'messages.ndjson');
  return { records: !run.missing && existsSync(messages) ? readScenarioRecords(messages, cwd) : [], run };
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
  const before = readState(cacheDir, build);
  const topology = loadTopology('kind', [join(packageRoot, 'scenarios', 'topologies')]);
  const clusterWith = async (realNodes: number): Promise<ReferenceClusterState> => {
    const up = readState(cacheDir, build);
    if (up && (up.realNodes?.length ?? 0) !== realNodes) await referenceDown(cacheDir, build, options.log);
    return referenceUp({
      build,
      moduleDir: join(packageRoot, 'scripts', 'reference-cluster'),
      cacheDir,
      topology: 'kind',
      nodes: topology,
      log: options.log,
      realNodes,
    });
  };
  // The cluster as it was: a fidelity run leaves what it found (and takes down what it started).
  const restore = async () => {
    const now = readState(cacheDir, build);
    if (!before) {
      if (now) await referenceDown(cacheDir, build, options.log);
    } else if (!now || (now.realNodes?.length ?? 0) !== (before.realNodes?.length ?? 0)) {
      await clusterWith(before.realNodes?.length ?? 0);
    }
  };
  try {
    await runSimulator(options, tags, reports, build.kubernetesVersion);
    const onKwok = readScenarioRecords(join(reports, 'sim', 'messages.ndjson'), options.cwd).some((r) => !r.tags.includes('@needs-kubelet'));
    if (onKwok) {
      const state = await clusterWith(0);
      options.log(`reference cluster ${state.version} (KWOK nodes): running ${tags} and not @needs-kubelet (real time: this takes a while)`);
      await runSide(options, [
        '--profile', 'live', '--context', referenceContext, '--tags', `${tags} and not @needs-kubelet`, '--reports', join(reports, 'reference'),
        ...(options.parallel ? ['--parallel', String(options.parallel)] : []),
      ], { KUBECONFIG: state.kubeconfig });
    } else {
      // Only @needs-kubelet was selected: no KWOK pass, and an empty run to compare.
      rmSync(join(reports, 'reference'), { recursive: true, force: true });
      mkdirSync(join(reports, 'reference'), { recursive: true });
      writeFileSync(join(reports, 'reference', 'messages.ndjson'), '');
    }
    await realNodePass(options, tags, reports, build, realNodeCount(options.realNodes, options.realNodeQuick, topology), clusterWith);
    return build.kubernetesVersion;
  } finally {
    await restore();
  }
}

/**
 * The scenarios the simulator ran that need a kubelet (@needs-kubelet) or have a step that
 * observes traffic where a node runs containers (runsInRealNodePass), on the reference cluster
 * with `count` real nodes playing the topology's first workers, serially (the real nodes are shared). Writes run.json beside
 * the pass's messages: the nodes and images it had, what it left out and how long it took, or why
 * there was no pass (the option, or what this machine or release lacks).
 */
async function realNodePass(options: FidelityOptions, tags: string, reports: string, build: ReferenceBuild, count: number, clusterWith: (realNodes: number) => Promise<ReferenceClusterState>): Promise<void> {
  const dir = join(reports, REAL_NODE_PASS);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const write = (run: RealNodeRun) => writeFileSync(join(dir, 'run.json'), JSON.stringify(run, null, 2));
  if (count === 0) return write({ nodes: [], images: [], missing: 'the fidelity run was asked for none (--real-nodes 0)' });
  const lacking = [...(await realNodeMissing(count)), ...[realNodeReleaseMissing(build)].filter((l): l is string => !!l)];
  if (lacking.length) return write({ nodes: [], images: [], missing: lacking.join('; ') });
  const kubelet = readScenarioRecords(join(reports, 'sim', 'messages.ndjson'), options.cwd).filter(runsInRealNodePass);
  if (!kubelet.length) return write({ nodes: [], images: [], missing: 'no @needs-kubelet scenario, nor one that observes traffic, was selected' });
  const state = await clusterWith(count);
  const nodes = state.realNodes ?? [];
  if (!nodes.length) return write({ nodes: [], images: [], missing: `the reference cluster came up without its real node${count === 1 ? '' : 's'} (see the lines above)` });
  const images = [...new Set((await Promise.all(nodes.map((n) => listImages(containerdLayout(n.dir, n.network.netns))))).flat())].sort();
  const leftOut = { ...leftOutForImages(kubelet, images), ...(options.realNodeQuick ? leftOutOfQuickPass(kubelet, nodes.map((n) => n.name)) : {}) };
  const chosen = kubelet.filter((r) => !leftOut[r.id]);
  const started = Date.now();
  if (chosen.length) {
    options.log(`reference cluster ${state.version} (${nodes.map((n) => n.name).join(', ')} real): running ${chosen.length} scenarios that need a kubelet or observe traffic${Object.keys(leftOut).length ? ` (${Object.keys(leftOut).length} left out: images not built offline, or real-node-budget.ts)` : ''} (real time)`);
    // The scenarios by location (`file:line`): the ones the simulator ran, less those left out.
    await runSide({ ...options, paths: chosen.map((r) => r.id) }, ['--profile', 'live', '--context', referenceContext, '--tags', tags, '--reports', dir], { KUBECONFIG: state.kubeconfig });
  }
  write({ nodes: nodes.map((n) => n.name), images, ...(Object.keys(leftOut).length ? { leftOut } : {}), durationMs: Date.now() - started });
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
