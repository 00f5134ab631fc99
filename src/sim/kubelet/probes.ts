import type { Millis } from '../clock.ts';
import type { ContainerBehavior } from './container-behavior.ts';

/** A probe with the API defaults filled in (reference/kubelet.md §4), in milliseconds. */
interface Probe {
  delay: Millis;
  period: Millis;
  success: number;
  failure: number;
}

function probe(spec: any): Probe | undefined {
  if (!spec) return undefined;
  return {
    delay: (spec.initialDelaySeconds ?? 0) * 1000,
    period: (spec.periodSeconds ?? 10) * 1000,
    success: spec.successThreshold ?? 1,
    failure: spec.failureThreshold ?? 3,
  };
}

/** When the probes of one container run change its state, from its start. */
export interface ProbeTimeline {
  /** startup probe passed (`started: true`); = start without a startup probe. */
  startedAt?: Millis;
  /** startup probe gave up: the container is killed then. */
  startupKillAt?: Millis;
  readyAt?: Millis;
  unreadyAt?: Millis;
  /** ready again after a transient failure. */
  readyAgainAt?: Millis;
  /** liveness probe gave up: the container is killed then. */
  livenessKillAt?: Millis;
  /** What each failing probe reports, where it says more than nothing. */
  messages?: Partial<Record<ProbeKind, string>>;
  /**
   * Failing startup and liveness probes, each of which the prober reports (prober.go probe:
   * Warning Unhealthy "<Kind> probe failed: <output>"), but for the one that kills the container,
   * which is announced with its Killing. Readiness failures are only reported when they make
   * the container unready (unreadyAt).
   */
  failures?: Array<{ kind: ProbeKind; at: Millis }>;
  /** Probes that error (ProbeHealth.errored): when the first one runs and the prober's error. */
  errors?: Array<{ kind: ProbeKind; at: Millis; error: string }>;
}

/** The time of probe number i (0-based) on a grid anchored at `anchor`. */
const at = (p: Probe, anchor: Millis, i: number) => anchor + p.delay + i * p.period;

/** The index of the first probe at or after `t`. */
const firstAtOrAfter = (p: Probe, anchor: Millis, t: Millis) => Math.max(0, Math.ceil((t - anchor - p.delay) / p.period));

/**
 * What one probe finds over a run, from the container's start: failing before okFrom (Infinity:
 * never passes), passing from then, failing again from failFrom, passing again from okAgainFrom.
 */
export interface ProbeHealth {
  okFrom: Millis;
  /** What a failing probe reports (the Unhealthy event's text after "… probe failed: "). */
  message?: string;
  failFrom?: Millis;
  okAgainFrom?: Millis;
  /**
   * The prober cannot run the probe at all (a named port the container does not declare): the
   * worker throws each result away (prober/worker.go doProbe, v1.32), so the probe's initial
   * value stays: never ready, never started, a liveness probe never counts a failure.
   */
  errored?: string;
}

/** A probe that never passes: its target is not there (a port nothing listens on, a 404 path). */
export const NEVER_PASSES: ProbeHealth = { okFrom: Infinity, failFrom: 0 };

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

/** The behavior's own account of its probes (the annotation's `ready after`, `unhealthy after`, ...). */
function healthFromBehavior(kind: ProbeKind, behavior: ContainerBehavior): ProbeHealth {
  const okFrom = kind === 'readiness' ? behavior.readyAfter ?? 0 : kind === 'startup' ? behavior.startsAfter ?? 0 : 0;
  return kind === 'startup' ? { okFrom } : { okFrom, failFrom: behavior.unhealthyAfter, okAgainFrom: behavior.healthyAgainAfter };
}

/**
 * The probe outcomes of a container, worked out ahead instead of probing every period: probes
 * run at start + initialDelay + k·period; each probe's health comes from `health` (what its
 * target answers) or else from the behavior (`readyAfter` for readiness, `startsAfter` for
 * startup, `unhealthyAfter` … `healthyAgainAfter` for both others). successThreshold
 * consecutive successes make it ready, failureThreshold consecutive failures unready or killed:
 * an outage shorter than that many periods goes unnoticed. Readiness and liveness begin when
 * the startup probe has passed.
 */
export function probeTimeline(container: any, behavior: ContainerBehavior, start: Millis, health: Partial<Record<ProbeKind, ProbeHealth>> = {}): ProbeTimeline {
  const out: ProbeTimeline = {};
  const of = (kind: ProbeKind) => health[kind] ?? healthFromBehavior(kind, behavior);
  const messages = Object.fromEntries(Object.entries(health).filter(([, h]) => h?.message).map(([kind, h]) => [kind, h!.message!]));
  if (Object.keys(messages).length) out.messages = messages;
  /** The failing probes of a grid: the first and the first passing again (undefined: never), or none if too few to count. */
  const outage = (p: Probe, anchor: Millis, h: ProbeHealth): { first: number; recovered?: number } | undefined => {
    if (h.failFrom === undefined) return undefined;
    const first = firstAtOrAfter(p, anchor, start + h.failFrom);
    const recovered = h.okAgainFrom === undefined ? undefined : firstAtOrAfter(p, anchor, start + h.okAgainFrom);
    return recovered !== undefined && recovered - first < p.failure ? undefined : { first, recovered };
  };
  const startup = probe(container.startupProbe);
  let anchor = start;
  // A startup probe that errors leaves the container unstarted for good (its initial value is Unknown).
  const errored = (kind: ProbeKind, p: Probe, anchor: Millis) => {
    const error = health[kind]?.errored;
    if (error !== undefined) (out.errors ??= []).push({ kind, at: at(p, anchor, 0), error });
  };
  if (startup && health.startup?.errored !== undefined) {
    errored('startup', startup, start);
    return out;
  }
  const failed = (kind: ProbeKind, p: Probe, anchor: Millis, from: number, to: number) => {
    for (let i = from; i < to; i++) (out.failures ??= []).push({ kind, at: at(p, anchor, i) });
  };
  if (startup) {
    const first = firstAtOrAfter(startup, start, start + of('startup').okFrom);
    failed('startup', startup, start, 0, Math.min(first, startup.failure - 1));
    if (first + 1 > startup.failure) {
      out.startupKillAt = at(startup, start, startup.failure - 1);
      return out;
    }
    out.startedAt = at(startup, start, first);
    anchor = out.startedAt;
  } else {
    out.startedAt = start;
  }
  const readiness = probe(container.readinessProbe);
  if (readiness) errored('readiness', readiness, anchor);
  if (readiness) {
    const h = of('readiness');
    const okFrom = Math.max(anchor, start + h.okFrom);
    const failFrom = h.failFrom === undefined ? undefined : start + h.failFrom;
    if (Number.isFinite(okFrom)) {
      const readyAt = at(readiness, anchor, firstAtOrAfter(readiness, anchor, okFrom) + readiness.success - 1);
      if (failFrom === undefined || readyAt < failFrom) out.readyAt = readyAt;
    }
    const down = outage(readiness, anchor, h);
    if (down) {
      out.unreadyAt = at(readiness, anchor, down.first + readiness.failure - 1);
      if (down.recovered !== undefined) out.readyAgainAt = at(readiness, anchor, down.recovered + readiness.success - 1);
    }
  } else {
    out.readyAt = anchor;
  }
  const liveness = probe(container.livenessProbe);
  if (liveness) errored('liveness', liveness, anchor);
  const live = liveness && of('liveness');
  if (liveness && live && live.failFrom !== undefined && live.errored === undefined) {
    const first = firstAtOrAfter(liveness, anchor, start + live.failFrom);
    const recovered = live.okAgainFrom === undefined ? Infinity : firstAtOrAfter(liveness, anchor, start + live.okAgainFrom);
    failed('liveness', liveness, anchor, first, Math.min(recovered, first + liveness.failure - 1));
  }
  const down = liveness && outage(liveness, anchor, of('liveness'));
  if (liveness && down) out.livenessKillAt = at(liveness, anchor, down.first + liveness.failure - 1);
  return out;
}
