import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get, pod } from '../helpers.ts';

// SetDefaults_Probe and SetDefaults_HTTPGetAction (pkg/apis/core/v1/defaults.go, k8s v1.32) and the generated gRPC service default.

test('probes nobody tuned get the API server defaults; what was written stays', () => {
  const c = clusterWith(0);
  c.store.create(pod('web', { containers: [{
    name: 'app', image: 'nginx:1.27',
    livenessProbe: { httpGet: { port: 80 } },
    readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 0 },
    startupProbe: { grpc: { port: 9000 }, initialDelaySeconds: 3 },
    lifecycle: { preStop: { httpGet: { port: 80, path: '/drain' } } },
  }] }));
  const c0 = get(c, 'Pod', 'web')!.spec.containers[0];
  assert.deepEqual(c0.livenessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c0.readinessProbe, { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 1, successThreshold: 1 });
  assert.deepEqual(c0.startupProbe, { grpc: { port: 9000, service: '' }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c0.lifecycle.preStop.httpGet, { port: 80, path: '/drain', scheme: 'HTTP' });
});
