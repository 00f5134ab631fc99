// What images are built from when they come from Debian packages (issue 31): the libraries a
// program loads, taken from the unpacked packages before this machine; the CA bundle
// update-ca-certificates would write; a package's tree as image entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateBundle, linkedLibraries, treeEntries, type DebianTree } from '../../../../src/cluster/reference/real-node/debian-packages.ts';

const fakeTree = (): DebianTree => ({ root: mkdtempSync(join(tmpdir(), 'debian-tree-')), debs: ['example_1.0_amd64.deb'] });

test("a library the unpacked packages carry is taken from them, at its path in the image; the others from this machine", async () => {
  const tree = fakeTree();
  // /bin/ls loads libselinux on Debian; here the packages carry their own.
  mkdirSync(join(tree.root, 'usr/lib/x86_64-linux-gnu'), { recursive: true });
  copyFileSync('/lib/x86_64-linux-gnu/libselinux.so.1', join(tree.root, 'usr/lib/x86_64-linux-gnu/libselinux.so.1'));
  const entries = await linkedLibraries(['/bin/ls'], tree);
  assert.ok(Array.isArray(entries), JSON.stringify(entries));
  assert.deepEqual(entries.find((e) => e.path.includes('libselinux')), { path: 'usr/lib/x86_64-linux-gnu/libselinux.so.1', copyOf: join(tree.root, 'usr/lib/x86_64-linux-gnu/libselinux.so.1') });
  assert.deepEqual(entries.find((e) => e.path.includes('libc.so')), { path: 'lib/x86_64-linux-gnu/libc.so.6', copyOf: '/lib/x86_64-linux-gnu/libc.so.6' });
  assert.ok(entries.some((e) => e.path === 'lib64/ld-linux-x86-64.so.2'), 'the dynamic loader is there');
});

test('a static program (busybox-static) loads no library', async () => {
  const tree = fakeTree();
  const result = await linkedLibraries(['/bin/busybox'], tree);
  assert.deepEqual(result, []);
});

test('the CA bundle is every certificate of the package in name order, each ending in a newline', () => {
  const tree = fakeTree();
  mkdirSync(join(tree.root, 'usr/share/ca-certificates/mozilla'), { recursive: true });
  writeFileSync(join(tree.root, 'usr/share/ca-certificates/mozilla/B_Root.crt'), '-----BEGIN CERTIFICATE-----\nbbb\n-----END CERTIFICATE-----');
  writeFileSync(join(tree.root, 'usr/share/ca-certificates/mozilla/A_Root.crt'), '-----BEGIN CERTIFICATE-----\naaa\n-----END CERTIFICATE-----\n');
  assert.equal(certificateBundle(tree), '-----BEGIN CERTIFICATE-----\naaa\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nbbb\n-----END CERTIFICATE-----\n');
  assert.deepEqual(certificateBundle(fakeTree()), { missing: 'the unpacked packages (example_1.0_amd64.deb) have no certificates under /usr/share/ca-certificates' });
});

test("a package's tree becomes entries at the same paths: folders with their modes, links as links", () => {
  const tree = fakeTree();
  mkdirSync(join(tree.root, 'etc'), { mode: 0o755 });
  mkdirSync(join(tree.root, 'root'), { mode: 0o700 });
  writeFileSync(join(tree.root, 'etc/debian_version'), '12.12\n');
  symlinkSync('../usr/lib/os-release', join(tree.root, 'etc/os-release'));
  assert.deepEqual(treeEntries(tree, ''), [
    { path: 'etc', directory: true, mode: 0o755 },
    { path: 'etc/debian_version', copyOf: join(tree.root, 'etc/debian_version') },
    { path: 'etc/os-release', symlinkTo: '../usr/lib/os-release' },
    { path: 'root', directory: true, mode: 0o700 },
  ]);
});
