import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMismatches, partialMatch } from '../../src/assertions/partial-match.ts';

const actual = {
  metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' }, uid: 'x', resourceVersion: '9' },
  spec: {
    replicas: 3,
    template: { spec: { containers: [{ name: 'sidecar', image: 'envoy:1' }, { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
  },
  status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Progressing', status: 'True' }], readyReplicas: 3 },
  args: ['a', 'b'],
};

test('a subset matches, whatever else the server filled in', () => {
  assert.deepEqual(partialMatch({ spec: { replicas: 3 }, metadata: { labels: { app: 'web' } } }, actual), []);
});

test('lists Kubernetes merges by key are matched by that key, in any order', () => {
  assert.deepEqual(partialMatch({ spec: { template: { spec: { containers: [{ name: 'nginx', ports: [{ containerPort: 80 }] }] } } } }, actual), []);
  assert.deepEqual(partialMatch({ status: { conditions: [{ type: 'Progressing', status: 'True' }] } }, actual), []);
});

test('other lists are matched in order', () => {
  assert.deepEqual(partialMatch({ args: ['a', 'b'] }, actual), []);
  assert.equal(partialMatch({ args: ['b'] }, actual).length, 1);
});

test('every mismatch is reported with its path, expected and actual value', () => {
  const mismatches = partialMatch({
    spec: { replicas: 5, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'missing' }] } } },
    metadata: { labels: { 'app.kubernetes.io/part-of': 'bank' } },
    status: { observedGeneration: 2 },
  }, actual);
  assert.equal(describeMismatches('StatefulSet "web"', mismatches), [
    'StatefulSet "web" does not match (5 fields differ):',
    '  spec.replicas: expected 5, got 3',
    '  spec.template.spec.containers[name=nginx].image: expected "nginx:1.25", got "nginx:1.27"',
    '  spec.template.spec.containers[name=missing]: expected name: missing, got <missing>',
    '  metadata.labels["app.kubernetes.io/part-of"]: expected "bank", got "shop"',
    '  status.observedGeneration: expected 2, got <missing>',
  ].join('\n'));
});

test('numbers and strings written either way still match (ports, quantities in YAML)', () => {
  assert.deepEqual(partialMatch({ spec: { replicas: '3' } }, actual), []);
});
