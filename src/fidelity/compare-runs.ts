import { parseAllDocuments } from 'yaml';
import { partialMatch } from '../assertions/partial-match.ts';
import { comparableTransitions, defaultNamespaceFixtures, normalizeName, normalizeObject, withoutKubeletOnlyFields } from './normalize.ts';
import type { ScenarioRecord } from '../report/scenario-records.ts';

/** One scenario on both sides. */
export interface FidelityRow {
  id: string;
  name: string;
  sim?: { status: string; durationMs: number };
  real?: { status: string; durationMs: number };
  /** Why the scenario is kept out of the agreement figure, if it is. */
  excluded?: string;
  agree: boolean;
  /** For a disagreement: each side's failure. For an agreement: observations that differ. */
  differences: string[];
}

export interface FidelityReport {
  rows: FidelityRow[];
  compared: number;
  agreeing: number;
  agreementPercent: number;
  /** Wall time of the scenarios that ran on both sides, and real ÷ simulator. */
  simMs: number;
  realMs: number;
  speedRatio: number;
}

/** How many observation differences one scenario lists before saying "and N more". */
const MAX_DIFFERENCES = 25;

/**
 * Pairs the two runs' scenarios by id and judges them: equal verdicts agree; scenarios tagged
 * @needs-kubelet (KWOK runs no containers; the reference side does not run them) and scenarios
 * the live driver skipped are listed but not counted. Where verdicts agree, the observations are compared after normalising.
 */
export function compareRuns(sim: ScenarioRecord[], real: ScenarioRecord[]): FidelityReport {
  const realById = new Map(real.map((r) => [r.id, r]));
  const ids = [...new Set([...sim.map((s) => s.id), ...real.map((r) => r.id)])];
  const simById = new Map(sim.map((s) => [s.id, s]));
  const rows = ids.map((id) => judge(simById.get(id), realById.get(id)));
  const counted = rows.filter((r) => !r.excluded);
  const agreeing = counted.filter((r) => r.agree).length;
  const both = rows.filter((r) => r.sim && r.real && r.real.status !== 'SKIPPED');
  const simMs = both.reduce((sum, r) => sum + r.sim!.durationMs, 0);
  const realMs = both.reduce((sum, r) => sum + r.real!.durationMs, 0);
  return {
    rows,
    compared: counted.length,
    agreeing,
    agreementPercent: counted.length ? Math.round((1000 * agreeing) / counted.length) / 10 : 100,
    simMs,
    realMs,
    speedRatio: simMs > 0 ? Math.round(realMs / simMs) : 0,
  };
}

function judge(sim: ScenarioRecord | undefined, real: ScenarioRecord | undefined): FidelityRow {
  const any = (sim ?? real)!;
  const row: FidelityRow = {
    id: any.id,
    name: any.name,
    ...(sim ? { sim: { status: sim.status, durationMs: sim.durationMs } } : {}),
    ...(real ? { real: { status: real.status, durationMs: real.durationMs } } : {}),
    agree: false,
    differences: [],
  };
  if (any.tags.includes('@needs-kubelet')) {
    row.excluded = '@needs-kubelet: KWOK stands in for the kubelet, no container runs';
    return row;
  }
  if (!sim || !real) {
    row.excluded = `ran only on the ${sim ? 'simulator' : 'reference cluster'}`;
    return row;
  }
  if (real.status === 'SKIPPED') row.excluded = `skipped on the reference cluster: ${firstLine(real.attachments.log).replace(/^skipped: /, '') || 'a step is simulator-only'}`;
  row.agree = sim.status === real.status;
  if (!row.agree) {
    if (sim.status === 'FAILED') row.differences.push(`simulator: ${firstLines(sim.attachments['failure.txt'])}`);
    if (real.status === 'FAILED') row.differences.push(`reference: ${firstLines(real.attachments['failure.txt'])}`);
    return row;
  }
  const differences = [
    ...eventDifferences(sim.attachments['events.txt'], real.attachments['events.txt']),
    ...transitionDifferences(sim.attachments['timeline.txt'], real.attachments['timeline.txt']),
    ...stateDifferences(sim.attachments['final state.yaml'], real.attachments['final state.yaml']),
  ];
  row.differences = differences.length > MAX_DIFFERENCES
    ? [...differences.slice(0, MAX_DIFFERENCES), `... and ${differences.length - MAX_DIFFERENCES} more`]
    : differences;
  return row;
}

/**
 * Reasons only a kubelet reports. KWOK updates pod status without emitting them, so their absence
 * on the reference cluster says nothing about the simulator.
 */
const kubeletReasons = new Set([
  'Pulling', 'Pulled', 'Created', 'Started', 'Killing', 'BackOff', 'Unhealthy', 'Failed', 'ErrImagePull',
  'ImagePullBackOff', 'FailedMount', 'SandboxChanged', 'FailedCreatePodSandBox', 'ProbeWarning', 'NodeReady',
  'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'Starting', 'NodeAllocatableEnforced',
]);

/** Event kinds and reasons seen on one side only (counts and messages vary with timing). */
export function eventDifferences(simText = '', realText = ''): string[] {
  const reasons = (text: string) => new Set(text.split('\n').filter(Boolean).map((line) => {
    const [type, reason, object] = line.split('\t');
    return `${type} ${reason} on ${(object ?? '').split('/')[0]}`;
  }).filter((r) => !kubeletReasons.has(r.split(' ')[1]!)));
  const s = reasons(simText), r = reasons(realText);
  return [
    ...[...s].filter((x) => !r.has(x)).map((x) => `event only on the simulator: ${x}`),
    ...[...r].filter((x) => !s.has(x)).map((x) => `event only on the reference cluster: ${x}`),
  ];
}

/**
 * Each pod's sequence of lifecycle transitions, compared as multisets per normalised name (three
 * `web-<hash>-<random>` pods on each side compare as a group). Timings are not compared.
 */
export function transitionDifferences(simText = '', realText = ''): string[] {
  const sequences = (text: string) => {
    const byPod = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const m = /^\s*\S+\s+pod (\S+)\s+(\S+)/.exec(line);
      if (!m) continue;
      byPod.set(m[1]!, [...(byPod.get(m[1]!) ?? []), m[2]!]);
    }
    const groups = new Map<string, string[]>();
    for (const [pod, steps] of byPod) groups.set(normalizeName(pod), [...(groups.get(normalizeName(pod)) ?? []), comparableTransitions(steps).join(' → ')]);
    for (const list of groups.values()) list.sort();
    return groups;
  };
  const s = sequences(simText), r = sequences(realText);
  const out: string[] = [];
  for (const pod of [...new Set([...s.keys(), ...r.keys()])].sort()) {
    const a = s.get(pod) ?? [], b = r.get(pod) ?? [];
    if (a.join('|') !== b.join('|')) out.push(`pod ${pod} lifecycle: simulator ${a.join('; ') || '(none)'}, reference ${b.join('; ') || '(none)'}`);
  }
  return out;
}

/**
 * Fields of the scenario's final objects that differ, after normalising run-specific values.
 * Objects whose normalised names collide (three `web-<hash>-<random>` pods) are compared as a
 * group: identical ones pair off first, the rest pair in order.
 */
export function stateDifferences(simYaml = '', realYaml = ''): string[] {
  const objects = (text: string) => {
    const byKey = new Map<string, unknown[]>();
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
      if (!o?.kind || !o.metadata?.name || defaultNamespaceFixtures.has(`${o.kind}/${o.metadata.name}`)) continue;
      const key = `${o.kind}/${normalizeName(o.metadata.name)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), normalizeObject(withoutKubeletOnlyFields(o))]);
    }
    return byKey;
  };
  const s = objects(simYaml), r = objects(realYaml);
  const out: string[] = [];
  for (const key of [...new Set([...s.keys(), ...r.keys()])].sort()) {
    const sims = [...(s.get(key) ?? [])], reals = [...(r.get(key) ?? [])];
    if (!reals.length) out.push(`${key} only on the simulator`);
    else if (!sims.length) out.push(`${key} only on the reference cluster`);
    else if (sims.length !== reals.length) out.push(`${key}: ${sims.length} on the simulator, ${reals.length} on the reference cluster`);
    for (let i = sims.length - 1; i >= 0; i--) {
      const twin = reals.findIndex((x) => JSON.stringify(x) === JSON.stringify(sims[i]));
      if (twin >= 0) {
        sims.splice(i, 1);
        reals.splice(twin, 1);
      }
    }
    for (let i = 0; i < Math.min(sims.length, reals.length); i++) {
      for (const m of partialMatch(sims[i], reals[i])) out.push(`${key} ${m.path}: simulator ${show(m.expected)}, reference ${m.missing ? '<missing>' : show(m.actual)}`);
      for (const m of partialMatch(reals[i], sims[i]).filter((x) => x.missing)) out.push(`${key} ${m.path}: simulator <missing>, reference ${show(m.expected)}`);
    }
  }
  return [...new Set(out)];
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0] ?? '';
}

function firstLines(text: string | undefined): string {
  return (text ?? '(no message)').split('\n').slice(0, 3).join(' / ');
}
