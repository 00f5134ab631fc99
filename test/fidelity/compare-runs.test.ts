import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRuns } from '../../src/fidelity/compare-runs.ts';
import { fidelityTable, headline } from '../../src/fidelity/fidelity-table.ts';
import { normalizeName } from '../../src/fidelity/normalize.ts';
import { MODEL_JUDGED_ATTACHMENT } from '../../src/report/model-judged.ts';
import { NOT_APPLICABLE_ATTACHMENT } from '../../src/report/not-applicable-report.ts';
import type { ScenarioRecord } from '../../src/report/scenario-records.ts';

function record(id: string, status: ScenarioRecord['status'], durationMs: number, extra: Partial<ScenarioRecord> = {}): ScenarioRecord {
  return { id, name: id, tags: ['@portable'], status, durationMs: durationMs + 100, stepsMs: durationMs, attachments: {}, ...extra };
}

const failedAt = (step: string, error: string, message = `${error}: it did not hold`): Partial<ScenarioRecord> => ({ failure: { step, error }, attachments: { 'failure.txt': message } });

test('generated suffixes normalise; ordinals and ordinary words do not', () => {
  assert.equal(normalizeName('web-5d8f7c9b6d-x2k9p'), 'web-<hash>-<random>');
  assert.equal(normalizeName('pi-7xqz4'), 'pi-<random>');
  assert.equal(normalizeName('web-0'), 'web-0');
  assert.equal(normalizeName('nginx-proxy'), 'nginx-proxy');
});

test('every portable scenario lands in exactly one class, and the denominator is all of them', () => {
  const report = compareRuns(
    [
      record('a.feature:3', 'PASSED', 10),
      record('a.feature:9', 'PASSED', 20),
      record('b.feature:4', 'PASSED', 5, { tags: ['@portable', '@needs-kubelet'] }),
      record('c.feature:2', 'PASSED', 5),
      record('d.feature:7', 'PASSED', 5),
      record('e.feature:1', 'PASSED', 5),
    ],
    [
      record('a.feature:3', 'PASSED', 4000),
      record('a.feature:9', 'FAILED', 6000, failedAt('line 12', 'WaitTimeoutAssertionError', 'WaitTimeoutAssertionError: StatefulSet "db" to have 2 ready replicas: not true within 2m\nmore')),
      record('c.feature:2', 'SKIPPED', 1, { attachments: { [NOT_APPLICABLE_ATTACHMENT]: 'not applicable on the live driver: "node "w" fails" needs to fail and recover nodes (capability node-faults)' } }),
      record('d.feature:7', 'PASSED', 900, { attachments: { [MODEL_JUDGED_ATTACHMENT]: 'features/d.feature:9 pod {string} can reach service {string} on port {int}: judged by the NetworkPolicy and kube-proxy model\n' } }),
    ],
  );
  assert.equal(report.portable, 6);
  assert.equal(report.agree, 1);
  assert.equal(report.disagree, 1);
  assert.deepEqual(report.notJudged, { kubelet: 1, model: 1, skipped: 1, unavailable: 1 });
  assert.equal(report.agree + report.disagree + Object.values(report.notJudged).reduce((a, b) => a + b), report.portable);
  assert.equal(report.agreementPercent, 50);
  assert.deepEqual(report.rows.find((r) => r.id === 'a.feature:9')!.differences, [
    'simulator: passed',
    'reference: failed at line 12 with WaitTimeoutAssertionError: WaitTimeoutAssertionError: StatefulSet "db" to have 2 ready replicas: not true within 2m / more',
  ]);
  assert.equal(report.rows.find((r) => r.id === 'c.feature:2')!.notJudged!.detail, 'skipped on the reference cluster: not applicable on the live driver: "node "w" fails" needs to fail and recover nodes (capability node-faults)');
  assert.equal(report.rows.find((r) => r.id === 'd.feature:7')!.notJudged!.detail, 'judged by a kubespec model on both sides: pod {string} can reach service {string} on port {int}: judged by the NetworkPolicy and kube-proxy model');
  assert.equal(report.rows.find((r) => r.id === 'e.feature:1')!.notJudged!.detail, 'ran only on the simulator');
  // Speed over the judged scenarios only: 30 ms against 10000 ms; per scenario 400× and 300×.
  assert.equal(report.simMs, 30);
  assert.equal(report.realMs, 10000);
  assert.equal(report.speedRatio, 333);
  assert.equal(report.speedMedian, 350);
  assert.equal(report.speedMin, 300);
});

test('two failures agree only at the same step with the same class of error', () => {
  const sim = [record('a:1', 'FAILED', 1, failedAt('line 5', 'KubespecAssertionError')), record('b:1', 'FAILED', 1, failedAt('line 5', 'KubespecAssertionError')), record('c:1', 'FAILED', 1, failedAt('line 5', 'KubespecAssertionError'))];
  const real = [record('a:1', 'FAILED', 9, failedAt('line 5', 'KubespecAssertionError')), record('b:1', 'FAILED', 9, failedAt('line 8', 'KubespecAssertionError')), record('c:1', 'FAILED', 9, failedAt('line 5', 'WaitTimeoutAssertionError'))];
  const report = compareRuns(sim, real);
  assert.deepEqual(report.rows.map((r) => [r.id, r.verdict]), [['a:1', 'agree'], ['b:1', 'disagree'], ['c:1', 'disagree']]);
  assert.deepEqual(report.rows[1]!.differences, [
    'simulator: failed at line 5 with KubespecAssertionError: KubespecAssertionError: it did not hold',
    'reference: failed at line 8 with KubespecAssertionError: KubespecAssertionError: it did not hold',
  ]);
});

test('observation agreement counts the agreeing scenarios with no difference, and the headline has every count', () => {
  const events = (reason: string) => ({ attachments: { 'events.txt': `Normal\t${reason}\tStatefulSet/web\tx\n` } });
  const report = compareRuns(
    [record('a:1', 'PASSED', 1, events('SuccessfulCreate')), record('b:1', 'PASSED', 1, events('SuccessfulCreate'))],
    [record('a:1', 'PASSED', 500, events('SuccessfulCreate')), record('b:1', 'PASSED', 700, events('SuccessfulDelete'))],
  );
  assert.equal(report.observationsEqual, 1);
  assert.equal(report.observationPercent, 50);
  assert.equal(headline({ ...report, version: 'v1.32.13' }),
    'portable 2 on Kubernetes v1.32.13: agree 2, disagree 0, not judged 0 (kubelet 0, model 0, skipped 0, unavailable 0); observations equal in 1 of 2 agreeing (50%); verdicts agree in 100% of the judged');
  const table = fidelityTable(report);
  assert.match(table, /^a:1 +passed 0\.00s +passed 0\.50s +KWOK +agree, observations equal$/m);
  assert.match(table, /^b:1 +passed 0\.00s +passed 0\.70s +KWOK +agree, 2 observation differences$/m);
  assert.match(table, /^ {2}- event only on the simulator: Normal SuccessfulCreate on StatefulSet$/m);
});
