import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import type { KubeObject } from '../drivers/driver.ts';
import { checkReachable, loadLiveContext } from '../drivers/live/live-context.ts';
import { RestClient, resourcePath } from '../drivers/live/rest-client.ts';
import { UserError } from '../errors.ts';
import { NIGHTLY_RUN_LABEL, nightlyManifests } from '../nightly/nightly-manifests.ts';
import { packResults, unpackResults } from '../nightly/result-configmaps.ts';
import { runnerRules } from '../nightly/runner-rbac.ts';
import { packageRoot } from '../package-root.ts';
import { ApiError, kindInfo } from '../sim/index.ts';
import { mergeResults, type MergeSummary } from './merge-results.ts';
import { run, type RunResult } from './run.ts';
import type { RunEnvironment } from './run-environment.ts';

export interface NightlyOptions {
  shards?: number;
  image?: string;
  namespace?: string;
  tags?: string;
  /** The run's id (default: a fresh one). */
  run?: string;
  /** Apply the objects to this context's cluster instead of printing them. */
  apply?: boolean;
  context?: string;
}

const DEFAULT_NAMESPACE = 'kubespec-nightly';
const DEFAULT_IMAGE = 'ghcr.io/kubespec/kubespec:latest';

/**
 * `kubespec nightly`: the objects that run the project's features as an Indexed Job on the
 * cluster under test, printed as YAML, or with `apply` applied (server-side) to the context's
 * cluster. The runner's RBAC rules are generated from the features.
 */
export async function nightly(options: NightlyOptions, env: RunEnvironment): Promise<{ runId: string; objects: KubeObject[]; yaml: string }> {
  const shards = options.shards ?? 4;
  if (!Number.isSafeInteger(shards) || shards < 1 || shards > 100) throw new UserError(`--shards must be 1..100, not ${options.shards}`);
  const runId = options.run ?? `n${randomBytes(3).toString('hex')}`;
  if (!/^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$/.test(runId)) throw new UserError(`--run must be a lowercase DNS label of at most 20 characters, not "${runId}"`);
  const features = featureTexts(env.cwd);
  const objects = nightlyManifests({
    runId, shards, image: options.image ?? DEFAULT_IMAGE, namespace: options.namespace ?? DEFAULT_NAMESPACE, tags: options.tags,
    rules: runnerRules(features, manifestTexts(env.cwd, features)),
  });
  if (options.apply) {
    const kc = await loadLiveContext(options.context, env.env);
    await checkReachable(kc);
    const rest = new RestClient(kc);
    for (const o of objects) await applyServerSide(rest, o);
  }
  return { runId, objects, yaml: objects.map((o) => stringify(o, { aliasDuplicateObjects: false })).join('---\n') };
}

export interface ShardOptions {
  shards: number;
  run: string;
  tags?: string;
  /** Where the cluster is: `in-cluster` (the default, in the Job's pod) or a kubeconfig context. */
  context?: string;
  /** The namespace for the result ConfigMaps (default: $POD_NAMESPACE). */
  namespace?: string;
  /** 0-based; default $JOB_COMPLETION_INDEX, as an Indexed Job sets it. */
  index?: number;
}

/**
 * `kubespec nightly shard`: a Job pod's entrypoint. Runs shard index+1 of n of the features on
 * the live profile against the cluster it runs in, then stores the reports as ConfigMaps.
 * Failing scenarios are results, not a failure of the pod.
 */
export async function nightlyShard(options: ShardOptions, env: RunEnvironment): Promise<{ result: RunResult; configMaps: string[] }> {
  const index = options.index ?? Number(env.env.JOB_COMPLETION_INDEX);
  if (!Number.isSafeInteger(index) || index < 0 || index >= options.shards) throw new UserError(`the shard index must be 0..${options.shards - 1} (JOB_COMPLETION_INDEX, set by an Indexed Job), not "${env.env.JOB_COMPLETION_INDEX ?? ''}"`);
  const namespace = options.namespace ?? env.env.POD_NAMESPACE;
  if (!namespace) throw new UserError('the namespace for the results is unknown: set POD_NAMESPACE (the Job does) or pass --namespace');
  const context = options.context ?? 'in-cluster';
  const reports = mkdtempSync(join(tmpdir(), 'kubespec-shard-'));
  const result = await run({ profile: 'live', context, tags: options.tags, shard: `${index + 1}/${options.shards}`, reports, format: 'summary' }, env);
  const rest = new RestClient(await loadLiveContext(context, env.env));
  const configMaps = packResults(reports, options.run, index, namespace);
  for (const cm of configMaps) await replace(rest, cm);
  return { result, configMaps: configMaps.map((c) => c.metadata.name) };
}

/**
 * `kubespec nightly collect`: gathers a run's result ConfigMaps into `<into>/nightly/<run>/`,
 * one folder per shard, and merges them into `<into>` as merge-results does.
 */
export async function nightlyCollect(options: { run: string; namespace?: string; context?: string; into?: string; shards?: number }, env: RunEnvironment): Promise<MergeSummary> {
  const kc = await loadLiveContext(options.context, env.env);
  await checkReachable(kc);
  const rest = new RestClient(kc);
  const list = await rest.request('GET', resourcePath(kindInfo('ConfigMap')!, options.namespace ?? DEFAULT_NAMESPACE), { query: { labelSelector: `${NIGHTLY_RUN_LABEL}=${options.run}` } });
  const configMaps = (list.items ?? []) as KubeObject[];
  if (!configMaps.length) throw new UserError(`no results of nightly run "${options.run}" in namespace ${options.namespace ?? DEFAULT_NAMESPACE} (yet)`);
  const into = resolve(env.cwd, options.into ?? 'reports');
  const folders = unpackResults(configMaps, join(into, 'nightly', options.run));
  if (options.shards !== undefined && folders.length !== options.shards) {
    throw new UserError(`${folders.length} of ${options.shards} shards of nightly run "${options.run}" have results (yet)`);
  }
  return mergeResults(folders, into, env);
}

/** The text of every feature the run would select by default: the project's, else kubespec's own. */
function featureTexts(cwd: string): string[] {
  const dir = existsSync(join(cwd, 'features')) ? join(cwd, 'features') : join(packageRoot, 'features');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.feature')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The manifest files the features apply by name (`manifest "x.yaml" is applied`). */
function manifestTexts(cwd: string, features: readonly string[]): string[] {
  const names = new Set(features.flatMap((t) => [...t.matchAll(/manifest "([^"]+)" is applied/g)].map((m) => m[1]!)));
  return [...names].flatMap((name) => [join(cwd, 'scenarios', 'manifests', name), join(packageRoot, 'scenarios', 'manifests', name)].filter(existsSync).slice(0, 1))
    .map((p) => readFileSync(p, 'utf8'));
}

async function applyServerSide(rest: RestClient, o: KubeObject): Promise<void> {
  const info = kindInfo(o.kind)!;
  await rest.request('PATCH', resourcePath(info, o.metadata.namespace, o.metadata.name), {
    body: o, contentType: 'application/apply-patch+yaml', query: { fieldManager: 'kubespec-nightly', force: true },
  });
}

/** Creates the object, or replaces the one of that name (a retried shard writes its results again). */
async function replace(rest: RestClient, o: KubeObject): Promise<void> {
  const info = kindInfo(o.kind)!;
  try {
    await rest.request('POST', resourcePath(info, o.metadata.namespace), { body: o });
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 409) throw e;
    await rest.request('PUT', resourcePath(info, o.metadata.namespace, o.metadata.name), { body: o });
  }
}
