import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ServedCluster } from '../../src/serve/served-cluster.ts';
import { serveForTests } from '../serve/served-for-tests.ts';
import { writeKubeconfig } from '../../src/serve/kubeconfig.ts';
import { packageRoot } from '../../src/package-root.ts';
import { bin } from '../cli/cli-helpers.ts';
import { readScenarioRecords } from '../../src/report/scenario-records.ts';

/**
 * `--profile live` against a real API server: here `kubespec serve` (the reference control plane
 * is a separate issue), so the live driver's HTTP path, namespaces and cleanup are exercised end
 * to end with client-node.
 */
describe('the live driver against kubespec serve', () => {
  let served: ServedCluster;
  let env: Record<string, string>;
  const scenarioNamespaces = () => served.cluster.store.list('Namespace').filter((n) => n.metadata.name.startsWith('ks-'));

  before(async () => {
    ({ served, env } = await serveForTests(5, [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1' }, { name: 'worker-2' }, { name: 'worker-3' }]));
  });
  after(async () => served?.stop());

  it('runs the card scenario green and leaves no namespace behind', async () => {
    const r = await execa('node', [bin, 'run', join(packageRoot, 'features', 'workloads', 'statefulset-scale-down.feature'), '--profile', 'live', '--context', 'kubespec'], { cwd: mkdtempSync(join(tmpdir(), 'kubespec-live-run-')), env, reject: false });
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /kubespec: 1 passed, 0 failed, 0 skipped \(profile live, Kubernetes v1\.37\.2\)/);
    assert.deepEqual(scenarioNamespaces().filter((n) => !n.metadata.deletionTimestamp), []);
  });

  it("refuses --kubernetes-version naming another minor than the cluster's, and accepts its own", async () => {
    const feature = join(packageRoot, 'features', 'workloads', 'statefulset-scale-down.feature');
    const cwd = mkdtempSync(join(tmpdir(), 'kubespec-live-version-'));
    const other = await execa('node', [bin, 'run', feature, '--profile', 'live', '--context', 'kubespec', '--kubernetes-version', '1.36'], { cwd, env, reject: false });
    assert.equal(other.exitCode, 2);
    assert.equal(other.stderr, 'kubespec: --kubernetes-version 1.36: context "kubespec" runs Kubernetes v1.37.2 (minor 1.37); a live run uses the cluster\'s own version, so name 1.37 or leave the option out');
    const same = await execa('node', [bin, 'run', feature, '--profile', 'live', '--context', 'kubespec', '--kubernetes-version', '1.37'], { cwd, env, reject: false });
    assert.equal(same.exitCode, 0, same.stdout + same.stderr);
    assert.match(same.stdout, /kubespec: 1 passed, 0 failed, 0 skipped \(profile live, Kubernetes v1\.37\.2\)/);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`deletes the scenario namespace when the run is stopped by ${signal}`, async () => {
      const run = execa('node', [bin, 'run', join(packageRoot, 'features', 'workloads', 'statefulset-scale-down.feature'), '--profile', 'live', '--context', 'kubespec'], { cwd: mkdtempSync(join(tmpdir(), 'kubespec-live-int-')), env, reject: false });
      // Wait (on the served cluster itself) until the scenario has its namespace, then stop the run.
      while (scenarioNamespaces().filter((n) => !n.metadata.deletionTimestamp).length === 0) await new Promise((r) => setTimeout(r, 20));
      run.kill(signal);
      const result = await run;
      assert.equal(result.exitCode, code, 'the run was stopped, not finished');
      assert.deepEqual(scenarioNamespaces().filter((n) => !n.metadata.deletionTimestamp).map((n) => n.metadata.name), []);
    });
  }

  it('puts back the node labels and taints a scenario gave, and fences off workers it did not name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubespec-live-nodes-'));
    const feature = join(dir, 'nodes.feature');
    writeFileSync(feature, [
      'Feature: nodes', '  Scenario: two labelled workers',
      '    Given a cluster with nodes:', '      | name     | labels   | taints             |',
      '      | worker-1 | disk=ssd |                    |', '      | worker-2 |          | team=a:NoSchedule  |',
      '    Then node "worker-3" matches:', '      """yaml', '      spec:', '        taints: [{key: kubespec.io/not-in-scenario, effect: NoSchedule}]', '      """',
      '    And node "worker-1" matches:', '      """yaml', '      metadata: {labels: {disk: ssd}}', '      """', '',
    ].join('\n'));
    const r = await execa('node', [bin, 'run', feature, '--profile', 'live', '--context', 'kubespec'], { cwd: dir, env, reject: false });
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    const node = (name: string) => served.cluster.store.get('Node', { name })!;
    assert.equal(node('worker-1').metadata.labels?.disk, undefined);
    assert.equal(node('worker-2').spec.taints, undefined);
    assert.equal(node('worker-3').spec.taints, undefined);
  });

  it('a parallel run keeps a scenario that changes nodes alone, and lets scenarios that want the same workers share their fence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubespec-live-parallel-'));
    const fenced = ['    Then node "worker-3" matches:', '      """yaml', '      spec:', '        taints: [{key: kubespec.io/not-in-scenario, effect: NoSchedule}]', '      """'];
    writeFileSync(join(dir, 'shared.feature'), [
      'Feature: a shared cluster',
      '  Scenario: two workers, first', '    Given a cluster with 2 worker nodes', '    When 3 seconds pass', ...fenced,
      '  Scenario: two workers, second', '    Given a cluster with 2 worker nodes', '    When 3 seconds pass', ...fenced,
      '  Scenario: a cordon', '    Given a cluster with 2 worker nodes', '    When node "worker-1" is cordoned', '    And 1 second passes', '',
    ].join('\n'));
    const r = await execa('node', [bin, 'run', 'shared.feature', '--profile', 'live', '--context', 'kubespec', '--parallel', '2'], { cwd: dir, env, reject: false });
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /live run in 2 workers: 1 of 3 scenarios run alone, as they change what every scenario shares \(for example shared\.feature:\d+ cordons a shared node\)/);
    // When each scenario ran, from the run's messages: the two "two workers" ran at once, the cordon beside neither.
    const messages = readFileSync(join(dir, 'reports', 'messages.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const pickleName = new Map(messages.filter((m) => m.pickle).map((m) => [m.pickle.id, m.pickle.name]));
    const caseName = new Map(messages.filter((m) => m.testCase).map((m) => [m.testCase.id, pickleName.get(m.testCase.pickleId)]));
    const spans = new Map<string, { name: string; from: number; to: number }>();
    const at = (t: { seconds: number; nanos: number }) => t.seconds * 1000 + t.nanos / 1e6;
    for (const m of messages) {
      if (m.testCaseStarted) spans.set(m.testCaseStarted.id, { name: caseName.get(m.testCaseStarted.testCaseId), from: at(m.testCaseStarted.timestamp), to: Infinity });
      if (m.testCaseFinished) spans.get(m.testCaseFinished.testCaseStartedId)!.to = at(m.testCaseFinished.timestamp);
    }
    const span = (name: string) => [...spans.values()].find((s) => s.name === name)!;
    const overlap = (a: string, b: string) => span(a).from < span(b).to && span(b).from < span(a).to;
    assert.ok(overlap('two workers, first', 'two workers, second'), 'the scenarios with the same workers ran at once');
    assert.ok(!overlap('a cordon', 'two workers, first') && !overlap('a cordon', 'two workers, second'), 'the cordon ran alone');
    const w3 = served.cluster.store.get('Node', { name: 'worker-3' })!;
    assert.equal(w3.spec.taints, undefined, 'the last holder lifted the fence');
    assert.equal(w3.metadata.annotations?.['kubespec.io/fenced-for'], undefined);
    assert.equal(served.cluster.store.get('Node', { name: 'worker-1' })!.spec.unschedulable, undefined);
  });

  it('kubespec clean removes leftover scenario namespaces and node fences', async () => {
    served.cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ks-left-over-1a2b3c', labels: { 'app.kubernetes.io/managed-by': 'kubespec' } } });
    const w3 = served.cluster.store.get('Node', { name: 'worker-3' })!;
    const holders = { 'kubespec.io/fenced-for': 'ks-gone-1a2b3c' };
    served.cluster.store.update({ ...structuredClone(w3), metadata: { ...structuredClone(w3.metadata), annotations: holders }, spec: { ...structuredClone(w3.spec), taints: [{ key: 'kubespec.io/not-in-scenario', value: 'true', effect: 'NoSchedule' }] } });
    const r = await execa('node', [bin, 'clean', '--context', 'kubespec'], { cwd: mkdtempSync(join(tmpdir(), 'kubespec-clean-')), env, reject: false });
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /removed namespace ks-left-over-1a2b3c\nremoved taint kubespec.io\/not-in-scenario on node worker-3/);
    assert.ok(served.cluster.store.get('Namespace', { name: 'ks-left-over-1a2b3c' })?.metadata.deletionTimestamp ?? !served.cluster.store.get('Namespace', { name: 'ks-left-over-1a2b3c' }));
    assert.equal(served.cluster.store.get('Node', { name: 'worker-3' })!.spec.taints, undefined);
    assert.equal(served.cluster.store.get('Node', { name: 'worker-3' })!.metadata.annotations?.['kubespec.io/fenced-for'], undefined);
  });

  /** A run with a kubeconfig whose one context ("kubespec") is `entry`, from an empty project. */
  async function runWith(entry: { server: string; token: string }) {
    const dir = mkdtempSync(join(tmpdir(), 'kubespec-live-bad-'));
    writeKubeconfig(join(dir, 'kubeconfig'), { name: 'kubespec', server: entry.server, caPem: served.certificate(), token: entry.token });
    const feature = join(packageRoot, 'features', 'workloads', 'statefulset-scale-down.feature');
    return execa('node', [bin, 'run', feature, '--profile', 'live', '--context', 'kubespec'], { cwd: dir, env: { ...env, KUBECONFIG: join(dir, 'kubeconfig') }, reject: false });
  }

  it('stops before any scenario, in one line naming the context, when the credentials are refused', async () => {
    const r = await runWith({ server: served.url(), token: 'expired-token' });
    assert.equal(r.exitCode, 2);
    assert.equal(r.stderr.trim(), `kubespec: context "kubespec": the API server at ${served.url()} refused the credentials (401 Unauthorized); they may have expired: renew them in the kubeconfig`);
    assert.equal(r.stdout, '');
  });

  it('stops before any scenario, in one line naming the context, when the server cannot be reached', async () => {
    const r = await runWith({ server: 'https://127.0.0.1:9', token: served.token });
    assert.equal(r.exitCode, 2);
    assert.equal(r.stderr.trim(), 'kubespec: context "kubespec": cannot reach the API server at https://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9');
  });
});

describe('the live driver on a cluster whose nodes kind named', () => {
  let served: ServedCluster;
  let env: Record<string, string>;

  before(async () => {
    ({ served, env } = await serveForTests(5, [{ name: 'lab-control-plane', role: 'control-plane' }, { name: 'lab-worker' }, { name: 'lab-worker2' }]));
  });
  after(async () => served?.stop());

  it('runs a scenario written with topology node names (worker-1, worker-2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubespec-live-kind-run-'));
    writeFileSync(join(dir, 'names.feature'), [
      'Feature: node names', '  Scenario: pinned to worker-2',
      '    Given a cluster with 2 worker nodes',
      '    And the following manifest is applied:', '      """yaml', '      apiVersion: v1', '      kind: Pod', '      metadata: {name: pinned}',
      '      spec:', '        nodeSelector: {kubernetes.io/hostname: worker-2}', '        containers: [{name: app, image: busybox:1.36, command: [sleep, "3600"]}]', '      """',
      '    Then pod "pinned" is Running within 1 minute',
      '    And pod "pinned" matches:', '      """yaml', '      spec: {nodeName: worker-2}', '      """',
      '    And pod "pinned" has a Scheduled event saying "to worker-2"',
      '    When node "worker-1" is tainted "team=a:NoSchedule"',
      '    Then node "worker-1" matches:', '      """yaml', '      spec:', '        taints: [{key: team, value: a, effect: NoSchedule}]', '      """', '',
    ].join('\n'));
    const r = await execa('node', [bin, 'run', join(dir, 'names.feature'), '--profile', 'live', '--context', 'kubespec'], { cwd: dir, env, reject: false });
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    assert.equal(served.cluster.store.get('Node', { name: 'lab-worker' })!.spec.taints, undefined, 'the taint was put back on the real node');
  });
  it('keeps the DNS model against kubespec serve, saying why, and starts no probe pod there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'kubespec-live-dns-'));
    const reports = join(cwd, 'reports');
    const r = await execa('node', [bin, 'run', `${join(packageRoot, 'features', 'networking', 'dns.feature')}:120`, '--profile', 'live', '--context', 'kubespec', '--reports', reports], { cwd, env, reject: false });
    assert.equal(r.exitCode, 0, r.stdout + r.stderr);
    const [record] = readScenarioRecords(join(reports, 'messages.ndjson'), cwd);
    assert.match(record!.attachments['judged by model.txt']!, /judged by the cluster DNS model \(the cluster is kubespec serve: its nodes run the simulator/);
    assert.equal(served.cluster.store.list('Pod').filter((p) => p.metadata.name === 'kubespec-probe').length, 0);
  });
});
