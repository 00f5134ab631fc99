import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behaviorOf, type ImageBehavior } from '../../../src/sim/kubelet/container-behavior.ts';
import { probeHealth } from '../../../src/sim/kubelet/probe-targets.ts';
import { NEVER_PASSES } from '../../../src/sim/kubelet/probes.ts';

const images: ImageBehavior[] = [{ match: '^nginx(:|$)', listens: [80], serves: ['/', '/index.html'] }];
const health = (container: any, annotations?: Record<string, string>) => probeHealth(container, behaviorOf(container, annotations, images), images);

test("an image server's ports and paths decide httpGet and tcpSocket probes", () => {
  const nginx = { name: 'web', image: 'nginx:1.27' };
  assert.deepEqual(health({ ...nginx, livenessProbe: { httpGet: { path: '/live', port: 80 } }, readinessProbe: { httpGet: { path: '/?x=1', port: 80 } } }), { liveness: NEVER_PASSES });
  assert.deepEqual(health({ ...nginx, readinessProbe: { tcpSocket: { port: 8080 } } }), { readiness: NEVER_PASSES });
  assert.deepEqual(health({ ...nginx, ports: [{ name: 'http', containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 'http' } } }), {});
  assert.deepEqual(health({ ...nginx, command: ['my-server'], livenessProbe: { tcpSocket: { port: 9999 } } }), {}, 'its own program: unknown ports');
  assert.deepEqual(health({ name: 'x', image: 'example.com/app:1', livenessProbe: { httpGet: { path: '/live', port: 80 } } }), {}, 'an unknown image passes');
});

test('a script listens on nothing; an exec probe reads the files it touches and removes', () => {
  const script = { name: 'c', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] };
  assert.deepEqual(health({ ...script, livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } }), { liveness: { okFrom: 0, failFrom: 30_000 } });
  assert.deepEqual(health({ ...script, livenessProbe: { exec: { command: ['sh', '-c', 'test -f /tmp/other'] } } }), { liveness: NEVER_PASSES });
  assert.deepEqual(health({ ...script, readinessProbe: { tcpSocket: { port: 3306 } } }), { readiness: NEVER_PASSES });
  assert.deepEqual(health({ ...script, readinessProbe: { tcpSocket: { port: 3306 } } }, { 'kubespec.io/behavior.c': 'run forever, ready after 5s' }), {}, 'the annotation wins');
});
