import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { compareRuns, eventDifferences, stateDifferences, transitionDifferences } from '../../src/fidelity/compare-runs.ts';
import { normalizeName } from '../../src/fidelity/normalize.ts';
import type { ScenarioRecord } from '../../src/report/scenario-records.ts';

function record(id: string, status: ScenarioRecord['status'], durationMs: number, extra: Partial<ScenarioRecord> = {}): ScenarioRecord {
  return { id, name: id, tags: ['@portable'], status, durationMs, attachments: {}, ...extra };
}

test('generated suffixes normalise; ordinals and ordinary words do not', () => {
  assert.equal(normalizeName('web-5d8f7c9b6d-x2k9p'), 'web-<hash>-<random>');
  assert.equal(normalizeName('pi-7xqz4'), 'pi-<random>');
  assert.equal(normalizeName('web-0'), 'web-0');
  assert.equal(normalizeName('nginx-proxy'), 'nginx-proxy');
});

test('equal verdicts agree, different ones do not; @needs-kubelet and live skips are listed but not counted', () => {
  const report = compareRuns(
    [record('a.feature:3', 'PASSED', 10), record('a.feature:9', 'PASSED', 20, { attachments: {} }), record('b.feature:4', 'FAILED', 5, { tags: ['@portable', '@needs-kubelet'] }), record('c.feature:2', 'PASSED', 5)],
    [record('a.feature:3', 'PASSED', 4000), record('a.feature:9', 'FAILED', 6000, { attachments: { 'failure.txt': 'StatefulSet "db" to have 2 ready replicas: not true within 2m\nmore' } }), record('b.feature:4', 'PASSED', 100), record('c.feature:2', 'SKIPPED', 1)],
  );
  assert.equal(report.compared, 2);
  assert.equal(report.agreeing, 1);
  assert.equal(report.agreementPercent, 50);
  const disagreement = report.rows.find((r) => r.id === 'a.feature:9')!;
  assert.equal(disagreement.agree, false);
  assert.deepEqual(disagreement.differences, ['reference: StatefulSet "db" to have 2 ready replicas: not true within 2m / more']);
  assert.match(report.rows.find((r) => r.id === 'b.feature:4')!.excluded!, /^@needs-kubelet/);
  assert.match(report.rows.find((r) => r.id === 'c.feature:2')!.excluded!, /^skipped on the reference cluster/);
  // Speed over the scenarios that ran on both: 35 ms against 10100 ms.
  assert.equal(report.simMs, 35);
  assert.equal(report.realMs, 10100);
  assert.equal(report.speedRatio, 289);
});

test('events compare by type, reason and kind, without the kubelet reasons KWOK never reports', () => {
  const sim = 'Normal\tScheduled\tPod/web-0\tSuccessfully assigned\nNormal\tPulled\tPod/web-0\tpulled\nNormal\tSuccessfulCreate\tStatefulSet/web\tcreate Pod web-0\n';
  const real = 'Normal\tScheduled\tPod/web-0\tSuccessfully assigned\nWarning\tFailedCreate\tStatefulSet/web\tx\n';
  assert.deepEqual(eventDifferences(sim, real), [
    'event only on the simulator: Normal SuccessfulCreate on StatefulSet',
    'event only on the reference cluster: Warning FailedCreate on StatefulSet',
  ]);
});

test('pod lifecycles compare per normalised name, ignoring what happens between terminating and deleted', () => {
  const sim = '0s  pod web-b7k2x  created\n1s  pod web-b7k2x  scheduled\n5s  pod web-b7k2x  terminating\n6s  pod web-b7k2x  succeeded\n7s  pod web-b7k2x  deleted\n';
  const same = '0s  pod web-xz2k4  created\n2s  pod web-xz2k4  scheduled\n9s  pod web-xz2k4  terminating\n9s  pod web-xz2k4  deleted\n';
  assert.deepEqual(transitionDifferences(sim, same), []);
  const different = '0s  pod web-xz2k4  created\n';
  assert.deepEqual(transitionDifferences(sim, different), ['pod web-<random> lifecycle: simulator created → scheduled → terminating → deleted, reference created']);
});

test('final objects compare after normalising uids, times, IPs, namespaces and kubelet-only pod fields', () => {
  const pod = (ns: string, ip: string, extra: object) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web-0', namespace: ns, uid: ns, resourceVersion: ip, creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [{ kind: 'StatefulSet', name: 'web', uid: ns }] },
    spec: { nodeName: 'worker-1', enableServiceLinks: true },
    status: { podIP: ip, hostIPs: [{ ip }], conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }], ...extra },
  });
  const sim = stringify(pod('default', '10.244.1.2', { qosClass: 'BestEffort' }));
  const real = stringify(pod('ks-x-1a2b3c', '10.0.0.7', { qosClass: 'Burstable' }));
  assert.deepEqual(stateDifferences(sim, real), ['Pod/web-0 status.qosClass: simulator "BestEffort", reference "Burstable"']);
  assert.deepEqual(stateDifferences(sim + '---\n' + stringify({ kind: 'Service', metadata: { name: 'kubernetes' } }), sim), []);
  assert.deepEqual(stateDifferences(sim, sim + '---\n' + stringify({ kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt' }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nx' } })),
    ['ConfigMap/kube-root-ca.crt only on the reference cluster']);
});

test('objects whose names normalise alike compare as a group, and hashes inside texts normalise', () => {
  const rs = (hash: string, ready: number) => ({ kind: 'ReplicaSet', metadata: { name: `web-${hash}` }, status: { readyReplicas: ready, message: `ReplicaSet "web-${hash}" has successfully progressed.` } });
  const sim = [rs('5d8f7c9b6d', 3), rs('7b9c4d5f68', 0)].map((o) => stringify(o)).join('---\n');
  const real = [rs('6c4f7d8b9z', 0), rs('68b7f9c4d2', 3)].map((o) => stringify(o)).join('---\n');
  assert.deepEqual(stateDifferences(sim, real), []);
  assert.deepEqual(stateDifferences(sim, stringify(rs('6c4f7d8b9z', 2))), [
    'ReplicaSet/web-<hash>: 2 on the simulator, 1 on the reference cluster',
    'ReplicaSet/web-<hash> status.readyReplicas: simulator 3, reference 2',
  ]);
});
