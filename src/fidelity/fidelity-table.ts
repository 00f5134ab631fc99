import type { FidelityReport, FidelityRow } from './compare-runs.ts';

/**
 * The fidelity report as text: a row per portable scenario (every one, in exactly one class),
 * then every difference, then the headline in the form the README quotes.
 */
export function fidelityTable(report: FidelityReport): string {
  const width = Math.max(...report.rows.map((r) => r.id.length), 8);
  const verdict = (side?: { status: string; stepsMs: number }) => (side ? `${side.status.toLowerCase()} ${seconds(side.stepsMs)}` : '-').padEnd(18);
  const lines = [`${'scenario'.padEnd(width)}  ${'simulator'.padEnd(18)}${'reference'.padEnd(18)}${'judged on'.padEnd(20)}verdict`];
  for (const r of report.rows) lines.push(`${r.id.padEnd(width)}  ${verdict(r.sim)}${verdict(r.real)}${(r.judgedOn ?? '-').padEnd(20)}${mark(r)}`);
  const detailed = report.rows.filter((r) => r.differences.length);
  if (detailed.length) {
    lines.push('', 'Differences:');
    for (const r of detailed) {
      lines.push(`${r.id} ${r.name}${r.verdict === 'disagree' ? ' (verdicts disagree)' : ''}`);
      for (const d of r.differences) lines.push(`  - ${d}`);
    }
  }
  lines.push('', headline(report), realNodeLine(report),
    `speed (steps only, without set-up and reports): the simulator ran the judged scenarios in ${seconds(report.simMs)}, the reference cluster in ${seconds(report.realMs)}: ${report.speedRatio}× faster in total, per scenario median ${report.speedMedian}×, minimum ${report.speedMin}×`);
  return lines.join('\n') + '\n';
}

/** `portable 300: agree N, disagree N, not judged N (kubelet N, model N, skipped N, unavailable N); observations equal in N of N agreeing`. */
export function headline(report: FidelityReport): string {
  const n = report.notJudged;
  const notJudged = n.kubelet + n.model + n.skipped + n.unavailable;
  return `portable ${report.portable}${report.version ? ` on Kubernetes ${report.version}` : ''}: agree ${report.agree}, disagree ${report.disagree}, not judged ${notJudged} `
    + `(kubelet ${n.kubelet}, model ${n.model}, skipped ${n.skipped}, unavailable ${n.unavailable}); `
    + `observations equal in ${report.observationsEqual} of ${report.agree} agreeing (${shown(report.observationPercent)}); verdicts agree in ${shown(report.agreementPercent)} of the judged`;
}

/**
 * The real-node pass in one line: how many @needs-kubelet scenarios it judged, on which nodes,
 * how long it took, or why there was none; and how many others it judged for their steps that
 * observe traffic.
 */
export function realNodeLine(report: FidelityReport): string {
  const traffic = report.rows.filter((r) => r.observesTraffic);
  const trafficJudged = traffic.filter((r) => r.verdict !== 'not judged');
  const trafficPart = traffic.length ? `; ${trafficJudged.length} of ${traffic.length} others for their steps that observe traffic: agree ${trafficJudged.filter((r) => r.verdict === 'agree').length}, disagree ${trafficJudged.filter((r) => r.verdict === 'disagree').length}` : '';
  const kubelet = report.rows.filter((r) => !r.observesTraffic && (r.judgedOn === 'real node' || r.judgedOn === 'real node and KWOK' || r.notJudged?.reason === 'kubelet'));
  const run = report.realNode;
  if (!run || run.missing) return `real node: none in this run (${run?.missing ?? 'the real-node pass did not run'}); ${kubelet.length} @needs-kubelet scenarios not judged`;
  const judged = kubelet.filter((r) => r.verdict !== 'not judged');
  const alone = judged.filter((r) => r.judgedOn === 'real node').length;
  const agree = judged.filter((r) => r.verdict === 'agree').length;
  const took = run.durationMs === undefined ? '' : `; the pass took ${Math.round(run.durationMs / 1000)}s`;
  return `real node (${run.nodes.join(', ')}): judged ${judged.length} of ${kubelet.length} @needs-kubelet scenarios (${alone} on the real node alone, ${judged.length - alone} with KWOK workers too): agree ${agree}, disagree ${judged.length - agree}; not judged ${kubelet.length - judged.length}${trafficPart}${took}`;
}

/** A percentage, or n/a where nothing was counted (JSON keeps NaN as null). */
function shown(percent: number | null): string {
  return percent === null || Number.isNaN(percent) ? 'n/a' : `${percent}%`;
}

function mark(r: FidelityRow): string {
  if (r.verdict === 'not judged') return `not judged (${r.notJudged!.reason}: ${r.notJudged!.detail})`;
  if (r.verdict === 'disagree') return 'DISAGREE';
  return r.differences.length ? `agree, ${r.differences.length} observation difference${r.differences.length === 1 ? '' : 's'}` : 'agree, observations equal';
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)}s` : `${Math.round(ms / 1000)}s`;
}
