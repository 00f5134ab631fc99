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
}

/** The time of probe number i (0-based) on a grid anchored at `anchor`. */
const at = (p: Probe, anchor: Millis, i: number) => anchor + p.delay + i * p.period;

/** The index of the first probe at or after `t`. */
const firstAtOrAfter = (p: Probe, anchor: Millis, t: Millis) => Math.max(0, Math.ceil((t - anchor - p.delay) / p.period));

/**
 * The probe outcomes of a container, worked out ahead from its behavior instead of probing every
 * period: probes run at start + initialDelay + k·period; a probe succeeds once the behavior's
 * `readyAfter` (readiness) or `startsAfter` (startup) has passed and fails from `unhealthyAfter`
 * on (until `healthyAgainAfter`, if given). successThreshold consecutive successes make it ready,
 * failureThreshold consecutive failures unready or killed: an outage shorter than that many
 * periods goes unnoticed. Readiness and liveness begin when the startup probe has passed.
 */
export function probeTimeline(container: any, behavior: ContainerBehavior, start: Millis): ProbeTimeline {
  const out: ProbeTimeline = {};
  const unhealthyFrom = behavior.unhealthyAfter === undefined ? undefined : start + behavior.unhealthyAfter;
  const healthyAgainFrom = behavior.healthyAgainAfter === undefined ? undefined : start + behavior.healthyAgainAfter;
  /** The failing probes of a grid: the first and the first passing again (undefined: never), or none if too few to count. */
  const outage = (p: Probe, anchor: Millis): { first: number; recovered?: number } | undefined => {
    if (unhealthyFrom === undefined) return undefined;
    const first = firstAtOrAfter(p, anchor, unhealthyFrom);
    const recovered = healthyAgainFrom === undefined ? undefined : firstAtOrAfter(p, anchor, healthyAgainFrom);
    return recovered !== undefined && recovered - first < p.failure ? undefined : { first, recovered };
  };
  const startup = probe(container.startupProbe);
  let anchor = start;
  if (startup) {
    const okFrom = start + (behavior.startsAfter ?? 0);
    const first = firstAtOrAfter(startup, start, okFrom);
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
  if (readiness) {
    const okFrom = Math.max(anchor, start + (behavior.readyAfter ?? 0));
    const first = firstAtOrAfter(readiness, anchor, okFrom);
    const readyAt = at(readiness, anchor, first + readiness.success - 1);
    if (unhealthyFrom === undefined || readyAt < unhealthyFrom) out.readyAt = readyAt;
    const down = outage(readiness, anchor);
    if (down) {
      out.unreadyAt = at(readiness, anchor, down.first + readiness.failure - 1);
      if (down.recovered !== undefined) out.readyAgainAt = at(readiness, anchor, down.recovered + readiness.success - 1);
    }
  } else {
    out.readyAt = anchor;
  }
  const liveness = probe(container.livenessProbe);
  const down = liveness && outage(liveness, anchor);
  if (liveness && down) out.livenessKillAt = at(liveness, anchor, down.first + liveness.failure - 1);
  return out;
}
