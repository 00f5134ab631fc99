import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TtlAfterFinishedController } from '../../../../src/sim/controllers/job/ttl-after-finished-controller.ts';
import { at, reconcileWorld } from '../reconcile-helpers.ts';

// pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (k8s v1.32): the finish time is
// the Complete or Failed condition's lastTransitionTime (jobFinishTime); the Job is deleted with
// Foreground propagation once finish + ttlSecondsAfterFinished has passed, re-queued until then.

const finishedJob = (ttl: number | undefined, condition = 'Complete') => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'done', namespace: 'default' },
  spec: { ...(ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl }), template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } } },
  status: { conditions: [{ type: condition, status: 'True', lastTransitionTime: at(10) }] },
});
const key = { namespace: 'default', name: 'done' };

test('a finished Job waits out its TTL from the finish time, then is deleted in the foreground', () => {
  const w = reconcileWorld();
  w.put(finishedJob(60, 'Failed'));
  const controller = new TtlAfterFinishedController(w.store, w.clock);
  w.clock.advanceBy(30_000);
  const early = w.reconcile(controller, key);
  assert.deepEqual(early.result, { requeueAfter: 40_000 });
  assert.deepEqual(early.writes, []);
  w.clock.advanceBy(40_000);
  const due = w.reconcile(controller, key);
  assert.deepEqual(due.writes, ['mark deleted Job default/done']);
  assert.deepEqual(w.store.get('Job', key)!.metadata.finalizers, ['foregroundDeletion']);
});

test('a finished Job without ttlSecondsAfterFinished stays', () => {
  const w = reconcileWorld();
  w.put(finishedJob(undefined));
  w.clock.advanceBy(3_600_000);
  const out = w.reconcile(new TtlAfterFinishedController(w.store, w.clock), key);
  assert.deepEqual(out.writes, []);
  assert.deepEqual(out.result, {});
});
