import { rfc3339, type Clock, type Millis } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import type { EventRecorder } from '../events.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { qosClass } from '../qos.ts';
import { availableMemory, evictionMessage, EVICTION_CHECK_INTERVAL, MEMORY_AVAILABLE_THRESHOLD, PRESSURE_TRANSITION_PERIOD, rankForMemoryEviction, type MemoryCandidate } from './memory-pressure.ts';
import { localStorageViolation } from './local-storage.ts';
import type { PodRuntime } from './pod-runtime.ts';

const COMPONENT = 'kubelet';

/** What the eviction manager needs from the kubelet that runs the pods. */
export interface EvictionHost {
  runtime(pod: KubeObject): PodRuntime | undefined;
  /** Kills the pod's containers and fails it for good with this reason and message. */
  failPod(pod: KubeObject, rt: PodRuntime, now: Millis, reason: string, message: string): void;
  writeStatus(pod: KubeObject, rt: PodRuntime): void;
}

/**
 * The kubelet's eviction manager (pkg/kubelet/eviction): node memory pressure with its
 * condition, ranking and one eviction per pass; admission refusing BestEffort pods under
 * MemoryPressure; and the local storage limits (ephemeral-storage, emptyDir sizeLimit).
 */
export class EvictionManager {
  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder, private readonly host: EvictionHost) {}

  /** When the node last saw memory pressure, by node: the condition clears a transition period later. */
  private readonly pressureSeen = new Map<string, Millis>();

  /**
   * The eviction manager's memory pass (pkg/kubelet/eviction): below memory.available<100Mi the
   * node reports MemoryPressure and the kubelet evicts one pod per pass, by rankForMemoryEviction,
   * looking again every 10s; the condition clears 5 minutes after the pressure ends.
   */
  checkMemoryPressure(nodeName: string): void {
    const node = this.store.get('Node', { name: nodeName });
    if (!node) return;
    const now = this.clock.now();
    const candidates: MemoryCandidate[] = this.store.list('Pod')
      .filter((p) => p.spec?.nodeName === nodeName && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')
      .flatMap((pod) => {
        const rt = this.host.runtime(pod);
        return rt && !rt.failure && !rt.staticPodNode ? [{ pod, rt }] : [];
      });
    const available = availableMemory(node, candidates, now);
    if (available < MEMORY_AVAILABLE_THRESHOLD) {
      this.pressureSeen.set(nodeName, now);
      // The condition is posted first (and the node tainted for it) before the pass evicts.
      this.setMemoryPressure(node, true);
      const victim = rankForMemoryEviction(candidates, now)[0];
      if (victim) this.clock.at(now + 1, () => this.evict(victim, evictionMessage(victim, available, now), now + 1));
      this.clock.at(now + EVICTION_CHECK_INTERVAL, () => this.checkMemoryPressure(nodeName));
      return;
    }
    const since = this.pressureSeen.get(nodeName);
    if (since === undefined) return;
    if (now >= since + PRESSURE_TRANSITION_PERIOD) {
      this.pressureSeen.delete(nodeName);
      this.setMemoryPressure(node, false);
    } else {
      this.clock.at(since + PRESSURE_TRANSITION_PERIOD, () => this.checkMemoryPressure(nodeName));
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
    this.host.failPod(pod, rt, now, 'Evicted', message);
    this.events.record(COMPONENT, pod, 'Warning', 'Evicted', message);
    this.host.writeStatus(pod, rt);
  }

  /** Kubelet admission under MemoryPressure: a new BestEffort pod is refused, Failed with reason Evicted. */
  refusedUnderPressure(pod: KubeObject): boolean {
    const node = this.store.get('Node', { name: pod.spec.nodeName });
    const pressure = (node?.status?.conditions ?? []).some((c: any) => c.type === 'MemoryPressure' && c.status === 'True');
    if (!pressure || qosClass(pod) !== 'BestEffort') return false;
    const message = 'The node had condition: [MemoryPressure]. ';
    this.store.updateStatus({ ...pod, status: { ...thaw(pod.status ?? {}), phase: 'Failed', reason: 'Evicted', message } });
    this.events.record(COMPONENT, pod, 'Warning', 'Evicted', message);
    return true;
  }

  private setMemoryPressure(node: KubeObject, pressure: boolean): void {
    const [status, reason, message] = pressure
      ? ['True', 'KubeletHasInsufficientMemory', 'kubelet has insufficient memory available']
      : ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'];
    const current = (node.status?.conditions ?? []).find((c: any) => c.type === 'MemoryPressure');
    if (current?.status === status) return;
    const next = thaw(node.status ?? {});
    next.conditions = upsertCondition(next.conditions, { type: 'MemoryPressure', status, reason, message, lastTransitionTime: rfc3339(this.clock.now()) });
    this.store.updateStatus({ ...node, status: next });
    this.events.record(COMPONENT, node, 'Normal', pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory', `Node ${node.metadata.name} status is now: ${pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory'}`);
  }

  /** Evicts a pod for node pressure: its containers are killed, it is Failed with reason Evicted and is not restarted. */
  private evict(victim: MemoryCandidate, message: string, now: Millis): void {
    const { pod, rt } = victim;
    this.host.failPod(pod, rt, now, 'Evicted', message);
    const current = this.store.get('Pod', pod.metadata);
    if (current) {
      const status = thaw(current.status ?? {});
      status.conditions = upsertCondition(status.conditions, { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: 'The node was low on resource: memory. ', lastTransitionTime: rfc3339(now) });
      this.store.updateStatus({ ...current, status });
    }
    this.events.record(COMPONENT, pod, 'Warning', 'Evicted', message);
    this.host.writeStatus(pod, rt);
  }
}
