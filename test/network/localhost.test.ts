import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reachLocalhost } from '../../src/network/localhost.ts';
import { podListenerFacts } from '../../src/sim/kubelet/listeners.ts';

const listeners = podListenerFacts([{ match: '^redis(:|$)', listens: [6379] }, { match: '^nginx(:|$)', listens: [80] }]);
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: {
  initContainers: [{ name: 'proxy', image: 'nginx:1', restartPolicy: 'Always', ports: [{ containerPort: 9901 }] }],
  containers: [{ name: 'app', image: 'busybox:1', command: ['sleep', '1'] }, { name: 'cache', image: 'redis:7' }],
} } as any;

test('a port on localhost is open when something in the pod listens there; containerPort alone is no listener', () => {
  assert.equal(reachLocalhost(pod, 'app', 6379, listeners).reachable, true, "the redis image's port");
  assert.equal(reachLocalhost(pod, 'app', 80, listeners).reachable, true, 'a native sidecar shares the namespace');
  assert.deepEqual(reachLocalhost(pod, 'app', 9901, listeners), {
    reachable: false,
    reason: 'nothing in pod "p" listens on 9901, so the connection is refused (container "proxy": the image "nginx:1" listens on 80; container "app": its command "sleep 1" opens no port; container "cache": the image "redis:7" listens on 6379)',
  });
  assert.match(reachLocalhost(pod, 'nobody', 6379, listeners).reason, /has no container "nobody"/);
});

test('an unknown program is assumed to listen, and the answer says so', () => {
  const unknown = { ...pod, spec: { containers: [{ name: 'app', image: 'example.com/app:1' }] } };
  const r = reachLocalhost(unknown, 'app', 8080, listeners);
  assert.equal(r.reachable, true);
  assert.deepEqual(r.assumed?.map((a) => a.field), ['spec.containers[app].image']);
});
