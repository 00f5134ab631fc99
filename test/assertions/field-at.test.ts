import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldAt } from '../../src/assertions/field-managers.ts';

test('field paths: plain names, and dots inside a name escaped', () => {
  const obj = { metadata: { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }, data: { level: 'debug' } };
  assert.equal(fieldAt(obj, '.data.level'), 'debug');
  assert.equal(fieldAt(obj, 'metadata.annotations.pv\\.kubernetes\\.io/bind-completed'), 'yes');
  assert.equal(fieldAt(obj, 'metadata.annotations.pv.kubernetes.io/bind-completed'), undefined);
  assert.equal(fieldAt(obj, '.data.missing.deeper'), undefined);
});
