import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reachLocalhost } from '../../src/network/localhost.ts';

const images = [{ match: '^redis(:|$)', listens: [6379] }];
const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {
  initContainers: [{ name: 'proxy', image: 'envoy:1', restartPolicy: 'Always', ports: [{ containerPort: 9901 }] }],
  containers: [{ name: 'app', image: 'busybox:1', command: ['sleep', '1'] }, { name: 'cache', image: 'redis:7' }, { name: 'udp', image: 'dns:1', ports: [{ containerPort: 53, protocol: 'UDP' }] }],
} } as any;

test("a port on localhost is open when some container of the pod declares it or its image's server listens there", () => {
  assert.equal(reachLocalhost(pod, 'app', 6379, images).reachable, true, "the redis image's port");
  assert.equal(reachLocalhost(pod, 'app', 9901, images).reachable, true, 'a native sidecar shares the namespace');
  assert.equal(reachLocalhost(pod, 'app', 8080, images).reachable, false);
  assert.equal(reachLocalhost(pod, 'app', 53, images).reachable, false, 'a UDP port takes no TCP connection');
  assert.match(reachLocalhost(pod, 'nobody', 6379, images).reason, /has no container "nobody"/);
});
