import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { clusterWith, statefulSet } from '../helpers.ts';

const dns1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const dns1123Label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

test('a Service name is a DNS-1035 label: it starts with a letter (ValidateServiceName)', () => {
  const c = clusterWith(0);
  assert.throws(() => c.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web', namespace: 'default' }, spec: { ports: [{ port: 80 }] } }),
    { message: `Service "1web" is invalid: metadata.name: Invalid value: "1web": ${dns1035}` });
});

test('a Namespace name with dots, or too long, gets the API server\'s own words for each problem (IsDNS1123Label)', () => {
  const c = clusterWith(0);
  assert.throws(() => c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team.a' } }),
    { message: 'Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": must not contain dots' });
  const long = 'a'.repeat(64);
  assert.throws(() => c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: long } }),
    // The namespace's own kubernetes.io/metadata.name label carries the name, so it is too long too.
    { message: `Namespace "${long}" is invalid: [metadata.name: Invalid value: "${long}": must be no more than 63 characters, metadata.labels: Invalid value: "${long}": must be no more than 63 characters]` });
});

test("from 1.33 a new StatefulSet's serviceName must be a DNS-1123 label; 1.32 takes any", () => {
  const bad = statefulSet('web', 1, {});
  (bad.spec as any).serviceName = 'Web_Svc';
  assert.doesNotThrow(() => clusterWith(0, 0, parseKubernetesVersion('1.32')).store.create(structuredClone(bad)));
  assert.throws(() => clusterWith(0, 0, parseKubernetesVersion('1.37')).store.create(structuredClone(bad)),
    { message: `StatefulSet.apps "web" is invalid: spec.serviceName: Invalid value: "Web_Svc": ${dns1123Label}` });
});
