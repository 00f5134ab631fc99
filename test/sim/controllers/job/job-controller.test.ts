import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobController } from '../../../../src/sim/controllers/job/job-controller.ts';
import { at, podIn, reconcileWorld } from '../reconcile-helpers.ts';

// pkg/controller/job/job_controller.go and backoff_utils.go (k8s v1.32): syncJob's terminal
// conditions (interim FailureTarget/SuccessCriteriaMet, then Failed/Complete), recordJobFinished's
// events, RealPodControl's "Created pod: %v", and the pod failure backoff
// (DefaultJobPodFailureBackOff 10s doubling, MaxJobPodFailureBackOff 10m).

const job = (spec: Record<string, unknown>) => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' },
  spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } } },
});
const key = { namespace: 'default', name: 'pi' };
const conditions = (w: ReturnType<typeof reconcileWorld>) =>
  w.store.get('Job', key)!.status.conditions.map((c: any) => `${c.type}=${c.status} ${c.reason}: ${c.message}`);
const finished = (phase: 'Succeeded' | 'Failed', seconds: number) => ({
  phase, node: 'n1',
  containerStatuses: [{ name: 'pi', state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt: at(seconds) } } }],
});

test('a new Job creates parallelism pods, each with a SuccessfulCreate event, and records its start', () => {
  const w = reconcileWorld();
  w.put(job({ completions: 3, parallelism: 2 }));
  const out = w.reconcile(new JobController(w.store, w.clock, w.events), key);
  assert.deepEqual(out.writes, ['create Pod default/pi-*', 'create Pod default/pi-*', 'update status Job default/pi']);
  const pods = w.store.list('Pod', { namespace: 'default' });
  assert.deepEqual(out.events.sort(), pods.map((p) => `Normal SuccessfulCreate Job/pi: Created pod: ${p.metadata.name}`).sort());
  const status = w.store.get('Job', key)!.status;
  assert.equal(status.active, 2);
  assert.equal(status.startTime, at(0));
});

test('all completions succeeded: SuccessCriteriaMet, then Complete (CompletionsReached), completionTime and a Completed event', () => {
  const w = reconcileWorld();
  const [j] = w.put(job({ completions: 2, parallelism: 2 }));
  w.put(podIn('pi-a', { owner: j, ...finished('Succeeded', 0) }), podIn('pi-b', { owner: j, ...finished('Succeeded', 0) }));
  w.clock.advanceBy(5_000);
  const out = w.reconcile(new JobController(w.store, w.clock, w.events), key);
  assert.deepEqual(conditions(w), [
    'SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods',
    'Complete=True CompletionsReached: Reached expected number of succeeded pods',
  ]);
  assert.equal(w.store.get('Job', key)!.status.succeeded, 2);
  assert.equal(w.store.get('Job', key)!.status.completionTime, at(5));
  assert.deepEqual(out.events, ['Normal Completed Job/pi: Job completed']);
});

test('more failures than backoffLimit: FailureTarget, then Failed with BackoffLimitExceeded, and the Warning event', () => {
  const w = reconcileWorld();
  const [j] = w.put(job({ completions: 1, backoffLimit: 1 }));
  w.put(podIn('pi-a', { owner: j, ...finished('Failed', 0) }), podIn('pi-b', { owner: j, ...finished('Failed', 10) }));
  w.clock.advanceBy(30_000);
  const out = w.reconcile(new JobController(w.store, w.clock, w.events), key);
  assert.deepEqual(conditions(w), [
    'FailureTarget=True BackoffLimitExceeded: Job has reached the specified backoff limit',
    'Failed=True BackoffLimitExceeded: Job has reached the specified backoff limit',
  ]);
  assert.equal(w.store.get('Job', key)!.status.failed, 2);
  assert.deepEqual(out.events, ['Warning BackoffLimitExceeded Job/pi: Job has reached the specified backoff limit']);
  assert.deepEqual(out.writes, ['update status Job default/pi'], 'no replacement pod');
});

test('the failure backoff doubles from 10s and is capped at 10 minutes, counted from the last failure', () => {
  const w = reconcileWorld();
  const [j] = w.put(job({ completions: 1, backoffLimit: 10 }));
  // Seven failures since the last success: 10s × 2^6 = 640s, over the cap.
  for (let i = 0; i < 7; i++) w.put(podIn(`pi-${i}`, { owner: j, ...finished('Failed', i) }));
  w.clock.advanceBy(6_000);
  const out = w.reconcile(new JobController(w.store, w.clock, w.events), key);
  assert.deepEqual(out.result, { requeueAfter: 600_000 }, 'the last pod failed at 6s: 10 minutes from then');
  assert.deepEqual(out.writes.filter((x) => x.startsWith('create')), [], 'no pod while backing off');
});
