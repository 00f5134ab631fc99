import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { execa } from 'execa';
import { serve } from '../../src/api/serve.ts';

const kubectlInstalled = await execa('kubectl', ['version', '--client'], { reject: false }).then((r) => r.exitCode === 0, () => false);
const sink = () => new Writable({ write: (_c, _e, done) => done() });

async function served(kubernetesVersion?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'kubespec-version-'));
  const env = { cwd, stdout: sink(), stderr: sink(), env: {} };
  return serve({ port: 0, speed: 1, kubeconfig: join(cwd, 'kubeconfig'), ...(kubernetesVersion ? { kubernetesVersion } : {}) }, env);
}

async function version(url: string, ca: string): Promise<Record<string, string>> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    request(`${url}/version`, { ca }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject).end();
  });
}

test("serve's /version follows --kubernetes-version, emulation fields from 1.33 on", async () => {
  for (const [minor, gitVersion, goVersion, emulation] of [['1.35', 'v1.35.4', 'go1.25.9', '35'], ['1.32', 'v1.32.13', 'go1.24.13', undefined]] as const) {
    const { served: s, url } = await served(minor);
    try {
      const body = await version(url, s.certificate());
      assert.equal(body.gitVersion, gitVersion);
      assert.equal(body.minor, minor.split('.')[1]);
      assert.equal(body.goVersion, goVersion);
      assert.equal(body.emulationMinor, emulation);
      const node = s.cluster.store.list('Node')[0]!;
      assert.equal(node.status.nodeInfo.kubeletVersion, gitVersion);
    } finally {
      await s.stop();
    }
  }
});

test('serve without the option is the default release, 1.37', async () => {
  const { served: s, url } = await served();
  try {
    assert.equal((await version(url, s.certificate())).gitVersion, 'v1.37.2');
    assert.equal(s.version.minor, '1.37');
  } finally {
    await s.stop();
  }
});

test('kubectl version shows the served release (and kubectl warns itself beyond its skew)', { skip: !kubectlInstalled && 'kubectl is not installed' }, async () => {
  const { served: s, kubeconfig } = await served('1.36');
  try {
    const r = await execa('kubectl', ['version', '-o', 'json'], { env: { KUBECONFIG: kubeconfig }, reject: false });
    assert.equal(JSON.parse(r.stdout).serverVersion.gitVersion, 'v1.36.3', r.stderr);
    const client = JSON.parse(r.stdout).clientVersion;
    if (Math.abs(Number(client.minor) - 36) > 1) assert.match(r.stderr, /version difference between client \(1\.\d+\) and server \(1\.36\) exceeds the supported minor version skew of \+\/-1/);
  } finally {
    await s.stop();
  }
});
