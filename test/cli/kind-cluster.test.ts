import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
import { parse } from 'yaml';
import { packageRoot } from '../../src/package-root.ts';
import { bin } from './cli-helpers.ts';

/**
 * No Docker here, so `kind` is a recording stand-in on PATH: it logs its arguments, copies the
 * config it was given, and keeps a list of "created" clusters like the real one would.
 */
function fakeKind(): { dir: string; calls: () => string[]; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-kind-'));
  const binDir = join(dir, 'bin');
  mkdirSync(binDir);
  writeFileSync(join(binDir, 'kind'), `#!/bin/sh
echo "$*" >> "${dir}/calls.log"
case "$1 $2" in
  "get clusters") [ -f "${dir}/clusters" ] && cat "${dir}/clusters" || echo "No kind clusters found." ;;
  "create cluster")
    while [ $# -gt 0 ]; do case "$1" in --name) name=$2 ;; --config) cp "$2" "${dir}/config-used.yaml" ;; esac; shift; done
    echo "$name" >> "${dir}/clusters" ;;
  "delete cluster") : > "${dir}/clusters" ;;
esac
`);
  chmodSync(join(binDir, 'kind'), 0o755);
  return { dir, calls: () => readFileSync(join(dir, 'calls.log'), 'utf8').trim().split('\n'), env: { PATH: `${binDir}:${process.env.PATH}` } };
}

test('cluster up writes a kind config with the topology\'s roles, labels and taints and creates the cluster; down deletes it', async () => {
  const kind = fakeKind();
  const project = mkdtempSync(join(tmpdir(), 'kubespec-kind-project-'));
  const up = await execa(process.execPath, [bin, 'cluster', 'up', '--name', 'demo', '--topology', 'gpu-pool'], { cwd: project, env: kind.env, reject: false });
  assert.equal(up.exitCode, 0, up.stdout + up.stderr);
  assert.match(up.stdout, /kind cluster "demo" is up \(topology gpu-pool\); run: kubespec run --profile live --context kind-demo/);
  assert.deepEqual(kind.calls(), ['get clusters', `create cluster --name demo --config ${join(project, 'reports', 'kind-demo.yaml')} --wait 5m`]);
  const config = parse(readFileSync(join(kind.dir, 'config-used.yaml'), 'utf8'));
  assert.equal(config.kind, 'Cluster');
  assert.equal(config.apiVersion, 'kind.x-k8s.io/v1alpha4');
  const topology = parse(readFileSync(join(packageRoot, 'scenarios', 'topologies', 'gpu-pool.yaml'), 'utf8'));
  const expectedNodes = topology.nodes.reduce((n: number, e: any) => n + (e.count ?? 1), 0);
  assert.equal(config.nodes.length, expectedNodes);
  assert.equal(config.nodes.filter((n: any) => n.role === 'control-plane').length, 1);
  assert.ok(config.nodes.every((n: any) => typeof n.labels['kubespec.io/node-name'] === 'string'), 'every node carries its topology name');
  const tainted = config.nodes.filter((n: any) => n.kubeadmConfigPatches);
  for (const n of tainted) {
    const patch = parse(n.kubeadmConfigPatches[0]);
    assert.equal(patch.kind, n.role === 'control-plane' ? 'InitConfiguration' : 'JoinConfiguration');
    assert.ok(patch.nodeRegistration.taints.length > 0);
  }

  const again = await execa(process.execPath, [bin, 'cluster', 'up', '--name', 'demo'], { cwd: project, env: kind.env, reject: false });
  assert.match(again.stdout, /exists already; not recreated/);
  const down = await execa(process.execPath, [bin, 'cluster', 'down', '--name', 'demo'], { cwd: project, env: kind.env, reject: false });
  assert.equal(down.exitCode, 0);
  assert.match(down.stdout, /deleted kind cluster "demo"/);
  assert.deepEqual(kind.calls().slice(-2), ['get clusters', 'delete cluster --name demo']);
});

test('without kind on PATH, cluster up says what to install', async () => {
  const project = mkdtempSync(join(tmpdir(), 'kubespec-kind-none-'));
  const r = await execa(process.execPath, [bin, 'cluster', 'up'], { cwd: project, env: { PATH: '/usr/bin:/bin' }, reject: false });
  assert.equal(r.exitCode, 2);
  assert.equal(r.stderr.trim(), 'kubespec: `kind` is not on PATH: install it (https://kind.sigs.k8s.io) with Docker or Podman, or use `kubespec cluster reference up`');
});
