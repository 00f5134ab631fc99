// The offline redis image (issue 31): what docker-library/redis's image is to a scenario — run
// as root stepping down to redis through its entrypoint, /data, and protected mode off by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisSpec } from '../../../../src/cluster/reference/real-node/redis-image.ts';
import { runScript } from './script-runner.ts';

const spec = redisSpec([], { server: '/x/redis-check-rdb', cli: '/x/redis-cli', benchmark: '/x/redis-benchmark', gosu: '/x/gosu' }, []);
const text = (path: string) => {
  const entry = spec.entries.find((e) => e.path === path);
  assert.ok(entry && 'content' in entry, `${path} is written by the spec`);
  return entry.content;
};

test('redis answers to the tags the scenarios name and runs as the official image does: no USER, the entrypoint, /data', () => {
  assert.deepEqual(spec.names, ['docker.io/library/redis:7.4', 'docker.io/library/redis:7.2', 'docker.io/library/redis:7']);
  // No USER: the kubelet sees root, so a runAsNonRoot pod is refused as with the official image.
  assert.equal(spec.user, undefined);
  assert.deepEqual([spec.entrypoint, spec.cmd, spec.workingDir], [['docker-entrypoint.sh'], ['redis-server'], '/data']);
  assert.deepEqual(spec.entries.find((e) => e.path === 'data'), { path: 'data', directory: true, owner: '999:999' });
  assert.match(text('etc/passwd'), /^redis:x:999:999:/m);
  assert.match(text('etc/group'), /^redis:x:999:$/m);
  // redis picks its mode from argv[0]: the checkers are the server under their own names.
  assert.deepEqual(spec.entries.find((e) => e.path === 'usr/local/bin/redis-check-aof'), { path: 'usr/local/bin/redis-check-aof', symlinkTo: '../libexec/redis/redis-server' });
});

test('the entrypoint gives options to redis-server and, as root, runs it again as redis through gosu', async () => {
  const entrypoint = text('usr/local/bin/docker-entrypoint.sh');
  const standIns = ['gosu', 'find', 'redis-server', 'id'];
  // `id` stands in too: it prints "id -u", which is not 0, so these run as a user would.
  assert.equal(await runScript(entrypoint, ['--port', '7000'], standIns), 'redis-server --port 7000');
  assert.equal(await runScript(entrypoint, ['/etc/redis.conf'], standIns), 'redis-server /etc/redis.conf');
  assert.equal(await runScript(entrypoint, ['redis-cli', 'ping'], [...standIns, 'redis-cli']), 'redis-cli ping');
  // As root (the real id): /data is handed over, then gosu runs the entrypoint again as redis.
  const asRoot = await runScript(entrypoint, ['redis-server'], ['gosu', 'find', 'redis-server']);
  assert.equal(asRoot, 'find . ! -user redis -exec chown redis {} +\ngosu redis <script> redis-server');
});

test('redis-server runs with protected mode off unless an option or the config file says otherwise, as the official build', async () => {
  const program = '/usr/local/libexec/redis/redis-server';
  const wrapper = text('usr/local/bin/redis-server').replaceAll(program, 'real-redis-server');
  const run = (args: string[], cwd?: string) => runScript(wrapper, args, ['real-redis-server'], cwd);
  assert.equal(await run([]), 'real-redis-server --protected-mode no');
  assert.equal(await run(['--cluster-enabled', 'yes', '--port', '6379']), 'real-redis-server --cluster-enabled yes --port 6379 --protected-mode no');
  assert.equal(await run(['--protected-mode', 'yes']), 'real-redis-server --protected-mode yes');
  const dir = mkdtempSync(join(tmpdir(), 'redis-conf-'));
  writeFileSync(join(dir, 'says.conf'), 'port 6379\n  protected-mode yes\n');
  writeFileSync(join(dir, 'silent.conf'), 'port 6379\n');
  assert.equal(await run(['says.conf', '--port', '7000'], dir), 'real-redis-server says.conf --port 7000');
  assert.equal(await run(['silent.conf'], dir), 'real-redis-server silent.conf --protected-mode no');
  assert.equal(await run(['-']), 'real-redis-server -');
});
