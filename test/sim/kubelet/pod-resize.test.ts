import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import type { SimCluster } from '../../../src/sim/cluster.ts';
import type { KubeObject } from '../../../src/sim/store/types.ts';
import { RESIZE_ACTUATION_MS, RESIZE_RETRY_MS } from '../../../src/sim/kubelet/pod-resize.ts';
import { clusterWith } from '../helpers.ts';

const key = (name: string) => ({ namespace: 'default', name });

/** A 2-cpu node and a running Guaranteed pod "web" (500m, 128Mi) on the given release. */
function running(minor = '1.37', container: Record<string, unknown> = {}): SimCluster {
  const cluster = clusterWith([{ name: 'worker-1', capacity: { cpu: '2', memory: '4Gi', pods: '110' } }], 1, parseKubernetesVersion(minor));
  const resources = { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
  cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', resources, ...container }] } });
  cluster.clock.advanceBy(30_000);
  assert.equal(pod(cluster, 'web').status.phase, 'Running');
  return cluster;
}

function pod(cluster: SimCluster, name: string): KubeObject {
  return cluster.store.get('Pod', key(name))!;
}

/** Writes new resources through the resize subresource, as the API server does. */
function resize(cluster: SimCluster, name: string, resources: Record<string, unknown>): void {
  const current = pod(cluster, name);
  const containers = current.spec.containers.map((c: any, i: number) => (i === 0 ? { ...c, resources } : c));
  cluster.store.update({ ...current, spec: { ...current.spec, containers } }, { subresource: 'resize' });
  cluster.clock.settle();
}

const conditionOf = (p: KubeObject, type: string) => (p.status.conditions ?? []).find((c: any) => c.type === type);
const eventsOf = (cluster: SimCluster, reason: string) => cluster.store.list('Event', { namespace: 'default' }).filter((e) => e.reason === reason).map((e) => e.message);
const guaranteed = (cpu: string, memory = '128Mi') => ({ requests: { cpu, memory }, limits: { cpu, memory } });

describe('kubelet: in-place resize', () => {
  it('reports what is allocated and applied for every started container', () => {
    const status = pod(running(), 'web').status.containerStatuses[0];
    assert.deepEqual(status.allocatedResources, { cpu: '500m', memory: '128Mi' });
    assert.deepEqual(status.resources, guaranteed('500m'));
  });

  it('reports no resources on 1.32, where InPlacePodVerticalScaling is off', () => {
    const status = pod(running('1.32'), 'web').status.containerStatuses[0];
    assert.equal(status.resources, undefined);
    assert.equal(status.allocatedResources, undefined);
  });

  it('allocates a resize that fits: in progress with the old values applied, then completed with the new', () => {
    const cluster = running();
    resize(cluster, 'web', guaranteed('800m'));
    let p = pod(cluster, 'web');
    assert.equal(p.metadata.generation, 2);
    assert.deepEqual(conditionOf(p, 'PodResizeInProgress'), { type: 'PodResizeInProgress', observedGeneration: 2, status: 'True', lastProbeTime: conditionOf(p, 'PodResizeInProgress').lastProbeTime, lastTransitionTime: conditionOf(p, 'PodResizeInProgress').lastTransitionTime });
    assert.deepEqual(p.status.containerStatuses[0].allocatedResources, { cpu: '800m', memory: '128Mi' });
    assert.deepEqual(p.status.containerStatuses[0].resources, guaranteed('500m'), 'the runtime has not applied it yet');
    assert.equal(conditionOf(p, 'PodResizePending'), undefined);
    cluster.clock.advanceBy(RESIZE_ACTUATION_MS);
    p = pod(cluster, 'web');
    assert.equal(conditionOf(p, 'PodResizeInProgress'), undefined);
    assert.deepEqual(p.status.containerStatuses[0].resources, guaranteed('800m'));
    assert.equal(p.status.containerStatuses[0].restartCount, 0);
    assert.equal(p.status.observedGeneration, 2);
    const summary = '{"containers":[{"name":"app","resources":{"limits":{"cpu":"800m","memory":"128Mi"},"requests":{"cpu":"800m","memory":"128Mi"}}}],"generation":2}';
    assert.deepEqual(eventsOf(cluster, 'ResizeStarted'), [`Pod resize started: ${summary}`]);
    assert.deepEqual(eventsOf(cluster, 'ResizeCompleted'), [`Pod resize completed: ${summary}`]);
  });

  it('defers a resize the node has no room for now, and allocates it when a pod on the node goes', () => {
    const cluster = running();
    cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'batch', namespace: 'default' }, spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '1' } } }] } });
    cluster.clock.advanceBy(30_000);
    resize(cluster, 'web', guaranteed('1500m'));
    const pending = conditionOf(pod(cluster, 'web'), 'PodResizePending');
    assert.equal(pending.reason, 'Deferred');
    assert.equal(pending.message, "Node didn't have enough resource: cpu, requested: 1500, used: 1000, capacity: 2000");
    assert.equal(pending.observedGeneration, 2);
    assert.deepEqual(pod(cluster, 'web').status.containerStatuses[0].allocatedResources, { cpu: '500m', memory: '128Mi' });
    assert.equal(eventsOf(cluster, 'ResizeDeferred').length, 1);
    // Nothing changes by itself: the periodic retry finds the same answer (a new lastProbeTime) and writes no new event.
    cluster.clock.advanceBy(RESIZE_RETRY_MS + 1000);
    const retried = conditionOf(pod(cluster, 'web'), 'PodResizePending');
    assert.equal(retried.reason, 'Deferred');
    assert.notEqual(retried.lastProbeTime, pending.lastProbeTime);
    assert.equal(retried.lastTransitionTime, pending.lastTransitionTime);
    assert.equal(eventsOf(cluster, 'ResizeDeferred').length, 1);
    cluster.store.delete('Pod', key('batch'), { gracePeriodSeconds: 0 });
    cluster.clock.settle();
    const p = pod(cluster, 'web');
    assert.equal(conditionOf(p, 'PodResizePending'), undefined);
    assert.ok(conditionOf(p, 'PodResizeInProgress'));
    assert.deepEqual(p.status.containerStatuses[0].allocatedResources, { cpu: '1500m', memory: '128Mi' });
  });

  it('leaves a resize beyond the node allocatable Infeasible up to 1.35; from 1.36 only Deferred can come from the kubelet', () => {
    const cluster = running('1.35');
    resize(cluster, 'web', guaranteed('8'));
    const pending = conditionOf(pod(cluster, 'web'), 'PodResizePending');
    assert.equal(pending.reason, 'Infeasible');
    assert.equal(pending.message, "Node didn't have enough capacity: cpu, requested: 8000, capacity: 2000");
    assert.match(eventsOf(cluster, 'ResizeInfeasible')[0]!, /^Pod resize Infeasible: \{"containers":.*"generation":2,"error":"Node didn't have enough capacity: cpu, requested: 8000, capacity: 2000"\}$/);
    // Reverting the resize clears the condition (handlePodResourcesResize: desired == allocated).
    resize(cluster, 'web', guaranteed('500m'));
    assert.equal(conditionOf(pod(cluster, 'web'), 'PodResizePending'), undefined);
  });

  it('restarts a container whose resizePolicy says RestartContainer for the resource that changed, and only then', () => {
    const policy = { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }] };
    const cluster = running('1.37', policy);
    resize(cluster, 'web', guaranteed('600m'));
    cluster.clock.advanceBy(RESIZE_ACTUATION_MS);
    assert.equal(pod(cluster, 'web').status.containerStatuses[0].restartCount, 0, 'cpu is NotRequired');
    resize(cluster, 'web', guaranteed('600m', '256Mi'));
    cluster.clock.advanceBy(RESIZE_ACTUATION_MS);
    const status = pod(cluster, 'web').status.containerStatuses[0];
    assert.equal(status.restartCount, 1);
    assert.ok(status.state.running);
    assert.deepEqual(status.resources, guaranteed('600m', '256Mi'));
    assert.deepEqual(eventsOf(cluster, 'Killing'), ['Container app resize requires restart']);
  });
});
