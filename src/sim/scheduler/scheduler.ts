import type { Clock } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../controllers/controller.ts';
import type { EventRecorder } from '../events.ts';
import type { SeededRandom } from '../rng.ts';
import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { upsertCondition } from '../conditions.ts';
import { fitErrorMessage, preemptionSuccessMessage, refusedPostFilters } from './fit-error.ts';
import { featureEnabled, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { findPreemption, type Preemption } from './preemption.ts';
import { bindTimeoutMessage, POLL_INTERVAL, VolumePreBind } from './volume-prebind.ts';
import { isFilterPlugin, isScorePlugin, ok, type CycleContext, type NodeInfo, type Plugin, type Status } from './framework.ts';
import { defaultProfile, registry, type Profile } from './registry.ts';
import { NodeInfoCache } from './node-info-cache.ts';
import { observed, observedGeneration } from '../observed-generation.ts';

const COMPONENT = 'default-scheduler';

/**
 * kube-scheduler's scheduling cycle for one pod at a time (pkg/scheduler/schedule_one.go):
 * filter every node, score the feasible ones with the profile's weights, pick the best (ties
 * broken by the cluster's seeded RNG, where a real cluster picks uniformly at random), bind.
 * A pod that fits nowhere gets PodScheduled=False and a FailedScheduling event, and is tried
 * again when nodes change or a pod goes away. All nodes are checked: below 100 nodes that is
 * what kube-scheduler does too; the sampling rule above it comes with the scale work.
 */
export class Scheduler implements Controller {
  readonly name = 'Scheduler';
  private nextStartNode = 0;
  private filters: Array<Plugin & Required<Pick<Plugin, 'filter'>>> = [];
  private scorers: Array<{ plugin: Plugin & Required<Pick<Plugin, 'score'>>; weight: number }> = [];
  private readonly cache: NodeInfoCache;
  private readonly unschedulable = new Map<string, ObjectKey>();
  private readonly preBind: VolumePreBind;
  /** The filter and score plugins with PreFilter/PreScore work, each once, in filter-then-score order. */
  private preparers: Plugin[] = [];
  /**
   * What plugins may ask during a cycle. One object for all cycles (a cycle runs to its end before
   * the next starts); only `nodes` is set anew, the rest reads the cache and store when asked.
   */
  private readonly ctx: CycleContext;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly rng: SeededRandom,
    private readonly events: EventRecorder,
    /** The release simulated: which texts the scheduler of that release prints. */
    private readonly version: KubernetesRelease,
    private profile: Profile = defaultProfile,
  ) {
    this.cache = new NodeInfoCache(store);
    this.preBind = new VolumePreBind(store);
    this.ctx = {
      nodes: [],
      nodeInfo: (name) => this.cache.node(name),
      nodesWithPodAffinity: () => this.cache.nodesWithPodAffinity(),
      podsMatching: (namespace, selector) => this.cache.podsMatching(namespace, selector),
      namespaceLabels: (ns) => this.store.get('Namespace', { name: ns })?.metadata.labels,
      claim: (namespace, name) => this.store.get('PersistentVolumeClaim', { namespace, name }),
      storageClass: (name) => this.store.get('StorageClass', { name }),
      volume: (name) => this.store.get('PersistentVolume', { name }),
      volumes: () => this.store.list('PersistentVolume'),
      pluginArgs: (name) => this.profile.pluginArgs?.[name],
      services: (namespace) => this.store.list('Service', { namespace, unsorted: true }),
      workload: (kind, namespace, name) => this.store.get(kind, { namespace, name }),
      spreadCounts: this.cache.spreadCounts,
      version: this.version,
    };
    this.useProfile(profile);
  }

  /** Runs with this profile from now on (a scheduler restarted with a new configuration). */
  useProfile(profile: Profile): void {
    const plugins = profile.plugins.map((name) => {
      const p = registry.get(name);
      if (!p) throw new Error(`unknown scheduler plugin "${name}"`);
      return p;
    });
    this.profile = profile;
    this.filters = plugins.filter(isFilterPlugin) as any;
    this.scorers = plugins.filter(isScorePlugin).filter((p) => (profile.weights[p.name] ?? 0) > 0)
      .map((plugin) => ({ plugin: plugin as any, weight: profile.weights[plugin.name]! }));
    this.preparers = [...new Set<Plugin>([...this.filters, ...this.scorers.map((x) => x.plugin)])].filter((p) => p.prepare);
  }

  get schedulerName(): string {
    return this.profile.schedulerName;
  }

  /** The watches that feed this scheduler: its own pods, and changes that may free room. */
  watches(): WatchSpec[] {
    return [
      { kind: 'Pod', keys: (e) => {
        this.trackUnschedulable(e.type, e.object);
        if (e.type === 'DELETED') this.preBind.forget(e.object.metadata.uid);
        return this.wantsPod(e.object) && e.type !== 'DELETED' ? [e.object.metadata] : this.freedRoom(e.type, e.object) ? this.pendingKeys() : [];
      } },
      { kind: 'Node', keys: () => this.pendingKeys() },
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.object.status?.phase === 'Bound' || e.type === 'ADDED' ? this.pendingKeys() : []) },
    ];
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const pod = this.store.get('Pod', key);
    if (!pod || !this.wantsPod(pod)) return {};
    if (this.preBind.nodeFor(pod)) return this.continuePreBind(pod);
    const infos = this.cache.nodes();
    const ctx = this.ctx;
    ctx.nodes = infos;
    for (const p of this.filters) {
      const rejected = p.preFilter?.(pod, ctx);
      if (rejected) {
        const n = infos.length;
        this.markUnschedulable(pod, `0/${n} nodes are available: ${rejected.reasons.join(', ')}. ${refusedPostFilters(this.version)}preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`);
        return {};
      }
    }
    const states = new Map<string, unknown>();
    for (const p of this.preparers) states.set(p.name, p.prepare!(pod, ctx));
    const filters: ActiveFilter[] = [];
    for (const plugin of this.filters) {
      const state = states.get(plugin.name);
      if (!plugin.skipsFilter?.(pod, state)) filters.push({ plugin, state });
    }
    const statuses = new Map<string, Status>();
    const feasible: NodeInfo[] = [];
    // findNodesThatPassFilters: start where the last cycle stopped, stop after enough feasible nodes.
    const wanted = feasibleNodesToFind(infos.length, this.profile.percentageOfNodesToScore ?? 0);
    let processed = 0;
    for (; processed < infos.length && feasible.length < wanted; processed++) {
      const info = infos[(this.nextStartNode + processed) % infos.length]!;
      const status = runFilters(pod, info, filters);
      if (status.code === 'Success') feasible.push(info);
      else statuses.set(info.node.metadata.name, status);
    }
    if (infos.length) this.nextStartNode = (this.nextStartNode + processed) % infos.length;
    if (feasible.length === 0) {
      if (infos.length === 0) {
        this.markUnschedulable(pod, 'no nodes available to schedule pods');
        return {};
      }
      // PostFilter: DefaultPreemption. A found victim set makes the message lose its preemption part.
      const eligible = (pod.spec?.preemptionPolicy ?? 'PreemptLowerPriority') !== 'Never';
      if (eligible && this.victimsStillLeaving(pod, infos)) return {};
      const preemption = eligible ? findPreemption(pod, infos, statuses, (info) => runFilters(pod, info, filters).code === 'Success') : undefined;
      if (preemption) this.preempt(pod, preemption);
      this.markUnschedulable(pod, fitErrorMessage(this.version, infos.length, statuses, preemption ? { found: preemptionSuccessMessage(this.version, preemption.node.node.metadata.name, preemption.victims.length) } : eligible ? undefined : { refused: 'not eligible due to preemptionPolicy=Never.' }));
      return {};
    }
    const host = this.selectHost(pod, feasible, states).node;
    const nodeName = host.metadata.name;
    if (this.preBind.unboundClaims(pod).length > 0) {
      this.cache.assume(pod, nodeName);
      this.preBind.start(pod, host, this.clock.now());
      // bindingCycle (1.35+, NominatedNodeNameForExpectation): PreBind has work to do, so the pod
      // says where it is going before it gets there (schedule_one.go:412).
      if (featureEnabled(this.version, 'NominatedNodeNameForExpectation')) this.nominate(pod, nodeName);
      return { requeueAfter: POLL_INTERVAL };
    }
    this.bind(pod, nodeName);
    return {};
  }

  /** The binding cycle of a pod whose claims are being bound on its chosen node. */
  private continuePreBind(pod: KubeObject): ReconcileResult {
    const state = this.preBind.check(pod, this.clock.now());
    if (state.kind === 'waiting') return { requeueAfter: state.retryIn };
    if (state.kind === 'bound') {
      this.bind(pod, state.nodeName);
      return {};
    }
    // handleBindingCycleError: the place is given back and the pod goes back to the queue, its
    // nomination for that place withdrawn where the binding cycle made one.
    this.cache.forget(pod.metadata.uid);
    if (featureEnabled(this.version, 'NominatedNodeNameForExpectation')) this.nominate(pod, undefined);
    this.markUnschedulable(pod, bindTimeoutMessage, 'SchedulerError');
    return {};
  }

  private wantsPod(pod: KubeObject): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? COMPONENT) === this.profile.schedulerName;
  }

  /**
   * Pod changes that may unblock pending pods (the queueing hints): a bound pod that is deleted
   * or finishes frees room; a newly bound pod may satisfy someone's pod affinity.
   */
  private freedRoom(type: string, pod: KubeObject): boolean {
    if (!pod.spec?.nodeName) return false;
    return type === 'DELETED' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' || (type === 'MODIFIED' && pod.status?.phase === 'Pending');
  }

  /** The pods this scheduler found no place for (PodScheduled=False), kept from the pod changes it watches. */
  private trackUnschedulable(type: string, pod: KubeObject): void {
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const waiting = type !== 'DELETED' && this.wantsPod(pod) && pod.status?.conditions?.some((c: any) => c.type === 'PodScheduled' && c.status === 'False');
    if (waiting) this.unschedulable.set(id, { namespace: pod.metadata.namespace, name: pod.metadata.name });
    else this.unschedulable.delete(id);
  }

  /** The unschedulable pods to try again, in namespace/name order. */
  private pendingKeys(): ObjectKey[] {
    const text = (k: ObjectKey) => [k.namespace ?? '', k.name] as const;
    return [...this.unschedulable.values()].sort((a, b) => {
      const [na, ma] = text(a), [nb, mb] = text(b);
      return na !== nb ? (na < nb ? -1 : 1) : ma < mb ? -1 : ma > mb ? 1 : 0;
    });
  }

  private selectHost(pod: KubeObject, feasible: NodeInfo[], states: Map<string, unknown>): NodeInfo {
    if (feasible.length === 1) return feasible[0]!;
    const n = feasible.length;
    const active: Array<{ plugin: Plugin & Required<Pick<Plugin, 'score'>>; weight: number; state: unknown; raw: number[] }> = [];
    for (const { plugin, weight } of this.scorers) {
      const state = states.get(plugin.name);
      if (plugin.skipsScore?.(pod, state)) continue;
      plugin.preScore?.(pod, feasible, state);
      active.push({ plugin, weight, state, raw: new Array<number>(n) });
    }
    // Scores are pure, so the order they are asked in changes none: node by node, each node's
    // data is read once for all plugins (RunScorePlugins asks plugin by plugin, in parallel).
    for (let i = 0; i < n; i++) {
      const info = feasible[i]!;
      for (const a of active) a.raw[i] = a.plugin.score(pod, info, a.state);
    }
    const totals = new Array<number>(n).fill(0);
    for (const { plugin, weight, raw } of active) {
      const normalized = plugin.normalize ? plugin.normalize(pod, raw) : raw;
      for (let i = 0; i < n; i++) totals[i]! += normalized[i]! * weight;
    }
    let best = -Infinity;
    for (const t of totals) if (t > best) best = t;
    const top = feasible.filter((_, i) => totals[i] === best);
    return top[this.rng.int(top.length)]!;
  }

  private bind(pod: KubeObject, nodeName: string): void {
    const next = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName } };
    // One write, as the API server's binding subresource makes it: the node and PodScheduled=True.
    const bound = this.store.update(next, { subresource: 'binding' });
    this.events.record(COMPONENT, bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`);
  }

  /** PodEligibleToPreemptOthers: a pod whose earlier victims are still terminating waits for them. */
  private victimsStillLeaving(pod: KubeObject, infos: NodeInfo[]): boolean {
    const nominated = pod.status?.nominatedNodeName;
    const info = nominated ? infos.find((i) => i.node.metadata.name === nominated) : undefined;
    return !!info && info.pods.some((p: KubeObject) => p.metadata.deletionTimestamp && (p.spec?.priority ?? 0) < (pod.spec?.priority ?? 0));
  }

  /** Evicts the victims gracefully and nominates the node for the preemptor. */
  private preempt(pod: KubeObject, p: Preemption): void {
    const node = p.node.node.metadata.name;
    for (const victim of p.victims) {
      const status = thaw(victim.status ?? {});
      status.conditions = upsertCondition(status.conditions, observed({ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${COMPONENT}: preempting to accommodate a higher priority pod`, lastTransitionTime: rfc3339(this.clock.now()) }, observedGeneration(this.version, victim)));
      this.store.updateStatus({ ...victim, status });
      this.events.record(COMPONENT, victim, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${node}`);
      this.store.delete('Pod', victim.metadata);
    }
    this.nominate(pod, node);
  }

  /** Sets (or, with no node, clears) status.nominatedNodeName: the scheduler's status patch. */
  private nominate(pod: KubeObject, node: string | undefined): void {
    const latest = this.store.get('Pod', pod.metadata);
    if (!latest || latest.status?.nominatedNodeName === node) return;
    const status = thaw(latest.status ?? {});
    if (node) status.nominatedNodeName = node;
    else delete status.nominatedNodeName;
    this.store.updateStatus({ ...latest, status });
  }

  private markUnschedulable(pod: KubeObject, message: string, reason: 'Unschedulable' | 'SchedulerError' = 'Unschedulable'): void {
    pod = this.store.get('Pod', pod.metadata) ?? pod;
    const status = thaw(pod.status ?? {});
    status.phase = 'Pending';
    const previous = (status.conditions ?? []).find((c: any) => c.type === 'PodScheduled');
    if (previous?.status !== 'False' || previous.message !== message) {
      status.conditions = upsertCondition(status.conditions, observed({
        type: 'PodScheduled', status: 'False', reason, message, lastTransitionTime: rfc3339(this.clock.now()),
      }, observedGeneration(this.version, pod)));
      this.store.updateStatus({ ...pod, status });
    }
    this.events.record(COMPONENT, pod, 'Warning', 'FailedScheduling', message);
  }
}

/** A filter plugin that runs in this cycle, with its PreFilter state. */
interface ActiveFilter { plugin: Plugin & Required<Pick<Plugin, 'filter'>>; state: unknown }

/** The first plugin that rejects the node decides (the framework stops there); success otherwise. */
function runFilters(pod: KubeObject, info: NodeInfo, filters: ActiveFilter[]): Status {
  for (const { plugin, state } of filters) {
    const s = plugin.filter(pod, info, state);
    if (s.code !== 'Success') return { ...s, plugin: plugin.name };
  }
  return ok();
}

/**
 * numFeasibleNodesToFind (pkg/scheduler/schedule_one.go, reference/scheduling.md §3): every node
 * below 100; otherwise percentageOfNodesToScore, or when 0 the adaptive max(5, 50 − nodes/125)
 * percent, never fewer than 100 nodes.
 */
export function feasibleNodesToFind(nodes: number, percentage: number): number {
  if (nodes < 100 || percentage >= 100) return nodes;
  const pct = percentage > 0 ? percentage : Math.max(5, 50 - Math.trunc(nodes / 125));
  return Math.max(100, Math.trunc((nodes * pct) / 100));
}
