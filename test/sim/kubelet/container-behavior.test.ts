import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behaviorOf, expandVariables } from '../../../src/sim/kubelet/container-behavior.ts';

const images = [{ image: 'busybox', runsFor: 0, exitCode: 0 }];
const of = (c: Record<string, unknown>, annotations?: Record<string, string>) => {
  const { source, ...rest } = behaviorOf({ name: 'app', image: 'nginx:1', ...c }, annotations, images);
  return rest;
};

test('simple shell forms', () => {
  assert.deepEqual(of({ command: ['sleep', '3600'] }), { runsFor: 3_600_000, exitCode: 0, ignoresSigterm: true });
  assert.deepEqual(of({ command: ['sh', '-c', 'echo hi; sleep 5; exit 2'] }), { runsFor: 5000, exitCode: 2, ignoresSigterm: true });
  assert.deepEqual(of({ command: ['/bin/sh', '-c'], args: ['while true; do echo x; sleep 1; done'] }), { exitCode: 0, ignoresSigterm: true });
  assert.deepEqual(of({ command: ['false'] }), { runsFor: 0, exitCode: 1, ignoresSigterm: false });
  assert.deepEqual(of({ command: ['sh', '-c', 'date; echo Hello; N=3; sleep 5'] }), { runsFor: 5000, exitCode: 0, ignoresSigterm: true });
  // An unknown program before more script is taken to exit 0 at once, and that is written down.
  assert.deepEqual(of({ command: ['sh', '-c', 'curl http://x; sleep 5'] }), { runsFor: 5000, exitCode: 0, ignoresSigterm: true,
    guesses: [{ field: 'command', assumed: '`curl http://x` exits 0 at once', why: 'kubespec does not know what `curl http://x` does' }] });
});

test('image defaults apply only without a command; anything unknown is a server', () => {
  assert.deepEqual(of({ image: 'busybox:1.36' }), { runsFor: 0, exitCode: 0, ignoresSigterm: false });
  assert.deepEqual(of({ command: ['nginx', '-g', 'daemon off;'] }), { exitCode: 0, ignoresSigterm: false, guesses: [{ field: 'command', assumed: 'it runs until stopped and stops promptly on SIGTERM', why: 'kubespec cannot interpret the command "nginx -g daemon off;"' }] });
});

test('the behavior annotation wins, and a bad one is refused with an example', () => {
  assert.deepEqual(of({}, { 'kubespec.io/behavior.app': 'exit 3 after 10s' }), { runsFor: 10_000, exitCode: 3, ignoresSigterm: false });
  assert.deepEqual(of({}, { 'kubespec.io/behavior.app': 'run forever ignoring SIGTERM' }), { exitCode: 0, ignoresSigterm: true });
  assert.deepEqual(of({}, { 'kubespec.io/behavior.app': 'exit 0 after 2h' }), { runsFor: 7_200_000, exitCode: 0, ignoresSigterm: false });
  assert.throws(() => of({}, { 'kubespec.io/behavior.app': 'crash' }), /"crash" is not a behavior \(try "exit 1 after 10s"/);
});

test('$(VAR) in command and args: defined names expand, $$ escapes, the rest is left to the shell', () => {
  const env = [{ name: 'NAP', value: '5' }, { name: 'HOST', value: 'db' }];
  assert.equal(expandVariables('sleep $(NAP); echo $(HOST) $(date +%Y%m%d) $(MISSING) $$(NAP)', env), 'sleep 5; echo db $(date +%Y%m%d) $(MISSING) $(NAP)');
  assert.deepEqual(of({ command: ['sh', '-c', 'sleep $(NAP); exit 3'], env }), { runsFor: 5000, exitCode: 3, ignoresSigterm: true });
});

test('an until-loop script waits for its condition, polling at its sleep', () => {
  assert.deepEqual(of({ command: ['sh', '-c', 'until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting; sleep 2; done'] }),
    { runsFor: 0, exitCode: 0, ignoresSigterm: true, waitsFor: { until: 'dns', host: 'mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local', every: 2000 } });
  assert.deepEqual(of({ command: ['sh', '-c', 'until nc -z -w1 redis 6379; do sleep 1; done; sleep 5; exit 4'] }),
    { runsFor: 5000, exitCode: 4, ignoresSigterm: true, waitsFor: { until: 'tcp', host: 'redis', port: 6379, every: 1000 } });
});

test('an init container is taken to finish only where running forever was itself the guess', async () => {
  const { guessedAsInitContainer } = await import('../../../src/sim/kubelet/container-behavior.ts');
  const unknown = guessedAsInitContainer(behaviorOf({ name: 'migrate', image: 'python:3.12', command: ['python', 'migrate.py'] }, undefined, images));
  assert.equal(unknown.runsFor, 0);
  assert.equal(unknown.exitCode, 0);
  assert.deepEqual(unknown.guesses?.map((g) => g.assumed), ['it does its work and exits 0 at once, as an init container is meant to']);
  const known = behaviorOf({ name: 'wait', image: 'busybox:1.36', command: ['sh', '-c', 'echo $HOSTNAME; sleep infinity'] }, undefined, images);
  assert.deepEqual(guessedAsInitContainer(known), known, 'a script kubespec read runs as it reads, whatever it guessed about a variable');
});

test('args without a command run under the image ENTRYPOINT where known; else the reading is a guess', () => {
  const withEntrypoint = [{ image: 'tool', entrypoint: ['/bin/sh', '-c'] }, { image: 'plain', entrypoint: [] }];
  const run = (c: Record<string, unknown>) => {
    const { source, ...rest } = behaviorOf({ name: 'app', ...c }, undefined, withEntrypoint);
    return rest;
  };
  assert.deepEqual(run({ image: 'tool', args: ['sleep 2; exit 3'] }), { runsFor: 2000, exitCode: 3, ignoresSigterm: true });
  assert.deepEqual(run({ image: 'plain', args: ['sleep', '2'] }), { runsFor: 2000, exitCode: 0, ignoresSigterm: true });
  assert.deepEqual(run({ image: 'unknown', args: ['sleep', '2'] }), { runsFor: 2000, exitCode: 0, ignoresSigterm: true, guesses: [
    { field: 'args', assumed: 'the image has no ENTRYPOINT, so args run as the command', why: 'kubespec does not know the ENTRYPOINT of the image "unknown"' }] });
  assert.deepEqual(run({ image: 'tool', command: ['sleep', '1'], args: ['2'] }), { runsFor: 3000, exitCode: 0, ignoresSigterm: true }, 'a command replaces the ENTRYPOINT');
});

test('the pod host name reaches `hostname` and $HOSTNAME: spec.hostname, else the pod name', async () => {
  const { podHostname } = await import('../../../src/sim/kubelet/container-behavior.ts');
  const c = { name: 'app', image: 'busybox', command: ['sh', '-c', '[ "$(hostname)" = "$HOSTNAME" ] && [ "$HOSTNAME" = web-0 ] && exit 0; exit 9'] };
  assert.equal(behaviorOf(c, undefined, images, { metadata: { name: 'web-0' }, spec: {} }).exitCode, 0);
  assert.equal(behaviorOf(c, undefined, images, { metadata: { name: 'x' }, spec: { hostname: 'web-0' } }).exitCode, 0);
  assert.equal(podHostname({ metadata: { name: `${'a'.repeat(62)}-b` }, spec: {} }), 'a'.repeat(62));
  assert.equal(podHostname({ metadata: { name: 'n' }, spec: { hostNetwork: true } }), undefined);
});
