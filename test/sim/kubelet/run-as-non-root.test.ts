import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonRootViolation } from '../../../src/sim/kubelet/run-as-non-root.ts';

const pod = (podSc: object, containerSc?: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', uid: 'u' }, spec: { securityContext: podSc, containers: [{ name: 'c', securityContext: containerSc }] } }) as any;

test("runAsNonRoot is checked against runAsUser, else the image's user", () => {
  assert.equal(nonRootViolation(pod({}), { name: 'c' }, 0), undefined, 'not asked for');
  assert.equal(nonRootViolation(pod({ runAsNonRoot: true, runAsUser: 1000 }), { name: 'c' }, 0), undefined);
  assert.equal(nonRootViolation(pod({ runAsNonRoot: true }), { name: 'c' }, 65535), undefined);
  assert.equal(nonRootViolation(pod({ runAsNonRoot: true }), { name: 'c' }, 0), 'container has runAsNonRoot and image will run as root (pod: "p_ns(u)", container: c)');
  assert.equal(nonRootViolation(pod({ runAsNonRoot: true }), { name: 'c' }, 'curl_user'), 'container has runAsNonRoot and image has non-numeric user (curl_user), cannot verify user is non-root (pod: "p_ns(u)", container: c)');
  const p = pod({ runAsNonRoot: true, runAsUser: 1000 });
  assert.equal(nonRootViolation(p, { name: 'c', securityContext: { runAsUser: 0 } }, 1000), 'container\'s runAsUser breaks non-root policy (pod: "p_ns(u)", container: c)', "the container's setting wins");
  assert.equal(nonRootViolation(p, { name: 'c', securityContext: { runAsNonRoot: false } }, 0), undefined);
});
