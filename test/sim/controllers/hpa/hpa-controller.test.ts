import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../../helpers.ts';

// pkg/controller/podautoscaler/horizontal.go (enqueueHPA: AddRateLimited on a fixed 15s limiter) and
// pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go (status emptied, no generation), k8s v1.32.

test('a new HPA shows an empty status and no generation, and is first synced one period (15s) after it appears', () => {
  const c = clusterWith(1);
  c.store.create({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }] } } },
  });
  c.store.create({
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api', namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, minReplicas: 2, maxReplicas: 5 },
    status: { desiredReplicas: 9 },
  });
  const hpa = () => get(c, 'HorizontalPodAutoscaler', 'api')!;
  assert.deepEqual(hpa().status, { desiredReplicas: 0, currentMetrics: null });
  assert.equal(hpa().metadata.generation, undefined);
  c.clock.advanceBy(14_000);
  assert.deepEqual(hpa().status, { desiredReplicas: 0, currentMetrics: null }, 'not synced before the period');
  c.clock.advanceBy(2_000);
  assert.equal(hpa().status.currentReplicas, 2, 'synced once the period has passed');
  assert.ok(hpa().status.conditions.some((x: any) => x.type === 'AbleToScale'));
  c.store.update({ ...hpa(), spec: { ...hpa().spec, maxReplicas: 6 } });
  assert.equal(hpa().metadata.generation, undefined, 'a spec change bumps no generation either');
});
