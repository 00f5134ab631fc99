import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { nodeRefusal, resizeErrors } from '../../../src/sim/admission/pod-resize-validation.ts';
import type { KubeObject } from '../../../src/sim/store/types.ts';

const v = parseKubernetesVersion;
const burstable = { requests: { cpu: '100m' } };

function podWith(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', ...metadata }, spec: { containers: [{ name: 'app', image: 'nginx', resources: burstable }], ...spec }, status } as KubeObject;
}

/** The pod with one container list entry's resources replaced. */
function withResources(pod: KubeObject, field: 'containers' | 'initContainers', index: number, resources: unknown): KubeObject {
  const list = pod.spec[field].map((c: any, i: number) => (i === index ? { ...c, resources } : c));
  return { ...pod, spec: { ...pod.spec, [field]: list } };
}

const texts = (errors: { path: string; text: string }[]) => errors.map((e) => `${e.path}: ${e.text}`);

describe('ValidatePodResize', () => {
  it('accepts a cpu and memory change that keeps the QoS class', () => {
    const old = podWith({});
    assert.deepEqual(resizeErrors(withResources(old, 'containers', 0, { requests: { cpu: '300m', memory: '64Mi' } }), old, v('1.37')), []);
  });

  it('refuses static and windows pods before anything else', () => {
    const mirror = podWith({}, { annotations: { 'kubernetes.io/config.mirror': 'abc' } });
    assert.deepEqual(texts(resizeErrors(withResources(mirror, 'containers', 0, { requests: { cpu: '1' } }), mirror, v('1.37'))), [': Forbidden: static pods cannot be resized']);
    const windows = podWith({ os: { name: 'windows' } });
    assert.deepEqual(texts(resizeErrors(windows, windows, v('1.37'))), [': Forbidden: windows pods cannot be resized']);
  });

  it('refuses a pod whose running container reports no resources (a kubelet without resize)', () => {
    const old = podWith({}, {}, { containerStatuses: [{ name: 'app', state: { running: {} } }] });
    assert.deepEqual(texts(resizeErrors(withResources(old, 'containers', 0, { requests: { cpu: '1' } }), old, v('1.37'))), ['spec: Forbidden: Pod running on node without support for resize']);
  });

  it('lets sidecars be resized; a regular init container only where InPlacePodVerticalScalingInitContainers is on (1.36+)', () => {
    const old = podWith({ initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', resources: burstable }, { name: 'setup', image: 'busybox', resources: burstable }] });
    const sidecar = withResources(old, 'initContainers', 0, { requests: { cpu: '200m' } });
    assert.deepEqual(resizeErrors(sidecar, old, v('1.35')), []);
    const init = withResources(old, 'initContainers', 1, { requests: { cpu: '200m' } });
    assert.deepEqual(texts(resizeErrors(init, old, v('1.35'))), ['spec: Forbidden: resources for non-sidecar init containers are immutable']);
    assert.deepEqual(resizeErrors(init, old, v('1.37')), []);
    const storage = withResources(old, 'initContainers', 0, { requests: { cpu: '100m', 'ephemeral-storage': '1Gi' } });
    assert.deepEqual(texts(resizeErrors(storage, old, v('1.35'))), ['spec: Forbidden: only cpu and memory resources for sidecar containers are mutable']);
    assert.deepEqual(texts(resizeErrors(storage, old, v('1.37'))), ['spec.initContainers[0]: Forbidden: only cpu and memory resources for init or sidecar containers are mutable']);
  });

  it('keeps resizePolicy as it was: changing it is not a resource change', () => {
    const old = podWith({});
    const next = { ...old, spec: { ...old.spec, containers: [{ ...old.spec.containers[0], resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }] }] } };
    assert.deepEqual(texts(resizeErrors(next, old, v('1.37'))), ['spec: Forbidden: only cpu and memory resources are mutable']);
  });

  it('refuses pod-level resources before 1.36 and lets only their cpu and memory change after', () => {
    const old = podWith({ resources: { requests: { cpu: '1' } } });
    const next = { ...old, spec: { ...old.spec, resources: { requests: { cpu: '2' } } } };
    assert.deepEqual(texts(resizeErrors(next, old, v('1.35'))), [': Forbidden: resize of pods with pod-level resources is forbidden when InPlacePodLevelResourcesVerticalScalingEnabled feature gate is disabled']);
    assert.deepEqual(resizeErrors(next, old, v('1.36')), []);
    const storage = { ...old, spec: { ...old.spec, resources: { requests: { 'ephemeral-storage': '1Gi' } } } };
    assert.deepEqual(texts(resizeErrors(storage, old, v('1.37'))), ['spec.resources.requests: Forbidden: pod-level resource requests cannot be removed', 'spec: Forbidden: only cpu and memory resources are mutable at pod-level']);
  });

  it('refuses an added or removed container', () => {
    const old = podWith({});
    const more = { ...old, spec: { ...old.spec, containers: [...old.spec.containers, { name: 'extra', image: 'nginx', resources: burstable }] } };
    assert.deepEqual(texts(resizeErrors(more, old, v('1.37'))), ['spec.containers: Forbidden: containers may not be added or removed on resize']);
  });
});

describe('PodResizeValidator', () => {
  const node = (labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels }, status: { allocatable: { cpu: '2', memory: '1Gi', pods: '110' } } }) as KubeObject;

  it('names every resource beyond the node allocatable, cpu in millicores and memory in bytes', () => {
    const big = withResources(podWith({}), 'containers', 0, { requests: { cpu: '3', memory: '2Gi' } });
    assert.equal(nodeRefusal(big, node()), "node didn't have enough allocatable resources: cpu, requested: 3000, allocatable: 2000; memory, requested: 2147483648, allocatable: 1073741824");
    assert.equal(nodeRefusal(withResources(podWith({}), 'containers', 0, { requests: { cpu: '2' } }), node()), undefined);
  });

  it('refuses a node that is not Linux', () => {
    assert.equal(nodeRefusal(podWith({}), node({ 'kubernetes.io/os': 'windows' })), 'pod resize is only supported on linux nodes, node "worker-1" is "windows"');
  });
});
