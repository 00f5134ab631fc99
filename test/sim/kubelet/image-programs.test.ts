import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behaviorOf, pullGuesses } from '../../../src/sim/kubelet/container-behavior.ts';
import { containerListens } from '../../../src/sim/kubelet/listeners.ts';
import { probeHealth } from '../../../src/sim/kubelet/probe-targets.ts';
import { NEVER_PASSES } from '../../../src/sim/kubelet/probes.ts';
import { images } from '../helpers.ts';

// The programs of scenarios/behaviors/images.yaml, as the product reads them.
const IP = '10.244.1.5';
const never = (message: string) => ({ ...NEVER_PASSES, message });
const behavior = (c: any) => behaviorOf(c, undefined, images);
const listens = (c: any, port: number) => containerListens(c, behavior(c), images, port);
const probes = (c: any) => probeHealth(c, behavior(c), images, { podIP: IP });

test('nginx -g "daemon off;" is the image\'s own server: it runs until stopped and listens as the image does', () => {
  const c = { name: 'web', image: 'nginx:1.27', command: ['nginx', '-g', 'daemon off;'] };
  assert.deepEqual(behavior(c), { runsFor: undefined, exitCode: 0, ignoresSigterm: false, source: 'program: nginx of docker.io/library/nginx' });
  assert.deepEqual(listens(c, 80), { known: true, listens: true, because: 'nginx (docker.io/library/nginx) listens on 80' });
  assert.deepEqual(listens(c, 8080), { known: true, listens: false, because: 'nginx (docker.io/library/nginx) listens on 80' });
  const u = { name: 'web', image: 'nginxinc/nginx-unprivileged:1.27', command: ['nginx', '-g', 'daemon off;'] };
  assert.equal((listens(u, 8080) as any).listens, true);
  assert.deepEqual(pullGuesses('nginxinc/nginx-unprivileged:1.27', images), []);
});

test('agnhost netexec: --http-port (default 8080), every path answers, /healthz 412 without the UDP server', () => {
  const c = { name: 'web', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', args: ['netexec', '--http-port=8080'] };
  assert.deepEqual(behavior(c), { runsFor: undefined, exitCode: 0, ignoresSigterm: false, source: 'program: agnhost netexec of registry.k8s.io/e2e-test-images/agnhost' });
  assert.deepEqual(listens(c, 8080), { known: true, listens: true, because: 'agnhost netexec (registry.k8s.io/e2e-test-images/agnhost) listens on 8080' });
  assert.equal((listens(c, 8081) as any).listens, false, '--udp-port is UDP');
  assert.equal((listens({ ...c, args: ['netexec'] }, 8080) as any).listens, true, 'the default --http-port');
  assert.equal((listens({ ...c, args: ['netexec', '--http-port', '5432'] }, 5432) as any).listens, true);
  assert.equal((listens({ ...c, args: ['netexec', '--http-port=5432'] }, 8080) as any).listens, false);
  assert.deepEqual(probes({ ...c, readinessProbe: { httpGet: { path: '/', port: 8080 } }, livenessProbe: { httpGet: { path: '/anything/at/all', port: 8080 } } }), { health: {}, guesses: [] });
  assert.deepEqual(probes({ ...c, readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } }), { health: {}, guesses: [] });
  assert.deepEqual(probes({ ...c, args: ['netexec', '--udp-port=-1'], readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } }),
    { health: { readiness: never('HTTP probe failed with statuscode: 412') }, guesses: [] });
  // With neither command nor args it is the image's CMD, pause: no port.
  assert.deepEqual(listens({ name: 'p', image: c.image }, 8080), { known: true, listens: false, because: 'agnhost pause (registry.k8s.io/e2e-test-images/agnhost) listens on no port' });
  // An agnhost subcommand images.yaml does not describe stays unknown: args run by the ENTRYPOINT, /agnhost.
  assert.equal(behavior({ ...c, args: ['fake-gitserver'] }).guesses?.[0]?.why, 'kubespec cannot interpret the command "/agnhost fake-gitserver"');
});

test('redis-server: --port, and the cluster bus on port + 10000 with --cluster-enabled yes', () => {
  const c = { name: 'redis', image: 'redis:7.2', command: ['redis-server', '--cluster-enabled', 'yes', '--port', '6379'] };
  assert.equal(behavior(c).guesses, undefined);
  assert.equal(behavior(c).source, 'program: redis-server of docker.io/library/redis');
  assert.deepEqual([6379, 16379, 6380].map((p) => (listens(c, p) as any).listens), [true, true, false]);
  assert.deepEqual([7000, 17000, 16379].map((p) => (listens({ ...c, command: ['redis-server', '--port', '7000'] }, p) as any).listens), [true, false, false]);
  assert.deepEqual(listens({ ...c, command: ['redis-server', '--cluster-enabled', 'yes', '--cluster-port', '7777'] }, 6379),
    { known: false, guess: { field: 'command', assumed: 'it listens on port 6379', why: 'kubespec does not model --cluster-port of redis-server' } });
  assert.deepEqual(listens({ ...c, command: ['redis-server', '/conf/redis.conf'] }, 6379),
    { known: false, guess: { field: 'command', assumed: 'it listens on port 6379', why: 'redis-server reads its ports from a configuration file kubespec does not know' } });
});

test('mysql clients in exec probes: mysqladmin ping succeeds while mysqld listens; mysql needs the password root was given', () => {
  const rootPassword = { name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'root' } } };
  const mysql = { name: 'mysql', image: 'mysql:8.0', env: [rootPassword] };
  const select = { exec: { command: ['mysql', '-h', '127.0.0.1', '-e', 'SELECT 1'] } };
  assert.deepEqual(probes({ ...mysql, livenessProbe: { exec: { command: ['mysqladmin', 'ping'] } } }), { health: {}, guesses: [] });
  assert.deepEqual(probes({ ...mysql, readinessProbe: select }),
    { health: { readiness: never("ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)\n") }, guesses: [] });
  assert.deepEqual(probes({ ...mysql, env: [rootPassword, { ...rootPassword, name: 'MYSQL_PWD' }], readinessProbe: select }), { health: {}, guesses: [] });
  assert.deepEqual(probes({ ...mysql, env: [{ name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: '1' }], readinessProbe: select }), { health: {}, guesses: [] });
  assert.deepEqual(probes({ ...mysql, env: [rootPassword, { name: 'MYSQL_PWD', value: 'other' }], readinessProbe: select }).guesses,
    [{ field: 'readinessProbe', assumed: 'its target answers', why: "kubespec does not know whether the password mysql gives is the server's" }]);
  assert.deepEqual(probes({ ...mysql, readinessProbe: { exec: { command: ['mysqladmin', 'ping', '-h', 'db.example'] } } }).guesses,
    [{ field: 'readinessProbe', assumed: 'its target answers', why: 'kubespec does not know what answers mysqladmin at db.example' }]);
  // The container does not run mysqld (a sleep): nothing listens on 3306; what the client prints then is not modelled.
  assert.deepEqual(probes({ ...mysql, command: ['sleep', '3600'], readinessProbe: { exec: { command: ['mysqladmin', 'ping'] } } }).guesses,
    [{ field: 'readinessProbe', assumed: 'its target answers', why: 'kubespec does not know what mysqladmin prints when nothing listens on port 3306' }]);
});

test('fluent-bit runs until stopped; where it listens is its configuration\'s business', () => {
  const c = { name: 'collector', image: 'fluent/fluent-bit:3.2' };
  assert.deepEqual(behavior(c), { runsFor: undefined, exitCode: 0, ignoresSigterm: false, source: 'image default for docker.io/fluent/fluent-bit' });
  assert.deepEqual(listens(c, 2020), { known: false, guess: { field: 'image', assumed: 'it listens on port 2020', why: 'fluent-bit listens where its configuration says (HTTP_Server, inputs), which kubespec does not read' } });
});

test('the ingress-nginx controller runs under dumb-init: its own flags decide 80, 443 and the healthz port', () => {
  const c = { name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.12.0', args: ['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--healthz-port=10300'] };
  assert.deepEqual(behavior(c), { runsFor: undefined, exitCode: 0, ignoresSigterm: false, source: 'program: nginx-ingress-controller of registry.k8s.io/ingress-nginx/controller' });
  assert.deepEqual([80, 443, 10254, 10300].map((p) => (listens(c, p) as any).listens), [true, true, false, true]);
  assert.equal((listens({ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.12.0' }, 10254) as any).listens, true, 'the image CMD, through dumb-init');
});

test("Istio's sidecar (pilot-agent proxy) listens on Envoy's ports; istio-init (istio-iptables) exits 0 at once", () => {
  const proxy = { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.2', args: ['proxy', 'sidecar', '--domain', 'default.svc.cluster.local'] };
  assert.deepEqual([15001, 15006, 15021, 15090, 8080].map((p) => (listens(proxy, p) as any).listens), [true, true, true, true, false]);
  const init = { name: 'istio-init', image: 'docker.io/istio/proxyv2:1.24.2', args: ['istio-iptables', '-p', '15001'] };
  assert.deepEqual(behavior(init), { runsFor: 0, exitCode: 0, ignoresSigterm: false, source: 'program: pilot-agent istio-iptables of docker.io/istio/proxyv2' });
});
