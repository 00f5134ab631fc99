import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get, pod } from '../helpers.ts';

// Expected texts follow plugin/pkg/admission/limitranger/admission.go (k8s v1.32) mergeContainerResources.

function limitRange(name: string, item: Record<string, unknown>) {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: 'default' }, spec: { limits: [{ type: 'Container', ...item }] } };
}

const annotation = (c: ReturnType<typeof clusterWith>, name: string) => get(c, 'Pod', name)?.metadata.annotations?.['kubernetes.io/limit-ranger'];

test('defaults given to a container are named: requests, then limits, resource names sorted', () => {
  const c = clusterWith(0);
  c.store.create(limitRange('defaults', { default: { memory: '512Mi', cpu: '500m' }, defaultRequest: { memory: '256Mi', cpu: '100m' } }));
  c.store.create(pod('web'));
  assert.equal(annotation(c, 'web'), 'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app');
  const p = get(c, 'Pod', 'web')!;
  assert.deepEqual(p.spec.containers[0].resources, { limits: { memory: '512Mi', cpu: '500m' }, requests: { memory: '256Mi', cpu: '100m' } });
  assert.equal(p.status?.qosClass, 'Burstable', 'the QoS class counts the defaults (PrepareForCreate runs after admission)');
});

test('only what was missing is named: limits alone, or requests alone', () => {
  const c = clusterWith(0);
  c.store.create(limitRange('defaults', { default: { cpu: '500m', memory: '512Mi' } }));
  c.store.create(pod('asks', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] }));
  assert.equal(annotation(c, 'asks'), 'LimitRanger plugin set: cpu, memory limit for container app');
  // A limit stated without a request gave the request (pod defaulting, before admission): memory is not LimitRanger's.
  c.store.create(pod('capped', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { limits: { memory: '128Mi' } } }] }));
  assert.equal(annotation(c, 'capped'), 'LimitRanger plugin set: cpu request for container app; cpu limit for container app');

  const d = clusterWith(0);
  d.store.create(limitRange('requests-only', { defaultRequest: { cpu: '100m' } }));
  d.store.create(pod('web'));
  assert.equal(annotation(d, 'web'), 'LimitRanger plugin set: cpu request for container app');
  assert.deepEqual(get(d, 'Pod', 'web')!.spec.containers[0].resources, { requests: { cpu: '100m' } });
});

test('containers come first, then init containers, called "init container"', () => {
  const c = clusterWith(0);
  c.store.create(limitRange('defaults', { default: { cpu: '200m' }, defaultRequest: { cpu: '100m' } }));
  c.store.create(pod('web', {
    initContainers: [{ name: 'setup', image: 'busybox:1.36' }],
    containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'side', image: 'nginx:1.27', resources: { limits: { cpu: '1' } } }],
  }));
  assert.equal(annotation(c, 'web'), 'LimitRanger plugin set: cpu request for container app; cpu limit for container app; cpu request for init container setup; cpu limit for init container setup');
});

test('no annotation when nothing was defaulted, or without a LimitRange', () => {
  const c = clusterWith(0);
  c.store.create(pod('early'));
  assert.equal(get(c, 'Pod', 'early')!.metadata.annotations?.['kubernetes.io/limit-ranger'], undefined);
  c.store.create(limitRange('defaults', { default: { cpu: '500m' } }));
  c.store.create(pod('stated', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { limits: { cpu: '300m' } } }] }));
  assert.equal(get(c, 'Pod', 'stated')!.metadata.annotations, undefined);
  assert.deepEqual(get(c, 'Pod', 'stated')!.spec.containers[0].resources, { limits: { cpu: '300m' }, requests: { cpu: '300m' } });
});

test('a LimitRange item is defaulted when stored: default from max, defaultRequest from default, else min', () => {
  const c = clusterWith(0);
  c.store.create(limitRange('bounds', { max: { cpu: '2' }, min: { memory: '64Mi' } }));
  assert.deepEqual(get(c, 'LimitRange', 'bounds')!.spec.limits[0], {
    type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' },
  });
  c.store.create(pod('web'));
  assert.equal(annotation(c, 'web'), 'LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app');
});
