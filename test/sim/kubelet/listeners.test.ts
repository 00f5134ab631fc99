import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ImageBehavior } from '../../../src/sim/kubelet/container-behavior.ts';
import { podListenerFacts, podListens } from '../../../src/sim/kubelet/listeners.ts';

const images: ImageBehavior[] = [{ image: 'busybox', runsFor: 0, exitCode: 0 }, { match: '^nginx(:|$)', listens: [80] }];
const pod = (containers: any[], annotations?: Record<string, string>, initContainers?: any[]) => ({ metadata: { name: 'web', namespace: 'default', annotations }, spec: { containers, initContainers } });

test("an image server listens on its ports; containerPort does not make a listener", () => {
  const p = pod([{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }]);
  assert.deepEqual(podListens(p, 80, images), { listens: true, reason: 'container "web" listens on 80: the image "nginx:1.27" listens on 80' });
  assert.deepEqual(podListens(p, 8080, images), { listens: false, reason: 'container "web": the image "nginx:1.27" listens on 80' });
});

test('a script kubespec read opens no port; a sidecar may be the listener', () => {
  const sleeper = { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] };
  assert.deepEqual(podListens(pod([sleeper]), 80, images), { listens: false, reason: 'container "app": its command "sleep 3600" opens no port' });
  assert.equal(podListens(pod([sleeper], undefined, [{ name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always' }]), 80, images).listens, true);
  assert.equal(podListens(pod([sleeper], undefined, [{ name: 'setup', image: 'nginx:1.27' }]), 80, images).listens, false, 'a plain init container has exited');
});

test('the behavior annotation says what listens', () => {
  const p = pod([{ name: 'app', image: 'example.com/app:1' }], { 'kubespec.io/behavior.app': 'run forever, listens on 8080 and 9090' });
  assert.equal(podListens(p, 9090, images).listens, true);
  assert.deepEqual(podListens(p, 8081, images), { listens: false, reason: 'container "app": its behavior annotation says it listens on 8080 and 9090' });
});

test('an unknown program is assumed to listen, with a guess against the pod', () => {
  assert.deepEqual(podListens(pod([{ name: 'app', image: 'example.com/app:1', ports: [{ containerPort: 8080 }] }]), 8080, images), {
    listens: true,
    reason: 'container "app" is assumed to listen on 8080',
    guesses: [{ field: 'spec.containers[app].image', assumed: 'it listens on port 8080', why: 'kubespec does not know whether the image "example.com/app:1" listens on port 8080' }],
  });
  assert.deepEqual(podListens(pod([{ name: 'app', image: 'example.com/app:1', args: ['--port=80'] }]), 80, images).guesses?.[0]?.field, 'spec.containers[app].args');
});

test('for the network models, guesses become assumptions about the pod', () => {
  assert.deepEqual(podListenerFacts(images)(pod([{ name: 'app', image: 'example.com/app:1' }]), 8080).assumed, [
    { object: 'Pod default/web', field: 'spec.containers[app].image', assumed: 'it listens on port 8080', why: 'kubespec does not know whether the image "example.com/app:1" listens on port 8080' },
  ]);
  assert.deepEqual(podListenerFacts(images)(pod([{ name: 'web', image: 'nginx:1.27' }]), 80), { listens: true, reason: 'container "web" listens on 80: the image "nginx:1.27" listens on 80' });
});
