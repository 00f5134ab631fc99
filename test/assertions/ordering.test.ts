import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderVerdict } from '../../src/assertions/ordering.ts';
import type { TimelineEntry } from '../../src/drivers/driver.ts';

const deleted = (name: string, at: number): TimelineEntry => ({ at, kind: 'Pod', name, transition: 'deleted' });

test('undecided until both are deleted, unless the second comes first', () => {
  assert.deepEqual(orderVerdict([], 'Pod', 'web-2', 'web-1', 'deleted'), { decided: false });
  assert.deepEqual(orderVerdict([deleted('web-2', 10_000)], 'Pod', 'web-2', 'web-1', 'deleted'), { decided: false });
  assert.deepEqual(orderVerdict([deleted('web-2', 10_000), deleted('web-1', 11_000)], 'Pod', 'web-2', 'web-1', 'deleted'), { decided: true, ok: true, message: '' });
});

test('a wrong order fails at once with the observed order', () => {
  const v = orderVerdict([deleted('web-2', 10_000)], 'Pod', 'web-1', 'web-2', 'deleted');
  assert.deepEqual(v, {
    decided: true,
    ok: false,
    message: 'expected pod "web-1" to be deleted before pod "web-2", but pod "web-2" was deleted first.\nobserved deleted order: web-2 (at 10s)',
  });
});
