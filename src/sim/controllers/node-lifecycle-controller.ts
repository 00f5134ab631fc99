import type { Clock, Millis } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import type { EventRecorder } from '../events.ts';
import type { NodeHealth } from '../node-health.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/** --node-monitor-grace-period in v1.32 (reference/scheduling.md §12). */
export const NODE_MONITOR_GRACE: Millis = 50_000;

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): a node whose kubelet stopped
 * posting status for the grace period gets its conditions set to Unknown, the unreachable taint
 * (NoSchedule and NoExecute, each with its timeAdded) and its pods marked not
 * Ready; Ready=False gives the not-ready taint; a cordoned node carries the unschedulable taint.
 * Taints go away when the condition recovers.
 */
export class NodeLifecycleController implements Controller {
  readonly name = 'NodeLifecycle';

  constructor(private readonly store: ObjectStore, private readonly clock: Clock, private readonly events: EventRecorder, private readonly health: NodeHealth) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const node = this.store.get('Node', { name: key.name });
    if (!node) return {};
    const now = this.clock.now();
    const since = this.health.downSince(key.name);
    let next = thaw(node);
    let requeueAfter: Millis | undefined;
    if (since !== undefined) {
      const due = since + NODE_MONITOR_GRACE;
      if (now < due) requeueAfter = due - now;
      else if (readyStatus(node) !== 'Unknown') {
        next = this.markUnknown(next, now);
        this.events.record('node-controller', node, 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
        this.markPodsNotReady(key.name, now);
      }
    }
    const ready = readyStatus(next);
    next.spec.taints = reconcileTaints(next.spec.taints ?? [], [
      [UNREACHABLE, 'NoSchedule', ready === 'Unknown'],
      [UNREACHABLE, 'NoExecute', ready === 'Unknown'],
      [NOT_READY, 'NoSchedule', ready === 'False'],
      [NOT_READY, 'NoExecute', ready === 'False'],
      [UNSCHEDULABLE, 'NoSchedule', next.spec.unschedulable === true],
      // TaintNodesByCondition: a pressure condition keeps new pods away.
      ...PRESSURE_TAINTS.map(([condition, key]): [string, string, boolean] => [key, 'NoSchedule', conditionStatus(next, condition) === 'True']),
    ], now);
    if (next.spec.taints.length === 0) delete next.spec.taints;
    if (JSON.stringify(next) !== JSON.stringify(node)) {
      const updated = this.store.update({ ...next, status: node.status });
      if (JSON.stringify(next.status) !== JSON.stringify(node.status)) this.store.updateStatus({ ...updated, status: next.status });
    }
    return requeueAfter === undefined ? {} : { requeueAfter };
  }

  private markUnknown(node: KubeObject, now: Millis): KubeObject {
    const t = rfc3339(now);
    node.status.conditions = (node.status.conditions ?? []).map((c: any) =>
      ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type)
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: t }
        : c);
    return node;
  }

  /**
   * MarkPodsNotReady (pkg/controller/util/node/controller_utils.go v1.32): the node's pods lose
   * Ready, so Services stop sending them traffic; each pod whose Ready changed gets a Warning
   * NodeNotReady event. The condition keeps its reason and message, only its status changes.
   */
  private markPodsNotReady(node: string, now: Millis): void {
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName === node)) {
      const ready = (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const status = thaw(pod.status);
      status.conditions = upsertCondition(status.conditions, { ...ready, status: 'False', lastTransitionTime: rfc3339(now) });
      this.store.updateStatus({ ...pod, status });
      this.events.record('node-controller', pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }
}

const PRESSURE_TAINTS: Array<[string, string]> = [
  ['MemoryPressure', 'node.kubernetes.io/memory-pressure'],
  ['DiskPressure', 'node.kubernetes.io/disk-pressure'],
  ['PIDPressure', 'node.kubernetes.io/pid-pressure'],
];

function conditionStatus(node: KubeObject, type: string): string | undefined {
  return (node.status?.conditions ?? []).find((c: any) => c.type === type)?.status;
}

function readyStatus(node: KubeObject): string {
  return (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status ?? 'Unknown';
}

/**
 * Adds or removes the controller's own taints; other taints are left alone. Every taint it adds,
 * NoSchedule ones included, carries timeAdded (SwapNodeControllerTaint sets it on all of them).
 */
function reconcileTaints(taints: any[], wanted: Array<[string, string, boolean]>, now: Millis): any[] {
  let out = [...taints];
  for (const [key, effect, want] of wanted) {
    const has = out.some((t) => t.key === key && t.effect === effect);
    if (want && !has) out.push({ key, effect, timeAdded: rfc3339(now) });
    if (!want && has) out = out.filter((t) => !(t.key === key && t.effect === effect));
  }
  return out;
}
