import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { packageRoot } from '../../src/package-root.ts';
import { bin, kubespec, projectWith } from './cli-helpers.ts';

const kubectlInstalled = await execa('kubectl', ['version', '--client'], { reject: false }).then((r) => r.exitCode === 0, () => false);

/** Starts `kubespec drill start|exam ...` and resolves once it prints that the cluster is up. */
async function startInBackground(cwd: string, ...args: string[]): Promise<{ process: ResultPromise; output: () => string }> {
  const child = execa('node', [bin, 'drill', ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (output.includes('Ctrl-C stops')) { clearInterval(poll); resolve(); }
    }, 50);
    void child.then(() => { clearInterval(poll); reject(new Error(`drill ${args.join(' ')} exited early:\n${output}`)); });
  });
  return { process: child, output: () => output };
}

describe('kubespec drill', () => {
  it('start --kubernetes-version serves that release and the header names it; a bad one is refused', async () => {
    const dir = projectWith({});
    const started = await startInBackground(dir, 'start', 'service-selector-fix', '--kubernetes-version', '1.35', '--speed', '60');
    try {
      assert.match(started.output(), /^cluster: simulated Kubernetes v1\.35\.4, https:\/\//m);
    } finally {
      started.process.kill('SIGINT');
      await started.process;
    }
    const bad = await kubespec(dir, 'drill', 'start', 'service-selector-fix', '--kubernetes-version', '2.0');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^kubespec: --kubernetes-version: "2\.0" is not a Kubernetes version kubespec simulates: minor 2\.0 is not simulated/);
    const live = await kubespec(dir, 'drill', 'start', 'service-selector-fix', '--context', 'kind-x', '--kubernetes-version', '1.36');
    assert.equal(live.code, 2);
    assert.match(live.stderr, /^kubespec: --kubernetes-version 1\.36 chooses the version of a simulated cluster; context "kind-x" runs its own version\n$/);
  });

  it('lists the drills of a domain with their level and time', async () => {
    const r = await kubespec(projectWith({}), 'drill', 'list', '--domain', 'storage');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^ID\s+DOMAIN\s+LEVEL\s+MIN\s+TITLE$/m);
    assert.match(r.stdout, /^redis-statefulset\s+storage\s+hard\s+12\s+Redis as a StatefulSet with persistent storage$/m);
    assert.doesNotMatch(r.stdout, /workloads-scheduling/);
  });

  it('start serves the setup and prints the task; check grades it; the solution passes; reset starts over', { skip: !kubectlInstalled && 'kubectl is not installed' }, async () => {
    const dir = projectWith({});
    const started = await startInBackground(dir, 'start', 'service-selector-fix', '--speed', '60');
    try {
      assert.match(started.output(), /A Service with no endpoints {2}\[service-selector-fix\]/);
      assert.match(started.output(), /namespace checkout/);
      assert.match(started.output(), /export KUBECONFIG=.*reports\/kubeconfig/);
      const session = JSON.parse(readFileSync(join(dir, 'reports', 'drill-session.json'), 'utf8'));
      assert.deepEqual(session.drills, ['service-selector-fix']);

      const before = await kubespec(dir, 'drill', 'check');
      assert.equal(before.code, 1);
      assert.match(before.stdout, /✗ the Service has both payments pods as endpoints\n {6}expected: service "payments" has 2 ready endpoints\n {6}found: {4}service "payments" has 0 ready endpoints \(0 in total\)\n/);
      assert.match(before.stdout, /score: 0\/2 requirements \(0%\)/);

      const env = { KUBECONFIG: session.kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
      await execa('sh', [join(packageRoot, 'scenarios', 'drills', 'service-selector-fix', 'solution.sh')], { env });
      const after = await kubespec(dir, 'drill', 'check');
      assert.equal(after.code, 0, after.stdout);
      assert.match(after.stdout, /score: 2\/2 requirements \(100%\)/);

      const reset = await kubespec(dir, 'drill', 'reset');
      assert.equal(reset.code, 0, reset.stderr);
      assert.match(reset.stdout, /reset service-selector-fix: the simulated cluster started over, setup applied again/);
      const selector = await execa('kubectl', ['-n', 'checkout', 'get', 'service', 'payments', '-o', 'jsonpath={.spec.selector.app}'], { env });
      assert.equal(selector.stdout, 'payment', 'the broken selector is back');
      assert.equal((await kubespec(dir, 'drill', 'check')).code, 1);
    } finally {
      started.process.kill('SIGINT');
      await started.process;
    }
  });

  it('exam draws drills across domains with the seed, under one timer', async () => {
    const dir = projectWith({});
    const started = await startInBackground(dir, 'exam', '--count', '3', '--seed', '7', '--speed', '60');
    try {
      assert.match(started.output(), /^cluster: simulated Kubernetes v1\.37\.2, https:\/\//m);
      const tasks = [...started.output().matchAll(/^Task (\d) of 3: .*\[([a-z0-9-]+)\]\ndomain (\S+)/gm)];
      assert.equal(tasks.length, 3, started.output());
      assert.equal(new Set(tasks.map((t) => t[3])).size, 3, 'three different domains');
      const session = JSON.parse(readFileSync(join(dir, 'reports', 'drill-session.json'), 'utf8'));
      assert.deepEqual(session.drills, tasks.map((t) => t[2]));
      const check = await kubespec(dir, 'drill', 'check');
      assert.equal(check.code, 1);
      assert.match(check.stdout, /^time: \d+ of \d+ minutes$/m);
      // The same seed draws the same exam.
      const again = await startInBackground(projectWith({}), 'exam', '--count', '3', '--seed', '7', '--speed', '60');
      again.process.kill('SIGINT');
      await again.process;
      assert.deepEqual([...again.output().matchAll(/\[([a-z0-9-]+)\]\ndomain/g)].map((m) => m[1]), session.drills);
    } finally {
      started.process.kill('SIGINT');
      await started.process;
    }
  });
});
