import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderVerdict } from '../../src/assertions/ordering.ts';
import type { TimelineEntry, Transition } from '../../src/drivers/driver.ts';

const at = (name: string, transition: Transition, t: number): TimelineEntry => ({ at: t, kind: 'Pod', name, transition });
const m = (name: string, transition: Transition = 'deleted') => ({ kind: 'Pod', name, transition });

test('undecided until both happened, unless the second comes first', () => {
  assert.deepEqual(orderVerdict([], m('web-2'), m('web-1')), { decided: false });
  assert.deepEqual(orderVerdict([at('web-2', 'deleted', 10_000)], m('web-2'), m('web-1')), { decided: false });
  assert.deepEqual(orderVerdict([at('web-2', 'deleted', 10_000), at('web-1', 'deleted', 11_000)], m('web-2'), m('web-1')), { decided: true, ok: true, message: '' });
});

test('a wrong order fails at once with the observed order', () => {
  assert.deepEqual(orderVerdict([at('web-2', 'deleted', 10_000)], m('web-1'), m('web-2')), {
    decided: true,
    ok: false,
    message: 'expected pod "web-1" deleted before pod "web-2" deleted, but pod "web-2" deleted came first.\nobserved order: web-2 deleted (at 10s)',
  });
});

test('milestones of different transitions compare by observed order', () => {
  const timeline = [at('web-0', 'ready', 3000), at('web-1', 'created', 3000)];
  assert.equal((orderVerdict(timeline, m('web-0', 'ready'), m('web-1', 'created')) as any).ok, true);
  assert.equal((orderVerdict(timeline, m('web-1', 'created'), m('web-0', 'ready')) as any).ok, false);
});
