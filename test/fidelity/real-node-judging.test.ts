// The fidelity run's real-node pass (issue 31): @needs-kubelet scenarios are judged on the real
// node, each row says what judged it, and what could not be judged names what was missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRuns } from '../../src/fidelity/compare-runs.ts';
import { fidelityTable, realNodeLine } from '../../src/fidelity/fidelity-table.ts';
import { imagesNotPulled, kwokWorkersUsed, leftOutForImages, type RealNodeRun } from '../../src/fidelity/real-node-judging.ts';
import { leftOutOfQuickPass, slowOnRealNode } from '../../src/fidelity/real-node-budget.ts';
import type { ScenarioRecord } from '../../src/report/scenario-records.ts';

const kubelet = ['@portable', '@needs-kubelet'];
function record(id: string, status: ScenarioRecord['status'], extra: Partial<ScenarioRecord> = {}): ScenarioRecord {
  return { id, name: id, tags: kubelet, status, durationMs: 10, stepsMs: 10, attachments: {}, ...extra };
}
const run: RealNodeRun = { nodes: ['worker-1'], images: ['docker.io/library/busybox:1.36', 'registry.k8s.io/pause:3.10'], durationMs: 61_000 };
const timeline = (...nodes: string[]) => nodes.map((n, i) => `  0.${i}s  pod web-${i}  scheduled (${n})`).join('\n') + '\n';
const failedAt = (step: string, error: string): Partial<ScenarioRecord> => ({ failure: { step, error }, attachments: { 'failure.txt': `${error}: no` } });

test('a @needs-kubelet scenario is judged on the real node, the others on KWOK, and a real kubelet\'s events are compared (not Pulling: the real node has its images before the run)', () => {
  const report = compareRuns(
    [
      record('k.feature:1', 'PASSED', { attachments: { 'events.txt': 'Normal\tPulling\tPod/web\tPulling image "busybox:1.36"\nNormal\tPulled\tPod/web\tSuccessfully pulled image "busybox:1.36" in 2s\n', 'timeline.txt': timeline('worker-1') } }),
      record('c.feature:1', 'PASSED', { tags: ['@portable'] }),
    ],
    [record('c.feature:1', 'PASSED', { tags: ['@portable'] })],
    {
      records: [record('k.feature:1', 'PASSED', { attachments: { 'events.txt': 'Normal\tPulled\tPod/web\tx\nNormal\tStarted\tPod/web\tStarted container app\n', 'timeline.txt': timeline('worker-1') } })],
      run,
    },
  );
  const row = (id: string) => report.rows.find((r) => r.id === id)!;
  assert.equal(row('k.feature:1').judgedOn, 'real node');
  assert.equal(row('c.feature:1').judgedOn, 'KWOK');
  assert.deepEqual(row('k.feature:1').differences, ['event only on the reference cluster: Normal Started on Pod']);
  assert.equal(report.realNodeJudged, 1);
  assert.match(fidelityTable(report), /^k\.feature:1 +passed 0\.01s +passed 0\.01s +real node +agree, 1 observation difference$/m);
  assert.equal(realNodeLine(report), 'real node (worker-1): judged 1 of 1 @needs-kubelet scenarios (1 on the real node alone, 0 with KWOK workers too): agree 1, disagree 0; not judged 0; the pass took 61s');
});

test('what stops a @needs-kubelet scenario being judged is named: no real node, left out, a missing image, pods on KWOK workers', () => {
  const sim = [
    record('none.feature:1', 'PASSED'),
    record('out.feature:1', 'PASSED'),
    record('image.feature:1', 'PASSED'),
    record('kwok.feature:1', 'PASSED'),
    record('mixed.feature:1', 'PASSED'),
    record('missing-tag.feature:1', 'FAILED', { ...failedAt('line 9', 'WaitTimeoutAssertionError'), attachments: { 'events.txt': 'Warning\tFailed\tPod/p\tFailed to pull image "busybox:no-such-tag": not found\n' } }),
  ];
  const reals = [
    record('image.feature:1', 'FAILED', { ...failedAt('line 5', 'WaitTimeoutAssertionError'), attachments: { 'events.txt': 'Warning\tFailed\tPod/web\tFailed to pull image "nginx:1.27": failed to resolve reference "docker.io/library/nginx:1.27"\nNormal\tBackOff\tPod/web\tBack-off pulling image "nginx:1.27"\n' } }),
    record('kwok.feature:1', 'FAILED', { ...failedAt('line 7', 'KubespecAssertionError'), attachments: { 'timeline.txt': timeline('worker-1', 'worker-3', 'worker-2') } }),
    record('mixed.feature:1', 'PASSED', { attachments: { 'timeline.txt': timeline('worker-1', 'worker-2') } }),
    record('missing-tag.feature:1', 'FAILED', { ...failedAt('line 9', 'WaitTimeoutAssertionError'), attachments: { 'events.txt': 'Warning\tFailed\tPod/p\tFailed to pull image "busybox:no-such-tag": not found\n' } }),
  ];
  const report = compareRuns(sim, [], { records: reals, run: { ...run, leftOut: { 'out.feature:1': "left out of this run's real-node pass: waits 5 minutes in real time" } } });
  const row = (id: string) => report.rows.find((r) => r.id === id)!;
  assert.equal(row('none.feature:1').notJudged!.detail, 'needs a real kubelet: the real-node pass has no result for it');
  assert.equal(row('out.feature:1').notJudged!.detail, "left out of this run's real-node pass: waits 5 minutes in real time");
  assert.equal(row('image.feature:1').notJudged!.detail, 'image nginx:1.27 is not built offline (the real node has busybox:1.36, registry.k8s.io/pause:3.10)');
  assert.equal(row('kwok.feature:1').notJudged!.detail, "pods ran on KWOK workers worker-2, worker-3 as well (KWOK runs no container): the scenario has more workers than this cluster's 1 real node (worker-1)");
  assert.equal(row('mixed.feature:1').judgedOn, 'real node and KWOK');
  // A pull both kubelets fail (a tag that exists nowhere) is the scenario's point: judged.
  assert.equal(row('missing-tag.feature:1').verdict, 'agree');
  assert.equal(row('missing-tag.feature:1').judgedOn, 'real node');
  assert.deepEqual(report.notJudged, { kubelet: 4, model: 0, skipped: 0, unavailable: 0 });

  const withoutNode = compareRuns(sim.slice(0, 1), [], { records: [], run: { nodes: [], images: [], missing: 'no cgroup v1 hierarchy is mounted' } });
  assert.equal(withoutNode.rows[0]!.notJudged!.detail, 'needs a real kubelet, and this run had no real node: no cgroup v1 hierarchy is mounted');
  assert.equal(realNodeLine(withoutNode), 'real node: none in this run (no cgroup v1 hierarchy is mounted); 1 @needs-kubelet scenarios not judged');
});

test('images: the short and the full reference are one image; only pulls the simulator did not fail count', () => {
  const real = record('x:1', 'FAILED', { attachments: { 'events.txt': 'Warning\tFailed\tPod/a\tFailed to pull image "busybox:1.36": x\nWarning\tFailed\tPod/b\tFailed to pull image "registry.k8s.io/nginx-slim:0.27": x\n' } });
  assert.deepEqual(imagesNotPulled(real, record('x:1', 'PASSED'), ['docker.io/library/busybox:1.36']), ['registry.k8s.io/nginx-slim:0.27']);
  assert.deepEqual(kwokWorkersUsed(record('x:1', 'PASSED', { attachments: { 'timeline.txt': timeline('worker-1', 'worker-1') } }), ['worker-1']), []);
});

test('a scenario whose pods the simulator pulled an image for that the real node lacks is left out before the pass, naming the image', () => {
  const sims = [
    record('mysql:1', 'PASSED', { attachments: { 'events.txt': 'Normal\tPulling\tPod/db\tPulling image "mysql:8.0"\nNormal\tPulled\tPod/db\tSuccessfully pulled image "mysql:8.0" in 2s (2s including waiting). Image size: 0 bytes.\n' } }),
    record('busybox:1', 'PASSED', { attachments: { 'events.txt': 'Normal\tPulled\tPod/a\tContainer image "busybox:1.36" already present on machine\n' } }),
    record('missing-tag:1', 'PASSED', { attachments: { 'events.txt': 'Warning\tFailed\tPod/p\tFailed to pull image "busybox:no-such-tag": not found\n' } }),
  ];
  assert.deepEqual(leftOutForImages(sims, run.images), { 'mysql:1': 'image mysql:8.0 is not built offline: mysql:8.0 is not in the Debian archive; MariaDB is a different server (the real node has busybox:1.36, registry.k8s.io/pause:3.10)' });
});

test("CI's quick pass leaves out the scenarios the simulator spread over workers the real node does not play, and the listed slow ones", () => {
  const spread = record('spread:1', 'PASSED', { attachments: { 'timeline.txt': timeline('worker-1', 'worker-2') } });
  const alone = record('alone:1', 'PASSED', { attachments: { 'timeline.txt': timeline('worker-1') } });
  const slow = record('slow:1', 'PASSED', { name: 'a slow one', attachments: { 'timeline.txt': timeline('worker-1') } });
  slowOnRealNode['a slow one'] = 'took 92 s on the real node';
  try {
    const out = leftOutOfQuickPass([spread, alone, slow], ['worker-1']);
    assert.deepEqual(Object.keys(out).sort(), ['slow:1', 'spread:1']);
    assert.match(out['spread:1']!, /the simulator placed its pods on worker-2 too, which are KWOK here$/);
    assert.match(out['slow:1']!, /^left out of this run's real-node pass \(--real-node-quick, .*\): took 92 s on the real node$/);
  } finally {
    delete slowOnRealNode['a slow one'];
  }
});

test("CI's quick pass with as many real nodes as a listed scenario's workers keeps it; with fewer it leaves it out", () => {
  const wide = record('wide:1', 'PASSED', { name: 'a wide one', attachments: { 'timeline.txt': timeline('worker-1') } });
  slowOnRealNode['a wide one'] = 'its cluster has 3 workers; the real node plays worker-1 only, the others are KWOK';
  try {
    assert.deepEqual(leftOutOfQuickPass([wide], ['worker-1', 'worker-2', 'worker-3']), {});
    assert.deepEqual(Object.keys(leftOutOfQuickPass([wide], ['worker-1', 'worker-2'])), ['wide:1']);
  } finally {
    delete slowOnRealNode['a wide one'];
  }
});

test("a container's mounts in its status are compared where a real node ran the pod, not where KWOK stood in", () => {
  const state = (mounts: string) => ({ 'final state.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: x}\nstatus:\n  containerStatuses:\n    - name: app\n      ready: true\n${mounts}` });
  const sim = state('');
  const real = state('      volumeMounts: [{name: data, mountPath: /data}]\n');
  const onNode = compareRuns([record('k:1', 'PASSED', { attachments: sim })], [], { records: [record('k:1', 'PASSED', { attachments: real })], run });
  assert.deepEqual(onNode.rows[0]!.differences, ['Pod/web status.containerStatuses[name=app].volumeMounts: simulator <missing>, reference [{"name":"data","mountPath":"/data"}]']);
  const onKwok = compareRuns([record('c:1', 'PASSED', { tags: ['@portable'], attachments: sim })], [record('c:1', 'PASSED', { tags: ['@portable'], attachments: real })]);
  assert.deepEqual(onKwok.rows[0]!.differences, []);
});

test('a scenario whose steps observe traffic is judged from the real-node pass when that ran it, else stays judged by model, saying why', () => {
  const plain = ['@portable'];
  const probed = { 'traffic probes.txt': 'features/d.feature:3 the name {string} resolves: judged by the cluster DNS model: no node runs containers\n' };
  const modelNote = { 'judged by model.txt': 'features/d.feature:3 the name {string} resolves: judged by the cluster DNS model (no node runs containers)\n' };
  const sim = [
    record('d.feature:1', 'PASSED', { tags: plain, attachments: { ...probed, ...modelNote } }),
    record('e.feature:1', 'PASSED', { tags: plain, attachments: { ...probed, ...modelNote } }),
  ];
  // The KWOK pass kept the model for both; the real-node pass ran d (observed) and left e out.
  const kwok = sim.map((r) => ({ ...r }));
  const observed = record('d.feature:1', 'PASSED', { tags: plain, attachments: { 'traffic probes.txt': 'features/d.feature:3 the name {string} resolves: observed by a DNS lookup from the probe pod on worker-1\n' } });
  const report = compareRuns(sim, kwok, { records: [observed], run: { ...run, leftOut: { 'e.feature:1': 'image redis:7.4 is not built offline' } } });
  const row = (id: string) => report.rows.find((r) => r.id === id)!;
  assert.equal(row('d.feature:1').verdict, 'agree');
  assert.equal(row('d.feature:1').judgedOn, 'real node');
  assert.equal(row('d.feature:1').observesTraffic, true);
  assert.equal(row('e.feature:1').verdict, 'not judged');
  assert.equal(row('e.feature:1').notJudged?.reason, 'model');
  assert.match(row('e.feature:1').notJudged!.detail, /not run on a real node: image redis:7\.4 is not built offline$/);
  assert.equal(realNodeLine(report), 'real node (worker-1): judged 0 of 0 @needs-kubelet scenarios (0 on the real node alone, 0 with KWOK workers too): agree 0, disagree 0; not judged 0; 1 of 2 others for their steps that observe traffic: agree 1, disagree 0; the pass took 61s');
});
