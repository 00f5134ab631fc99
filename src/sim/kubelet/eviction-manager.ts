import { rfc3339, type Clock, type Millis } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import type { EventRecorder } from '../events.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { qosClass } from '../qos.ts';
import { available, evictionMessage, EVICTION_CHECK_INTERVAL, PRESSURE_TRANSITION_PERIOD, rankForEviction, type EvictionCandidate, type PressureSignal } from './node-pressure.ts';
import { localStorageViolation } from './local-storage.ts';
import type { PodRuntime } from './pod-runtime.ts';

const COMPONENT = 'kubelet';

/** What the eviction manager needs from the kubelet that runs the pods. */
export interface EvictionHost {
  runtime(pod: KubeObject): PodRuntime | undefined;
  /**
   * Evicts the pod by the named stage of pod-stages.ts (its containers killed, Failed with
   * reason Evicted and `message`, the event; for node pressure the DisruptionTarget condition).
   */
  evict(stage: 'evicted-for-node-pressure' | 'evicted-for-local-storage', pod: KubeObject, rt: PodRuntime, now: Millis, message: string): void;
}

/**
 * The kubelet's eviction manager (pkg/kubelet/eviction): node memory and disk pressure with
 * their conditions, ranking and one eviction per pass; admission under pressure; and the local
 * storage limits (ephemeral-storage, emptyDir sizeLimit).
 */
export class EvictionManager {
  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder, private readonly host: EvictionHost) {}

  /** When each node last saw each pressure, by `condition/node`: the condition clears a transition period later. */
  private readonly pressureSeen = new Map<string, Millis>();

  /**
   * The eviction manager's pass for one signal (pkg/kubelet/eviction): below its threshold
   * (memory.available<100Mi, nodefs.available<10%) the node reports the pressure condition and
   * the kubelet evicts one pod per pass, by rankForEviction, looking again every 10s; the
   * condition clears 5 minutes after the pressure ends.
   */
  checkPressure(signal: PressureSignal, nodeName: string): void {
    const node = this.store.get('Node', { name: nodeName });
    if (!node) return;
    const now = this.clock.now();
    const seenKey = `${signal.condition}/${nodeName}`;
    const candidates: EvictionCandidate[] = this.store.list('Pod')
      .filter((p) => p.spec?.nodeName === nodeName && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')
      .flatMap((pod) => {
        const rt = this.host.runtime(pod);
        return rt && !rt.failure && !rt.staticPodNode ? [{ pod, rt }] : [];
      });
    const left = available(node, candidates, signal, now);
    if (left < signal.threshold(node)) {
      this.pressureSeen.set(seenKey, now);
      // The condition is posted first (and the node tainted for it) before the pass evicts.
      this.setPressure(node, signal, true);
      const victim = rankForEviction(candidates, signal, now)[0];
      if (victim) this.clock.at(now + 1, () => this.evict(victim, evictionMessage(victim, node, left, signal, now), now + 1));
      this.clock.at(now + EVICTION_CHECK_INTERVAL, () => this.checkPressure(signal, nodeName));
      return;
    }
    const since = this.pressureSeen.get(seenKey);
    if (since === undefined) return;
    if (now >= since + PRESSURE_TRANSITION_PERIOD) {
      this.pressureSeen.delete(seenKey);
      this.setPressure(node, signal, false);
    } else {
      this.clock.at(since + PRESSURE_TRANSITION_PERIOD, () => this.checkPressure(signal, nodeName));
    }
  }

  /** The eviction manager's local storage pass for one pod (local-storage.ts): over a limit, it is evicted at once. */
  checkLocalStorage(key: ObjectKey): void {
    const pod = this.store.get('Pod', key);
    const rt = pod && this.host.runtime(pod);
    if (!pod || !rt || rt.failure || pod.metadata.deletionTimestamp) return;
    const now = this.clock.now();
    const message = localStorageViolation(pod, rt, now);
    if (!message) return;
    this.host.evict('evicted-for-local-storage', pod, rt, now, message);
  }

  /**
   * Kubelet admission under node pressure (the eviction manager's Admit): with MemoryPressure
   * alone a new BestEffort pod is refused; with DiskPressure every new pod is. Refused pods are
   * Failed with reason Evicted.
   */
  refusedUnderPressure(pod: KubeObject): boolean {
    const node = this.store.get('Node', { name: pod.spec.nodeName });
    const under = (node?.status?.conditions ?? []).filter((c: any) => (c.type === 'MemoryPressure' || c.type === 'DiskPressure') && c.status === 'True').map((c: any) => c.type as string);
    if (!under.length || (under.length === 1 && under[0] === 'MemoryPressure' && qosClass(pod) !== 'BestEffort')) return false;
    const message = `The node had condition: [${under.join(' ')}]. `;
    this.store.updateStatus({ ...pod, status: { ...thaw(pod.status ?? {}), phase: 'Failed', reason: 'Evicted', message } });
    this.events.record(COMPONENT, pod, 'Warning', 'Evicted', message);
    return true;
  }

  private setPressure(node: KubeObject, signal: PressureSignal, pressure: boolean): void {
    const [reason, message, event] = pressure ? signal.pressure : signal.relief;
    const status = pressure ? 'True' : 'False';
    const current = (node.status?.conditions ?? []).find((c: any) => c.type === signal.condition);
    if (current?.status === status) return;
    const next = thaw(node.status ?? {});
    next.conditions = upsertCondition(next.conditions, { type: signal.condition, status, reason, message, lastTransitionTime: rfc3339(this.clock.now()) });
    this.store.updateStatus({ ...node, status: next });
    this.events.record(COMPONENT, node, 'Normal', event, `Node ${node.metadata.name} status is now: ${event}`);
  }

  /** Evicts a pod for node pressure: its containers are killed, it is Failed with reason Evicted and is not restarted. */
  private evict(victim: EvictionCandidate, message: string, now: Millis): void {
    this.host.evict('evicted-for-node-pressure', victim.pod, victim.rt, now, message);
  }
}
