import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock, rfc3339 } from '../../src/sim/clock.ts';

test('timers fire in due order, ties in creation order', () => {
  const clock = new VirtualClock(0);
  const fired: string[] = [];
  clock.after(20, () => fired.push('b'));
  clock.after(10, () => fired.push('a'));
  clock.after(20, () => fired.push('c'));
  clock.advanceTo(25);
  assert.deepEqual(fired, ['a', 'b', 'c']);
  assert.equal(clock.now(), 25);
});

test('a timer created while firing runs in the same advance when due before the target', () => {
  const clock = new VirtualClock(0);
  const fired: number[] = [];
  clock.after(5, () => {
    fired.push(clock.now());
    clock.after(5, () => fired.push(clock.now()));
    clock.after(50, () => fired.push(clock.now()));
  });
  clock.advanceTo(20);
  assert.deepEqual(fired, [5, 10]);
  assert.equal(clock.nextDue(), 55);
});

test('cancelled timers never fire and do not count as next due', () => {
  const clock = new VirtualClock(0);
  let fired = false;
  const id = clock.after(5, () => { fired = true; });
  clock.cancel(id);
  assert.equal(clock.nextDue(), undefined);
  clock.advanceBy(10);
  assert.equal(fired, false);
});

test('the clock refuses to go back', () => {
  const clock = new VirtualClock(100);
  assert.throws(() => clock.advanceTo(99), /clock cannot go back: 100 -> 99/);
});

test('rfc3339 renders whole seconds as the API server does', () => {
  assert.equal(rfc3339(Date.UTC(2026, 0, 1, 0, 0, 1, 999)), '2026-01-01T00:00:01Z');
});

test('rfc3339 writes each second as the API server does, however the seconds asked for alternate', () => {
  const start = Date.UTC(2026, 0, 1);
  assert.equal(rfc3339(start + 1999), '2026-01-01T00:00:01Z');
  for (let i = 0; i < 1000; i++) {
    const ms = start + ((i * 7919) % 600_000);
    assert.equal(rfc3339(ms), new Date(ms - (ms % 1000)).toISOString().replace('.000Z', 'Z'));
  }
});
