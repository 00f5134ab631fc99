import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeTimeline } from '../../../src/sim/kubelet/probes.ts';

const behavior = (o: object = {}) => ({ exitCode: 0, ignoresSigterm: false, source: 'test', ...o });

test('liveness: period 10s, failureThreshold 3, unhealthy from 25s → killed at 50s (reference/kubelet.md §12)', () => {
  const t = probeTimeline({ livenessProbe: { exec: {} } }, behavior({ unhealthyAfter: 25_000 }), 0);
  assert.equal(t.livenessKillAt, 50_000);
  assert.equal(t.readyAt, 0, 'no readiness probe: ready at start');
});

test('readiness: initialDelay 5, period 5 → ready at the first probe, unready after three failures from 22s', () => {
  const t = probeTimeline({ readinessProbe: { initialDelaySeconds: 5, periodSeconds: 5 } }, behavior({ unhealthyAfter: 22_000 }), 0);
  assert.deepEqual({ readyAt: t.readyAt, unreadyAt: t.unreadyAt }, { readyAt: 5_000, unreadyAt: 35_000 });
});

test('startup: probes wait for it; one that never passes kills at the last allowed failure', () => {
  const slow = probeTimeline({ startupProbe: { periodSeconds: 10, failureThreshold: 30 }, readinessProbe: {} }, behavior({ startsAfter: 200_000 }), 0);
  assert.equal(slow.startedAt, 200_000);
  assert.equal(slow.readyAt, 200_000, 'readiness probes begin when the startup probe has passed');
  const never = probeTimeline({ startupProbe: { periodSeconds: 10, failureThreshold: 3 } }, behavior({ startsAfter: 600_000 }), 0);
  assert.equal(never.startupKillAt, 20_000);
});

test('a transient outage: unready after three failures, ready again at the first passing probe; too short an outage goes unnoticed', () => {
  const t = probeTimeline({ readinessProbe: { periodSeconds: 5 }, livenessProbe: { periodSeconds: 10 } }, behavior({ unhealthyAfter: 30_000, healthyAgainAfter: 90_000 }), 0);
  assert.deepEqual({ unreadyAt: t.unreadyAt, readyAgainAt: t.readyAgainAt }, { unreadyAt: 40_000, readyAgainAt: 90_000 });
  assert.equal(t.livenessKillAt, 50_000, 'liveness fails at 30, 40, 50 before the app recovers');
  const blip = probeTimeline({ readinessProbe: { periodSeconds: 5 }, livenessProbe: { periodSeconds: 10 } }, behavior({ unhealthyAfter: 30_000, healthyAgainAfter: 42_000 }), 0);
  assert.equal(blip.unreadyAt, 40_000, 'readiness failed at 30, 35 and 40');
  assert.equal(blip.readyAgainAt, 45_000);
  assert.equal(blip.livenessKillAt, undefined, 'liveness saw two failures (30, 40), not three');
});

test('an erroring probe keeps its initial value: readiness never ready, liveness never kills, startup never starts', () => {
  const errored = { okFrom: Infinity, errored: 'strconv.Atoi: parsing "http": invalid syntax' };
  const c = { readinessProbe: { periodSeconds: 5 }, livenessProbe: { initialDelaySeconds: 3 } };
  assert.deepEqual(probeTimeline(c, behavior(), 1000, { readiness: errored, liveness: errored }),
    { startedAt: 1000, errors: [{ kind: 'readiness', at: 1000, error: errored.errored }, { kind: 'liveness', at: 4000, error: errored.errored }] });
  assert.deepEqual(probeTimeline({ ...c, startupProbe: { initialDelaySeconds: 2 } }, behavior(), 1000, { startup: errored }),
    { errors: [{ kind: 'startup', at: 3000, error: errored.errored }] });
});
