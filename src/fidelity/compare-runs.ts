import { eventDifferences, stateDifferences, transitionDifferences } from './observations.ts';
import { MODEL_JUDGED_ATTACHMENT } from '../report/model-judged.ts';
import { NOT_APPLICABLE_ATTACHMENT } from '../report/not-applicable-report.ts';
import type { ScenarioRecord } from '../report/scenario-records.ts';
import { judgeOnRealNode, notRunOnRealNode, observesTraffic, type JudgedOn, type RealNodeRun } from './real-node-judging.ts';

/** Why a portable scenario has no verdict comparison. */
export type NotJudgedReason = 'kubelet' | 'model' | 'skipped' | 'unavailable';

/** One portable scenario on both sides, in exactly one class. */
export interface FidelityRow {
  id: string;
  name: string;
  /** Each side's verdict, and the time its steps took (without hooks: setup, reports, settling). */
  sim?: { status: string; stepsMs: number; failure?: ScenarioRecord['failure'] };
  real?: { status: string; stepsMs: number; failure?: ScenarioRecord['failure'] };
  verdict: 'agree' | 'disagree' | 'not judged';
  /** For a judged scenario: whether KWOK stood in for the kubelet, or a real node ran its pods. */
  judgedOn?: JudgedOn;
  /** Not @needs-kubelet, but has steps that observe traffic where a node runs containers (judged on a real node when the pass ran it). */
  observesTraffic?: true;
  /** For `not judged`: the class and the reason in words. */
  notJudged?: { reason: NotJudgedReason; detail: string };
  /** For a disagreement: each side's outcome. For an agreement: the observations that differ. */
  differences: string[];
}

export interface FidelityReport {
  /** The reference cluster's Kubernetes version, when known. */
  version?: string;
  rows: FidelityRow[];
  /** Every portable scenario either run saw: the denominator. */
  portable: number;
  agree: number;
  disagree: number;
  notJudged: Record<NotJudgedReason, number>;
  /** Judged scenarios whose pods ran on a real node (all of them, or beside KWOK workers). */
  realNodeJudged?: number;
  /** The real-node pass: its nodes, images and time, or why there was none. */
  realNode?: RealNodeRun;
  /** Agreeing scenarios whose events, lifecycles and final objects are equal too. */
  observationsEqual: number;
  /** agree ÷ (agree + disagree), in percent with one decimal. */
  agreementPercent: number;
  /** observationsEqual ÷ agree, in percent with one decimal. */
  observationPercent: number;
  /** The steps' time of the scenarios judged on both sides, and real ÷ simulator over all of them. */
  simMs: number;
  realMs: number;
  speedRatio: number;
  /** The same ratio per scenario: its median and its minimum. */
  speedMedian: number;
  speedMin: number;
}

/** How many observation differences one scenario lists before saying "and N more". */
const MAX_DIFFERENCES = 25;

const NOT_JUDGED: NotJudgedReason[] = ['kubelet', 'model', 'skipped', 'unavailable'];

/**
 * Pairs the two runs' scenarios by id and puts each in one class. Verdicts agree when both
 * passed, or both failed at the same step with the same class of error; anything else is a
 * disagreement. The reference side is two passes: the KWOK-only cluster for everything but
 * @needs-kubelet, and the cluster with a real node for @needs-kubelet (`realNode`), each row saying
 * which judged it. A scenario whose steps observe traffic where a node runs containers (issue 31)
 * is taken from the real-node pass when that ran it, judged as a @needs-kubelet one; else from
 * the KWOK pass, where its steps kept their model. Not judged: @needs-kubelet scenarios without a real-node verdict to compare
 * (real-node-judging.ts names what was missing), scenarios whose verdict came from a kubespec
 * model on the reference side (they agree by construction), scenarios the live driver skipped, and
 * scenarios one side did not run. Where verdicts agree, the observations are compared after
 * normalising.
 */
export function compareRuns(sim: ScenarioRecord[], real: ScenarioRecord[], realNode?: { records: ScenarioRecord[]; run?: RealNodeRun }): FidelityReport {
  const kubelet = (r: ScenarioRecord) => r.tags.includes('@needs-kubelet');
  const simById = new Map(sim.map((s) => [s.id, s]));
  // Judged on the real node when the pass ran it: the scenarios whose steps observe traffic there.
  const probed = (r: ScenarioRecord) => !kubelet(r) && observesTraffic(simById.get(r.id) ?? r);
  const onRealNode = (realNode?.records ?? []).filter((r) => kubelet(r) || probed(r));
  const realById = new Map([...real.filter((r) => !kubelet(r)), ...onRealNode].map((r) => [r.id, r]));
  const fromRealNode = new Set(onRealNode.map((r) => r.id));
  const ids = [...new Set([...sim.map((s) => s.id), ...realById.keys()])];
  const rows = ids.map((id) => judge(simById.get(id), realById.get(id), realNode?.run, fromRealNode.has(id)));
  const agreeing = rows.filter((r) => r.verdict === 'agree');
  const disagree = rows.filter((r) => r.verdict === 'disagree').length;
  const notJudged = Object.fromEntries(NOT_JUDGED.map((reason) => [reason, rows.filter((r) => r.notJudged?.reason === reason).length])) as Record<NotJudgedReason, number>;
  const observationsEqual = agreeing.filter((r) => r.differences.length === 0).length;
  const judged = rows.filter((r) => r.verdict !== 'not judged');
  const simMs = judged.reduce((sum, r) => sum + r.sim!.stepsMs, 0);
  const realMs = judged.reduce((sum, r) => sum + r.real!.stepsMs, 0);
  const ratios = judged.map((r) => r.real!.stepsMs / Math.max(r.sim!.stepsMs, 1)).sort((a, b) => a - b);
  return {
    rows,
    portable: rows.length,
    agree: agreeing.length,
    disagree,
    notJudged,
    realNodeJudged: rows.filter((r) => r.judgedOn && r.judgedOn !== 'KWOK').length,
    ...(realNode?.run ? { realNode: realNode.run } : {}),
    observationsEqual,
    agreementPercent: percent(agreeing.length, agreeing.length + disagree),
    observationPercent: percent(observationsEqual, agreeing.length),
    simMs,
    realMs,
    speedRatio: simMs > 0 ? Math.round(realMs / simMs) : 0,
    speedMedian: ratios.length ? Math.round(median(ratios)) : 0,
    speedMin: ratios.length ? Math.round(ratios[0]!) : 0,
  };
}

function judge(sim: ScenarioRecord | undefined, real: ScenarioRecord | undefined, realNode: RealNodeRun | undefined, fromRealNode: boolean): FidelityRow {
  const any = (sim ?? real)!;
  const row: FidelityRow = {
    id: any.id,
    name: any.name,
    ...(sim ? { sim: side(sim) } : {}),
    ...(real ? { real: side(real) } : {}),
    verdict: 'not judged',
    differences: [],
    ...(!any.tags.includes('@needs-kubelet') && (fromRealNode || (sim && observesTraffic(sim))) ? { observesTraffic: true as const } : {}),
  };
  const onRealNode = any.tags.includes('@needs-kubelet') || fromRealNode;
  const notJudged = notJudgedReason(any, sim, real);
  if (notJudged) {
    // Kept its model on the KWOK-only cluster because the real-node pass did not run it: say why.
    const missed = notJudged.reason === 'model' && !fromRealNode && sim && observesTraffic(sim);
    return { ...row, notJudged: missed ? { ...notJudged, detail: `${notJudged.detail}; not run on a real node: ${notRunOnRealNode(any.id, realNode)}` } : notJudged };
  }
  let judgedOn: JudgedOn = 'KWOK';
  if (onRealNode) {
    const judgement = judgeOnRealNode(any.id, sim!, real, realNode, (r) => sameVerdict(sim!, r));
    if ('notJudged' in judgement) return { ...row, notJudged: { reason: 'kubelet', detail: judgement.notJudged } };
    judgedOn = judgement.judgedOn;
  }
  row.judgedOn = judgedOn;
  row.verdict = sameVerdict(sim!, real!) ? 'agree' : 'disagree';
  if (row.verdict === 'disagree') {
    row.differences = [`simulator: ${outcome(sim!)}`, `reference: ${outcome(real!)}`];
    return row;
  }
  const differences = [
    // A real kubelet's events are compared too; KWOK emits none of them.
    ...eventDifferences(sim!.attachments['events.txt'], real!.attachments['events.txt'], { kubeletEvents: judgedOn === 'real node' }),
    ...transitionDifferences(sim!.attachments['timeline.txt'], real!.attachments['timeline.txt']),
    ...stateDifferences(sim!.attachments['final state.yaml'], real!.attachments['final state.yaml'], { realKubelet: judgedOn === 'real node' }),
  ];
  row.differences = differences.length > MAX_DIFFERENCES
    ? [...differences.slice(0, MAX_DIFFERENCES), `... and ${differences.length - MAX_DIFFERENCES} more`]
    : differences;
  return row;
}

function notJudgedReason(any: ScenarioRecord, sim: ScenarioRecord | undefined, real: ScenarioRecord | undefined): FidelityRow['notJudged'] {
  // A @needs-kubelet scenario without a real-node result is judgeOnRealNode's to explain.
  if (sim && !real && any.tags.includes('@needs-kubelet')) return undefined;
  if (!sim || !real) return { reason: 'unavailable', detail: `ran only on the ${sim ? 'simulator' : 'reference cluster'}` };
  if (real.status === 'SKIPPED') {
    // Said before the scenario started (a capability the live driver lacks), else by a step.
    const why = real.attachments[NOT_APPLICABLE_ATTACHMENT] ?? firstLine(real.attachments.log).replace(/^skipped: /, '');
    return { reason: 'skipped', detail: `skipped on the reference cluster: ${why || 'a step is simulator-only'}` };
  }
  const model = real.attachments[MODEL_JUDGED_ATTACHMENT];
  if (model) return { reason: 'model', detail: `judged by a kubespec model on both sides: ${firstLine(model).replace(/^\S+:\d+ /, '')}` };
  return undefined;
}

/** Both passed, or both failed at the same step with the same class of error. */
export function sameVerdict(sim: ScenarioRecord, real: ScenarioRecord): boolean {
  if (sim.status !== real.status) return false;
  if (sim.status !== 'FAILED') return true;
  return sim.failure?.step === real.failure?.step && sim.failure?.error === real.failure?.error;
}

function side(r: ScenarioRecord): NonNullable<FidelityRow['sim']> {
  return { status: r.status, stepsMs: r.stepsMs, ...(r.failure ? { failure: r.failure } : {}) };
}

function outcome(r: ScenarioRecord): string {
  if (r.status !== 'FAILED') return r.status.toLowerCase();
  const where = r.failure ? ` at ${r.failure.step} with ${r.failure.error}` : '';
  return `failed${where}: ${firstLines(r.attachments['failure.txt'])}`;
}

/** In percent with one decimal; NaN when there is nothing to count (the table says "n/a"). */
function percent(part: number, whole: number): number {
  return whole ? Math.round((1000 * part) / whole) / 10 : Number.NaN;
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0] ?? '';
}

function firstLines(text: string | undefined): string {
  return (text ?? '(no message)').split('\n').slice(0, 3).join(' / ');
}
