import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behaviorOf, imageServer, imageUserOf, pullFailure, pullGuesses } from '../../../src/sim/kubelet/container-behavior.ts';
import { images } from '../helpers.ts';

// Image facts from the product's scenarios/behaviors/images.yaml, looked up by normalised repository.
const NOT_FOUND = (ref: string) => `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
const E2E_BUSYBOX_DIGEST = 'sha256:a9155b13325b2abef48e71de77bb8ac015412a566829f621d06bfae5c699b1b9';

test('every spelling of busybox runs its default command (sh, exits at once)', () => {
  for (const image of ['busybox', 'busybox:1.36', 'library/busybox:1.36', 'docker.io/busybox:1.36', 'docker.io/library/busybox:1.36', `busybox:1.36@${'sha256:' + 'a'.repeat(64)}`]) {
    const { source, ...rest } = behaviorOf({ name: 'c', image }, undefined, images);
    assert.deepEqual(rest, { runsFor: 0, exitCode: 0, ignoresSigterm: false }, image);
    assert.equal(source, 'image default for docker.io/library/busybox', image);
  }
});

test("an image's USER: listed, by tag, a name, or unknown (root, with a guess)", () => {
  assert.deepEqual(imageUserOf('registry.k8s.io/pause:3.10', images), { user: 65535 });
  assert.deepEqual(imageUserOf('gcr.io/distroless/static-debian12:nonroot', images), { user: 65532 });
  assert.deepEqual(imageUserOf('gcr.io/distroless/static-debian12:debug-nonroot', images), { user: 65532 });
  assert.deepEqual(imageUserOf('gcr.io/distroless/static-debian12:latest', images), { user: 0 });
  assert.deepEqual(imageUserOf('nginxinc/nginx-unprivileged:1.27', images), { user: 101 });
  assert.deepEqual(imageUserOf('docker.io/library/nginx', images), { user: 0 });
  assert.deepEqual(imageUserOf('curlimages/curl:8.11.1', images), { user: 'curl_user' });
  assert.deepEqual(imageUserOf('example.com/app:1.0', images), { user: 0, guess: { field: 'image', assumed: "the image's USER is root (no USER in its config)", why: 'kubespec has no facts about the user the image "example.com/app:1.0" runs as' } });
});

test('pulls: unknown tags and digests of known images are guessed to exist; not-found tags and foreign digests fail in containerd\'s words', () => {
  assert.deepEqual(pullGuesses('nginx:1.27', images), []);
  assert.deepEqual(pullGuesses('docker.io/library/nginx', images), [], 'latest');
  assert.deepEqual(pullGuesses('nginx:1.99.9', images), [{ field: 'image', assumed: 'the tag exists in the registry', why: 'kubespec does not know the tag "1.99.9" of docker.io/library/nginx' }]);
  assert.deepEqual(pullGuesses('example.com/app:1.0', images), [], 'an unknown image: other guesses say so');
  assert.deepEqual(pullGuesses(`registry.k8s.io/e2e-test-images/busybox@${E2E_BUSYBOX_DIGEST}`, images), []);
  assert.deepEqual(pullGuesses(`busybox@sha256:${'b'.repeat(64)}`, images), [{ field: 'image', assumed: `the digest sha256:${'b'.repeat(64)} is a manifest in the registry`, why: 'kubespec does not know this digest of docker.io/library/busybox' }]);
  assert.equal(pullFailure('nginx:1.27', images), undefined);
  assert.equal(pullFailure('nginx:does-not-exist', images), NOT_FOUND('docker.io/library/nginx:does-not-exist'));
  assert.equal(pullFailure('registry.k8s.io/nginx-slim:no-such-tag', images), NOT_FOUND('registry.k8s.io/nginx-slim:no-such-tag'));
  assert.equal(pullFailure(`nginx@${E2E_BUSYBOX_DIGEST}`, images), NOT_FOUND(`docker.io/library/nginx@${E2E_BUSYBOX_DIGEST}`), "another repository's manifest");
  assert.equal(pullFailure(`busybox@sha256:${'b'.repeat(64)}`, images), undefined);
});

test("an image's server is found by its normalised repository", () => {
  assert.deepEqual(imageServer({ image: 'docker.io/library/nginx:1.27' }, images)?.listens, [80]);
  assert.deepEqual(imageServer({ image: 'docker.io/nginxinc/nginx-unprivileged' }, images)?.listens, [8080]);
  assert.equal(imageServer({ image: 'nginx:1.27', command: ['sleep', '1'] }, images), undefined);
  assert.equal(imageServer({ image: 'Nginx:1.27' }, images), undefined, 'an invalid reference has no facts');
});
