import { checkReachable, loadLiveContext, servedKinds } from '../drivers/live/live-context.ts';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConfiguration, loadSources, loadSupport, runCucumber, type IRunConfiguration, type IRunEnvironment, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { CheckFailedError, staticCheck, tagExpressionProblem, type StaticCheckResult } from './check.ts';
import { registeredStepSpecs } from '../define-steps.ts';
import { assignShards, parseShard, type Shard } from './shard.ts';
import { loadDriverModule } from '../drivers/custom-driver.ts';
import { readDurations, recordDurations } from './durations.ts';
import { defaultWorkers } from './default-workers.ts';
import { footprintAssignment, footprintSummary } from './live-parallel.ts';
import type { Footprint } from '../drivers/live/cluster-footprint.ts';
import type { LongestFirstOptions } from './longest-first.ts';
import { UnsyncedAllureWriter } from '../report/unsynced-allure-writer.ts';
import { maskSecretsInReports } from '../report/mask-reports.ts';
import type { Envelope, GherkinDocument, Pickle, TestCase } from '@cucumber/messages';
import { cucumberConfig } from '../../support/cucumber-config.mjs';
import { allSteps } from '../../steps/index.ts';
import { UserError } from '../errors.ts';
import { handToSupportCode } from '../environment.ts';
import { chooseKubernetesVersion, liveVersionMismatch, minorOfVersionInfo } from '../kubernetes-version-choice.ts';
import { stepPlace } from '../gherkin/step-place.ts';
import type { RunEnvironment } from './run-environment.ts';
import { suggestSteps } from './suggest-steps.ts';
import { ASSUMPTIONS_ATTACHMENT, assumptionSummary } from '../report/assumption-report.ts';
import { NOT_APPLICABLE_ATTACHMENT, notApplicableSummary } from '../report/not-applicable-report.ts';

/** Cucumber imports its plugins by specifier (api/plugins.js); the TypeScript loader is registered by then. */
const LONGEST_FIRST_PLUGIN = new URL('./longest-first.ts', import.meta.url).href;

export interface RunOptions {
  /** Feature files or folders; default: features/ of the project. */
  paths?: string[];
  profile?: 'sim' | 'live';
  /** The kubeconfig context of a live run (default: the current one; see live-context.ts). */
  context?: string;
  /** A Cucumber tag expression, e.g. "@workloads and not @slow". */
  tags?: string;
  seed?: number;
  parallel?: number;
  /** The console formatter: progress (default), pretty, summary. */
  format?: string;
  /** Where reports go; default reports/ of the project. */
  reports?: string;
  /** A driver module of the team's (path from the project root), instead of the built-in ones. */
  driver?: string;
  /** Run only this shard of the scenarios, e.g. "2/4" (balanced by the durations of earlier runs). */
  shard?: string;
  /** Fail a passing scenario that rests on something the simulator assumed (README "Assumptions"). */
  strict?: boolean;
  /** Let each scenario's objects come to rest before the report's final state (the fidelity run's comparison). */
  settle?: boolean;
  /** Selecting no scenario is fine (else a usage error: a typo in a path or a tag selects nothing). */
  allowEmpty?: boolean;
  /**
   * The Kubernetes minor the simulator plays ("1.37", the default; src/kube/kubernetes-versions.ts).
   * On a live run the cluster's own version counts, and a different value here is refused.
   */
  kubernetesVersion?: string;
}

export interface ScenarioCounts {
  passed: number;
  failed: number;
  skipped: number;
  undefined: number;
  ambiguous: number;
  pending: number;
}

export interface RunResult {
  ok: boolean;
  scenarios: ScenarioCounts;
  /** Undefined steps with where they are and the closest steps of the vocabulary. */
  undefinedSteps: Array<{ text: string; place: string; suggestions: string[] }>;
  /** "N scenarios rest on M assumptions …", when any does. */
  assumptions?: string;
  /** The scenarios that did not run because the driver lacks a capability, with why. */
  notApplicable?: string;
  /** The Kubernetes version the run ran on: the simulated release, or the live cluster's gitVersion. */
  kubernetesVersion: string;
}

/**
 * Runs features on a profile and writes the reports (Allure results, JUnit XML) under the
 * project's reports/, cleaned first. Never exits the process; the CLI decides the code.
 */
export async function run(options: RunOptions, env: RunEnvironment): Promise<RunResult> {
  // A bad --shard is a usage error of its own, before anything is loaded.
  const shard = options.shard ? parseShard(options.shard) : undefined;
  const { runConfiguration, cucumberEnv, library, reports, kubernetesVersion } = await prepare(options, env);
  // `kubespec check` first (issue 27): a problem found statically runs nothing.
  // What each scenario reaches beyond its namespace, for a parallel live run (live-parallel.ts).
  const footprints = options.profile === 'live' ? new Map<string, Footprint | undefined>() : undefined;
  const verdict = await checkPrepared(runConfiguration, cucumberEnv, library, options, env, footprints);
  if (verdict.problems.length) throw new CheckFailedError(verdict.problems);
  rmSync(join(reports, 'allure-results'), { recursive: true, force: true });
  rmSync(join(reports, 'junit.xml'), { force: true });
  rmSync(join(reports, 'messages.ndjson'), { force: true });
  mkdirSync(join(reports, 'allure-results'), { recursive: true });
  let selected = verdict.scenarios;
  if (shard) {
    const mine = await shardScenarios(runConfiguration, cucumberEnv, shard, reports, env.cwd);
    // An empty shard runs nothing (an empty path list would mean "all features").
    if (!mine.length) return { ok: true, scenarios: new Tally().counts(), undefinedSteps: [], kubernetesVersion };
    runConfiguration.sources.paths = mine.map((id) => join(env.cwd, id));
    selected = mine.length;
  }
  if (options.parallel === undefined) runConfiguration.runtime.parallel = defaultWorkers(options.profile ?? 'sim', selected);
  // Workers take scenarios in turn: the long ones go first, so none is left to run alone at the end.
  if (runConfiguration.runtime.parallel > 1) {
    const durations = { ...readDurations(join(env.cwd, 'reports')), ...readDurations(reports) };
    runConfiguration.plugins = { specifiers: [LONGEST_FIRST_PLUGIN], options: { longestFirst: { durations, projectRoot: env.cwd } satisfies LongestFirstOptions } };
  }
  // A live cluster is shared: scenarios that change what every scenario sees run alone.
  let support = library;
  if (footprints && runConfiguration.runtime.parallel > 1) {
    // The loaded library holds the rule support code sets with setParallelCanAssign (Cucumber's
    // SupportCodeLibrary, not in its public type): ours is added to it, for this run only.
    const own = (library as unknown as { parallelCanAssign: Parameters<typeof footprintAssignment>[2] }).parallelCanAssign;
    support = { ...library, parallelCanAssign: footprintAssignment(footprints, env.cwd, own) } as ISupportCodeLibrary;
    env.stderr.write(`${footprintSummary(footprints, env.cwd, runConfiguration.runtime.parallel)}\n`);
  }
  const tally = new Tally();
  const { success } = await runCucumber({ ...runConfiguration, support }, cucumberEnv, (m) => tally.add(m));
  recordDurations(reports, env.cwd);
  maskSecretsInReports(reports);
  const assumptions = assumptionSummary(tally.assumptions());
  const notApplicable = notApplicableSummary(tally.notApplicable());
  const result: RunResult = { ok: success, scenarios: tally.counts(), undefinedSteps: tally.undefinedSteps(env.cwd), kubernetesVersion, ...(assumptions ? { assumptions } : {}), ...(notApplicable ? { notApplicable } : {}) };
  return result;
}

/** The Cucumber configuration of a run or a check, with its support code loaded once. */
async function prepare(options: RunOptions, env: RunEnvironment) {
  const profile = options.profile ?? 'sim';
  if (profile !== 'sim' && profile !== 'live') throw new UserError(`unknown profile "${profile}" (use sim or live)`);
  // A bad --kubernetes-version is refused before anything runs (exit 2).
  const simulated = chooseKubernetesVersion(options.kubernetesVersion);
  // The version tags judge scenarios against this minor; reports show the gitVersion.
  let kubernetesVersion = simulated.gitVersion;
  let versionMinor: string = simulated.minor;
  // Refuse an unknown or disallowed context before any scenario starts.
  if (profile === 'live') {
    const kc = await loadLiveContext(options.context, env.env);
    // A driver module talks to its cluster its own way; the built-in one must reach this one.
    const info = options.driver ? undefined : await checkReachable(kc);
    // The cluster's version is what it is: a run naming another minor is refused, not run.
    const mismatch = info && options.kubernetesVersion !== undefined ? liveVersionMismatch(simulated, info, kc.getCurrentContext()) : undefined;
    if (mismatch) throw mismatch;
    const minor = info ? minorOfVersionInfo(info) : undefined;
    kubernetesVersion = info?.gitVersion ?? (options.kubernetesVersion !== undefined ? simulated.gitVersion : 'unknown');
    versionMinor = minor ?? (options.kubernetesVersion !== undefined ? simulated.minor : '');
  }
  const driverModule = options.driver ? resolve(env.cwd, options.driver) : undefined;
  // A missing module, or a driver lacking methods, is refused here, before any scenario.
  if (driverModule) (await loadDriverModule(driverModule))({ profile, seed: options.seed ?? 1, context: options.context, projectRoot: env.cwd });
  // Support code reads the profile at load time (step timeouts), before any world exists.
  handToSupportCode({ profile, ...(driverModule ? { driverModule } : {}) });
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError(`--seed must be a non-negative integer, not "${options.seed}"`);
  const reports = options.reports ? resolve(env.cwd, options.reports) : join(env.cwd, 'reports');
  const provided = cucumberConfig({
    profile,
    projectRoot: env.cwd,
    seed,
    paths: options.paths?.map((p) => featurePath(env.cwd, p)),
    tags: options.tags,
    parallel: options.parallel,
    format: options.format,
    context: options.context,
    reports,
    strict: options.strict,
    settle: options.settle,
    kubernetesVersion: versionMinor,
    kubernetesGitVersion: kubernetesVersion,
  });
  const cucumberEnv = { cwd: env.cwd, stdout: env.stdout, stderr: env.stderr, env: env.env };
  const { runConfiguration } = await loadConfiguration({ file: false, provided: provided as any }, cucumberEnv);
  // Set after loading: the configuration loader would copy an instance into a plain object.
  (runConfiguration.formats.options as Record<string, unknown>).writer = new UnsyncedAllureWriter(join(reports, 'allure-results'));
  const library = await loadSupport({ sources: runConfiguration.sources, support: runConfiguration.support }, cucumberEnv);
  return { runConfiguration, cucumberEnv, library, reports, kubernetesVersion };
}

/** The static pass over the run's selection (src/api/check.ts). */
async function checkPrepared(config: IRunConfiguration, environment: IRunEnvironment, library: ISupportCodeLibrary, options: RunOptions, env: RunEnvironment, footprints?: Map<string, Footprint | undefined>): Promise<StaticCheckResult> {
  const badTags = tagExpressionProblem(options.tags);
  if (badTags) return { problems: [badTags], scenarios: 0, files: 0 };
  const { plan } = await loadSources(config.sources, environment);
  // On a live cluster a custom resource's kind comes from the cluster's discovery; a team's
  // driver module reaches its cluster its own way, so there any kind may exist.
  let served: readonly string[] | 'any' | undefined;
  if (options.profile === 'live') served = options.driver ? 'any' : (await servedKinds(await loadLiveContext(options.context, env.env))) ?? 'any';
  const specs = [...new Set([...allSteps, ...registeredStepSpecs()])];
  return staticCheck({
    cwd: env.cwd,
    paths: config.sources.paths,
    selected: new Set(plan.map((p) => `${resolve(env.cwd, p.uri)}:${p.location.line}`)),
    library,
    specs,
    tags: options.tags,
    allowEmpty: options.allowEmpty,
    servedKinds: served,
    footprints,
  });
}

/**
 * `kubespec check`: the static pass alone, over the same selection `run` would make with these
 * options. Executes nothing; returns the problems (none: the features are fit to run).
 */
export async function checkFeatures(options: RunOptions, env: RunEnvironment): Promise<StaticCheckResult> {
  const { runConfiguration, cucumberEnv, library } = await prepare(options, env);
  return checkPrepared(runConfiguration, cucumberEnv, library, options, env);
}

/** This shard's scenario ids, from the whole selection and the durations earlier runs recorded. */
async function shardScenarios(config: IRunConfiguration, environment: IRunEnvironment, shard: Shard, reports: string, cwd: string): Promise<string[]> {
  const { plan } = await loadSources(config.sources, environment);
  const durations = { ...readDurations(join(cwd, 'reports')), ...readDurations(reports) };
  const ids = plan.map((p) => `${relative(cwd, resolve(cwd, p.uri))}:${p.location.line}`);
  return assignShards(ids.map((id) => ({ id, expectedMs: durations[id] })), shard.total)[shard.index - 1]!;
}

/** A feature path (optionally with `:line`) resolved against the project; a missing one is a usage error. */
function featurePath(cwd: string, path: string): string {
  const full = resolve(cwd, path);
  const file = full.replace(/(:\d+)+$/, '');
  if (!existsSync(file)) throw new UserError(`feature path "${path}" does not exist`);
  // Cucumber takes a path with an extension for a file (paths.js: extname), so a folder named
  // `my.features/` would be read as one (EISDIR): name its feature files as a glob instead.
  if (statSync(file).isDirectory()) return join(file, '**', '*.feature');
  return full;
}

/** Reads the Cucumber message stream: each scenario's final status, and undefined steps. */
class Tally {
  private readonly pickles = new Map<string, Pickle>();
  private readonly documents = new Map<string, GherkinDocument>();
  private readonly testCases = new Map<string, TestCase>();
  private readonly started = new Map<string, string>();
  private readonly worst = new Map<string, string>();
  private readonly undefinedStepIds: Array<{ testCaseId: string; testStepId: string }> = [];
  /** Each scenario attempt's assumptions attachment, by testCaseStarted id. */
  private readonly assumptionTexts = new Map<string, string>();
  /** Each scenario attempt that its driver could not run, with the reason, by testCaseStarted id. */
  private readonly notApplicableReasons = new Map<string, string>();

  add(m: Envelope): void {
    if (m.gherkinDocument?.uri) this.documents.set(m.gherkinDocument.uri, m.gherkinDocument);
    if (m.pickle) this.pickles.set(m.pickle.id, m.pickle);
    if (m.testCase) this.testCases.set(m.testCase.id, m.testCase);
    if (m.testCaseStarted) this.started.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
    if (m.testStepFinished) {
      const testCaseId = this.started.get(m.testStepFinished.testCaseStartedId)!;
      const status = m.testStepFinished.testStepResult.status;
      const previous = this.worst.get(m.testStepFinished.testCaseStartedId) ?? 'PASSED';
      if (rank(status) > rank(previous)) this.worst.set(m.testStepFinished.testCaseStartedId, status);
      else this.worst.set(m.testStepFinished.testCaseStartedId, previous);
      if (status === 'UNDEFINED') this.undefinedStepIds.push({ testCaseId, testStepId: m.testStepFinished.testStepId });
    }
    if (m.attachment?.fileName === ASSUMPTIONS_ATTACHMENT && m.attachment.testCaseStartedId) {
      this.assumptionTexts.set(m.attachment.testCaseStartedId, attachmentText(m.attachment));
    }
    if (m.attachment?.fileName === NOT_APPLICABLE_ATTACHMENT && m.attachment.testCaseStartedId) {
      this.notApplicableReasons.set(m.attachment.testCaseStartedId, attachmentText(m.attachment));
    }
    if (m.testCaseFinished?.willBeRetried) {
      this.worst.delete(m.testCaseFinished.testCaseStartedId);
      this.assumptionTexts.delete(m.testCaseFinished.testCaseStartedId);
      this.notApplicableReasons.delete(m.testCaseFinished.testCaseStartedId);
    }
  }

  assumptions(): string[] {
    return [...this.assumptionTexts.values()];
  }

  notApplicable(): Array<{ scenario: string; reason: string }> {
    return [...this.notApplicableReasons].map(([startedId, reason]) => {
      const pickle = this.pickles.get(this.testCases.get(this.started.get(startedId)!)!.pickleId)!;
      return { scenario: `${pickle.uri}: ${pickle.name}`, reason };
    });
  }

  counts(): ScenarioCounts {
    const c: ScenarioCounts = { passed: 0, failed: 0, skipped: 0, undefined: 0, ambiguous: 0, pending: 0 };
    for (const status of this.worst.values()) c[status.toLowerCase() as keyof ScenarioCounts] = (c[status.toLowerCase() as keyof ScenarioCounts] ?? 0) + 1;
    return c;
  }

  undefinedSteps(cwd: string): RunResult['undefinedSteps'] {
    const seen = new Set<string>();
    const out: RunResult['undefinedSteps'] = [];
    for (const { testCaseId, testStepId } of this.undefinedStepIds) {
      const testCase = this.testCases.get(testCaseId)!;
      const pickle = this.pickles.get(testCase.pickleId)!;
      const pickleStepId = testCase.testSteps.find((s) => s.id === testStepId)?.pickleStepId;
      const step = pickle.steps.find((s) => s.id === pickleStepId);
      if (!step) continue;
      const doc = this.documents.get(pickle.uri);
      const place = doc ? stepPlace(doc, step.astNodeIds[0]!) : undefined;
      const where = place ? `${place.uri}:${place.line}` : pickle.uri;
      if (seen.has(where)) continue;
      seen.add(where);
      out.push({ text: step.text, place: where.startsWith(cwd) ? where.slice(cwd.length + 1) : where, suggestions: suggestSteps(step.text, allSteps) });
    }
    return out;
  }
}

function attachmentText(attachment: { body: string; contentEncoding: string }): string {
  return attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
}

const order = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];
function rank(status: string): number {
  return Math.max(0, order.indexOf(status));
}

