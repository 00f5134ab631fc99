// The offline curlimages/curl image (issue 31): its user by name, its home, and an entrypoint
// that hands curl its options but runs any other command as given (`sleep infinity`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curlSpec } from '../../../../src/cluster/reference/real-node/curl-image.ts';
import { runScript } from './script-runner.ts';

const spec = curlSpec([], '/x/curl', [], '-----BEGIN CERTIFICATE-----\n');
const text = (path: string) => {
  const entry = spec.entries.find((e) => e.path === path);
  assert.ok(entry && 'content' in entry, `${path} is written by the spec`);
  return entry.content;
};

test('curl runs as curl_user (uid 100, gid 101) by name, in its home, with the CA bundle curl-container names', () => {
  assert.deepEqual(spec.names, ['docker.io/curlimages/curl:8.11.1']);
  // A name, as upstream's USER: the kubelet cannot tell whether it is root under runAsNonRoot.
  assert.equal(spec.user, 'curl_user');
  assert.match(text('etc/passwd'), /^curl_user:x:100:101:[^:]*:\/home\/curl_user:/m);
  assert.match(text('etc/group'), /^curl_group:x:101:curl_user$/m);
  assert.deepEqual(spec.entries.find((e) => e.path === 'home/curl_user'), { path: 'home/curl_user', directory: true, owner: '100:101' });
  assert.equal(spec.workingDir, '/home/curl_user');
  assert.deepEqual([spec.entrypoint, spec.cmd], [['/entrypoint.sh'], ['curl']]);
  assert.ok(spec.env?.includes('CURL_CA_BUNDLE=/cacert.pem'));
  assert.equal(text('cacert.pem'), '-----BEGIN CERTIFICATE-----\n');
});

test("the entrypoint gives options and words that are no command to curl, and runs a command as given", async () => {
  const entrypoint = text('entrypoint.sh');
  assert.equal(await runScript(entrypoint, ['-sS', 'http://web'], ['curl']), 'curl -sS http://web');
  assert.equal(await runScript(entrypoint, ['http://web'], ['curl']), 'curl http://web');
  assert.equal(await runScript(entrypoint, [], ['curl']), 'curl');
  assert.equal(await runScript(entrypoint, ['sleepy', 'infinity'], ['curl', 'sleepy']), 'sleepy infinity');
});
