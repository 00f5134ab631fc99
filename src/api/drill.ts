import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import { SeededRandom } from '../sim/rng.ts';
import { loadLiveContext } from '../drivers/live/live-context.ts';
import { drillDomains, drillFolders, findDrill, listDrills, type Drill } from '../drills/drill.ts';
import { prepareDrill, resetDrills } from '../drills/prepare.ts';
import { gradeDrill, type RequirementVerdict } from '../drills/grade.ts';
import { serve } from './serve.ts';
import type { ServedCluster } from '../serve/served-cluster.ts';
import type { RunEnvironment } from './run-environment.ts';

/**
 * What `kubespec drill start` leaves for `check` and `reset`: which drills, on which cluster,
 * and since when (wall time: an exam timer is about the learner's clock, not the simulator's).
 */
export interface DrillSession {
  drills: string[];
  kubeconfig?: string;
  context?: string;
  startedAt: string;
  minutes: number;
}

export interface DrillStartOptions {
  /** Use this live context instead of serving a simulated cluster. */
  context?: string;
  topology?: string;
  port?: number;
  speed?: number;
  seed?: number;
  kubeconfig?: string;
  /** The Kubernetes minor the simulated cluster plays (default the newest maintained); refused with a live context. */
  kubernetesVersion?: string;
}

export interface DrillGrade {
  drill: Drill;
  requirements: RequirementVerdict[];
}

export function drills(env: RunEnvironment, domain?: string): Drill[] {
  if (domain && !drillDomains.includes(domain as never)) throw new UserError(`unknown domain "${domain}" (domains: ${drillDomains.join(', ')})`);
  return listDrills(drillFolders(env.cwd, packageRoot), env.cwd).filter((d) => !domain || d.domain === domain);
}

export function drill(id: string, env: RunEnvironment): Drill {
  return findDrill(id, drillFolders(env.cwd, packageRoot), env.cwd);
}

/** `drill exam`: `count` drills drawn with the seed, one per domain in turn so every domain shows up. */
export function pickExam(env: RunEnvironment, count: number, seed: number, domain?: string): Drill[] {
  if (!Number.isInteger(count) || count < 1) throw new UserError(`--count must be a positive whole number, not "${count}"`);
  const random = new SeededRandom(seed);
  const byDomain = drillDomains.map((d) => shuffle(drills(env, domain).filter((x) => x.domain === d), random)).filter((list) => list.length);
  const picked: Drill[] = [];
  for (let round = 0; picked.length < count && byDomain.some((list) => list.length > round); round++) {
    for (const list of byDomain) if (list[round] && picked.length < count) picked.push(list[round]!);
  }
  return picked;
}

/**
 * `drill start`: serves a simulated cluster (or takes an allowed live context), applies the
 * drills' setups and records the session. The caller prints the tasks and, for a served cluster,
 * keeps it running until Ctrl-C.
 */
export async function startDrills(ids: string[], options: DrillStartOptions, env: RunEnvironment): Promise<{ session: DrillSession; drills: Drill[]; served?: ServedCluster }> {
  const chosen = ids.map((id) => drill(id, env));
  clashingNamespaces(chosen);
  let served: ServedCluster | undefined;
  let kubeconfig: string | undefined;
  if (options.context && options.kubernetesVersion !== undefined) {
    throw new UserError(`--kubernetes-version ${options.kubernetesVersion} chooses the version of a simulated cluster; context "${options.context}" runs its own version`);
  }
  if (!options.context) {
    const started = await serve({ topology: options.topology, port: options.port ?? 0, speed: options.speed, seed: options.seed, kubeconfig: options.kubeconfig, kubernetesVersion: options.kubernetesVersion }, env);
    served = started.served;
    kubeconfig = started.kubeconfig;
  }
  try {
    const kc = await loadLiveContext(options.context, env.env, kubeconfig);
    for (const d of chosen) await prepareDrill(kc, d);
  } catch (e) {
    await served?.stop();
    throw e;
  }
  const session: DrillSession = { drills: chosen.map((d) => d.id), kubeconfig, context: options.context, startedAt: new Date().toISOString(), minutes: chosen.reduce((sum, d) => sum + d.minutes, 0) };
  writeSession(env, session);
  return { session, drills: chosen, served };
}

/** `drill check`: grades the given drills (default: the session's) on the session's cluster. */
export async function checkDrills(ids: string[], target: { kubeconfig?: string; context?: string }, env: RunEnvironment): Promise<{ grades: DrillGrade[]; session?: DrillSession }> {
  const session = readSession(env);
  const chosen = (ids.length ? ids : session?.drills ?? []).map((id) => drill(id, env));
  if (!chosen.length) throw new UserError('no drill to check: name one (`kubespec drill check <id>`) or start one first (`kubespec drill start <id>`)');
  const where = targetOf(target, session, env);
  const grades: DrillGrade[] = [];
  for (const d of chosen) grades.push({ drill: d, requirements: await gradeDrill(d, where, env, join(env.cwd, 'reports', 'drills', d.id)) });
  return { grades, session };
}

/** `drill reset`: the drills (default: the session's) back to their starting state. */
export async function resetDrillsCommand(ids: string[], target: { kubeconfig?: string; context?: string }, env: RunEnvironment): Promise<{ drills: Drill[]; cluster: 'served' | 'live' }> {
  const session = readSession(env);
  const chosen = (ids.length ? ids : session?.drills ?? []).map((id) => drill(id, env));
  if (!chosen.length) throw new UserError('no drill to reset: name one, or start one first (`kubespec drill start <id>`)');
  const where = targetOf(target, session, env);
  // A served cluster starts over as a whole: every drill of the session comes back, not just these.
  const all = session ? [...new Set([...chosen.map((d) => d.id), ...session.drills])].map((id) => drill(id, env)) : chosen;
  const cluster = await resetDrills(await loadLiveContext(where.context, env.env, where.kubeconfig), all);
  if (session) writeSession(env, { ...session, startedAt: new Date().toISOString() });
  return { drills: chosen, cluster };
}

/** The task as an exam shows it, with what the learner needs to start. */
export function renderTask(d: Drill, index?: { n: number; of: number }): string {
  const heading = index ? `Task ${index.n} of ${index.of}: ` : '';
  return [
    `${heading}${d.title}  [${d.id}]`,
    `domain ${d.domain} · ${d.difficulty} · ${d.minutes} min · namespace ${d.namespace}`,
    '',
    d.task.trim(),
    '',
    d.hints.length ? `(${d.hints.length} hint${d.hints.length > 1 ? 's' : ''}: kubespec drill hints ${d.id})` : '',
  ].filter((line, i, all) => line || all[i - 1]).join('\n');
}

/** The grading as the learner reads it: each requirement, what was wrong, and the score. */
export function renderGrades(grades: DrillGrade[], session: DrillSession | undefined, now: Date): string {
  const lines: string[] = [];
  let passed = 0;
  let total = 0;
  for (const { drill: d, requirements } of grades) {
    const ok = requirements.filter((r) => r.passed).length;
    passed += ok;
    total += requirements.length;
    lines.push(`${d.id}: ${d.title} — ${ok}/${requirements.length}`);
    for (const r of requirements) {
      lines.push(`  ${r.passed ? '✓' : '✗'} ${r.name}`);
      if (r.passed) continue;
      if (r.expected) lines.push(`      expected: ${r.expected}`);
      if (r.message) lines.push(...r.message.split('\n').map((l, i) => `      ${i === 0 ? 'found:    ' : '          '}${l}`));
    }
  }
  const score = total ? Math.round((passed / total) * 100) : 0;
  lines.push('', `score: ${passed}/${total} requirements (${score}%)`);
  if (session && grades.length > 1) {
    const used = Math.round((now.getTime() - Date.parse(session.startedAt)) / 60_000);
    lines.push(`time: ${used} of ${session.minutes} minutes${used > session.minutes ? ` (over by ${used - session.minutes})` : ''}`);
  }
  return lines.join('\n') + '\n';
}

function targetOf(given: { kubeconfig?: string; context?: string }, session: DrillSession | undefined, env: RunEnvironment): { kubeconfig?: string; context?: string } {
  if (given.kubeconfig || given.context) return { kubeconfig: given.kubeconfig && resolve(env.cwd, given.kubeconfig), context: given.context };
  if (session) {
    if (session.kubeconfig && !existsSync(session.kubeconfig)) throw new UserError(`the drill session's kubeconfig ${session.kubeconfig} is gone: start the drill again`);
    return { kubeconfig: session.kubeconfig, context: session.context };
  }
  throw new UserError('no drill session here: start one (`kubespec drill start <id>`), or pass --kubeconfig or --context');
}

function sessionFile(env: RunEnvironment): string {
  return join(env.cwd, 'reports', 'drill-session.json');
}

function writeSession(env: RunEnvironment, session: DrillSession): void {
  mkdirSync(dirname(sessionFile(env)), { recursive: true });
  writeFileSync(sessionFile(env), JSON.stringify(session, null, 2) + '\n');
}

function readSession(env: RunEnvironment): DrillSession | undefined {
  const file = sessionFile(env);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DrillSession;
  } catch {
    throw new UserError(`${relative(env.cwd, file)} is not a drill session: delete it and start the drill again`);
  }
}

/** Drills sharing a namespace cannot run in one exam: their objects would mix. */
function clashingNamespaces(chosen: Drill[]): void {
  const owner = new Map<string, string>();
  for (const d of chosen) {
    const other = owner.get(d.namespace);
    if (other) throw new UserError(`drills "${other}" and "${d.id}" both use namespace "${d.namespace}"; run them one at a time`);
    owner.set(d.namespace, d.id);
  }
}

function shuffle<T>(items: T[], random: SeededRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
