import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsResources, nodeAllocatable, podRequests } from '../../src/kube/pod-resources.ts';

const requests = (cpu: string, memory = '0') => ({ resources: { requests: { cpu, memory } } });

test('a pod requests the larger of its biggest init container and its app containers plus sidecars, plus overhead', () => {
  const pod = { spec: {
    initContainers: [{ name: 'migrate', ...requests('2') }, { name: 'proxy', restartPolicy: 'Always', ...requests('300m', '64Mi') }, { name: 'late', ...requests('500m') }],
    containers: [{ name: 'a', ...requests('250m', '128Mi') }, { name: 'b', ...requests('250m') }],
    overhead: { cpu: '10m' },
  } };
  const r = podRequests(pod);
  // apps 500m + sidecar 300m = 800m; inits: max(2000m, 500m + the 300m sidecar before it) = 2000m.
  assert.equal(r.milliCpu, 2010);
  assert.equal(r.memory, (128 + 64) * 1024 ** 2);
  assert.equal(r.pods, 1);
});

test('non-zero requests stand in 100m and 200Mi for a container that requests nothing', () => {
  const pod = { spec: { containers: [{ name: 'a' }, { name: 'b', ...requests('50m') }] } };
  assert.equal(podRequests(pod).milliCpu, 50);
  const r = podRequests(pod, true);
  assert.equal(r.milliCpu, 150);
  assert.equal(r.memory, 200 * 1024 ** 2, 'b asks for 0 memory explicitly: only a missing request is defaulted');
});

test('a node allocates status.allocatable, else capacity, and 110 pods when it does not say', () => {
  assert.deepEqual(nodeAllocatable({ status: { allocatable: { cpu: '2', memory: '1Gi', 'nvidia.com/gpu': '1' } } }), { milliCpu: 2000, memory: 1024 ** 3, ephemeralStorage: 0, pods: 110, scalar: { 'nvidia.com/gpu': 1 } });
  assert.equal(nodeAllocatable({ status: { capacity: { cpu: '4', pods: '8' } } }).pods, 8);
});

test('only a bound pod that has not finished holds resources', () => {
  assert.equal(holdsResources({ spec: { nodeName: 'n1' }, status: { phase: 'Running' } }), true);
  assert.equal(holdsResources({ spec: { nodeName: 'n1' }, status: { phase: 'Succeeded' } }), false);
  assert.equal(holdsResources({ spec: {}, status: { phase: 'Pending' } }), false);
});
