// The nightly Job on the reference control plane: `kubespec nightly` renders it, kubectl applies
// it (server-side), the Indexed Job makes one pod per shard with its completion index, and the
// runner's ServiceAccount may do what the suite needs and not more. The pods cannot run here
// (KWOK nodes run no containers): each shard's entrypoint is tested locally against
// `kubespec serve` (test/nightly). Run by scripts/ci-reference.mjs with KUBECONFIG set.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execa } from 'execa';

const env = { ...process.env, KUBECONFIG: process.env.KUBECONFIG! };
const kubectl = (args: string[], input?: string) => execa('kubectl', ['--context', 'kubespec-reference', ...args], { env, reject: false, input });
const runner = 'system:serviceaccount:kubespec-nightly:kubespec-runner';

after(async () => {
  await kubectl(['delete', 'namespace', 'kubespec-nightly', '--wait=false']);
  await kubectl(['delete', 'clusterrole,clusterrolebinding', 'kubespec-nightly:runner']);
});

test('the rendered nightly objects are accepted by a real API server', async () => {
  const rendered = await execa('node', ['bin/kubespec.mjs', 'nightly', '--shards', '3', '--run', 'ci', '--image', 'registry.k8s.io/pause:3.10'], { reject: false });
  assert.equal(rendered.exitCode, 0, rendered.stderr);
  const applied = await kubectl(['apply', '--server-side', '-f', '-'], rendered.stdout);
  assert.equal(applied.exitCode, 0, applied.stderr);
});

test('the Indexed Job makes one pod per shard, each with its completion index', async () => {
  let indexes: string[] = [];
  for (let i = 0; i < 60 && indexes.length < 3; i++) {
    const pods = await kubectl(['get', 'pods', '-n', 'kubespec-nightly', '-l', 'kubespec.io/nightly-run=ci', '-o', 'jsonpath={.items[*].metadata.labels.batch\\.kubernetes\\.io/job-completion-index}']);
    indexes = pods.stdout.split(/\s+/).filter(Boolean).sort();
    if (indexes.length < 3) await new Promise((r) => setTimeout(r, 1000));
  }
  assert.deepEqual(indexes, ['0', '1', '2']);
});

for (const [verb, resource, namespace, expected] of [
  ['create', 'deployments.apps', 'ks-any', 'yes'],
  ['create', 'namespaces', undefined, 'yes'],
  ['patch', 'nodes', undefined, 'yes'],
  ['create', 'configmaps', 'kubespec-nightly', 'yes'],
  ['delete', 'nodes', undefined, 'no'],
  ['create', 'certificatesigningrequests.certificates.k8s.io', undefined, 'no'],
  ['create', 'mutatingwebhookconfigurations.admissionregistration.k8s.io', undefined, 'no'],
] as const) {
  test(`the runner ${expected === 'yes' ? 'may' : 'may not'} ${verb} ${resource}${namespace ? ` in ${namespace}` : ''}`, async () => {
    const r = await kubectl(['auth', 'can-i', verb, resource, '--as', runner, ...(namespace ? ['-n', namespace] : [])]);
    assert.equal(r.stdout.trim(), expected, r.stderr);
  });
}
