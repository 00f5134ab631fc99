// Fidelity on every maintained minor (issue 26), without a cluster: which minors are measured, how
// a named one is checked, where each minor's outputs are copied, and the one line per minor. The
// fidelity run itself is replaced by one that writes a single run's outputs as fidelityRun does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allAgree, chooseMinors, fidelityPerMinor, maintainedReferenceMinors, minorReportDir, summaryLines } from '../../src/fidelity/fidelity-per-minor.ts';
import { REFERENCE_BUILDS, referenceMinors } from '../../src/cluster/reference/versions.ts';
import { SUPPORTED_MINORS, type KnownMinor } from '../../src/kube/kubernetes-versions.ts';
import type { FidelityReport } from '../../src/fidelity/compare-runs.ts';
import { UserError } from '../../src/errors.ts';

test('by default every maintained minor with a reference build is measured, oldest first, and no legacy one', () => {
  const minors = maintainedReferenceMinors();
  assert.deepEqual(chooseMinors(), minors);
  assert.ok(minors.length > 0);
  for (const m of minors) assert.ok((SUPPORTED_MINORS as readonly string[]).includes(m) && REFERENCE_BUILDS[m], m);
  assert.ok(!minors.includes('1.32'), 'legacy 1.32 is not a maintained minor');
  // Every maintained minor has a build (issue 26: 1.35, 1.36 and 1.37).
  assert.deepEqual(minors, [...SUPPORTED_MINORS].filter((m) => referenceMinors().includes(m)));
  assert.deepEqual(minors, ['1.35', '1.36', '1.37']);
});

test('named minors are taken in the order named, each once, in any form --kubernetes-version takes', () => {
  assert.deepEqual(chooseMinors(['1.37', 'v1.35', '1.37.2']), ['1.37', '1.35']);
  assert.deepEqual(chooseMinors(['1.32']), ['1.32']);
});

test('a minor without a reference build, or a patch other than the built one, is refused naming what is built', () => {
  assert.throws(() => chooseMinors(['1.36', '1.34']), (e: Error) => e instanceof UserError && /--kubernetes-version 1\.34: the reference cluster is built for .*1\.36 \(v1\.36\.3\)/.test(e.message));
  assert.throws(() => chooseMinors(['1.35.1']), /built from v1\.35\.4 only/);
});

function report(version: string, agree: number, disagree: number): FidelityReport {
  return {
    version, rows: [], portable: agree + disagree, agree, disagree,
    notJudged: { kubelet: 0, model: 0, skipped: 0, unavailable: 0 },
    observationsEqual: agree, agreementPercent: (100 * agree) / (agree + disagree), observationPercent: 100,
    simMs: 1, realMs: 2, speedRatio: 2, speedMedian: 2, speedMin: 2,
  } as FidelityReport;
}

/** Writes what one fidelity run leaves in the project, marked with its minor. */
function fakeRun(cwd: string, minor: KnownMinor, result: FidelityReport): FidelityReport {
  mkdirSync(join(cwd, 'reports', 'fidelity', 'sim'), { recursive: true });
  mkdirSync(join(cwd, 'reports', 'fidelity', 'reference'), { recursive: true });
  writeFileSync(join(cwd, 'reports', 'fidelity.txt'), `table of ${minor}\n`);
  writeFileSync(join(cwd, 'reports', 'fidelity.json'), JSON.stringify(result));
  writeFileSync(join(cwd, 'reports', 'fidelity', 'sim', 'messages.ndjson'), `sim of ${minor}\n`);
  writeFileSync(join(cwd, 'reports', 'fidelity', 'reference', 'messages.ndjson'), `reference of ${minor}\n`);
  // A side added later (as the real-node pass was) lands in the minor's folder too.
  mkdirSync(join(cwd, 'reports', 'fidelity', 'reference-real-node'), { recursive: true });
  writeFileSync(join(cwd, 'reports', 'fidelity', 'reference-real-node', 'run.json'), `{"minor":"${minor}"}`);
  return result;
}

test("each minor's outputs are copied to reports/fidelity/<minor>/; a failing minor is reported and the next still runs", async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'fidelity-per-minor-'));
  // A copy an earlier night left for 1.36 must not survive a night on which 1.36 failed.
  mkdirSync(minorReportDir(cwd, '1.36'), { recursive: true });
  writeFileSync(join(minorReportDir(cwd, '1.36'), 'fidelity.txt'), 'last night\n');
  const ran: string[] = [];
  const outcomes = await fidelityPerMinor({
    cwd,
    minors: ['1.35', '1.36', '1.37'],
    log: () => {},
    runOne: async (minor) => {
      ran.push(minor);
      if (minor === '1.36') throw new UserError('`go build` of the reference control plane failed (exit 1):\nsome go output');
      return fakeRun(cwd, minor, report(REFERENCE_BUILDS[minor]!.kubernetesVersion, minor === '1.35' ? 10 : 9, minor === '1.35' ? 0 : 1));
    },
  });
  assert.deepEqual(ran, ['1.35', '1.36', '1.37']);
  assert.equal(readFileSync(join(cwd, 'reports', 'fidelity', '1.35', 'fidelity.txt'), 'utf8'), 'table of 1.35\n');
  assert.equal(readFileSync(join(cwd, 'reports', 'fidelity', '1.35', 'sim', 'messages.ndjson'), 'utf8'), 'sim of 1.35\n');
  assert.equal(readFileSync(join(cwd, 'reports', 'fidelity', '1.37', 'reference', 'messages.ndjson'), 'utf8'), 'reference of 1.37\n');
  assert.equal(JSON.parse(readFileSync(join(cwd, 'reports', 'fidelity', '1.37', 'fidelity.json'), 'utf8')).version, 'v1.37.2');
  assert.ok(!existsSync(minorReportDir(cwd, '1.36')), 'no stale copy for the minor that failed');
  assert.equal(readFileSync(join(cwd, 'reports', 'fidelity', '1.37', 'reference-real-node', 'run.json'), 'utf8'), '{"minor":"1.37"}');
  // A minor's folder is not copied into the next one's.
  assert.ok(!existsSync(join(minorReportDir(cwd, '1.37'), '1.35')));
  assert.ok(!existsSync(join(minorReportDir(cwd, '1.37'), 'per-minor.txt')));

  const lines = summaryLines(outcomes);
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^1\.35: portable 10 on Kubernetes v1\.35\.4: agree 10, disagree 0, /);
  assert.equal(lines[1], '1.36: no fidelity figures for v1.36.3: `go build` of the reference control plane failed (exit 1):');
  assert.match(lines[2]!, /^1\.37: portable 10 on Kubernetes v1\.37\.2: agree 9, disagree 1, /);
  assert.equal(readFileSync(join(cwd, 'reports', 'fidelity', 'per-minor.txt'), 'utf8'), `${lines.join('\n')}\n`);
  assert.equal(allAgree(outcomes), false);
});

test('all agree only when every minor has figures and none disagrees', () => {
  const ok = { minor: '1.35' as const, kubernetesVersion: 'v1.35.4', report: report('v1.35.4', 3, 0), dir: 'x' };
  assert.equal(allAgree([ok]), true);
  assert.equal(allAgree([ok, { minor: '1.36', kubernetesVersion: 'v1.36.3', error: 'no Go' }]), false);
  assert.equal(allAgree([ok, { ...ok, minor: '1.37', report: report('v1.37.2', 2, 1) }]), false);
});
