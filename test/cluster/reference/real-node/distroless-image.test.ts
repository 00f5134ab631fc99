// The offline distroless :debug images (issue 31): the user runAsNonRoot is judged by (0, or
// 65532 for -nonroot), busybox's shell at /busybox, distroless's own /etc files over the packages'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distrolessSpecs } from '../../../../src/cluster/reference/real-node/distroless-image.ts';

function specs() {
  const root = mkdtempSync(join(tmpdir(), 'distroless-'));
  mkdirSync(join(root, 'etc'));
  mkdirSync(join(root, 'usr/lib'), { recursive: true });
  writeFileSync(join(root, 'usr/lib/os-release'), 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n');
  symlinkSync('../usr/lib/os-release', join(root, 'etc/os-release'));
  writeFileSync(join(root, 'etc/services'), 'http 80/tcp\n');
  return distrolessSpecs({ root, debs: ['base-files_12.4_amd64.deb'] }, [{ path: 'busybox/sh', symlinkTo: '/busybox/busybox' }], 'PEM\n');
}

test(':debug runs as 0 in /, :debug-nonroot as 65532 in /home/nonroot; both start /busybox/sh with /busybox on PATH', () => {
  const [debug, nonroot] = specs();
  assert.deepEqual([debug!.names, debug!.user, debug!.workingDir], [['gcr.io/distroless/static-debian12:debug'], '0', '/']);
  assert.deepEqual([nonroot!.names, nonroot!.user, nonroot!.workingDir], [['gcr.io/distroless/static-debian12:debug-nonroot'], '65532', '/home/nonroot']);
  for (const spec of [debug!, nonroot!]) {
    assert.deepEqual(spec.entrypoint, ['/busybox/sh']);
    assert.deepEqual(spec.env, ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/busybox', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt']);
    assert.ok(spec.entries.some((e) => e.path === 'busybox/sh'));
  }
});

test("distroless's users, homes, /tmp and os-release replace the packages' own; the packages' other files stay", () => {
  const [debug] = specs();
  const entries = debug!.entries;
  const at = (path: string) => entries.filter((e) => e.path === path);
  assert.deepEqual(at('etc/os-release').length, 1);
  assert.match((at('etc/os-release')[0] as { content: string }).content, /^PRETTY_NAME="Distroless"$/m);
  assert.ok(at('etc/services').length === 1 && 'copyOf' in at('etc/services')[0]!);
  const passwd = (at('etc/passwd')[0] as { content: string }).content;
  assert.match(passwd, /^root:x:0:0:/m);
  assert.match(passwd, /^nobody:x:65534:65534:/m);
  assert.match(passwd, /^nonroot:x:65532:65532:nonroot:\/home\/nonroot:/m);
  assert.deepEqual(at('home/nonroot'), [{ path: 'home/nonroot', directory: true, mode: 0o700, owner: '65532:65532' }]);
  assert.deepEqual(at('root'), [{ path: 'root', directory: true, mode: 0o700 }]);
  assert.deepEqual(at('tmp'), [{ path: 'tmp', directory: true, mode: 0o1777 }]);
  assert.deepEqual(at('etc/ssl/certs/ca-certificates.crt'), [{ path: 'etc/ssl/certs/ca-certificates.crt', content: 'PEM\n' }]);
});
