// The offline nginx images (issue 31): one nginx, two configurations — the official image's and
// nginx-unprivileged's (listen 8080, no user line, pid and temporary files in /tmp, USER 101).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nginxSpec, officialNginx } from '../../../../src/cluster/reference/real-node/nginx-image.ts';
import { unprivilegedNginx } from '../../../../src/cluster/reference/real-node/nginx-unprivileged-image.ts';
import type { ImageSpec } from '../../../../src/cluster/reference/real-node/oci-image.ts';

const text = (spec: ImageSpec, path: string) => {
  const entry = spec.entries.find((e) => e.path === path);
  assert.ok(entry && 'content' in entry, `${path} is written by the spec`);
  return entry.content;
};

test('the official image: a root master with nginx workers, listen 80, pid in /run, no USER', () => {
  const spec = nginxSpec([], officialNginx, '/x/nginx', 'types {}\n', []);
  assert.equal(spec.user, undefined);
  assert.match(text(spec, 'etc/nginx/nginx.conf'), /^user {2}nginx;\n/);
  assert.match(text(spec, 'etc/nginx/nginx.conf'), /^pid {8}\/run\/nginx\.pid;$/m);
  assert.doesNotMatch(text(spec, 'etc/nginx/nginx.conf'), /_temp_path/);
  assert.match(text(spec, 'etc/nginx/conf.d/default.conf'), /^ {4}listen {7}80;$/m);
  assert.deepEqual(spec.entries.find((e) => e.path === 'etc/nginx'), { path: 'etc/nginx', directory: true, mode: 0o755 });
  assert.deepEqual([spec.cmd, spec.stopSignal], [['nginx', '-g', 'daemon off;'], 'SIGQUIT']);
});

test('nginx-unprivileged: USER 101, listen 8080, no user line, pid and the five temporary paths in /tmp, its folders 101:0 and group-writable', () => {
  const spec = nginxSpec([], unprivilegedNginx, '/x/nginx', 'types {}\n', []);
  assert.deepEqual(spec.names, ['docker.io/nginxinc/nginx-unprivileged:1.27']);
  assert.equal(spec.user, '101');
  const nginxConf = text(spec, 'etc/nginx/nginx.conf');
  assert.doesNotMatch(nginxConf, /^user /m);
  assert.match(nginxConf, /^pid {8}\/tmp\/nginx\.pid;$/m);
  assert.match(nginxConf, /^http {\n {4}proxy_temp_path \/tmp\/proxy_temp;\n {4}client_body_temp_path \/tmp\/client_temp;\n {4}fastcgi_temp_path \/tmp\/fastcgi_temp;\n {4}uwsgi_temp_path \/tmp\/uwsgi_temp;\n {4}scgi_temp_path \/tmp\/scgi_temp;\n\n {4}include/m);
  assert.match(text(spec, 'etc/nginx/conf.d/default.conf'), /^ {4}listen {7}8080;$/m);
  assert.deepEqual(spec.entries.find((e) => e.path === 'etc/nginx'), { path: 'etc/nginx', directory: true, mode: 0o775, owner: '101:0' });
  assert.deepEqual(spec.entries.find((e) => e.path === 'var/cache/nginx'), { path: 'var/cache/nginx', directory: true, mode: 0o775, owner: '101:0' });
  const conf = spec.entries.find((e) => e.path === 'etc/nginx/nginx.conf');
  assert.equal(conf && 'content' in conf ? conf.mode : undefined, 0o664);
  assert.deepEqual([spec.cmd, spec.stopSignal], [['nginx', '-g', 'daemon off;'], 'SIGQUIT']);
});
