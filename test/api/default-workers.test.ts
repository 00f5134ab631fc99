import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkers } from '../../src/api/default-workers.ts';

test('a simulator run of the whole library spreads over every core', () => {
  assert.equal(defaultWorkers('sim', 450, 2), 2);
  assert.equal(defaultWorkers('sim', 450, 8), 8);
});

test('a small selection stays in one process, and a large one gets no more workers than it can fill', () => {
  assert.equal(defaultWorkers('sim', 1, 2), 0);
  assert.equal(defaultWorkers('sim', 19, 2), 0);
  assert.equal(defaultWorkers('sim', 45, 8), 2);
});

test('a live run stays serial: its scenarios share one cluster', () => {
  assert.equal(defaultWorkers('live', 450, 8), 0);
});

test('a one-core machine runs in one process', () => {
  assert.equal(defaultWorkers('sim', 450, 1), 0);
});
