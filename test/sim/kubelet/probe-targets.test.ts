import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behaviorOf, type ImageBehavior } from '../../../src/sim/kubelet/container-behavior.ts';
import { probeHealth, type OutsideFiles } from '../../../src/sim/kubelet/probe-targets.ts';
import { NEVER_PASSES } from '../../../src/sim/kubelet/probes.ts';

const images: ImageBehavior[] = [
  { image: 'busybox', runsFor: 0, exitCode: 0 },
  { match: '^nginx(:|$)', listens: [80], serves: ['/', '/index.html'] },
  { match: '^redis(:|$)', listens: [6379] },
];
const IP = '10.244.1.5';
const findings = (container: any, annotations?: Record<string, string>, outsideFiles?: OutsideFiles) =>
  probeHealth(container, behaviorOf(container, annotations, images), images, { podIP: IP, outsideFiles });
const health = (container: any, annotations?: Record<string, string>) => findings(container, annotations).health;
const never = (message: string) => ({ ...NEVER_PASSES, message });

test("an image server's ports and paths decide httpGet and tcpSocket probes, in the prober's words", () => {
  const nginx = { name: 'web', image: 'nginx:1.27' };
  assert.deepEqual(findings({ ...nginx, livenessProbe: { httpGet: { path: '/healthz', port: 80 } }, readinessProbe: { httpGet: { path: '/?x=1', port: 80 } } }),
    { health: { liveness: never('HTTP probe failed with statuscode: 404') }, guesses: [] });
  assert.deepEqual(health({ ...nginx, readinessProbe: { tcpSocket: { port: 8081 } } }), { readiness: never('dial tcp 10.244.1.5:8081: connect: connection refused') });
  assert.deepEqual(health({ ...nginx, livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } }),
    { liveness: never('Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused') });
  assert.deepEqual(health({ ...nginx, startupProbe: { grpc: { port: 9090 }, timeoutSeconds: 2 } }),
    { startup: never('timeout: failed to connect service "10.244.1.5:9090" within 2s: context deadline exceeded') });
  assert.deepEqual(health({ ...nginx, startupProbe: { grpc: { port: 80 } } }),
    { startup: never('timeout: failed to connect service "10.244.1.5:80" within 1s: context deadline exceeded') }, 'nginx does not speak gRPC health');
  assert.deepEqual(findings({ ...nginx, ports: [{ name: 'http', containerPort: 80 }], readinessProbe: { httpGet: { path: '/', port: 'http' } } }), { health: {}, guesses: [] });
  assert.deepEqual(findings({ name: 'r', image: 'redis:7', livenessProbe: { tcpSocket: { port: 6379 } } }), { health: {}, guesses: [] });
});

test('an IPv6 pod address is written in brackets, as net.JoinHostPort does', () => {
  const c = { name: 'web', image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 81 } } };
  assert.deepEqual(probeHealth(c, behaviorOf(c, undefined, images), images, { podIP: 'fd00::5' }).health, { readiness: never('dial tcp [fd00::5]:81: connect: connection refused') });
});

test('containerPort proves nothing: an unknown server passes with a guess', () => {
  const app = { name: 'app', image: 'example.com/app:1', ports: [{ containerPort: 8080 }], livenessProbe: { httpGet: { path: '/live', port: 8080 } }, readinessProbe: { tcpSocket: { port: 8080 } } };
  assert.deepEqual(findings(app), {
    health: {},
    guesses: [
      { field: 'readinessProbe', assumed: 'its target answers', why: 'kubespec does not know whether the image "example.com/app:1" listens on port 8080' },
      { field: 'livenessProbe', assumed: 'its target answers', why: 'kubespec does not know whether the image "example.com/app:1" listens on port 8080' },
    ],
  });
  assert.deepEqual(findings({ name: 'web', image: 'nginx:1.27', command: ['my-server'], livenessProbe: { tcpSocket: { port: 9999 } } }).guesses,
    [{ field: 'livenessProbe', assumed: 'its target answers', why: 'kubespec does not know whether the command "my-server" listens on port 9999' }], 'its own program: unknown ports');
  assert.deepEqual(findings({ ...app, livenessProbe: { exec: { command: ['pgrep', 'app'] } }, readinessProbe: undefined }).guesses,
    [{ field: 'livenessProbe', assumed: 'its target answers', why: 'kubespec cannot tell what the command "pgrep app" finds in the container' }]);
});

test('a behavior annotation says what listens: other ports are refused; what the listener answers over HTTP is a guess', () => {
  const app = { name: 'app', image: 'example.com/app:1' };
  const listening = { 'kubespec.io/behavior.app': 'run forever, listens on 8080' };
  assert.deepEqual(findings({ ...app, readinessProbe: { tcpSocket: { port: 8080 } } }, listening), { health: {}, guesses: [] });
  assert.deepEqual(health({ ...app, readinessProbe: { tcpSocket: { port: 8081 } } }, listening), { readiness: never('dial tcp 10.244.1.5:8081: connect: connection refused') });
  assert.deepEqual(findings({ ...app, livenessProbe: { httpGet: { path: '/healthz', port: 8080 } } }, listening).guesses,
    [{ field: 'livenessProbe', assumed: 'its target answers', why: 'kubespec does not know what the server on port 8080 answers for /healthz' }]);
  assert.deepEqual(findings({ ...app, readinessProbe: { tcpSocket: { port: 8081 } } }, { 'kubespec.io/behavior.app': 'run forever, ready after 5s' }), { health: {}, guesses: [] }, 'an annotation about probes wins');
});

test('a script listens on nothing; an exec probe reads the files it touches and removes, with what cat prints', () => {
  const script = { name: 'c', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] };
  assert.deepEqual(findings({ ...script, livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } }),
    { health: { liveness: { okFrom: 0, failFrom: 30_000, message: "cat: can't open '/tmp/healthy': No such file or directory\n" } }, guesses: [] });
  assert.deepEqual(health({ ...script, image: 'debian:12', livenessProbe: { exec: { command: ['ls', '/tmp/other'] } } }),
    { liveness: never("ls: cannot access '/tmp/other': No such file or directory\n") }, 'GNU coreutils elsewhere');
  assert.deepEqual(health({ ...script, livenessProbe: { exec: { command: ['sh', '-c', 'test -f /tmp/other'] } } }), { liveness: never('') }, 'test prints nothing');
  assert.deepEqual(health({ ...script, readinessProbe: { tcpSocket: { port: 3306 } } }), { readiness: never('dial tcp 10.244.1.5:3306: connect: connection refused') });
  assert.deepEqual(health({ ...script, readinessProbe: { exec: { command: ['false'] } }, livenessProbe: { exec: { command: ['true'] } } }), { readiness: never('') });
  assert.deepEqual(health({ ...script, livenessProbe: { exec: { command: ['sleep', '5'] } } }), { liveness: never('command timed out: "sleep 5" timed out after 1s') });
  assert.deepEqual(findings({ ...script, livenessProbe: { exec: { command: ['sleep', '1'] }, timeoutSeconds: 2 } }), { health: {}, guesses: [] }, 'a shorter sleep exits 0');
});

test('a file written from outside is known even in a program kubespec cannot read', () => {
  const app = { name: 'app', image: 'example.com/app:1', readinessProbe: { exec: { command: ['cat', '/tmp/ready'] } } };
  assert.deepEqual(findings(app, undefined, { '/tmp/ready': { createdAt: 5_000 } }), { health: { readiness: { okFrom: 5_000, message: 'cat: /tmp/ready: No such file or directory\n' } }, guesses: [] });
  assert.equal(findings(app).guesses.length, 1);
});

test('a probe to a named port the container does not declare errors: the prober throws its results away', () => {
  const web = { name: 'web', image: 'nginx:1.27', ports: [{ name: 'web', containerPort: 80 }] };
  const errored = { okFrom: Infinity, errored: 'strconv.Atoi: parsing "http": invalid syntax' };
  assert.deepEqual(findings({ ...web, readinessProbe: { httpGet: { path: '/', port: 'http' } }, livenessProbe: { tcpSocket: { port: 'http' } } }),
    { health: { readiness: errored, liveness: errored }, guesses: [] });
});

test("an exec probe's file check sees the image's files and the container's volumes, not only what its script wrote", () => {
  const listed: ImageBehavior[] = [{ image: 'busybox', runsFor: 0, exitCode: 0, paths: ['/bin/...', '/etc/...', '/etc/passwd', '/tmp/'] }];
  const sleeper = { name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'], volumeMounts: [{ name: 'config', mountPath: '/etc/config' }] };
  const probe = (command: string[], context: object = {}) => {
    const container = { ...sleeper, readinessProbe: { exec: { command } } };
    return probeHealth(container, behaviorOf(container, undefined, listed), listed, { podIP: IP, ...context });
  };
  const config = { volumeFiles: { '/etc/config/ready': 'yes' }, filledMounts: ['/etc/config'] };
  assert.deepEqual(probe(['cat', '/etc/config/ready'], config), { health: {}, guesses: [] }, 'a ConfigMap key mounted as a file');
  assert.deepEqual(probe(['cat', '/etc/config/other'], config), { health: { readiness: never("cat: can't open '/etc/config/other': No such file or directory\n") }, guesses: [] }, 'not a key of the ConfigMap');
  assert.deepEqual(probe(['cat', '/etc/passwd']), { health: {}, guesses: [] }, 'in the image');
  assert.deepEqual(probe(['ls', '/tmp/ready']), { health: { readiness: never('ls: /tmp/ready: No such file or directory\n') }, guesses: [] }, '/tmp is listed completely');
  assert.deepEqual(probe(['cat', '/etc/nginx.conf']).guesses.map((g) => g.assumed), ['/etc/nginx.conf does not exist'], '/etc is listed only partly');
  assert.deepEqual(probe(['sh', '-c', 'test -f /etc/config/ready']), {
    health: { readiness: never('') },
    guesses: [{ field: 'readinessProbe', assumed: '/etc/config/ready does not exist', why: 'kubespec does not know the files of the volume mounted there' }],
  }, 'a volume whose files kubespec was not given (an emptyDir, a claim)');
});
