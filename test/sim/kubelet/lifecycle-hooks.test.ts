import assert from 'node:assert/strict';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { test } from 'node:test';
import { killPlan, runHandler } from '../../../src/sim/kubelet/lifecycle-hooks.ts';
import { behaviorOf, serverBehavior } from '../../../src/sim/kubelet/container-behavior.ts';
import { clusterWith, get, images, pod, seconds } from '../helpers.ts';
import type { SimCluster } from '../../../src/sim/cluster.ts';

// nginx:1.27 on a fresh node: sandbox 1 s, pull 2 s, so the container starts at t=3.

/** "t reason message" for each event about `name` from now on, repeats (a count going up) included. */
function eventLog(cluster: SimCluster, name: string): string[] {
  const log: string[] = [];
  cluster.store.watch('Event', (e) => {
    if (e.type !== 'DELETED' && e.object.involvedObject.name === name && e.object.reason !== 'Scheduled') log.push(`${seconds(cluster)} ${e.object.reason} ${e.object.message}`);
  });
  return log;
}

/** When the pod object goes (seconds), once it has. */
function goneAt(cluster: SimCluster, name: string): { at?: number; last?: any } {
  const out: { at?: number; last?: any } = {};
  cluster.store.watch('Pod', (e) => {
    if (e.object.metadata.name !== name) return;
    if (e.type === 'DELETED') out.at = seconds(cluster);
    else out.last = e.object.status;
  });
  return out;
}

const del = (cluster: SimCluster, name: string) => cluster.store.delete('Pod', { namespace: 'default', name });

test('killPlan: preStop time comes out of the grace period; SIGKILL never sooner than 2 s after SIGTERM', () => {
  assert.deepEqual(killPlan(0, 30, undefined), { sigtermAt: 0, sigkillAt: 30_000 });
  assert.deepEqual(killPlan(0, 1, undefined), { sigtermAt: 0, sigkillAt: 2_000 });
  const { sigtermAt, sigkillAt } = killPlan(0, 30, { takes: 10_000 });
  assert.deepEqual({ sigtermAt, sigkillAt }, { sigtermAt: 10_000, sigkillAt: 30_000 });
  // Cut short at the grace period, then the 2 s minimum.
  assert.deepEqual(killPlan(0, 30, { takes: 40_000 }).sigtermAt, 30_000);
  assert.deepEqual(killPlan(0, 30, { takes: 40_000 }).sigkillAt, 32_000);
  assert.deepEqual(killPlan(0, 30, { takes: Infinity }).sigkillAt, 32_000);
  // Elapsed whole seconds only are subtracted (executePreStopHook truncates).
  assert.deepEqual(killPlan(0, 30, { takes: 10_500 }).sigkillAt, 10_500 + 20_000);
  // A grace period of 0 runs no preStop.
  assert.deepEqual(killPlan(0, 0, { takes: 10_000 }), { sigtermAt: 0, sigkillAt: 2_000 });
});

test('handlers: exec by the command model, httpGet against the image server, sleep, tcpSocket', () => {
  const p = { metadata: { name: 'web', namespace: 'default', uid: 'u-1' } } as any;
  const nginx = { name: 'app', image: 'nginx:1.27' };
  const run = (handler: any, container: any = nginx) => runHandler('postStart', handler, container, serverBehavior, p, '10.244.1.2', images);
  assert.deepEqual(run({ exec: { command: ['sleep', '5'] } }), { takes: 5_000 });
  assert.deepEqual(run({ exec: { command: ['sh', '-c', 'sleep infinity'] } }), { takes: Infinity });
  assert.deepEqual(run({ exec: { command: ['sh', '-c', 'exit 1'] } }), {
    takes: 0,
    error: 'Exec lifecycle hook ([sh -c exit 1]) for Container "app" in Pod "web_default(u-1)" failed - error: command \'sh -c exit 1\' exited with 1: , message: ""',
  });
  assert.deepEqual(run({ exec: { command: ['/usr/local/bin/drain'] } }), {
    takes: 0,
    guesses: [{ field: 'lifecycle.postStart.exec.command', assumed: 'it succeeds at once', why: 'kubespec cannot interpret the command "/usr/local/bin/drain"' }],
  });
  // v1.32 does not look at the status code: a 404 is a success; no listener is a failure.
  assert.deepEqual(run({ httpGet: { path: '/nothing-here', port: 80 } }), { takes: 0 });
  assert.deepEqual(run({ httpGet: { path: '/stop', port: 8080 } }), {
    takes: 0,
    error: 'HTTP lifecycle hook (/stop) for Container "app" in Pod "web_default(u-1)" failed - error: Get "http://10.244.1.2:8080/stop": dial tcp 10.244.1.2:8080: connect: connection refused',
  });
  assert.deepEqual(run({ httpGet: { path: '/stop', port: 8080 } }, { name: 'app', image: 'example.com/app:1' }).guesses?.[0]?.field, 'lifecycle.postStart.httpGet');
  assert.deepEqual(run({ sleep: { seconds: 7 } }), { takes: 7_000 });
  assert.deepEqual(run({ tcpSocket: { port: 8080 } }), {
    takes: 0,
    error: 'Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{0 8080 },Host:,},Sleep:nil,}',
  });
});

test('preStop sleep 10 with grace 30: Terminating for 10 s, SIGTERM, a SIGTERM-handling server exits 0 a second later', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('web', { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds: 10 } } } }] }, { labels: { app: 'web' } }));
  cluster.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  cluster.clock.advanceBy(10_000);
  const events = eventLog(cluster, 'web');
  const gone = goneAt(cluster, 'web');
  del(cluster, 'web');
  cluster.clock.advanceBy(9_000);
  assert.equal(get(cluster, 'Pod', 'web')!.status.containerStatuses[0].state.running !== undefined, true);
  // While preStop runs the endpoint is withdrawn from ready but still serving.
  const slice = cluster.store.list('EndpointSlice', { namespace: 'default' })[0]!;
  assert.deepEqual(slice.endpoints[0].conditions, { ready: false, serving: true, terminating: true });
  cluster.clock.advanceBy(60_000);
  assert.equal(gone.at, 21);
  assert.deepEqual(gone.last.containerStatuses[0].state.terminated.exitCode, 0);
  assert.deepEqual(events, ['10 Killing Stopping container app']);
  assert.deepEqual(cluster.assumptions.list(), []);
});

test('preStop exec sleep 10 before a process that ignores SIGTERM: SIGKILL at the end of the grace period, exit 137', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('sleeper', { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { exec: { command: ['sleep', '10'] } } } }] }));
  cluster.clock.advanceBy(10_000);
  const gone = goneAt(cluster, 'sleeper');
  del(cluster, 'sleeper');
  cluster.clock.advanceBy(60_000);
  assert.equal(gone.at, 40);
  assert.equal(gone.last.containerStatuses[0].state.terminated.exitCode, 137);
});

test('preStop longer than the grace period is cut short: SIGTERM at the grace period, SIGKILL 2 s later', () => {
  const cluster = clusterWith(1);
  const hook = { preStop: { exec: { command: ['sh', '-c', 'sleep 40'] } } };
  cluster.store.create(pod('server', { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: hook }] }));
  cluster.store.create(pod('sleeper', { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: hook }] }));
  cluster.clock.advanceBy(10_000);
  const server = goneAt(cluster, 'server');
  const sleeper = goneAt(cluster, 'sleeper');
  del(cluster, 'server');
  del(cluster, 'sleeper');
  cluster.clock.advanceBy(60_000);
  assert.equal(server.at, 41);
  assert.equal(server.last.containerStatuses[0].state.terminated.exitCode, 0);
  assert.equal(sleeper.at, 42);
  assert.equal(sleeper.last.containerStatuses[0].state.terminated.exitCode, 137);
});

test('a failing preStop: FailedPreStopHook, and the stop carries on', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 3; exit 2'] } } } }] }));
  cluster.clock.advanceBy(10_000);
  const events = eventLog(cluster, 'web');
  const gone = goneAt(cluster, 'web');
  del(cluster, 'web');
  cluster.clock.advanceBy(60_000);
  assert.deepEqual(events, ['10 Killing Stopping container app', '13 FailedPreStopHook PreStopHook failed']);
  assert.equal(gone.at, 14);
});

test('postStart exit 1: FailedPostStartHook, the container is killed, PostStartHookError, then CrashLoopBackOff', () => {
  const cluster = clusterWith(1);
  const events = eventLog(cluster, 'web');
  cluster.store.create(pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { postStart: { exec: { command: ['sh', '-c', 'exit 1'] } } } }] }));
  cluster.clock.advanceBy(3_500);
  const uid = get(cluster, 'Pod', 'web')!.metadata.uid;
  // Failed at 3, killed (nginx stops 1 s after SIGTERM) at 4, restarted at once, failed again, killed at 5.
  let status = get(cluster, 'Pod', 'web')!.status;
  assert.equal(status.phase, 'Pending');
  assert.equal(status.containerStatuses[0].state.waiting.reason, 'ContainerCreating');
  cluster.clock.advanceBy(2_000);
  status = get(cluster, 'Pod', 'web')!.status;
  const app = status.containerStatuses[0];
  assert.deepEqual(app.state.waiting, {
    reason: 'PostStartHookError',
    message: `Exec lifecycle hook ([sh -c exit 1]) for Container "app" in Pod "web_default(${uid})" failed - error: command 'sh -c exit 1' exited with 1: , message: ""`,
  });
  assert.equal(app.restartCount, 1);
  assert.equal(app.lastState.terminated.exitCode, 0);
  assert.equal(status.phase, 'Running');
  cluster.clock.advanceBy(1_000);
  assert.equal(get(cluster, 'Pod', 'web')!.status.containerStatuses[0].state.waiting.reason, 'CrashLoopBackOff');
  // Every start asks the image manager first (image_manager.go EnsureImageExists): the restart's Pulled.
  assert.deepEqual(events.slice(0, 11), [
    '1 Pulling Pulling image "nginx:1.27"',
    '3 Pulled Successfully pulled image "nginx:1.27" in 2s (2s including waiting). Image size: 0 bytes.',
    '3 Created Container created',
    '3 Started Container started',
    '3 FailedPostStartHook PostStartHook failed',
    '3 Killing FailedPostStartHook',
    '4 Pulled Container image "nginx:1.27" already present on machine and can be accessed by the pod',
    '4 Created Container created',
    '4 Started Container started',
    '4 FailedPostStartHook PostStartHook failed',
    '4 Killing FailedPostStartHook',
  ]);
  assert.ok(events.includes(`5 BackOff Back-off restarting failed container app in pod web_default(${uid})`));
});

test('postStart sleep 5 delays Running and Ready, and the next container\'s start; startedAt is the real start', () => {
  const cluster = clusterWith(1);
  const events = eventLog(cluster, 'web');
  cluster.store.create(pod('web', { containers: [
    { name: 'app', image: 'nginx:1.27', lifecycle: { postStart: { sleep: { seconds: 5 } } } },
    { name: 'side', image: 'nginx:1.27' },
  ] }));
  cluster.clock.advanceBy(7_000);
  assert.equal(get(cluster, 'Pod', 'web')!.status.phase, 'Pending');
  cluster.clock.advanceBy(1_000);
  const status = get(cluster, 'Pod', 'web')!.status;
  assert.equal(status.phase, 'Running');
  assert.equal(status.containerStatuses[0].state.running.startedAt, '2026-01-01T00:00:03Z');
  assert.equal(status.containerStatuses[1].state.running.startedAt, '2026-01-01T00:00:08Z');
  assert.equal(status.conditions.find((c: any) => c.type === 'Ready').status, 'True');
  assert.deepEqual(events.filter((e) => e.includes('Started')), ['3 Started Container started', '8 Started Container started']);
});

test('a liveness kill runs preStop too, out of the probe\'s grace period', () => {
  const cluster = clusterWith(1);
  const events = eventLog(cluster, 'web');
  cluster.store.create(pod('web', { terminationGracePeriodSeconds: 30, containers: [{
    name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'],
    livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 10, failureThreshold: 1, terminationGracePeriodSeconds: 5 },
    lifecycle: { preStop: { sleep: { seconds: 4 } } },
  }] }));
  cluster.clock.advanceBy(12_000);
  // Started at 3, the probe fails at once: Killing at 3, preStop until 7, SIGTERM (ignored) with
  // 5 - 4 = 1 s left, raised to 2 s: SIGKILL at 9, restarted at once.
  const app = get(cluster, 'Pod', 'web')!.status.containerStatuses[0];
  assert.deepEqual(app.lastState.terminated, { exitCode: 137, reason: 'Error', startedAt: '2026-01-01T00:00:03Z', finishedAt: '2026-01-01T00:00:09Z' });
  assert.deepEqual(events.filter((e) => / (Killing|Started) /.test(e)), ['3 Started Container started', '3 Killing Container app failed liveness probe, will be restarted', '9 Started Container started', '9 Killing Container app failed liveness probe, will be restarted']);
});

test('a sleep hook longer than the grace period is refused, in validateSleepAction\'s words of each release', () => {
  const sleeping = (name: string, seconds: number) => pod(name, { terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds } } } }] });
  const legacy = clusterWith(1, 1, parseKubernetesVersion('1.32'));
  assert.throws(() => legacy.store.create(sleeping('web', 40)), {
    message: 'Pod "web" is invalid: spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
  });
  assert.throws(() => legacy.store.create(sleeping('zero', 0)), /Invalid value: 0: must be greater than 0/);
  legacy.store.create(sleeping('ok', 30));
  const current = clusterWith(1);
  assert.throws(() => current.store.create(sleeping('web', 40)), {
    message: 'Pod "web" is invalid: spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be non-negative and less than terminationGracePeriodSeconds (30)',
  });
  current.store.create(sleeping('zero', 0));
});

test('an exec hook kubespec cannot read is taken to succeed at once, and that is written down', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { postStart: { exec: { command: ['/docker-entrypoint.d/warm-cache'] } } } }] }));
  cluster.clock.advanceBy(5_000);
  assert.equal(get(cluster, 'Pod', 'web')!.status.phase, 'Running');
  assert.deepEqual(cluster.assumptions.list(), [{
    object: 'Pod default/web', field: 'spec.containers[app].lifecycle.postStart.exec.command',
    assumed: 'it succeeds at once', why: 'kubespec cannot interpret the command "/docker-entrypoint.d/warm-cache"',
  }]);
});

test("handlers run in the container: an exec hook sees its env; an httpGet hook asks the container's listeners", () => {
  const p = { metadata: { name: 'web', namespace: 'default', uid: 'u-1' } } as any;
  const app = { name: 'app', image: 'nginx:1.27', env: [{ name: 'DELAY', value: '5' }] };
  const run = (handler: any, container: any = app, behavior: any = serverBehavior) => runHandler('preStop', handler, container, behavior, p, '10.244.1.2', images);
  assert.deepEqual(run({ exec: { command: ['sh', '-c', 'sleep $DELAY'] } }), { takes: 5_000 });
  const annotated = { name: 'app', image: 'example.com/app:1', ports: [{ name: 'admin', containerPort: 8080 }] };
  const listens = behaviorOf(annotated, { 'kubespec.io/behavior.app': 'run forever, listens on 8080' }, images);
  assert.deepEqual(run({ httpGet: { path: '/drain', port: 'admin' } }, annotated, listens), { takes: 0 });
  assert.deepEqual(run({ httpGet: { path: '/drain', port: 9999 } }, annotated, listens), {
    takes: 0,
    error: 'HTTP lifecycle hook (/drain) for Container "app" in Pod "web_default(u-1)" failed - error: Get "http://10.244.1.2:9999/drain": dial tcp 10.244.1.2:9999: connect: connection refused',
  });
  assert.deepEqual(run({ httpGet: { path: '/drain', port: 'http' } }, annotated, listens), {
    takes: 0,
    error: 'HTTP lifecycle hook (/drain) for Container "app" in Pod "web_default(u-1)" failed - error: strconv.Atoi: parsing "http": invalid syntax',
  });
});

test("a native sidecar's Killing and preStop come at once; its stop signal waits for the main containers, out of its grace", () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('p', {
    terminationGracePeriodSeconds: 30,
    initContainers: [{ name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 3; exit 2'] } } } }],
    containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }],
  }));
  cluster.clock.advanceBy(10_000);
  const events = eventLog(cluster, 'p');
  const gone = goneAt(cluster, 'p');
  del(cluster, 'p');
  cluster.clock.advanceBy(29_000);
  // app ignores SIGTERM: SIGKILL at 40; proxy has waited for it since its preStop ended at 13.
  assert.equal(get(cluster, 'Pod', 'p')!.status.initContainerStatuses[0].state.running !== undefined, true, 'proxy runs on while app does');
  cluster.clock.advanceBy(30_000);
  assert.deepEqual(events, ['10 Killing Stopping container proxy', '10 Killing Stopping container app', '13 FailedPreStopHook PreStopHook failed']);
  assert.equal(gone.at, 41);
  assert.deepEqual(gone.last.initContainerStatuses[0].state.terminated.exitCode, 0);
  assert.deepEqual(gone.last.containerStatuses[0].state.terminated.exitCode, 137);
});
