import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_EPOCH } from '../../../../src/sim/cluster.ts';
import { CronJobController } from '../../../../src/sim/controllers/job/cronjob-controller.ts';
import { controllerRef } from '../../../../src/sim/pod-status.ts';
import { at, reconcileWorld } from '../reconcile-helpers.ts';

// pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob: "Created job %v", JobAlreadyActive,
// getJobName = <name>-<scheduled Unix minutes>, nextScheduleDelta 100ms; cleanupFinishedJobs and
// deleteJob: "Deleted job %v"), k8s v1.32.

const cronJob = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'hello', namespace: 'default' },
  spec: { schedule: '*/5 * * * *', ...spec, jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } } },
});
const key = { namespace: 'default', name: 'hello' };
const minutes = (seconds: number) => Math.floor((DEFAULT_EPOCH + seconds * 1000) / 60_000);

test('at its schedule time a CronJob creates the Job named for the minute, lists it active and wakes for the next time', () => {
  const w = reconcileWorld();
  w.put(cronJob());
  w.clock.advanceBy(301_000);
  const out = w.reconcile(new CronJobController(w.store, w.clock, w.events), key);
  const name = `hello-${minutes(300)}`;
  assert.deepEqual(out.writes, [`create Job default/${name}`, 'update status CronJob default/hello']);
  assert.deepEqual(out.events, [`Normal SuccessfulCreate CronJob/hello: Created job ${name}`]);
  const status = w.store.get('CronJob', key)!.status;
  assert.deepEqual(status.active.map((r: any) => r.name), [name]);
  assert.equal(status.lastScheduleTime, at(300));
  assert.equal(w.store.get('Job', { namespace: 'default', name })!.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp'], at(300));
  assert.deepEqual(out.result, { requeueAfter: 600_000 - 301_000 + 100 });
});

test('with concurrencyPolicy Forbid and a job still active, no job starts and JobAlreadyActive is recorded', () => {
  const w = reconcileWorld();
  const [cj] = w.put(cronJob({ concurrencyPolicy: 'Forbid' }));
  w.clock.advanceBy(301_000);
  const controller = new CronJobController(w.store, w.clock, w.events);
  w.reconcile(controller, key);
  w.clock.advanceBy(300_000);
  const out = w.reconcile(controller, key);
  assert.deepEqual(out.writes, []);
  assert.deepEqual(out.events, ['Normal JobAlreadyActive CronJob/hello: Not starting job because prior execution is running and concurrency policy is Forbid']);
  assert.equal(w.store.list('Job', { namespace: 'default', ownerUid: cj!.metadata.uid }).length, 1);
});

test('finished jobs beyond successfulJobsHistoryLimit are deleted oldest first with a SuccessfulDelete event; the latest success is recorded', () => {
  const w = reconcileWorld();
  const [cj] = w.put(cronJob({ successfulJobsHistoryLimit: 1, suspend: true }));
  for (const [name, started] of [['hello-old', 0], ['hello-new', 60]] as const) {
    w.put({
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', ownerReferences: [controllerRef(cj!)] },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
      status: { startTime: at(started), completionTime: at(started + 5), conditions: [{ type: 'Complete', status: 'True' }] },
    });
  }
  const out = w.reconcile(new CronJobController(w.store, w.clock, w.events), key);
  assert.deepEqual(out.writes, ['delete Job default/hello-old', 'update status CronJob default/hello']);
  assert.deepEqual(out.events, ['Normal SuccessfulDelete CronJob/hello: Deleted job hello-old']);
  assert.equal(w.store.get('CronJob', key)!.status.lastSuccessfulTime, at(65), 'the latest completionTime (syncCronJob)');
});

test('an unfinished Job it controls but does not list as active (kubectl create job --from=cronjob/…) is an UnexpectedJob warning on each sync, never added to active', () => {
  const w = reconcileWorld();
  const [cj] = w.put(cronJob({ suspend: true }));
  const job = {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'manual-run', namespace: 'default', ownerReferences: [controllerRef(cj!)] },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
  };
  w.put(job);
  const controller = new CronJobController(w.store, w.clock, w.events);
  for (let i = 0; i < 2; i++) {
    const out = w.reconcile(controller, key);
    assert.deepEqual(out.events, ['Warning UnexpectedJob CronJob/hello: Saw a job that the controller did not create or forgot: manual-run']);
    assert.deepEqual(out.writes.filter((x) => !x.includes('Event')), []);
  }
  assert.equal(w.store.get('CronJob', key)!.status?.active, undefined);
  const events = w.store.list('Event', { namespace: 'default' }).filter((e) => e.reason === 'UnexpectedJob');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.count, 2, 'the same reason and message aggregate into count');
  // Finished, it is no longer unexpected.
  const current = w.store.get('Job', { namespace: 'default', name: 'manual-run' })!;
  w.store.updateStatus({ ...current, status: { conditions: [{ type: 'Failed', status: 'True' }] } });
  assert.deepEqual(w.reconcile(controller, key).events, []);
});
