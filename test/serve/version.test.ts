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

async function watchLines(url: string, ca: string, token: string, query: string, wanted: number): Promise<{ status: number; lines: any[] }> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/namespaces/default/configmaps?watch=true&${query}`, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      const lines: any[] = [];
      res.on('data', (c) => {
        body += c;
        const parts = body.split('\n');
        body = parts.pop()!;
        lines.push(...parts.filter(Boolean).map((l) => JSON.parse(l)));
        if (res.statusCode === 200 && lines.length >= wanted) { req.destroy(); resolve({ status: 200, lines }); }
      });
      res.on('end', () => resolve({ status: res.statusCode!, lines: body ? [...lines, JSON.parse(body)] : lines }));
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    req.end();
  });
}

test('a watch list (sendInitialEvents, kubectl from 1.35) gets the state, then the initial-events-end bookmark; bad options are refused as upstream', async () => {
  const { served: s, url } = await served('1.37');
  try {
    s.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one', namespace: 'default' } });
    const list = await watchLines(url, s.certificate(), s.token, 'sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true', 3);
    assert.equal(list.status, 200);
    assert.deepEqual(list.lines.map((l) => [l.type, l.object.metadata.name ?? l.object.metadata.annotations?.['k8s.io/initial-events-end']]), [['ADDED', 'kube-root-ca.crt'], ['ADDED', 'one'], ['BOOKMARK', 'true']]);
    const bad = await watchLines(url, s.certificate(), s.token, 'sendInitialEvents=true', 1);
    assert.equal(bad.status, 422);
    assert.equal(bad.lines[0].message, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan');
  } finally {
    await s.stop();
  }
});
