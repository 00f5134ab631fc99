import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimCluster } from '../../../../src/sim/cluster.ts';
import { parseKubernetesVersion } from '../../../../src/kube/kubernetes-versions.ts';

// From 1.35 the API server's JSON decoder (sigs.k8s.io/json 2025-07-30) names the embedded Go
// structs on a type error's path; up to 1.34 it did not. The fc.yaml of the corpus is the case the 1.37
// reference cluster showed; the others (each as the 1.37 reference cluster words it, 2026-12-07)
// walk two embeddings (a configMap volume's name), a probe's handler and an env selector.
const pod = (spec: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } });
const cases = [
  { spec: { volumes: [{ name: 'v', fc: { lun: 'x' } }] }, json: 'string', older: 'FCVolumeSource.spec.volumes.fc.lun of type int32', newer: 'FCVolumeSource.spec.volumes.VolumeSource.fc.lun of type int32' },
  { spec: { volumes: [{ name: 'v', configMap: { name: 7 } }] }, json: 'number', older: 'ConfigMapVolumeSource.spec.volumes.configMap.name of type string', newer: 'ConfigMapVolumeSource.spec.volumes.VolumeSource.configMap.LocalObjectReference.name of type string' },
  { spec: { containers: [{ name: 'c', image: 'busybox', livenessProbe: { httpGet: 'x', periodSeconds: 1 } }] }, json: 'string', older: 'Probe.spec.containers.livenessProbe.httpGet of type v1.HTTPGetAction', newer: 'Probe.spec.containers.livenessProbe.ProbeHandler.httpGet of type v1.HTTPGetAction' },
  { spec: { containers: [{ name: 'c', image: 'busybox', env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 1, key: 'k' } } }] }] }, json: 'number', older: 'ConfigMapKeySelector.spec.containers.env.valueFrom.configMapKeyRef.name of type string', newer: 'ConfigMapKeySelector.spec.containers.env.valueFrom.configMapKeyRef.LocalObjectReference.name of type string' },
  // A field of the outer struct's own keeps its plain path in every release.
  { spec: { volumes: [{ name: 5 }] }, json: 'number', older: 'Volume.spec.volumes.name of type string', newer: 'Volume.spec.volumes.name of type string' },
];

for (const [minor, key] of [['1.32', 'older'], ['1.35', 'newer'], ['1.37', 'newer']] as const) {
  test(`on ${minor} a type error's path ${key === 'newer' ? 'names' : 'leaves out'} the embedded structs`, () => {
    const { store } = new SimCluster({ seed: 1, version: parseKubernetesVersion(minor) });
    for (const c of cases) {
      assert.throws(() => store.create(pod(c.spec) as never), { message: `Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal ${c.json} into Go struct field ${c[key]}` });
    }
  });
}
