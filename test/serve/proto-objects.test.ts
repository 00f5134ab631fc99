import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kubernetesProtos } from '../../src/serve/proto-schemas.ts';
import { toKubeJson } from '../../src/serve/proto-objects.ts';

const root = await kubernetesProtos();

describe('protobuf bodies as the JSON the API would have received', { skip: !root && 'the Kubernetes protobuf schemas are not available (no Go)' }, () => {
  it("spreads inline-embedded structs (volume sources, key selectors' names) into their parent", () => {
    const Pod = root!.lookupType('k8s.io.api.core.v1.Pod');
    const message = Pod.fromObject({
      metadata: { name: 'app' },
      spec: {
        volumes: [{ name: 'settings', volumeSource: { configMap: { localObjectReference: { name: 'app-config' } } } }],
        containers: [{
          name: 'main',
          image: 'busybox',
          env: [{ name: 'PASSWORD', valueFrom: { secretKeyRef: { localObjectReference: { name: 'db' }, key: 'password' } } }],
          readinessProbe: { handler: { httpGet: { path: '/healthz', port: { type: 0, intVal: 8080 } } } },
        }],
      },
    });
    const json = toKubeJson(Pod, Pod.decode(Pod.encode(message).finish()));
    assert.deepEqual(json.spec.volumes, [{ name: 'settings', configMap: { name: 'app-config' } }]);
    assert.deepEqual(json.spec.containers[0].env[0].valueFrom, { secretKeyRef: { name: 'db', key: 'password' } });
    assert.deepEqual(json.spec.containers[0].readinessProbe, { httpGet: { path: '/healthz', port: 8080 } });
  });
});
