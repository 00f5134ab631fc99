/**
 * Fidelity on every maintained minor, one after the other (issue 26: "fidelity is measured on the
 * default version in CI and on every maintained minor in the nightly run"). Each minor is one
 * ordinary fidelity run (its reference cluster brought up if it is not running, and down again
 * after), whose outputs are then copied into reports/fidelity/<minor>/ in the shape a single run
 * writes: fidelity.txt, fidelity.json, and each side's run (sim/, reference/, ...). A minor whose
 * cluster cannot be built or started is reported as such and the next one still runs.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_MINORS, type KnownMinor } from '../kube/kubernetes-versions.ts';
import { REFERENCE_BUILDS, referenceBuild, referenceMinors } from '../cluster/reference/versions.ts';
import { UserError } from '../errors.ts';
import type { FidelityReport } from './compare-runs.ts';
import { headline } from './fidelity-table.ts';

/** The maintained minors (the ones a run may choose, less legacy) that have a reference build, oldest first. */
export function maintainedReferenceMinors(): KnownMinor[] {
  return referenceMinors().filter((m) => (SUPPORTED_MINORS as readonly string[]).includes(m));
}

/**
 * The minors to measure: every maintained one by default, else the ones named (`1.36`, `v1.36`,
 * `1.36.3`), in the order named, each once. A name without a reference build is refused with the
 * list of those that have one.
 */
export function chooseMinors(named: readonly string[] = []): KnownMinor[] {
  if (!named.length) {
    const maintained = maintainedReferenceMinors();
    if (!maintained.length) throw new UserError('no maintained Kubernetes minor has a reference build (src/cluster/reference/versions.ts)');
    return maintained;
  }
  const chosen: KnownMinor[] = [];
  for (const text of named) {
    const { minor } = referenceBuild(text); // refuses, naming what can be built
    if (!chosen.includes(minor)) chosen.push(minor);
  }
  return chosen;
}

/** Where one minor's copy of a fidelity run's outputs goes. */
export const minorReportDir = (cwd: string, minor: KnownMinor): string => join(cwd, 'reports', 'fidelity', minor);

/** This module's own entries in reports/fidelity, never copied into a minor's folder. */
const ownEntry = (name: string): boolean => /^\d+\.\d+$/.test(name) || name === SUMMARY_FILE;
const SUMMARY_FILE = 'per-minor.txt';

/**
 * What a single fidelity run left, as [source, name in the minor's folder]: its table and JSON,
 * and each side's run under reports/fidelity (sim/, reference/, reference-real-node/ and any
 * later one), so a minor's folder has the shape of one run whatever sides fidelity-run.ts writes.
 */
function runOutputs(cwd: string): Array<[string, string]> {
  const reports = join(cwd, 'reports');
  const sides = existsSync(join(reports, 'fidelity')) ? readdirSync(join(reports, 'fidelity')).filter((name) => !ownEntry(name)) : [];
  return [
    ...['fidelity.txt', 'fidelity.json'].map((name): [string, string] => [join(reports, name), name]),
    ...sides.map((name): [string, string] => [join(reports, 'fidelity', name), name]),
  ];
}

/** One minor's outcome: its report, or why there is none. */
export type MinorOutcome =
  | { minor: KnownMinor; kubernetesVersion: string; report: FidelityReport; dir: string }
  | { minor: KnownMinor; kubernetesVersion: string; error: string };

export interface FidelityPerMinorOptions {
  cwd: string;
  /** The minors to measure (chooseMinors), in order. */
  minors: readonly KnownMinor[];
  /** One ordinary fidelity run of a minor (fidelityRun with kubernetesVersion set). */
  runOne: (minor: KnownMinor) => Promise<FidelityReport>;
  log: (line: string) => void;
}

/** Runs each minor in turn, copies its outputs and returns every outcome, one per minor. */
export async function fidelityPerMinor(options: FidelityPerMinorOptions): Promise<MinorOutcome[]> {
  const outcomes: MinorOutcome[] = [];
  for (const minor of options.minors) {
    const kubernetesVersion = REFERENCE_BUILDS[minor]!.kubernetesVersion;
    options.log(`fidelity on Kubernetes ${minor} (${kubernetesVersion})`);
    // A stale copy from an earlier night must not pass for this one's if this run fails.
    const dir = minorReportDir(options.cwd, minor);
    rmSync(dir, { recursive: true, force: true });
    let report: FidelityReport;
    try {
      report = await options.runOne(minor);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log(`fidelity on Kubernetes ${minor} did not complete: ${message}`);
      outcomes.push({ minor, kubernetesVersion, error: message });
      continue;
    }
    mkdirSync(dir, { recursive: true });
    for (const [source, name] of runOutputs(options.cwd)) {
      if (existsSync(source)) cpSync(source, join(dir, name), { recursive: true });
    }
    outcomes.push({ minor, kubernetesVersion, report, dir });
  }
  mkdirSync(join(options.cwd, 'reports', 'fidelity'), { recursive: true });
  writeFileSync(join(options.cwd, 'reports', 'fidelity', SUMMARY_FILE), summaryLines(outcomes).join('\n') + '\n');
  return outcomes;
}

/** One line per minor: the fidelity headline, or why the minor has none. */
export function summaryLines(outcomes: readonly MinorOutcome[]): string[] {
  return outcomes.map((o) => ('report' in o
    ? `${o.minor}: ${headline(o.report)}`
    : `${o.minor}: no fidelity figures for ${o.kubernetesVersion}: ${firstLine(o.error)}`));
}

/** Every minor has a report and none disagrees. */
export const allAgree = (outcomes: readonly MinorOutcome[]): boolean =>
  outcomes.every((o) => 'report' in o && o.report.disagree === 0);

const firstLine = (text: string): string => text.split('\n')[0]!.trim();
