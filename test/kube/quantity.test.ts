import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytes, canonicalQuantity, milliCpu, parseQuantity } from '../../src/kube/quantity.ts';

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

test('quantities are stored in canonical form, keeping the family of their suffix', () => {
  const cases: [string | number, string][] = [
    ['1000m', '1'], ['0.5', '500m'], ['500m', '500m'], ['1500m', '1500m'], ['2000', '2k'], ['1', '1'], [2, '2'],
    ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['512Mi', '512Mi'], ['0.5Gi', '512Mi'], ['1Ki', '1Ki'], ['0.5Ki', '512'],
    ['1G', '1G'], ['1000M', '1G'], ['128M', '128M'], ['0', '0'], ['0Mi', '0'], ['.5', '500m'], ['100u', '100u'],
    ['2e3', '2e3'], ['1.5e3', '1500'], ['0.0000000001', '1n'], ['-1', '-1'],
  ];
  for (const [input, stored] of cases) assert.equal(canonicalQuantity(input), stored, String(input));
});

test('text that is not a quantity is left to validation', () => {
  for (const bad of ['', 'abc', '1.2.3', '5 Gi', '1Zi']) assert.equal(canonicalQuantity(bad), undefined, bad);
});
