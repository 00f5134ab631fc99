// A real node's pieces that need no root (issue 31): the offline image archive's layout and
// digests, the node network's names and subnets, the kubelet's configuration on cgroup v1, and
// the host comparison `down` is judged by. The running node is checked by
// scripts/reference-real-node-cycle.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { writeImageArchive } from '../../../src/cluster/reference/real-node/oci-image.ts';
import { nodeNetwork } from '../../../src/cluster/reference/real-node/node-network.ts';
import { kubeletArgs, writeKubeletConfig } from '../../../src/cluster/reference/real-node/node-agents.ts';
import { footprintLeftovers, type HostFootprint } from '../../../src/cluster/reference/real-node/host-footprint.ts';

test('an image archive is an OCI layout whose index names the image and whose blobs match their digests', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oci-'));
  writeFileSync(join(dir, 'hello'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  const archive = join(dir, 'image.tar');
  await writeImageArchive({ names: ['docker.io/library/hello:1.0'], entries: [{ path: 'bin/hello', copyOf: join(dir, 'hello') }, { path: 'bin/hi', symlinkTo: 'hello' }], entrypoint: ['/bin/hello'] }, archive);
  const out = join(dir, 'out');
  mkdirSync(out);
  await execa('tar', ['-xf', archive, '-C', out]);
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  assert.equal(JSON.parse(readFileSync(join(out, 'oci-layout'), 'utf8')).imageLayoutVersion, '1.0.0');
  assert.equal(index.manifests[0].annotations['org.opencontainers.image.ref.name'], 'docker.io/library/hello:1.0');
  const read = (digest: string) => readFileSync(join(out, 'blobs', 'sha256', digest.slice('sha256:'.length)));
  const check = (descriptor: { digest: string; size: number }) => {
    const content = read(descriptor.digest);
    assert.equal(`sha256:${createHash('sha256').update(content).digest('hex')}`, descriptor.digest);
    assert.equal(content.length, descriptor.size);
    return content;
  };
  const manifest = JSON.parse(check(index.manifests[0]).toString());
  const config = JSON.parse(check(manifest.config).toString());
  check(manifest.layers[0]);
  assert.deepEqual(config.config.Entrypoint, ['/bin/hello']);
  assert.deepEqual(config.rootfs.diff_ids, [manifest.layers[0].digest]);
  const listing = (await execa('tar', ['-tvf', join(out, 'blobs', 'sha256', manifest.layers[0].digest.slice(7))])).stdout;
  assert.match(listing, /^-rwxr-xr-x 0\/0 .* \.\/bin\/hello$/m);
  assert.match(listing, /^lrwxrwxrwx 0\/0 .* \.\/bin\/hi -> hello$/m);
  // The same inputs give the same image.
  const again = join(dir, 'again.tar');
  await writeImageArchive({ names: ['docker.io/library/hello:1.0'], entries: [{ path: 'bin/hello', copyOf: join(dir, 'hello') }, { path: 'bin/hi', symlinkTo: 'hello' }], entrypoint: ['/bin/hello'] }, again);
  assert.deepEqual(readFileSync(again), readFileSync(archive));
});

test('an image entry may be a text written with its mode, and the config carries a stop signal (nginx: SIGQUIT)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'oci-'));
  const archive = join(dir, 'image.tar');
  await writeImageArchive({ names: ['docker.io/library/nginx:1.27', 'registry.k8s.io/nginx-slim:0.27'], entries: [{ path: 'etc/nginx/nginx.conf', content: 'events {}\n' }], cmd: ['nginx', '-g', 'daemon off;'], stopSignal: 'SIGQUIT' }, archive);
  const out = join(dir, 'out');
  mkdirSync(out);
  await execa('tar', ['-xf', archive, '-C', out]);
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  assert.deepEqual(index.manifests.map((m: any) => m.annotations['org.opencontainers.image.ref.name']), ['docker.io/library/nginx:1.27', 'registry.k8s.io/nginx-slim:0.27']);
  const blob = (digest: string) => join(out, 'blobs', 'sha256', digest.slice('sha256:'.length));
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
  assert.equal(JSON.parse(readFileSync(blob(manifest.config.digest), 'utf8')).config.StopSignal, 'SIGQUIT');
  const listing = (await execa('tar', ['-tvf', blob(manifest.layers[0].digest)])).stdout;
  assert.match(listing, /^-rw-r--r-- 0\/0 +10 .* \.\/etc\/nginx\/nginx\.conf$/m);
});

test("a node's network: interface names fit the kernel's 15 characters, minors and nodes never share a subnet", () => {
  const seen = new Set<string>();
  for (const minor of [32, 33, 37]) {
    for (const index of [0, 1]) {
      const n = nodeNetwork(minor, index);
      assert.ok(n.hostInterface.length <= 15, n.hostInterface);
      assert.ok(!seen.has(n.podSubnet) && !seen.has(n.hostAddress), `${minor}/${index}`);
      seen.add(n.podSubnet).add(n.hostAddress);
      assert.doesNotMatch(n.podSubnet, /^10\.(96|244)\./);
    }
  }
});

test('the kubelet runs on cgroup v1 with cgroupfs under its own cgroup root, registers as the worker it plays with its taints and labels, reachable only by the API server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelet-'));
  const network = nodeNetwork(32, 0);
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  const files = { nodeName: 'worker-1', nodeLabels: { 'topology.kubernetes.io/zone': 'a' }, nodeTaints: [taint], network, dir, runDir: '/run/x', containerdSocket: '/x/containerd.sock', clientCaFile: '/x/ca.crt', kubeletPort: 12345, cgroupRoot: `/${network.netns}` };
  const file = writeKubeletConfig(files);
  const config = parse(readFileSync(file, 'utf8'));
  assert.equal(config.failCgroupV1, false);
  assert.equal(config.cgroupDriver, 'cgroupfs');
  assert.equal(config.cgroupRoot, '/kubespec-ref-32-node-0');
  assert.equal(config.address, network.nodeAddress);
  assert.deepEqual(config.authentication.anonymous, { enabled: false });
  assert.equal(config.authorization.mode, 'Webhook');
  assert.deepEqual(config.registerWithTaints, [taint]);
  assert.equal(config.containerRuntimeEndpoint, 'unix:///x/containerd.sock');
  const args = kubeletArgs(files, file, '/x/kubelet.kubeconfig');
  assert.ok(args.includes('--hostname-override=worker-1'), args.join(' '));
  assert.ok(args.includes('--node-labels=topology.kubernetes.io/zone=a,kubespec.io/real-node=true'), args.join(' '));
  // A worker without taints registers without any: no taint of the real node's own.
  assert.equal(parse(readFileSync(writeKubeletConfig({ ...files, nodeTaints: [] }), 'utf8')).registerWithTaints, undefined);
});

test("down is judged by what the host gained: a new interface, rule, mount or process is named, what was there before is not", () => {
  const before: HostFootprint = { links: ['eth0', 'lo'], netns: [], iptables: ['*filter', ':INPUT ACCEPT', 'COMMIT'], mounts: ['/'], processes: ['1 init'] };
  assert.deepEqual(footprintLeftovers(before, before), []);
  const after: HostFootprint = { links: ['eth0', 'ksref32n0', 'lo'], netns: ['kubespec-ref-32-node-0'], iptables: [...before.iptables, '-A POSTROUTING -j CNI-x'], mounts: ['/', '/x/shm'], processes: ['1 init', '77 containerd --config /x'] };
  assert.deepEqual(footprintLeftovers(before, after), [
    'interface: ksref32n0', 'network namespace: kubespec-ref-32-node-0', 'iptables: -A POSTROUTING -j CNI-x', 'mount: /x/shm', 'process: 77 containerd --config /x',
  ]);
});
