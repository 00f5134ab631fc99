// A real node's root (node-root.ts), made for real: this needs root and an overlay filesystem, as
// a real node does (CI runs as root; elsewhere the tests say they were skipped, and why).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { nodeLauncher, nodeRoot, nodeRootLayer, prepareNodeRootLayer, removeNodeRootLayer } from '../../../src/cluster/reference/real-node/node-root.ts';
import { isOurs, sleep, stopComponents } from '../../../src/cluster/reference/processes.ts';

const needsRoot = { skip: process.getuid?.() !== 0 && 'a mount namespace and an overlay need root' };

test("what a node's programs write to the host's folders stays in the node's root; the shared folder is the host's; nothing is left when it stops", needsRoot, async () => {
  const name = `kubespec-root-test-${process.pid}`;
  const shared = mkdtempSync(join(tmpdir(), 'node-root-'));
  const hostPathDir = `/srv/${name}`;
  const sleepProgram = (await execa('sh', ['-c', 'command -v sleep'])).stdout.trim();
  prepareNodeRootLayer(name);
  const root = nodeRoot(name, [shared], sleepProgram);
  const child = spawn('unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c', root.script], { stdio: 'ignore' });
  const holder = { name: 'node-root', pid: child.pid!, binary: root.holder, log: '' };
  try {
    for (let i = 0; i < 100 && !isOurs(holder); i++) await sleep(20);
    assert.ok(isOurs(holder), 'the holder runs in its root');
    const [nsenter, ...args] = nodeLauncher(holder.pid, '/proc/self/ns/net');
    const inside = await execa(nsenter!, [...args, '/bin/sh', '-c', `mkdir -p ${hostPathDir} && echo seen > ${shared}/from-node && ls -d ${hostPathDir}`], { reject: false });
    assert.equal(inside.exitCode, 0, inside.stderr);
    assert.equal(inside.stdout.trim(), hostPathDir, 'the node sees what it made');
    assert.ok(!existsSync(hostPathDir), 'the host does not');
    assert.equal(readFileSync(join(shared, 'from-node'), 'utf8'), 'seen\n', 'a shared folder is the host\'s');
    assert.ok(!readFileSync('/proc/self/mountinfo', 'utf8').includes('kubespec-node-root'), 'no mount of the node is in the host\'s table');
    // What `runc exec` does: join the namespace without taking anyone's root. It lands at the
    // namespace's own root, which must be the node's (a chroot would leave it at this machine's).
    const joined = await execa('nsenter', [`--target=${holder.pid}`, '--mount', 'sh', '-c', 'head -1 /proc/self/mountinfo; ls -d /srv/' + name], { reject: false });
    assert.equal(joined.exitCode, 0, joined.stderr);
    assert.match(joined.stdout, / \/ \/ .* - overlay kubespec-node-root /);
  } finally {
    await stopComponents([holder], 2_000);
    rmSync(shared, { recursive: true, force: true });
  }
  assert.deepEqual(removeNodeRootLayer(name), []);
  assert.ok(!existsSync(nodeRootLayer(name)));
});

test('a root that cannot be made says why: the holder never runs its program', needsRoot, async () => {
  const name = `kubespec-root-test-${process.pid}-missing`;
  // No layer folder: the tmpfs has nothing to be mounted on.
  const root = nodeRoot(name, [], '/bin/sleep');
  const run = await execa('unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c', root.script], { reject: false, timeout: 10_000 });
  assert.notEqual(run.exitCode, 0);
  assert.match(run.stderr, new RegExp(`${nodeRootLayer(name)}`));
});
