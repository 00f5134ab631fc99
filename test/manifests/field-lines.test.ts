import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldLine, refusedFields } from '../../src/manifests/field-lines.ts';

const manifest = `apiVersion: v1
kind: ConfigMap
metadata: {name: other}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  template:
    spec:
      containers:
        - name: app
          image: ""
        - name: side
`;
const origin = { file: 'features/a.feature', firstLine: 20 };

test('the API server names the refused fields by path', () => {
  assert.deepEqual(refusedFields('Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[1].image: Required value]'),
    ['spec.replicas', 'spec.template.spec.containers[1].image']);
  assert.deepEqual(refusedFields('Pod "p" is invalid: metadata.labels: Invalid value: "-x": name part must consist of alphanumeric characters'), ['metadata.labels']);
});

test("a field's line counts from the doc string's first line; a missing field points at its parent", () => {
  assert.equal(fieldLine(manifest, origin, 'Deployment', 'web', 'spec.replicas'), 29);
  assert.equal(fieldLine(manifest, origin, 'Deployment', 'web', 'spec.template.spec.containers[0].image'), 34);
  assert.equal(fieldLine(manifest, origin, 'Deployment', 'web', 'spec.template.spec.containers[1].image'), 35);
  assert.equal(fieldLine(manifest, origin, 'Deployment', 'other', 'spec.replicas'), undefined);
});
