// When the real node's busybox is built and when the images fall back to Debian's busybox-static
// (whose nc has no -z): a download that fails or is not the tarball Debian's .dsc names falls
// back with a line saying why; a built program is used without downloading again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { busyboxProgram, busyboxSource, ensureBusybox, fallbackLine, sourceProblem } from '../../../../src/cluster/reference/real-node/busybox-build.ts';
import { officialConfigChanges } from '../../../../src/cluster/reference/real-node/busybox-config.ts';

const cache = () => mkdtempSync(join(tmpdir(), 'busybox-cache-'));

test('a download that fails leaves the images with Debian\'s busybox-static, and says what that lacks', async () => {
  const lines: string[] = [];
  const busybox = await ensureBusybox(cache(), (l) => lines.push(l), { download: async () => { throw new Error('GET http://deb.debian.org/...: HTTP 404 Not Found'); } });
  assert.deepEqual(busybox, { program: '/bin/busybox', describedAs: "Debian's busybox-static" });
  assert.deepEqual(lines, [
    "real node: busybox 1.35.0 could not be built (GET http://deb.debian.org/...: HTTP 404 Not Found); the images carry Debian's busybox-static (/bin/busybox) instead, whose nc has no -z and whose wget -T dies of SIGSEGV",
  ]);
});

test('a download that is not the tarball the .dsc names is not built, and not kept', async () => {
  const dir = cache();
  const lines: string[] = [];
  const source = { ...busyboxSource, size: 5 };
  const busybox = await ensureBusybox(dir, (l) => lines.push(l), { source, download: async (_url, to) => writeFileSync(to, 'hello') });
  assert.equal(busybox.program, '/bin/busybox');
  assert.match(lines[0]!, /^real node: busybox 1\.35\.0 could not be built \(http:\/\/deb\.debian\.org\/debian\/pool\/main\/b\/busybox\/busybox_1\.35\.0\.orig\.tar\.bz2 has sha256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824, not the faeeb244c35a348a334f4a59e44626ee870fb07b6884d68c10ae8bc19f83a694 Debian's \.dsc states\); /);
  // Nothing is left for the next run to trust.
  assert.deepEqual(readdirSync(join(dir, 'busybox')), []);
});

test('a build that fails falls back too, quoting the failed step, and leaves no program or scratch folder', async () => {
  const dir = cache();
  const notBzip2 = 'not a tarball';
  const source = { ...busyboxSource, size: notBzip2.length, sha256: createHash('sha256').update(notBzip2).digest('hex') };
  const lines: string[] = [];
  const busybox = await ensureBusybox(dir, (l) => lines.push(l), { source, download: async (_url, to) => writeFileSync(to, notBzip2) });
  assert.equal(busybox.program, '/bin/busybox');
  assert.match(lines[0]!, /^building busybox 1\.35\.0 \(make defconfig, as the official image\) from Debian's copy of its source/);
  assert.match(lines[1]!, /^real node: busybox 1\.35\.0 could not be built \(.*bzip2.*\); the images carry Debian's busybox-static/);
  const program = busyboxProgram(dir, source, officialConfigChanges);
  assert.equal(existsSync(program), false);
  assert.deepEqual(readdirSync(dirname(program)), []);
  // The checked tarball stays: the next run builds again without downloading it.
  assert.deepEqual(readdirSync(join(dir, 'busybox')).sort(), [program.split('/').at(-2), 'busybox_1.35.0.orig.tar.bz2'].sort());
});

test('a tarball of the wrong size is named by its size', () => {
  const file = join(cache(), 'busybox.tar.bz2');
  writeFileSync(file, 'hello');
  assert.equal(sourceProblem(file, busyboxSource), "has 5 bytes, not the 2480624 Debian's .dsc states");
});

test('a program already built for this source and config is used as it is: nothing is downloaded or logged', async () => {
  const dir = cache();
  const program = busyboxProgram(dir, busyboxSource, officialConfigChanges);
  mkdirSync(dirname(program), { recursive: true });
  writeFileSync(program, '');
  const lines: string[] = [];
  const busybox = await ensureBusybox(dir, (l) => lines.push(l), { download: async () => assert.fail('downloaded again') });
  assert.deepEqual(busybox, { program, describedAs: 'busybox 1.35.0 (make defconfig, as the official image)' });
  assert.deepEqual(lines, []);
});

test('the cache folder is keyed by the version and by the config: another config is another folder', () => {
  const official = busyboxProgram('/c', busyboxSource, officialConfigChanges);
  assert.match(official, /^\/c\/busybox\/1\.35\.0-[0-9a-f]{12}\/busybox$/);
  assert.notEqual(busyboxProgram('/c', busyboxSource, { ...officialConfigChanges, unset: [] }), official);
});

test('a failed build step is quoted by its last lines, on one line', () => {
  assert.equal(
    fallbackLine('1.35.0', '`make -j 2 busybox` failed (exit 2):\nnetworking/tc.c:231: error: x\nmake[1]: *** [networking/tc.o] Error 1\nmake: *** [Makefile:744: networking] Error 2'),
    "real node: busybox 1.35.0 could not be built (networking/tc.c:231: error: x | make[1]: *** [networking/tc.o] Error 1 | make: *** [Makefile:744: networking] Error 2); the images carry Debian's busybox-static (/bin/busybox) instead, whose nc has no -z and whose wget -T dies of SIGSEGV",
  );
});
