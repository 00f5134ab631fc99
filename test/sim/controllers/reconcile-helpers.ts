import { Admission } from '../../../src/sim/admission/admission.ts';
import { canonicalQuantities } from '../../../src/sim/admission/canonical-quantities.ts';
import { defaulting } from '../../../src/sim/admission/defaulting.ts';
import { rfc3339, VirtualClock } from '../../../src/sim/clock.ts';
import { DEFAULT_EPOCH } from '../../../src/sim/cluster.ts';
import type { Controller, ReconcileResult } from '../../../src/sim/controllers/controller.ts';
import { EventRecorder } from '../../../src/sim/events.ts';
import { controllerRef } from '../../../src/sim/pod-status.ts';
import { SeededRandom } from '../../../src/sim/rng.ts';
import { thaw } from '../../../src/sim/store/freeze.ts';
import { ObjectStore } from '../../../src/sim/store/object-store.ts';
import type { KubeObject, ObjectInput, ObjectKey } from '../../../src/sim/store/types.ts';
import type { WatchEvent } from '../../../src/sim/store/watch.ts';

/**
 * A bare API server for reconcile-level tests: the store with defaulting only (no scheduler,
 * kubelet or other controller runs), a virtual clock at the default epoch and an event recorder.
 * A test puts the world in place, runs one reconcile and reads what that one call wrote.
 */
export interface ReconcileWorld {
  clock: VirtualClock;
  store: ObjectStore;
  events: EventRecorder;
  /** Creates each object, then writes the status it was given (a create alone keeps none for pods). */
  put(...objects: ObjectInput[]): KubeObject[];
  /** One reconcile of `key`, with the writes and events that call made. */
  reconcile(controller: Controller, key: ObjectKey): ReconcileOutcome;
}

export interface ReconcileOutcome {
  result?: ReconcileResult;
  /** A throw (the manager would retry with backoff), if any. */
  error?: Error;
  /**
   * Each write as "<verb> <Kind> <namespace/>name": create, update, update status, mark deleted
   * (a deletionTimestamp set: graceful or held by finalizers) and delete (gone). A name made from
   * generateName shows as "<generateName>*".
   */
  writes: string[];
  /** Each event recorded (a repeat counts again) as "<type> <reason> <Kind>/<name>: <message>". */
  events: string[];
}

export function reconcileWorld(): ReconcileWorld {
  const clock = new VirtualClock(DEFAULT_EPOCH);
  const rng = new SeededRandom(1);
  const store = new ObjectStore(clock, rng, new Admission([canonicalQuantities, defaulting]));
  const events = new EventRecorder(store, clock, rng);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  let log: WatchEvent[] = [];
  store.watch(undefined, (e) => log.push(e));
  return {
    clock, store, events,
    put: (...objects) => objects.map((o) => {
      const created = store.create(o);
      return o.status === undefined ? created : store.updateStatus({ ...created, status: thaw(o.status) });
    }),
    reconcile: (controller, key) => {
      log = [];
      const outcome: ReconcileOutcome = { writes: [], events: [] };
      try {
        outcome.result = controller.reconcile(key);
      } catch (e) {
        outcome.error = e as Error;
      }
      for (const e of log) {
        if (e.object.kind === 'Event') {
          const ev = e.object;
          if (e.type === 'ADDED' || (e.type === 'MODIFIED' && ev.count !== e.old?.count)) outcome.events.push(`${ev.type} ${ev.reason} ${ev.involvedObject.kind}/${ev.involvedObject.name}: ${ev.message}`);
        } else {
          outcome.writes.push(`${verb(e)} ${e.object.kind} ${shownName(e.object)}`);
        }
      }
      return outcome;
    },
  };
}

function verb(e: WatchEvent): string {
  if (e.type === 'ADDED') return 'create';
  if (e.type === 'DELETED') return 'delete';
  if (e.object.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp) return 'mark deleted';
  const { status: _a, metadata: { resourceVersion: _r1, ...m1 }, ...rest1 } = e.object;
  const { status: _b, metadata: { resourceVersion: _r2, ...m2 }, ...rest2 } = e.old!;
  return JSON.stringify([m1, rest1]) === JSON.stringify([m2, rest2]) ? 'update status' : 'update';
}

function shownName(o: KubeObject): string {
  const { namespace, name, generateName } = o.metadata;
  const shown = generateName && name.startsWith(generateName) ? `${generateName}*` : name;
  return namespace ? `${namespace}/${shown}` : shown;
}

/** An RFC 3339 time `seconds` after the default epoch. */
export function at(seconds: number): string {
  return rfc3339(DEFAULT_EPOCH + seconds * 1000);
}

/** A Ready node. */
export function readyNode(name: string, extra: { taints?: object[]; unschedulable?: boolean; addresses?: object[] } = {}): ObjectInput {
  return {
    apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastTransitionTime: at(0) },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', lastTransitionTime: at(0) },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', lastTransitionTime: at(0) },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastTransitionTime: at(0) },
      ],
      addresses: extra.addresses ?? [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: name }],
    },
  };
}

export interface PodState {
  labels?: Record<string, string>;
  owner?: KubeObject;
  /** Bound to this node (unset: not scheduled). */
  node?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** Ready since this many seconds after the epoch (unset: not Ready). */
  readySince?: number;
  annotations?: Record<string, string>;
  spec?: Record<string, unknown>;
  containerStatuses?: object[];
  conditions?: object[];
}

/** A pod in a given state, as a scheduler and kubelet would have left it. */
export function podIn(name: string, s: PodState = {}): ObjectInput {
  const conditions = [...(s.conditions ?? [])];
  if (s.node) conditions.push({ type: 'PodScheduled', status: 'True', lastTransitionTime: at(0) });
  if (s.readySince !== undefined) conditions.push({ type: 'Ready', status: 'True', lastTransitionTime: at(s.readySince) });
  else if (s.node) conditions.push({ type: 'Ready', status: 'False', lastTransitionTime: at(0) });
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', labels: s.labels, ...(s.annotations ? { annotations: s.annotations } : {}),
      ...(s.owner ? { ownerReferences: [controllerRef(s.owner)] } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...(s.node ? { nodeName: s.node } : {}), ...s.spec },
    status: { phase: s.phase ?? (s.node ? 'Running' : 'Pending'), conditions, ...(s.containerStatuses ? { containerStatuses: s.containerStatuses } : {}) },
  };
}
