import { defaultKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock.ts';
import { ImageManager } from '../../../src/sim/kubelet/image-manager.ts';
import type { ContainerRuntime, PodRuntime } from '../../../src/sim/kubelet/pod-runtime.ts';
import { backOffPull } from '../../../src/sim/kubelet/restart-backoff.ts';
import { StageEngine, type StageHost } from '../../../src/sim/kubelet/stage-engine.ts';
import type { ImageBehavior } from '../../../src/sim/kubelet/container-behavior.ts';

const images: ImageBehavior[] = [
  { repository: 'docker.io/library/nginx', tags: ['1.27'] },
  { notFoundTags: ['no-such-tag'], pullError: 'not found: {image}' },
];

/**
 * The image manager as the kubelet uses it: its facts select one of the image stages of
 * pod-stages.ts, which the stage engine applies (events, waiting reasons, the pull's delay).
 */
function setup() {
  const clock = new VirtualClock(0);
  const events: string[] = [];
  const manager = new ImageManager(images, () => {});
  const unused = () => { throw new Error('not an image stage action'); };
  const engine = new StageEngine({
    clock,
    version: defaultKubernetesVersion(),
    event: (pod, type, reason, message) => events.push(`${pod.metadata.name} ${type} ${reason}: ${message}`),
    current: () => true,
    failPod: unused,
    podCondition: unused,
    actions: ({
      markPulled: (x) => manager.markPulled(x),
      pullImage: (x, took) => manager.pull(x, took!),
      backOffPull: ({ c, now }) => backOffPull(c!, now),
      clearPullBackOffShown: ({ c }) => { c!.backOffShownAt = undefined; },
    } satisfies Partial<StageHost['actions']>) as StageHost['actions'],
  });
  const context = (pod: any, c: ContainerRuntime, now: number, facts = {}) => ({ pod, rt: { containers: [c] } as unknown as PodRuntime, c, now, facts });
  /** EnsureImageExists for a container with no start time yet: when it can start, or undefined. */
  const ensureImage = (pod: any, c: ContainerRuntime, now: number) => {
    c.startAt = undefined;
    engine.step('image', context(pod, c, now, manager.facts(pod, c)));
    return c.startAt;
  };
  const showBackOff = (pod: any, c: ContainerRuntime) => engine.step('pull-back-off', context(pod, c, clock.now()));
  return { clock, events, manager: { ensureImage, showBackOff } };
}
const pod = (name: string, image: string, node = 'n1', pullPolicy?: string) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { nodeName: node, containers: [{ name: 'c', image, ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}) }] },
});
const container = (image: string) => ({ name: 'c', image, init: false, pulled: false, state: 'waiting', waitingReason: 'ContainerCreating' }) as ContainerRuntime;

test('the first pod on a node pulls; a second waits for that pull; a later one finds the image present', () => {
  const { clock, events, manager } = setup();
  assert.equal(manager.ensureImage(pod('a', 'nginx:1.27'), container('nginx:1.27'), 0), 2_000);
  clock.advanceTo(500);
  assert.equal(manager.ensureImage(pod('b', 'docker.io/library/nginx:1.27'), container('docker.io/library/nginx:1.27'), 500), 2_000, 'the same image by its normalised name');
  assert.equal(manager.ensureImage(pod('c', 'nginx:1.27', 'n2'), container('nginx:1.27'), 500), 2_500, 'another node pulls for itself');
  clock.advanceTo(3_000);
  assert.equal(manager.ensureImage(pod('d', 'nginx:1.27'), container('nginx:1.27'), 3_000), 3_000);
  assert.equal(manager.ensureImage(pod('e', 'nginx:1.27', 'n1', 'Always'), container('nginx:1.27'), 3_000), 5_000, 'imagePullPolicy Always pulls again');
  assert.deepEqual(events, [
    'a Normal Pulling: Pulling image "nginx:1.27"',
    'b Normal Pulling: Pulling image "docker.io/library/nginx:1.27"',
    'c Normal Pulling: Pulling image "nginx:1.27"',
    'a Normal Pulled: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 0 bytes.',
    'b Normal Pulled: Successfully pulled image "docker.io/library/nginx:1.27" in 1.5s (1.5s including waiting). Image size: 0 bytes.',
    'c Normal Pulled: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 0 bytes.',
    'd Normal Pulled: Container image "nginx:1.27" already present on machine and can be accessed by the pod',
    'e Normal Pulling: Pulling image "nginx:1.27"',
  ]);
});

test('a failed pull is ErrImagePull, then ImagePullBackOff, with a backoff that doubles', () => {
  const { clock, events, manager } = setup();
  const c = container('nginx:no-such-tag');
  const p = pod('a', 'nginx:no-such-tag');
  assert.equal(manager.ensureImage(p, c, 0), undefined);
  assert.deepEqual([c.waitingReason, c.waitingMessage, c.retryPullAt, c.backOffShownAt], ['ErrImagePull', 'not found: docker.io/library/nginx:no-such-tag', 10_000, 1_000]);
  clock.advanceTo(1_000); // ImagePullBackOff shows from the next sync
  manager.showBackOff(p, c);
  assert.equal(c.waitingReason, 'ImagePullBackOff');
  assert.equal(manager.ensureImage(p, c, 10_000), undefined);
  assert.equal(c.retryPullAt, 30_000, 'the second backoff is twice the first');
  assert.equal(events.filter((e) => e.includes('Error: ImagePullBackOff')).length, 1);
});

test('an invalid reference waits in InvalidImageName and says so once', () => {
  const { events, manager } = setup();
  const c = container('NGINX:latest');
  const p = pod('a', 'NGINX:latest');
  assert.equal(manager.ensureImage(p, c, 0), undefined);
  assert.equal(manager.ensureImage(p, c, 1_000), undefined);
  assert.equal(c.waitingReason, 'InvalidImageName');
  assert.equal(events.length, 2, events.join('\n'));
  assert.match(events[0]!, /^a Warning InspectFailed: /);
  assert.equal(events[1], 'a Warning Failed: Error: InvalidImageName');
});
