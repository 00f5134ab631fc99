import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clusterWith, pod } from '../helpers.ts';
import { goldenBody, PodTimeline } from './golden/timeline.ts';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';

/**
 * Golden timelines (issue 28): each main pod-lifecycle path is driven on virtual time and its
 * every API-visible change (phase, conditions, container states, restart counts, events) is
 * compared with test/sim/kubelet/golden/<path>.txt. Each golden's `#` header says what upstream
 * v1.32 does on that path and where the code is; the body was read against it line by line.
 * UPDATE_GOLDEN=1 rewrites the bodies (headers stay): only after reading the new text against
 * upstream, never to make a red test green.
 *
 * Simulator roundings every golden shares (src/sim/kubelet/timings.ts): the sandbox takes 1 s,
 * a pull 2 s, a process that handles SIGTERM stops 1 s after it; the kubelet syncs at each
 * change (no 1 s PLEG relist, no 10 s resync jitter).
 *
 * The eviction golden's header lists where the simulator still differs from v1.32 there.
 */

const goldenDir = join(fileURLToPath(new URL('.', import.meta.url)), 'golden');

/** The release the goldens were read against; a newer one's differences have goldens of their own. */
const REVIEWED = parseKubernetesVersion('1.32');

function driven(run: (c: ReturnType<typeof clusterWith>) => void, nodes: Parameters<typeof clusterWith>[0] = 1, version = REVIEWED): string {
  const cluster = clusterWith(nodes, 1, version);
  const timeline = new PodTimeline(cluster, 'p');
  run(cluster);
  // A golden must not rest on kubespec's guesses about what a container does.
  assert.deepEqual(cluster.assumptions.list(), []);
  return timeline.text();
}

function matchesGolden(name: string, text: string): void {
  const { expected, actual } = goldenBody(join(goldenDir, `${name}.txt`), text);
  assert.equal(actual, expected, `${name}: the timeline differs from golden/${name}.txt (read the diff against upstream before UPDATE_GOLDEN=1)`);
}

const seconds = (n: number) => n * 1000;
const deletePod = (c: ReturnType<typeof clusterWith>) => c.store.delete('Pod', { namespace: 'default', name: 'p' });

test('plain start: sandbox, pull, Running and Ready', () => {
  matchesGolden('plain-start', driven((c) => {
    c.store.create(pod('p'));
    c.clock.advanceBy(seconds(30));
  }));
});

test('a crashing container: CrashLoopBackOff 10s, 20s, 40s … capped at 5m', () => {
  matchesGolden('crash-loop-backoff', driven((c) => {
    c.store.create(pod('p', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 1'] }] }));
    c.clock.advanceBy(seconds(1000));
  }));
});

test('the same crash loop on v1.37: only the texts that changed since v1.32 differ', () => {
  matchesGolden('crash-loop-backoff-1.37', driven((c) => {
    c.store.create(pod('p', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 1'] }] }));
    c.clock.advanceBy(seconds(1000));
  }, 1, parseKubernetesVersion('1.37')));
});

test('liveness failure: Unhealthy at each failed probe, Killing, restart; back-off judged by the run before', () => {
  // The exec-liveness example of the Kubernetes docs (configure-liveness-readiness-startup-probes).
  matchesGolden('liveness-restart', driven((c) => {
    c.store.create(pod('p', { containers: [{ name: 'liveness', image: 'busybox:1.36',
      args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 } }] }));
    c.clock.advanceBy(seconds(620));
  }));
});

test('init containers run in order, then the app container', () => {
  matchesGolden('init-containers', driven((c) => {
    c.store.create(pod('p', { initContainers: [
      { name: 'first', image: 'busybox:1.36', command: ['sleep', '4'] },
      { name: 'second', image: 'busybox:1.36', command: ['sleep', '6'] },
    ] }));
    c.clock.advanceBy(seconds(30));
  }));
});

test('a native sidecar starts before the next init container and stops after the app container', () => {
  matchesGolden('sidecar', driven((c) => {
    c.store.create(pod('p', { terminationGracePeriodSeconds: 20, initContainers: [
      { name: 'logshipper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"] },
      { name: 'migrate', image: 'busybox:1.36', command: ['sleep', '3'] },
    ], containers: [{ name: 'app', image: 'nginx:1.27' }] }));
    c.clock.advanceBy(seconds(30));
    deletePod(c);
    c.clock.advanceBy(seconds(60));
  }));
});

test('OOM kill: terminated OOMKilled (137), restarted with back-off', () => {
  matchesGolden('oom-killed', driven((c) => {
    c.store.create(pod('p', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { limits: { memory: '64Mi' } } }] },
      { annotations: { 'kubespec.io/behavior.app': 'run forever, uses 128Mi after 5s' } }));
    c.clock.advanceBy(seconds(60));
  }));
});

test('graceful deletion: a process that ignores SIGTERM is killed at the end of the grace period', () => {
  matchesGolden('graceful-deletion', driven((c) => {
    c.store.create(pod('p', { terminationGracePeriodSeconds: 20, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    c.clock.advanceBy(seconds(10));
    deletePod(c);
    c.clock.advanceBy(seconds(60));
  }));
});

test('node-pressure eviction: memory.available below 100Mi, the BestEffort pod over its request is evicted', () => {
  matchesGolden('eviction', driven((c) => {
    c.store.create(pod('p', {}, { annotations: { 'kubespec.io/behavior.app': 'run forever, uses 950Mi after 5s' } }));
    c.clock.advanceBy(seconds(60));
  }, [{ name: 'worker-1', capacity: { memory: '1Gi' } }]));
});
