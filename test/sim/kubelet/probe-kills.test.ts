import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SimCluster } from '../../../src/sim/cluster.ts';
import { clusterWith, get, pod, seconds } from '../helpers.ts';

// busybox:1.36 on a fresh node: sandbox 1 s, pull 2 s, so both containers start at t=3, where
// an exec probe of a file nobody wrote fails at once. `sleep` as PID 1 ignores SIGTERM.

/** "t container reason" for the Started, Unhealthy and Killing events of pod `name`, repeats (a count going up) included. */
function probeEvents(cluster: SimCluster, name: string): string[] {
  const log: string[] = [];
  cluster.store.watch('Event', (e) => {
    const o = e.object;
    if (e.type !== 'DELETED' && o.involvedObject.name === name && ['Started', 'Unhealthy', 'Killing'].includes(o.reason)) {
      log.push(`${seconds(cluster)} ${/\{(.*)\}/.exec(o.involvedObject.fieldPath)?.[1]} ${o.reason}`);
    }
  });
  return log;
}

const failingLiveness = { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 1 };
const stubborn = { name: 'stubborn', image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe: failingLiveness };
const hasty = { name: 'hasty', image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe: { ...failingLiveness, terminationGracePeriodSeconds: 5 } };

const lastState = (cluster: SimCluster, container: string) =>
  get(cluster, 'Pod', 'slow-to-die')!.status.containerStatuses.find((s: any) => s.name === container).lastState;

test('probe kills in one pod take turns: the second begins (Killing, its grace) when the first process is gone', () => {
  const cluster = clusterWith(1);
  const events = probeEvents(cluster, 'slow-to-die');
  cluster.store.create(pod('slow-to-die', { terminationGracePeriodSeconds: 60, containers: [stubborn, hasty] }));
  cluster.clock.advanceBy(35_000);
  // SyncPod is still in stubborn's killContainer (the pod's 60 s): hasty's kill has not begun.
  assert.deepEqual(lastState(cluster, 'hasty'), {});
  assert.deepEqual(lastState(cluster, 'stubborn'), {});
  cluster.clock.advanceBy(35_000);
  assert.deepEqual(lastState(cluster, 'stubborn').terminated, { exitCode: 137, reason: 'Error', startedAt: '2026-01-01T00:00:03Z', finishedAt: '2026-01-01T00:01:03Z' });
  // hasty's own 5 s, counted from its Killing at 63.
  assert.deepEqual(lastState(cluster, 'hasty').terminated, { exitCode: 137, reason: 'Error', startedAt: '2026-01-01T00:00:03Z', finishedAt: '2026-01-01T00:01:08Z' });
  // Both failures are reported when the probes fail; the kills come one after the other, the
  // same-instant tie in spec order (the kubelet's is Go map order). stubborn's second run
  // fails at 63 and waits for hasty's kill to end at 68.
  assert.deepEqual(events.slice(0, 11), [
    '3 stubborn Started', '3 hasty Started',
    '3 stubborn Unhealthy', '3 stubborn Killing', '3 hasty Unhealthy',
    '63 hasty Killing', '63 stubborn Started', '63 stubborn Unhealthy',
    '68 stubborn Killing', '68 hasty Started', '68 hasty Unhealthy',
  ]);
});

test('in the other spec order the short kill goes first, and the long one begins when it is over', () => {
  const cluster = clusterWith(1);
  const events = probeEvents(cluster, 'slow-to-die');
  cluster.store.create(pod('slow-to-die', { terminationGracePeriodSeconds: 60, containers: [hasty, stubborn] }));
  cluster.clock.advanceBy(70_000);
  assert.equal(lastState(cluster, 'hasty').terminated.finishedAt, '2026-01-01T00:00:08Z');
  assert.equal(lastState(cluster, 'stubborn').terminated.finishedAt, '2026-01-01T00:01:08Z');
  assert.deepEqual(events.filter((e) => e.endsWith('Killing')).slice(0, 2), ['3 hasty Killing', '8 stubborn Killing']);
});

test('a probe kill waiting its turn is not done if the process exits first', () => {
  const cluster = clusterWith(1);
  const events = probeEvents(cluster, 'slow-to-die');
  const brief = { ...hasty, command: ['sleep', '20'] };
  cluster.store.create(pod('slow-to-die', { terminationGracePeriodSeconds: 60, containers: [stubborn, brief] }));
  cluster.clock.advanceBy(30_000);
  assert.deepEqual(lastState(cluster, 'hasty').terminated, { exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T00:00:03Z', finishedAt: '2026-01-01T00:00:23Z' });
  assert.deepEqual(events.filter((e) => e.includes('hasty')).slice(0, 2), ['3 hasty Started', '3 hasty Unhealthy']);
  assert.ok(!events.some((e) => e === '3 hasty Killing' || e === '23 hasty Killing'));
});
