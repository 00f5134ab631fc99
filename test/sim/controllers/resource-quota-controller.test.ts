import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResourceQuotaController } from '../../../src/sim/controllers/resource-quota-controller.ts';
import { podIn, reconcileWorld } from './reconcile-helpers.ts';

// pkg/controller/resourcequota/resource_quota_controller.go (syncResourceQuota: status.hard from
// spec.hard, status.used recalculated) and pkg/quota/v1/evaluator/core/pods.go (k8s v1.32:
// PodUsageFunc charges count/pods for every pod, compute and "pods" only while QuotaV1Pod holds:
// not Succeeded/Failed, and not terminating past deletionTimestamp + grace).

const quota = {
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'default' },
  spec: { hard: { pods: '10', 'requests.cpu': '2', 'count/pods': '20' } },
};
const key = { namespace: 'default', name: 'compute' };
const withCpu = (cpu: string) => ({ containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu } } }] });

test('status.used counts live pods and their requests; a finished pod only counts toward count/pods', () => {
  const w = reconcileWorld();
  w.put(quota);
  w.put(
    podIn('a', { node: 'n1', readySince: 0, spec: withCpu('200m') }),
    podIn('b', { node: 'n1', readySince: 0, spec: withCpu('300m') }),
    podIn('done', { node: 'n1', phase: 'Succeeded', spec: withCpu('1') }),
  );
  const out = w.reconcile(new ResourceQuotaController(w.store, w.clock), key);
  assert.deepEqual(out.writes, ['update status ResourceQuota default/compute']);
  assert.deepEqual(w.store.get('ResourceQuota', key)!.status, {
    hard: { pods: '10', 'requests.cpu': '2', 'count/pods': '20' },
    used: { pods: '2', 'requests.cpu': '500m', 'count/pods': '3' },
  });
});

test('a terminating pod is charged until its grace period has passed again after its deletionTimestamp', () => {
  const w = reconcileWorld();
  w.put(quota, podIn('stuck', { node: 'n1', readySince: 0, spec: withCpu('500m') }));
  w.store.delete('Pod', { namespace: 'default', name: 'stuck' }); // grace 30s: deletionTimestamp at 30s
  const controller = new ResourceQuotaController(w.store, w.clock);
  const during = w.reconcile(controller, key);
  assert.deepEqual(w.store.get('ResourceQuota', key)!.status.used, { pods: '1', 'requests.cpu': '500m', 'count/pods': '1' });
  assert.deepEqual(during.result, { requeueAfter: 60_001 }, 'recounted once the pod stops being charged');
  w.clock.advanceBy(60_001);
  w.reconcile(controller, key);
  assert.deepEqual(w.store.get('ResourceQuota', key)!.status.used, { pods: '0', 'requests.cpu': '0', 'count/pods': '1' });
});
