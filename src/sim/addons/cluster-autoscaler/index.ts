import type { Millis, VirtualClock } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../../controllers/controller.ts';
import type { ControllerManager } from '../../controllers/manager.ts';
import { defaultCapacity, type NodeSpec } from '../../nodes.ts';
import { evictPod } from '../../api/eviction.ts';
import { bytes, milliCpu } from '../../../kube/quantity.ts';
import { podRequests } from '../../../kube/pod-resources.ts';
import { matchesRequired } from '../../scheduler/plugins/node-affinity.ts';

/** The label that says which node group a node belongs to (a cloud provider's node-group label). */
export const NODE_GROUP_LABEL = 'kubespec.io/node-group';
const TO_BE_DELETED = 'ToBeDeletedByClusterAutoscaler';
const COMPONENT = 'cluster-autoscaler';

/** cluster-autoscaler's defaults, and how long a simulated cloud takes to boot a node. */
export const autoscalerTimings = {
  nodeBoot: 60_000,
  scaleDownUnneeded: 10 * 60_000,
  scaleDownDelayAfterAdd: 10 * 60_000,
  scaleDownUtilizationThreshold: 0.5,
};

export interface NodeGroup {
  name: string;
  min: number;
  max: number;
}

interface Room {
  cpu: number;
  memory: number;
  pods: number;
}

const roomOf = (capacity: Record<string, string>): Room => ({ cpu: milliCpu(capacity.cpu), memory: bytes(capacity.memory), pods: Number(capacity.pods) });
const fits = (pod: KubeObject, room: Room) => {
  const r = podRequests(pod);
  return r.milliCpu <= room.cpu && r.memory <= room.memory && room.pods >= 1;
};
const take = (pod: KubeObject, room: Room): void => {
  const r = podRequests(pod);
  room.cpu -= r.milliCpu;
  room.memory -= r.memory;
  room.pods -= 1;
};

const unschedulable = (pod: KubeObject) => !pod.spec?.nodeName && !pod.metadata.deletionTimestamp
  && (pod.status?.conditions ?? []).some((c: any) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
const ownedBy = (pod: KubeObject, kind: string) => (pod.metadata.ownerReferences ?? []).some((r) => r.controller && r.kind === kind);
const running = (pod: KubeObject) => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

/**
 * A simulated Cluster Autoscaler for one node group (cluster-autoscaler/core): pods the scheduler
 * left Unschedulable that would fit on a new node of the group (its template: a kind-sized
 * worker) get nodes, packed first-fit, up to the group's max; they join after the cloud's boot
 * time. A node of the group whose requested CPU and memory are both under half of its
 * allocatable, whose pods are all movable (owned by a controller, not DaemonSet pods, no local
 * storage) and fit on the other nodes, is unneeded; after 10 minutes unneeded (and 10 minutes
 * after the last scale-up) it is tainted ToBeDeletedByClusterAutoscaler, its pods are evicted and
 * it is removed, never below the group's min.
 */
export class ClusterAutoscaler implements Controller {
  readonly name = COMPONENT;
  private upcoming = 0;
  private created = 0;
  private lastScaleUp = -Infinity;
  private readonly unneededSince = new Map<string, Millis>();
  /** Pods already told they did not trigger a scale-up, by uid (said once, as CA's event is). */
  private readonly toldNoScaleUp = new Set<string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly events: EventRecorder,
    readonly group: NodeGroup,
    private readonly addNode: (spec: NodeSpec) => void,
  ) {}

  /** The group's first nodes, as it stands at its min size. */
  start(): void {
    for (let i = 0; i < this.group.min; i++) this.addNode(this.template());
  }

  reconcile(_key: ObjectKey): ReconcileResult {
    const now = this.clock.now();
    const nodes = this.store.list('Node');
    const members = nodes.filter((n) => n.metadata.labels?.[NODE_GROUP_LABEL] === this.group.name);
    const pods = this.store.list('Pod');
    this.scaleUp(pods, members.length);
    return this.scaleDown(nodes, members, pods, now);
  }

  private template(): NodeSpec {
    return { name: `${this.group.name}-${++this.created}`, labels: { [NODE_GROUP_LABEL]: this.group.name } };
  }

  private scaleUp(pods: KubeObject[], size: number): void {
    const pending = pods.filter(unschedulable);
    if (!pending.length) return;
    const templateRoom = () => roomOf(defaultCapacity);
    // A node of the group as it would register (no taints: only its labels can turn a pod away).
    const templateNode = { apiVersion: 'v1', kind: 'Node', metadata: { name: `${this.group.name}-template`, labels: { [NODE_GROUP_LABEL]: this.group.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' } } } as unknown as KubeObject;
    const helpable = pending.filter((p) => matchesRequired(p, templateNode) && fits(p, templateRoom()));
    for (const p of pending) {
      if (helpable.includes(p) || this.toldNoScaleUp.has(p.metadata.uid)) continue;
      this.toldNoScaleUp.add(p.metadata.uid);
      this.events.record(COMPONENT, p, 'Normal', 'NotTriggerScaleUp', "pod didn't trigger scale-up (it wouldn't fit if a new node is added)");
    }
    // First fit over the nodes on their way and new ones.
    const rooms: Room[] = Array.from({ length: this.upcoming }, templateRoom);
    const triggering: KubeObject[] = [];
    for (const p of helpable) {
      let room = rooms.find((r) => fits(p, r));
      if (!room) {
        if (size + rooms.length >= this.group.max) continue;
        rooms.push((room = templateRoom()));
      }
      take(p, room);
      triggering.push(p);
    }
    const adding = rooms.length - this.upcoming;
    if (adding <= 0) return;
    const target = size + rooms.length;
    const info = `[{${this.group.name} ${size + this.upcoming}->${target} (max: ${this.group.max})}]`;
    for (const p of triggering) this.events.record(COMPONENT, p, 'Normal', 'TriggeredScaleUp', `pod triggered scale-up: ${info}`);
    this.upcoming += adding;
    this.lastScaleUp = this.clock.now();
    for (let i = 0; i < adding; i++) {
      const spec = this.template();
      this.clock.at(this.clock.now() + autoscalerTimings.nodeBoot, () => {
        this.upcoming--;
        this.addNode(spec);
      });
    }
  }

  private scaleDown(nodes: KubeObject[], members: KubeObject[], pods: KubeObject[], now: Millis): ReconcileResult {
    const podsOn = (node: string) => pods.filter((p) => p.spec?.nodeName === node && running(p));
    // A node on its way out: once its pods are gone, the cloud deletes it.
    for (const node of members.filter((n) => (n.spec?.taints ?? []).some((t: any) => t.key === TO_BE_DELETED))) {
      if (podsOn(node.metadata.name).every((p) => ownedBy(p, 'DaemonSet'))) this.store.delete('Node', { name: node.metadata.name });
    }
    const live = members.filter((n) => !(n.spec?.taints ?? []).some((t: any) => t.key === TO_BE_DELETED));
    const others = (except: string) => nodes.filter((n) => n.metadata.name !== except && !n.spec?.unschedulable && !(n.spec?.taints ?? []).some((t: any) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
    const freeRoom = (node: KubeObject): Room => {
      const room = roomOf(node.status?.allocatable ?? defaultCapacity);
      for (const p of podsOn(node.metadata.name)) take(p, room);
      return room;
    };
    let due: Millis | undefined;
    for (const node of live) {
      const name = node.metadata.name;
      const here = podsOn(name);
      const alloc = roomOf(node.status?.allocatable ?? defaultCapacity);
      const used = here.reduce((s, p) => ({ cpu: s.cpu + podRequests(p).milliCpu, memory: s.memory + podRequests(p).memory }), { cpu: 0, memory: 0 });
      const utilization = Math.max(used.cpu / alloc.cpu, used.memory / alloc.memory);
      const moving = here.filter((p) => !ownedBy(p, 'DaemonSet'));
      const movable = moving.every((p) => (p.metadata.ownerReferences ?? []).some((r) => r.controller) && !(p.spec?.volumes ?? []).some((v: any) => v.emptyDir || v.hostPath));
      const rooms = others(name).map(freeRoom);
      const placeable = moving.every((p) => {
        const room = rooms.find((r) => fits(p, r));
        if (room) take(p, room);
        return room !== undefined;
      });
      if (!(utilization < autoscalerTimings.scaleDownUtilizationThreshold && movable && placeable)) {
        this.unneededSince.delete(name);
        continue;
      }
      const since = this.unneededSince.get(name) ?? now;
      this.unneededSince.set(name, since);
      const ready = Math.max(since + autoscalerTimings.scaleDownUnneeded, this.lastScaleUp + autoscalerTimings.scaleDownDelayAfterAdd);
      if (ready > now) {
        due = due === undefined ? ready : Math.min(due, ready);
        continue;
      }
      if (live.length - 1 < this.group.min) break;
      this.removeNode(node, moving, now);
      this.unneededSince.delete(name);
      break; // one non-empty node at a time
    }
    return due === undefined ? {} : { requeueAfter: due - now };
  }

  private removeNode(node: KubeObject, pods: KubeObject[], now: Millis): void {
    const taint = { key: TO_BE_DELETED, value: String(Math.floor(now / 1000)), effect: 'NoSchedule' };
    this.store.update({ ...node, spec: { ...node.spec, taints: [...(node.spec?.taints ?? []), taint] } });
    this.events.record(COMPONENT, node, 'Normal', 'ScaleDown', 'marked the node as toBeDeleted/unschedulable');
    for (const p of pods) {
      this.events.record(COMPONENT, p, 'Normal', 'ScaleDown', 'deleting pod for node scale down');
      evictPod(this.store, this.clock, p.metadata.namespace!, p.metadata.name);
    }
  }
}

/** Runs a Cluster Autoscaler for the group, which starts at its min size. */
export function installClusterAutoscaler(parts: { store: ObjectStore; clock: VirtualClock; events: EventRecorder; manager: ControllerManager; addNode(spec: NodeSpec): void }, group: NodeGroup): void {
  const autoscaler = new ClusterAutoscaler(parts.store, parts.clock, parts.events, group, parts.addNode);
  const key = () => [{ name: group.name }];
  parts.manager.register(autoscaler, [{ kind: 'Pod', keys: key }, { kind: 'Node', keys: key }]);
  autoscaler.start();
}
