import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytes, milliCpu, parseQuantity } from '../../src/kube/quantity.ts';

test('binary, decimal and exponent suffixes', () => {
  assert.equal(parseQuantity('1Gi'), 1024 ** 3);
  assert.equal(parseQuantity('1.5Mi'), 1.5 * 1024 ** 2);
  assert.equal(parseQuantity('2k'), 2000);
  assert.equal(parseQuantity('1e3'), 1000);
  assert.equal(parseQuantity('128974848'), 128974848);
});

test('cpu in millicores rounds up; memory in bytes', () => {
  assert.equal(milliCpu('500m'), 500);
  assert.equal(milliCpu('0.1'), 100);
  assert.equal(milliCpu('1'), 1000);
  assert.equal(milliCpu('1.0005'), 1001);
  assert.equal(bytes('129M'), 129_000_000);
});

test('a malformed quantity gets the API server message', () => {
  assert.throws(() => parseQuantity('1.5Gi2'), /"1.5Gi2": quantities must match the regular expression/);
});
