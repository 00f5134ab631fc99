import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { clusterWith, get, pod, seconds } from '../helpers.ts';

/** Records each container start time (seconds) and restart count of one pod. */
function startLog(cluster: ReturnType<typeof clusterWith>, name: string): string[] {
  const log: string[] = [];
  cluster.store.watch('Event', (e) => {
    if (e.type === 'ADDED' && e.object.involvedObject.name === name && e.object.reason === 'Started') log.push(`${seconds(cluster)}`);
  });
  return log;
}

for (const minor of ['1.32', '1.37']) test(`a crashing container restarts with CrashLoopBackOff: 0, 10, 20, 40, 80, 160, 300s waits (${minor})`, () => {
  const cluster = clusterWith(1, 1, parseKubernetesVersion(minor));
  const starts: number[] = [];
  cluster.store.watch('Event', (e) => {
    if (e.object.reason === 'Started' && e.object.involvedObject.name === 'crash') starts.push(seconds(cluster));
  });
  cluster.store.create(pod('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }));
  cluster.clock.advanceBy(20 * 60_000);
  const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
  assert.deepEqual(gaps.slice(0, 8), [0, 10, 20, 40, 80, 160, 300, 300]);
  const status = get(cluster, 'Pod', 'crash')!.status;
  assert.equal(status.phase, 'Running');
  if (minor === '1.32') {
    assert.equal(status.containerStatuses[0].state.waiting.reason, 'CrashLoopBackOff');
    assert.match(status.containerStatuses[0].state.waiting.message, /^back-off 5m0s restarting failed container=app pod=crash_default\(/);
  } else {
    // From 1.35 the next sync is at the back-off's end: until then the run that ended is the state.
    assert.equal(status.containerStatuses[0].state.terminated.exitCode, 1);
  }
  assert.equal(status.containerStatuses[0].lastState.terminated.exitCode, 1);
  assert.ok(cluster.store.list('Event').some((e) => e.reason === 'BackOff' && e.message.startsWith('Back-off restarting failed container app in pod crash_default(')));
});

test('restartPolicy Never: a failing container fails the pod; a succeeding one completes it', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('fails', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 5; exit 3'] }] }));
  cluster.store.create(pod('works', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '5'] }] }));
  cluster.clock.advanceBy(60_000);
  const failed = get(cluster, 'Pod', 'fails')!.status;
  assert.equal(failed.phase, 'Failed');
  assert.deepEqual({ exitCode: failed.containerStatuses[0].state.terminated.exitCode, reason: failed.containerStatuses[0].state.terminated.reason }, { exitCode: 3, reason: 'Error' });
  assert.equal(get(cluster, 'Pod', 'works')!.status.phase, 'Succeeded');
  const ready = get(cluster, 'Pod', 'works')!.status.conditions.find((c: any) => c.type === 'Ready');
  assert.equal(ready.reason, 'PodCompleted');
});

test('init containers run in order before the app container starts', () => {
  const cluster = clusterWith(1);
  const starts = startLog(cluster, 'init');
  cluster.store.create(pod('init', {
    initContainers: [
      { name: 'first', image: 'busybox:1.36', command: ['sleep', '4'] },
      { name: 'second', image: 'busybox:1.36', command: ['sleep', '6'] },
    ],
  }));
  cluster.clock.advanceBy(5_000);
  assert.equal(get(cluster, 'Pod', 'init')!.status.phase, 'Pending');
  const initialized = get(cluster, 'Pod', 'init')!.status.conditions.find((c: any) => c.type === 'Initialized');
  assert.equal(initialized.message, 'containers with incomplete status: [first second]');
  cluster.clock.advanceBy(60_000);
  // sandbox 1s + pull 2s → first at 3, ends 7; second at 7 (image present), ends 13; app pulls nginx 2s → 15
  assert.deepEqual(starts, ['3', '7', '15']);
  assert.equal(get(cluster, 'Pod', 'init')!.status.phase, 'Running');
});

test('sleep as PID 1 ignores SIGTERM: the pod takes its whole grace period, then exits 137', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('sleeper', { terminationGracePeriodSeconds: 20, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
  cluster.store.create(pod('server'));
  cluster.clock.advanceBy(10_000);
  const gone: Record<string, number> = {};
  cluster.store.watch('Pod', (e) => {
    if (e.type === 'DELETED') gone[e.object.metadata.name] = seconds(cluster);
    if (e.object.metadata.name === 'sleeper' && e.object.status?.containerStatuses?.[0]?.state?.terminated) {
      assert.equal(e.object.status.containerStatuses[0].state.terminated.exitCode, 137);
    }
  });
  cluster.store.delete('Pod', { namespace: 'default', name: 'sleeper' });
  cluster.store.delete('Pod', { namespace: 'default', name: 'server' });
  cluster.clock.advanceBy(60_000);
  assert.deepEqual(gone, { server: 11, sleeper: 30 });
});

test('the Pulled event says whether the image was already on the node', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('a'));
  cluster.clock.advanceBy(10_000);
  cluster.store.create(pod('b'));
  cluster.clock.advanceBy(10_000);
  const pulled = cluster.store.list('Event').filter((e) => e.reason === 'Pulled').map((e) => `${e.involvedObject.name}: ${e.message}`).sort();
  assert.deepEqual(pulled, [
    'a: Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 0 bytes.',
    'b: Container image "nginx:1.27" already present on machine and can be accessed by the pod',
  ]);
});

test('the kubelet keeps the scheduler\'s PodScheduled condition next to its own; pods default enableServiceLinks to true', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('web'));
  cluster.clock.advanceBy(30_000);
  const stored = get(cluster, 'Pod', 'web')!;
  assert.deepEqual(stored.status.conditions.map((c: any) => `${c.type}=${c.status}`).sort(),
    ['ContainersReady=True', 'Initialized=True', 'PodReadyToStartContainers=True', 'PodScheduled=True', 'Ready=True']);
  assert.equal(stored.spec.enableServiceLinks, true);
});

test('an exec probe reads a mounted ConfigMap key; a probe on an undeclared named port errors and the container never becomes ready', () => {
  const cluster = clusterWith(1);
  cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'flags', namespace: 'default' }, data: { ready: 'yes' } });
  cluster.store.create(pod('reads', {
    volumes: [{ name: 'config', configMap: { name: 'flags' } }],
    containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], volumeMounts: [{ name: 'config', mountPath: '/etc/config' }],
      readinessProbe: { exec: { command: ['cat', '/etc/config/ready'] }, periodSeconds: 5 } }],
  }));
  cluster.store.create(pod('named', { containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 } }] }));
  const events: string[] = [];
  cluster.store.watch('Event', (e) => { if (e.type === 'ADDED' && e.object.reason === 'Unhealthy') events.push(`${e.object.involvedObject.name} ${e.object.message}`); });
  cluster.clock.advanceBy(60_000);
  assert.equal(get(cluster, 'Pod', 'reads')!.status.containerStatuses[0].ready, true);
  assert.equal(get(cluster, 'Pod', 'named')!.status.containerStatuses[0].ready, false);
  // v1.33+ words (prober.go): the error's result is probe.Unknown, as runProbe answers a port it cannot resolve.
  assert.deepEqual(events, ['named Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "http": invalid syntax']);
  assert.deepEqual(cluster.assumptions.list(), []);
});

test('a pod whose ConfigMap volume cannot be mounted has no sandbox yet: no IP, PodReadyToStartContainers False, until the ConfigMap exists', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('mounts', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }], volumes: [{ name: 'cfg', configMap: { name: 'later' } }] }));
  cluster.clock.advanceBy(20_000);
  const waiting = get(cluster, 'Pod', 'mounts')!.status;
  assert.equal(waiting.podIP, undefined);
  assert.equal(waiting.conditions.find((c: any) => c.type === 'PodReadyToStartContainers').status, 'False');
  assert.ok(cluster.store.list('Event').some((e) => e.reason === 'FailedMount'));
  cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'later', namespace: 'default' }, data: { a: '1' } } as any);
  cluster.clock.advanceBy(180_000);
  const running = get(cluster, 'Pod', 'mounts')!.status;
  assert.equal(running.phase, 'Running');
  assert.match(running.podIP, /^\d+\.\d+\.\d+\.\d+$/);
});

test("a terminated container's state names its container, as the kubelet's status does", () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('done', { restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['true'] }] }));
  cluster.clock.advanceBy(30_000);
  const status = get(cluster, 'Pod', 'done')!.status.containerStatuses[0];
  assert.match(status.state.terminated.containerID, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.equal(status.state.terminated.containerID, status.containerID);
});

test("a container's status lists its mounts; a read-only one says it is not recursively read-only", () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('mounted', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/etc/cfg', readOnly: true }] }], volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', emptyDir: {} }] }));
  cluster.clock.advanceBy(10_000);
  const mounts = get(cluster, 'Pod', 'mounted')!.status.containerStatuses[0].volumeMounts;
  assert.deepEqual(mounts.filter((m: any) => !m.name.startsWith('kube-api-access')), [
    { name: 'data', mountPath: '/data' },
    { name: 'cfg', mountPath: '/etc/cfg', readOnly: true, recursiveReadOnly: 'Disabled' },
  ]);
});
