import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invalidImageName, parseImageReference } from '../../../src/sim/kubelet/image-reference.ts';

// Expected values were printed by github.com/distribution/reference v0.6.0 itself
// (ParseNormalizedNamed(s).Name() and ParseDockerRef(s).String()) for the same inputs.
const DIGEST = 'sha256:7b3ccabffc97de872a30dfd234fd972a66d247c8cfc69b0550f276481852627c';
const parsed = (s: string) => {
  const r = parseImageReference(s);
  return `${r.repository} ${r.pulled}`;
};
const refused = (s: string) => {
  try {
    parseImageReference(s);
    return 'parsed';
  } catch (e) {
    return (e as Error).message;
  }
};

test('short names are normalised as containerd and the kubelet read them', () => {
  assert.equal(parsed('busybox'), 'docker.io/library/busybox docker.io/library/busybox:latest');
  assert.equal(parsed('busybox:1.36'), 'docker.io/library/busybox docker.io/library/busybox:1.36');
  assert.equal(parsed('library/busybox:1.36'), 'docker.io/library/busybox docker.io/library/busybox:1.36');
  assert.equal(parsed('docker.io/busybox'), 'docker.io/library/busybox docker.io/library/busybox:latest');
  assert.equal(parsed('docker.io/library/busybox:1.36'), 'docker.io/library/busybox docker.io/library/busybox:1.36');
  assert.equal(parsed('index.docker.io/busybox:1.37'), 'docker.io/library/busybox docker.io/library/busybox:1.37');
  assert.equal(parsed('nginxinc/nginx-unprivileged:1.27-alpine'), 'docker.io/nginxinc/nginx-unprivileged docker.io/nginxinc/nginx-unprivileged:1.27-alpine');
  assert.equal(parsed('localhost:5000/x'), 'localhost:5000/x localhost:5000/x:latest');
  assert.equal(parsed('localhost/x:1'), 'localhost/x localhost/x:1');
  assert.equal(parsed('registry.k8s.io/pause:3.10'), 'registry.k8s.io/pause registry.k8s.io/pause:3.10');
  assert.equal(parsed('[fc00::1]:5000/docker/docker'), '[fc00::1]:5000/docker/docker [fc00::1]:5000/docker/docker:latest');
  assert.equal(parsed('192.168.0.1:80'), 'docker.io/library/192.168.0.1 docker.io/library/192.168.0.1:80', 'no slash: a name and a tag, not a registry');
  assert.equal(parsed('MyRegistry/app'), 'MyRegistry/app MyRegistry/app:latest', 'an upper-case first part is a registry');
  assert.equal(parsed('nginx:TAG'), 'docker.io/library/nginx docker.io/library/nginx:TAG', 'tags may be upper case');
});

test('a digest is pulled by digest; a tag beside it is dropped', () => {
  assert.equal(parsed(`busybox@${DIGEST}`), `docker.io/library/busybox docker.io/library/busybox@${DIGEST}`);
  const both = parseImageReference(`busybox:1.36@${DIGEST}`);
  assert.deepEqual(both, { domain: 'docker.io', path: 'library/busybox', repository: 'docker.io/library/busybox', tag: '1.36', digest: DIGEST, pulled: `docker.io/library/busybox@${DIGEST}` });
});

test("invalid references are refused in the library's words", () => {
  assert.equal(refused('Busybox:1.36'), 'invalid reference format: repository name (library/Busybox) must be lowercase');
  assert.equal(refused('docker.io/Busybox'), 'invalid reference format: repository name (library/Busybox) must be lowercase');
  assert.equal(refused('foo/Bar:1'), 'invalid reference format: repository name (foo/Bar) must be lowercase');
  assert.equal(refused('MyRegistry/App'), 'invalid reference format: repository name (App) must be lowercase');
  assert.equal(refused('busybox:'), 'invalid reference format');
  assert.equal(refused(''), 'invalid reference format');
  assert.equal(refused('nginx:-bad'), 'invalid reference format');
  assert.equal(refused('nginx:1.27 '), 'invalid reference format');
  assert.equal(refused('a___b'), 'invalid reference format');
  assert.equal(refused('https://github.com/docker/docker'), 'invalid reference format');
  assert.equal(refused('busybox@sha256:abc'), 'invalid reference format');
  assert.equal(refused(`busybox@${DIGEST.toUpperCase().replace('SHA256', 'sha256')}`), 'invalid checksum digest format');
  assert.equal(refused(`busybox@md5:${DIGEST.slice(7)}`), 'unsupported digest algorithm');
  assert.equal(refused(`busybox@sha512:${DIGEST.slice(7)}`), 'invalid checksum digest length');
  assert.equal(refused(DIGEST.slice(7)), `invalid repository name (${DIGEST.slice(7)}), cannot specify 64-byte hexadecimal strings`);
});

test("the kubelet's InvalidImageName message (image_manager.go, parsers.go)", () => {
  assert.equal(invalidImageName('Busybox:1.36'), 'Failed to apply default image tag "Busybox:1.36": couldn\'t parse image name "Busybox:1.36": invalid reference format: repository name (library/Busybox) must be lowercase');
  assert.equal(invalidImageName('busybox:1.36'), undefined);
});

test('a reference asked again gives the same answer: the same frozen reference, or the same refusal', () => {
  const first = parseImageReference('busybox:1.36');
  assert.equal(parseImageReference('busybox:1.36'), first);
  assert.equal(Object.isFrozen(first), true);
  for (let i = 0; i < 2; i++) assert.throws(() => parseImageReference('Busybox'), { message: 'invalid reference format: repository name (library/Busybox) must be lowercase' });
});
