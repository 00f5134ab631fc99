import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, parseDuration } from '../../src/kube/duration.ts';

test('Go-style and worded durations', () => {
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('1h30m'), 5_400_000);
  assert.equal(parseDuration('500ms'), 500);
  assert.equal(parseDuration('2 minutes'), 120_000);
  assert.equal(parseDuration('1 minute 30 seconds'), 90_000);
});

test('a bad duration says what would be valid', () => {
  assert.throws(() => parseDuration('5 minuts'), { message: '"5 minuts" is not a duration (try 30s, 5m, 1h30m or 2 minutes)' });
  assert.throws(() => parseDuration('soon'), { name: 'DurationError' });
});

test('formatting is the shortest readable form', () => {
  assert.equal(formatDuration(90_000), '1m30s');
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(3_600_250), '1h250ms');
});
