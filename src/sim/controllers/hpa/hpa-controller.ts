import type { Clock, Millis } from '../../clock.ts';
import { rfc3339 } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import type { MetricsServer } from '../../metrics.ts';
import { thaw } from '../../store/freeze.ts';
import { LabelSelector } from '../../../kube/label-selector.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../../store/types.ts';
import { keyText } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../controller.ts';
import { resourceReplicas } from './replica-calculator.ts';
import { defaultScaleDown, defaultScaleUp, limitRate, stabilize, type ScalingRules, type Timed } from './scaling-behavior.ts';

const COMPONENT = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period. */
const SYNC_PERIOD: Millis = 15_000;

/**
 * The HorizontalPodAutoscaler controller (autoscaling/v2), after
 * pkg/controller/podautoscaler/horizontal.go: every 15s it reads the target's scale and the pods'
 * resource usage (the simulator's metrics-server), computes the replica count with the 10%
 * tolerance, stabilizes it (5-minute scale-down window by default), limits the rate by the
 * behavior policies, resizes the target and reports the AbleToScale, ScalingActive and
 * ScalingLimited conditions. Resource metrics with Utilization or AverageValue targets.
 */
export class HpaController implements Controller {
  readonly name = 'HorizontalPodAutoscaler';
  private readonly recommendations = new Map<string, Timed[]>();
  private readonly scaleUps = new Map<string, Timed[]>();
  private readonly scaleDowns = new Map<string, Timed[]>();

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder, private readonly metrics: MetricsServer) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const hpa = this.store.get('HorizontalPodAutoscaler', key);
    if (!hpa || hpa.metadata.deletionTimestamp) return {};
    const now = this.clock.now();
    // enqueueHPA (horizontal.go) adds every HPA with AddRateLimited on a fixed-interval limiter of
    // the sync period: a new HPA is first looked at one period after it appears.
    const firstSync = Date.parse(hpa.metadata.creationTimestamp) + SYNC_PERIOD;
    if (now < firstSync) return { requeueAfter: firstSync - now };
    const status = thaw(hpa.status ?? {});
    status.conditions ??= [];
    const ref = hpa.spec.scaleTargetRef ?? {};
    const target = this.store.get(ref.kind, { namespace: hpa.metadata.namespace, name: ref.name });
    if (!target) {
      setCondition(status, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`, now);
      this.events.record(COMPONENT, hpa, 'Warning', 'FailedGetScale', `${ref.kind.toLowerCase()}s.apps "${ref.name}" not found`);
      this.write(hpa, status);
      return { requeueAfter: SYNC_PERIOD };
    }
    setCondition(status, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
    const current: number = target.spec.replicas ?? 1;
    status.currentReplicas = current;
    const min: number = hpa.spec.minReplicas ?? 1;
    const max: number = hpa.spec.maxReplicas;
    let desired: number;
    let reason = '';
    if (current === 0 && min !== 0) {
      desired = 0;
      setCondition(status, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    } else if (current > max) {
      desired = max;
      reason = 'Current number of replicas above Spec.MaxReplicas';
    } else if (current < min) {
      desired = min;
      reason = 'Current number of replicas below Spec.MinReplicas';
    } else {
      const computed = this.computeFromMetrics(hpa, target, current, status, now);
      if (computed === undefined) {
        this.write(hpa, status);
        return { requeueAfter: SYNC_PERIOD };
      }
      desired = this.normalize(hpa, keyText(key), current, computed.replicas, min, max, status, now);
      reason = desired > current ? `${computed.metric} above target` : 'All metrics below target';
    }
    if (desired !== current && desired !== 0) {
      this.store.update({ ...thaw(target), spec: { ...thaw(target.spec), replicas: desired } });
      setCondition(status, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
      this.events.record(COMPONENT, hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      const log = desired > current ? this.scaleUps : this.scaleDowns;
      log.set(keyText(key), [...(log.get(keyText(key)) ?? []), { at: now, value: Math.abs(desired - current) }]);
      status.lastScaleTime = rfc3339(now);
    }
    status.desiredReplicas = desired || current;
    this.write(hpa, status);
    return { requeueAfter: SYNC_PERIOD };
  }

  private computeFromMetrics(hpa: KubeObject, target: KubeObject, current: number, status: any, now: Millis): { replicas: number; metric: string } | undefined {
    const selector = LabelSelector.fromSpec(target.spec.selector);
    const pods = this.store.list('Pod', { namespace: hpa.metadata.namespace, selector });
    let best: { replicas: number; metric: string } | undefined;
    status.currentMetrics = [];
    for (const m of hpa.spec.metrics ?? []) {
      if (m.type !== 'Resource') continue;
      const resource = m.resource.name as 'cpu' | 'memory';
      const metric = `${resource} resource utilization (percentage of request)`;
      try {
        const t = m.resource.target;
        const targetUtilization = t.type === 'AverageValue' ? undefined : t.averageUtilization ?? 80;
        const r = resourceReplicas(current, targetUtilization ?? 100, resource, pods, (p) => this.metrics.podUsage(p));
        status.currentMetrics.push({ type: 'Resource', resource: { name: resource, current: { averageUtilization: r.utilization, averageValue: resource === 'cpu' ? `${r.averageValue}m` : String(r.averageValue) } } });
        if (!best || r.replicas > best.replicas) best = { replicas: r.replicas, metric };
      } catch (e) {
        setCondition(status, 'ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: failed to get ${resource} utilization: ${(e as Error).message}`, now);
        this.events.record(COMPONENT, hpa, 'Warning', 'FailedGetResourceMetric', `failed to get ${resource} utilization: ${(e as Error).message}`);
        return undefined;
      }
    }
    if (!best) return undefined;
    setCondition(status, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${best.metric}`, now);
    return best;
  }

  /** normalizeDesiredReplicas(WithBehaviors): stabilization window, then rate and range limits. */
  private normalize(hpa: KubeObject, key: string, current: number, desired: number, min: number, max: number, status: any, now: Millis): number {
    const behavior = hpa.spec.behavior;
    const up: ScalingRules = { ...defaultScaleUp, ...(behavior?.scaleUp ?? {}) };
    const down: ScalingRules = { ...defaultScaleDown, ...(behavior?.scaleDown ?? {}) };
    if (!behavior) {
      // Without spec.behavior the controller uses its built-in rule: up to max(2×, 4) per sync.
      up.policies = [{ type: 'Percent', value: 100, periodSeconds: 0 }, { type: 'Pods', value: Math.max(4 - current, 0), periodSeconds: 0 }];
      up.stabilizationWindowSeconds = 0;
      down.policies = [{ type: 'Percent', value: 100, periodSeconds: 0 }];
    }
    const history = (this.recommendations.get(key) ?? []).filter((r) => r.at > now - 3_600_000);
    const stabilized = stabilize(current, desired, history, up, down, now);
    this.recommendations.set(key, [...history, { at: now, value: desired }]);
    if (stabilized !== desired) {
      const up = stabilized < desired;
      setCondition(status, 'AbleToScale', 'True', up ? 'ScaleUpStabilized' : 'ScaleDownStabilized', up ? 'recent recommendations were lower than current one, applying the lowest recent recommendation' : 'recent recommendations were higher than current one, applying the highest recent recommendation', now);
    } else {
      setCondition(status, 'AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size', now);
    }
    const limit = limitRate(current, stabilized, min, max, up, down, this.scaleUps.get(key) ?? [], this.scaleDowns.get(key) ?? [], now);
    setCondition(status, 'ScalingLimited', limit.replicas === stabilized ? 'False' : 'True', limit.reason, limit.message, now);
    return limit.replicas;
  }

  private write(hpa: KubeObject, status: any): void {
    const latest = this.store.get('HorizontalPodAutoscaler', hpa.metadata)!;
    if (JSON.stringify(status) !== JSON.stringify(latest.status ?? {})) this.store.updateStatus({ ...latest, status });
  }
}

/** setCondition of horizontal.go: lastTransitionTime moves only when the status changes. */
function setCondition(status: any, type: string, value: string, reason: string, message: string, now: Millis): void {
  const existing = status.conditions.find((c: any) => c.type === type);
  const next = { type, status: value, lastTransitionTime: existing && existing.status === value ? existing.lastTransitionTime : rfc3339(now), reason, message };
  status.conditions = existing ? status.conditions.map((c: any) => (c === existing ? next : c)) : [...status.conditions, next];
}
