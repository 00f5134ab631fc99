// The image archive's owners, environment, working folder and labels (issue 31: the images built
// from Debian packages need them as their upstream Dockerfiles set them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { writeImageArchive, type ImageSpec } from '../../../../src/cluster/reference/real-node/oci-image.ts';

async function unpacked(spec: ImageSpec): Promise<{ config: any; listing: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'oci-'));
  await writeImageArchive(spec, join(dir, 'image.tar'));
  const out = join(dir, 'out');
  mkdirSync(out);
  await execa('tar', ['-xf', join(dir, 'image.tar'), '-C', out]);
  const blob = (digest: string) => join(out, 'blobs', 'sha256', digest.slice('sha256:'.length));
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8'));
  const config = JSON.parse(readFileSync(blob(manifest.config.digest), 'utf8'));
  const listing = (await execa('tar', ['--numeric-owner', '-tvf', blob(manifest.layers[0].digest)])).stdout;
  return { config, listing };
}

test('an owned folder and everything under it belong to its owner, the rest to root, as after a chown -R', async () => {
  const { listing } = await unpacked({
    names: ['example.com/owned:1'],
    entries: [
      { path: 'etc/app/app.conf', content: 'x\n' },
      { path: 'etc/app', directory: true, mode: 0o775, owner: '101:0' },
      { path: 'etc/other.conf', content: 'y\n' },
      { path: 'data', directory: true, owner: '999:999' },
    ],
  });
  assert.match(listing, /^drwxrwxr-x 101\/0 .* \.\/etc\/app\/$/m);
  assert.match(listing, /^-rw-r--r-- 101\/0 .* \.\/etc\/app\/app\.conf$/m);
  assert.match(listing, /^drwxr-xr-x 999\/999 .* \.\/data\/$/m);
  assert.match(listing, /^-rw-r--r-- 0\/0 .* \.\/etc\/other\.conf$/m);
  assert.match(listing, /^drwxr-xr-x 0\/0 .* \.\/etc\/$/m);
  // Each path once: the owned ones are not in the first pass too.
  assert.equal(listing.split('\n').filter((l) => l.endsWith(' ./data/')).length, 1);
});

test('the config carries the environment, working folder, user and labels the spec names; PATH alone by default', async () => {
  const { config } = await unpacked({
    names: ['example.com/env:1'],
    entries: [{ path: 'tmp', directory: true, mode: 0o1777 }],
    env: ['PATH=/usr/bin:/busybox', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'],
    workingDir: '/home/nonroot',
    user: '65532',
    labels: { 'kubespec.io/debian-packages': 'base-files_12.4_amd64.deb' },
  });
  assert.deepEqual(config.config, {
    Env: ['PATH=/usr/bin:/busybox', 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'],
    User: '65532',
    WorkingDir: '/home/nonroot',
    Labels: { 'kubespec.io/debian-packages': 'base-files_12.4_amd64.deb' },
  });
  const plain = await unpacked({ names: ['example.com/plain:1'], entries: [{ path: 'tmp', directory: true }] });
  assert.deepEqual(plain.config.config, { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] });
});

test('an owner inside an owned folder, or one that is not uid:gid, is refused with the entry named', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'oci-')), 'image.tar');
  await assert.rejects(writeImageArchive({ names: ['example.com/x:1'], entries: [{ path: 'a', directory: true, owner: '1:1' }, { path: 'a/b', directory: true, owner: '2:2' }] }, out), {
    message: 'image entry a/b has an owner inside a, which has one already',
  });
  await assert.rejects(writeImageArchive({ names: ['example.com/x:1'], entries: [{ path: 'data', directory: true, owner: 'redis' }] }, out), {
    message: 'image entry data: owner "redis" is not uid:gid (try 999:999)',
  });
});
