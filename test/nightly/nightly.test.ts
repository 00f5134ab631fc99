import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, test } from 'node:test';
import { execa } from 'execa';
import { SimDriver } from '../../src/drivers/sim/sim-driver.ts';
import { nightlyManifests } from '../../src/nightly/nightly-manifests.ts';
import { runnerRules } from '../../src/nightly/runner-rbac.ts';
import { canI, serviceAccountSubject } from '../../src/security/can-i.ts';
import type { ServedCluster } from '../../src/serve/served-cluster.ts';
import { serveForTests } from '../serve/served-for-tests.ts';
import { bin, projectWith } from '../cli/cli-helpers.ts';

const crdFeature = [
  'Feature: f', '  Scenario: s', '    Given a Deployment "api" with 2 replicas', '    And the following manifest is applied:', '      """yaml',
  '      apiVersion: apiextensions.k8s.io/v1', '      kind: CustomResourceDefinition', '      metadata: {name: crontabs.stable.example.com}',
  '      spec: {group: stable.example.com, names: {plural: crontabs, kind: CronTab}, scope: Namespaced}', '      """',
  '    Then pod "api-0" is Running', '    When node "worker-1" fails',
].join('\n');

test('the runner may do what the features do: their kinds, their custom resources, and the driver\'s own needs', () => {
  const rules = runnerRules([crdFeature]);
  const allows = (group: string, resource: string, verb: string) => rules.some((r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb));
  assert.ok(allows('apps', 'deployments', 'create'));
  assert.ok(allows('stable.example.com', 'crontabs', 'delete'));
  assert.ok(allows('apiextensions.k8s.io', 'customresourcedefinitions', 'create'));
  assert.ok(allows('', 'nodes', 'patch') && !allows('', 'nodes', 'delete'), 'nodes are described, never removed');
  assert.ok(!allows('', 'secrets', 'get'), 'no Secret access when no feature uses Secrets');
  assert.ok(!rules.some((r) => r.verbs.includes('escalate')), 'bind/escalate only for features that create RBAC objects');
  assert.ok(runnerRules(['    Given the following manifest is applied:\n      """yaml\n      apiVersion: rbac.authorization.k8s.io/v1\n      kind: ClusterRole\n      metadata: {name: r}\n      """\n']).some((r) => r.verbs.includes('escalate')));
  assert.ok(!runnerRules(['    Then pod "p" matches:\n      """yaml\n      metadata:\n        ownerReferences: [{apiVersion: v1, kind: Node, name: n}]\n      """\n']).some((r) => r.resources.includes('nodes') && r.verbs.includes('delete')), 'an expectation is not a manifest');
});

test('on the simulator the nightly objects are accepted, the Job starts one pod per shard with its index, and the runner holds no more than its rules', async () => {
  const driver = new SimDriver();
  await driver.setup({ name: 'nightly', uri: 'test', seed: 1 });
  await driver.addNodes([{ name: 'worker-1' }, { name: 'worker-2' }]);
  const objects = nightlyManifests({ runId: 't1', shards: 3, image: 'kubespec:test', namespace: 'kubespec-nightly', rules: runnerRules([crdFeature]) });
  await driver.apply(objects);
  await driver.elapse(5_000);
  const pods = await driver.list('Pod', { namespace: 'kubespec-nightly' });
  assert.deepEqual(pods.map((p) => p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).sort(), ['0', '1', '2']);
  assert.ok(pods.every((p) => p.spec.serviceAccountName === 'kubespec-runner' && p.spec.containers[0].env.some((e: any) => e.name === 'JOB_COMPLETION_INDEX')));
  const runner = serviceAccountSubject('kubespec-nightly', 'kubespec-runner');
  const can = async (verb: string, resource: string, ns?: string) => (await canI(driver, runner, verb, resource, ns)).allowed;
  assert.equal(await can('create', 'deployments', 'anywhere'), true);
  assert.equal(await can('create', 'configmaps', 'kubespec-nightly'), true, 'its results');
  assert.equal(await can('create', 'configmaps', 'other'), false);
  assert.equal(await can('delete', 'nodes'), false);
  assert.equal(await can('get', 'secrets', 'kube-system'), false);
});

describe('nightly shards against a served cluster', () => {
  let served: ServedCluster;
  let env: Record<string, string>;
  before(async () => {
    ({ served, env } = await serveForTests(3, [{ name: 'worker-1' }]));
  });
  after(async () => served?.stop());

  it('each shard stores its results; collect merges them into one verdict per scenario', async () => {
    const scenario = (name: string, value: string, expected: string) => [
      `  Scenario: ${name}`, '    Given the following manifest is applied:', '      """yaml', '      apiVersion: v1', '      kind: ConfigMap',
      `      metadata: {name: ${name}}`, `      data: {v: "${value}"}`, '      """', `    Then ConfigMap "${name}" matches:`, '      """yaml', `      data: {v: "${expected}"}`, '      """',
    ].join('\n');
    const project = projectWith({ 'suite.feature': ['Feature: suite', scenario('one', '1', '1'), scenario('two', '2', '2'), scenario('three', '3', 'x')].join('\n') + '\n' });
    await execa('kubectl', ['--kubeconfig', env.KUBECONFIG!, 'create', 'namespace', 'kubespec-nightly']);
    for (const index of ['0', '1']) {
      const r = await execa('node', [bin, 'nightly', 'shard', '--shards', '2', '--run', 'r1', '--context', 'kubespec', '--namespace', 'kubespec-nightly'], { cwd: project, env: { ...env, JOB_COMPLETION_INDEX: index }, reject: false });
      assert.equal(r.exitCode, 0, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`shard ${Number(index) + 1}/2: \\d passed, \\d failed, 0 skipped; results in kubespec-results-r1-${index}-0`));
    }
    const c = await execa('node', [bin, 'nightly', 'collect', '--run', 'r1', '--context', 'kubespec', '--shards', '2', '--into', 'merged'], { cwd: project, env, reject: false });
    assert.equal(c.exitCode, 1, 'one scenario failed');
    assert.equal(c.stdout, 'collected nightly run r1: 2 shards, 3 scenarios, 1 failed, into merged');
    const junit = readFileSync(join(project, 'merged', 'junit.xml'), 'utf8');
    assert.equal((junit.match(/<testcase /g) ?? []).length, 3);
    assert.match(junit, /<testcase [^>]*name="three"[\s\S]*?<failure/);
  });
});
