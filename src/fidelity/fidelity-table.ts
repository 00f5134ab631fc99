import type { FidelityReport } from './compare-runs.ts';

/** The fidelity report as text: a row per scenario, then every difference, then the headline. */
export function fidelityTable(report: FidelityReport): string {
  const width = Math.max(...report.rows.map((r) => r.id.length), 8);
  const verdict = (side?: { status: string; durationMs: number }) => (side ? `${side.status.toLowerCase()} ${seconds(side.durationMs)}` : '-').padEnd(18);
  const lines = [`${'scenario'.padEnd(width)}  ${'simulator'.padEnd(18)}${'reference'.padEnd(18)}verdict`];
  for (const r of report.rows) {
    const mark = r.excluded ? `not counted (${r.excluded})` : r.agree ? (r.differences.length ? `agree, ${r.differences.length} observation differences` : 'agree') : 'DISAGREE';
    lines.push(`${r.id.padEnd(width)}  ${verdict(r.sim)}${verdict(r.real)}${mark}`);
  }
  const detailed = report.rows.filter((r) => r.differences.length);
  if (detailed.length) {
    lines.push('', 'Differences:');
    for (const r of detailed) {
      lines.push(`${r.id} ${r.name}${r.agree ? '' : ' (verdicts disagree)'}`);
      for (const d of r.differences) lines.push(`  - ${d}`);
    }
  }
  lines.push('', `agreement: ${report.agreementPercent}% (${report.agreeing} of ${report.compared} scenarios)`,
    `speed: the simulator ran them in ${seconds(report.simMs)}, the reference cluster in ${seconds(report.realMs)}: ${report.speedRatio}× faster`);
  return lines.join('\n') + '\n';
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)}s` : `${Math.round(ms / 1000)}s`;
}
