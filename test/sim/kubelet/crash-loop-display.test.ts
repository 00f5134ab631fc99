/**
 * What a crash-looping container shows between its runs (crash-loop-display.ts): the terminated
 * run until the kubelet's next sync, then waiting: CrashLoopBackOff. Traced on a v1.37.2 real node
 * (docs/real-node.md): after the quick second run the wait shows; after later runs the exit shows
 * through the whole back-off. On 1.32 the pod worker retries after 10 s and shows the wait then.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { clusterWith, pod } from '../helpers.ts';

/** The container's state, read once a second for `seconds`: "restarts:state" runs, with how long each lasted. */
function trace(minor: string, command: string, seconds: number): string[] {
  const cluster = clusterWith(1, 1, parseKubernetesVersion(minor));
  cluster.store.create(pod('crasher', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', command] }] }));
  const runs: Array<{ what: string; for: number }> = [];
  for (let s = 0; s < seconds; s++) {
    cluster.clock.advanceBy(1_000);
    const status = cluster.store.get('Pod', { namespace: 'default', name: 'crasher' })?.status?.containerStatuses?.[0];
    if (!status) continue;
    const state = Object.keys(status.state)[0]!;
    const what = `${status.restartCount}:${state === 'waiting' ? status.state.waiting.reason : state}`;
    if (runs.at(-1)?.what === what) runs.at(-1)!.for++;
    else runs.push({ what, for: 1 });
  }
  return runs.map((r) => `${r.what} ${r.for}s`);
}

const waits = (t: string[]) => t.filter((r) => r.includes('CrashLoopBackOff')).map((r) => r.split(':')[0]);

test('from 1.35 a quickly exiting container shows CrashLoopBackOff after its quick second run only, its exit through each later back-off', () => {
  const t = trace('1.37', 'echo starting; exit 1', 200);
  assert.deepEqual(waits(t), ['1'], t.join(', '));
  // Through the 20 s and 40 s back-offs the run that ended is the state (kubectl: Error).
  for (const restarts of ['2', '3']) assert.ok(t.some((r) => new RegExp(`^${restarts}:terminated (1\\d|[2-9]\\d)s$`).test(r)), t.join(', '));
});

test('from 1.35 a container that ran for seconds shows its exit through every back-off', () => {
  const t = trace('1.37', 'echo starting; sleep 3; exit 1', 200);
  assert.deepEqual(waits(t), [], t.join(', '));
  assert.ok(t.some((r) => /^1:terminated \d+s$/.test(r)), t.join(', '));
});

test('on 1.32 the wait shows from the pod worker\'s retry, 10 s after the exit, until the back-off ends', () => {
  const t = trace('1.32', 'echo starting; sleep 3; exit 1', 200);
  // The 10 s back-off is over at the retry; the 20, 40, 80 and 160 s ones show the exit for 10 s, then the wait.
  assert.deepEqual(waits(t), ['2', '3', '4', '5'], t.join(', '));
  for (const restarts of ['1', '2', '3', '4', '5']) assert.ok(t.includes(`${restarts}:terminated 10s`), t.join(', '));
});
