import type { ScenarioRecord } from '../report/scenario-records.ts';
import { normalizedImage } from '../sim/kubelet/image-reference.ts';
import { TRAFFIC_PROBES_ATTACHMENT } from '../report/traffic-probes.ts';
import { whyNotBuilt } from '../cluster/reference/real-node/unbuildable-images.ts';

/**
 * Whether the real-node pass runs a scenario (chosen by its simulator run): @needs-kubelet, or a
 * scenario with a step that observes traffic where a node runs containers (issue 31: DNS, Service
 * and reachability steps list themselves in the traffic probes attachment). On the KWOK-only
 * cluster those steps keep their model, so such a scenario is judged only on the real node.
 */
export function runsInRealNodePass(sim: ScenarioRecord): boolean {
  return sim.tags.includes('@needs-kubelet') || observesTraffic(sim);
}

/** A scenario with a step that observes traffic where a node runs containers (its traffic probes attachment). */
export function observesTraffic(record: ScenarioRecord): boolean {
  return record.attachments[TRAFFIC_PROBES_ATTACHMENT] !== undefined;
}

/** Why a scenario the real-node pass should have run has no result from it. */
export function notRunOnRealNode(id: string, run: RealNodeRun | undefined): string {
  if (!run || run.missing) return `this run had no real node: ${run?.missing ?? 'the real-node pass did not run'}`;
  return run.leftOut?.[id] ?? 'the real-node pass has no result for it';
}

/**
 * What the fidelity run's real-node pass ran on (written beside its messages as run.json, so a
 * `--compare-only` judges the same way): the reference cluster's real nodes by the topology
 * names they play, and the images they hold. `missing` says why there was no pass: then every
 * @needs-kubelet scenario stays not judged with that reason.
 */
export interface RealNodeRun {
  nodes: string[];
  images: string[];
  missing?: string;
  /** Scenarios the pass left out on purpose (a time budget), by id, with the reason. */
  leftOut?: Record<string, string>;
  /** How long the pass took, wall time. */
  durationMs?: number;
}

/** Where a scenario's reference verdict came from. */
export type JudgedOn = 'KWOK' | 'real node' | 'real node and KWOK';

export type RealNodeJudgement = { judgedOn: JudgedOn } | { notJudged: string };

/**
 * Whether a @needs-kubelet scenario's run on the real-node cluster can be compared with the
 * simulator, and on what it ran. Not judged, each with what is missing: no real-node pass (and
 * why), a scenario the pass left out, an image the real node does not have (the kubelet failed to
 * pull one the simulator's kubelet pulled), and a disagreement where the scenario's pods ran on
 * KWOK workers too (KWOK runs no container; this cluster has fewer real workers than the scenario
 * has workers). An agreement with pods on KWOK workers is judged "on real node and KWOK".
 */
export function judgeOnRealNode(id: string, sim: ScenarioRecord, real: ScenarioRecord | undefined, run: RealNodeRun | undefined, verdictsAgree: (real: ScenarioRecord) => boolean): RealNodeJudgement {
  if (!run || run.missing) return { notJudged: `needs a real kubelet, and this run had no real node: ${run?.missing ?? 'the real-node pass did not run'}` };
  const leftOut = run.leftOut?.[id];
  if (leftOut) return { notJudged: leftOut };
  if (!real) return { notJudged: 'needs a real kubelet: the real-node pass has no result for it' };
  const missing = imagesNotPulled(real, sim, run.images);
  if (missing.length) return { notJudged: notBuiltOffline(missing, run.images) };
  const kwok = kwokWorkersUsed(real, run.nodes);
  if (!kwok.length) return { judgedOn: 'real node' };
  if (verdictsAgree(real)) return { judgedOn: 'real node and KWOK' };
  return { notJudged: `pods ran on KWOK worker${kwok.length === 1 ? '' : 's'} ${kwok.join(', ')} as well (KWOK runs no container): the scenario has more workers than this cluster's ${run.nodes.length} real node${run.nodes.length === 1 ? '' : 's'} (${run.nodes.join(', ')})` };
}

/**
 * `image nginx:1.27 is not built offline (the real node has busybox:1.36, …)`, with why where it
 * is known: `image mysql:8.0 is not built offline: mysql:8.0 is not in the Debian archive; MariaDB
 * is a different server (the real node has …)`.
 */
export function notBuiltOffline(images: readonly string[], local: readonly string[]): string {
  const reasons = images.flatMap((i) => {
    const repository = normalizedImage(i)?.repository;
    const why = repository ? whyNotBuilt(i, repository) : undefined;
    return why ? [why] : [];
  });
  return `${images.map((i) => `image ${i}`).join(', ')} ${images.length === 1 ? 'is' : 'are'} not built offline${reasons.length ? `: ${reasons.join('; ')}` : ''} (the real node has ${local.map(shortImage).join(', ')})`;
}

/**
 * Scenarios the real-node pass leaves out before running them, by id, with the reason: those
 * whose pods the simulator's kubelet pulled an image for that the real node does not have. On
 * the real node they would wait out their steps' time limits in ImagePullBackOff and show
 * nothing of what they are about.
 */
export function leftOutForImages(sims: readonly ScenarioRecord[], local: readonly string[]): Record<string, string> {
  const have = new Set(local.map(canonical));
  const out: Record<string, string> = {};
  for (const sim of sims) {
    const missing = [...new Set(pulledImages(sim.attachments['events.txt']))].filter((i) => !have.has(canonical(i)));
    if (missing.length) out[sim.id] = notBuiltOffline(missing, local);
  }
  return out;
}

/** The images a run's kubelet pulled or found present (its Pulled events). */
function pulledImages(events = ''): string[] {
  return [...events.matchAll(/(?:Successfully pulled image|Container image) \\?"([^"\\]+)\\?"/g)].map((m) => m[1]!);
}

/**
 * Images the reference kubelet failed to pull ("Failed to pull image "nginx:1.27": …", or its
 * back-off) that are not on the real node, and whose pull the simulator's kubelet did not fail:
 * the scenario wanted them, the machine lacks them. A pull the simulator fails too (a tag that
 * exists nowhere) is the scenario's point and stays compared.
 */
export function imagesNotPulled(real: ScenarioRecord, sim: ScenarioRecord, local: readonly string[]): string[] {
  const have = new Set(local.map(canonical));
  const simFailed = new Set(pullFailures(sim.attachments['events.txt']).map(canonical));
  return [...new Set(pullFailures(real.attachments['events.txt']))]
    .filter((image) => !have.has(canonical(image)) && !simFailed.has(canonical(image)));
}

function pullFailures(events = ''): string[] {
  const out: string[] = [];
  for (const m of events.matchAll(/(?:Failed to pull image|Back-off pulling image) \\?"([^"\\]+)\\?"/g)) out.push(m[1]!);
  return out;
}

/** `busybox:1.36` and `docker.io/library/busybox:1.36` are one image. */
function canonical(image: string): string {
  return normalizedImage(image)?.pulled ?? image;
}

/** `busybox:1.36` for `docker.io/library/busybox:1.36`, as scenarios write it. */
function shortImage(image: string): string {
  return image.replace(/^docker\.io\/library\//, '');
}

/** The nodes the scenario's pods were scheduled to (the timeline's `scheduled (node)`), less the real ones. */
export function kwokWorkersUsed(real: ScenarioRecord, realNodes: readonly string[]): string[] {
  const nodes = new Set<string>();
  for (const m of (real.attachments['timeline.txt'] ?? '').matchAll(/ scheduled \(([^)]+)\)$/gm)) nodes.add(m[1]!);
  return [...nodes].filter((n) => !realNodes.includes(n)).sort();
}
