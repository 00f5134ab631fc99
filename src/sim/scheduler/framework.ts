import type { LabelSelector } from '../../kube/label-selector.ts';
import type { KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import type { KubeObject } from '../store/types.ts';
import type { Resources } from '../../kube/pod-resources.ts';
export type { Resources } from '../../kube/pod-resources.ts';

/**
 * The kube-scheduler framework, reduced to what the simulator runs (reference/scheduling.md §1):
 * Filter plugins decide feasibility per node and stop at the first failure; Score plugins rate
 * each feasible node 0..100 (after optional normalisation) and the weighted sum picks the host.
 * Plugins are pure: they read a snapshot and return a status or a score; only the scheduler binds.
 */
export const MAX_NODE_SCORE = 100;

export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A filter verdict. `reasons` are kube-scheduler's exact texts; they make up the FitError. */
export interface Status {
  code: Code;
  reasons: string[];
  plugin?: string;
}

/** Success, shared: filters run once per node and pod, and success needs no object of its own. */
const OK: Status = Object.freeze({ code: 'Success', reasons: Object.freeze([]) as unknown as string[] });
export const ok = (): Status => OK;
/** Preemption could help: removing pods might make room. */
export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
/** Preemption cannot help (taints, affinity, node name). */
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

/** One node as plugins see it: the node, the pods on it and what they request. */
export interface NodeInfo {
  node: KubeObject;
  /**
   * The node's labels, taints and cordon, copied from `node` whenever it changes (setNodeObject):
   * filters and scores read them for hundreds of nodes per pod, and one object is faster to reach
   * than node, metadata and spec in turn.
   */
  labels: Readonly<Record<string, string>>;
  taints: ReadonlyArray<{ key: string; value?: string; effect: string }> | undefined;
  unschedulable: boolean;
  pods: KubeObject[];
  /** The pods with pod (anti-)affinity terms, the only ones another pod's cycle must look at when it has none itself. */
  podsWithAffinity: KubeObject[];
  requested: Resources;
  /** Requests with kube-scheduler's non-zero defaults (100m, 200Mi) for scoring. */
  nonZeroRequested: Resources;
  allocatable: Resources;
}

/**
 * What a scheduling cycle hands plugins besides the node at hand: every node (for topology
 * questions) and the namespaces' labels (for namespaceSelector). PreFilter/PreScore work is done
 * once per cycle in `prepare` and handed back as `state`.
 */
export interface CycleContext {
  nodes: NodeInfo[];
  /** The nodes running pods with pod (anti-)affinity terms. */
  nodesWithPodAffinity(): Iterable<NodeInfo>;
  /** A node's info by name. */
  nodeInfo(name: string): NodeInfo | undefined;
  /** Pods bound to nodes (and not finished) in the namespace that the selector matches. */
  podsMatching(namespace: string | undefined, selector: LabelSelector): KubeObject[];
  namespaceLabels(namespace: string): Record<string, string> | undefined;
  claim(namespace: string, name: string): KubeObject | undefined;
  storageClass(name: string): KubeObject | undefined;
  volume(name: string): KubeObject | undefined;
  /** Every PersistentVolume, for claims still looking for one. */
  volumes(): KubeObject[];
  /** The profile's pluginConfig args for a plugin (KubeSchedulerConfiguration), if it gives any. */
  pluginArgs(name: string): any;
  /** The Services of a namespace (the informer's lister), for the spreading default selector. */
  services(namespace: string): KubeObject[];
  /** A pod's controller by kind and name (ReplicaSet, StatefulSet, ReplicationController listers). */
  workload(kind: string, namespace: string, name: string): KubeObject | undefined;
  /** PodTopologySpread's counts per domain as the cache keeps them; without it the plugin counts the pods itself. */
  spreadCounts?: DomainCounts;
  /** The release simulated: a plugin reads its versioned reasons from it (src/kube/kubernetes-versions.ts). */
  version: KubernetesRelease;
}

/**
 * Matching pods per topology domain, as the node-info cache keeps them (spread-counts.ts); declared
 * here, where plugins read it, so that the cache's module may use this one's NodeInfo.
 */
export interface DomainCounts {
  /** The pods of `namespace` that `selector` matches, per value of `topologyKey` (a value with none is absent). */
  counts(namespace: string | undefined, selector: LabelSelector, topologyKey: string, required: readonly string[]): ReadonlyMap<string, number>;
  /** Every value `topologyKey` has on some node. */
  domainValues(topologyKey: string): ReadonlySet<string>;
}

export interface FilterPlugin {
  readonly name: string;
  /** PreFilter: a failure here rejects every node with this one reason. */
  preFilter?(pod: KubeObject, ctx: CycleContext): Status | undefined;
  /** PreFilter/PreScore: computes what the per-node calls share. */
  prepare?(pod: KubeObject, ctx: CycleContext): unknown;
  filter(pod: KubeObject, node: NodeInfo, state?: any): Status;
  /** PreFilter's Skip: the pod gives this plugin nothing to check, so no node is filtered by it. */
  skipsFilter?(pod: KubeObject, state?: any): boolean;
}

export interface ScorePlugin {
  readonly name: string;
  prepare?(pod: KubeObject, ctx: CycleContext): unknown;
  /** PreScore's second half: what needs the feasible nodes (filteredNodes), written into `state`. */
  preScore?(pod: KubeObject, feasible: NodeInfo[], state?: any): void;
  /** A raw score for one feasible node. */
  score(pod: KubeObject, node: NodeInfo, state?: any): number;
  /** Maps raw scores (one per feasible node, same order) to 0..100. Identity when absent. */
  normalize?(pod: KubeObject, scores: number[]): number[];
  /**
   * PreScore's Skip: every node would get the same score, so none is scored (the same constant on
   * every node cannot change which node wins).
   */
  skipsScore?(pod: KubeObject, state?: any): boolean;
}

export type Plugin = Partial<FilterPlugin & ScorePlugin> & { readonly name: string };

export function isFilterPlugin(p: Plugin): p is Plugin & FilterPlugin {
  return typeof p.filter === 'function';
}

export function isScorePlugin(p: Plugin): p is Plugin & ScorePlugin {
  return typeof p.score === 'function';
}
