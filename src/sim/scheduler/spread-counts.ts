import type { LabelSelector } from '../../kube/label-selector.ts';
import type { KubeObject } from '../store/types.ts';
import type { DomainCounts, NodeInfo } from './framework.ts';

/** One question PodTopologySpread asks every cycle, and its answer kept up to date. */
interface Entry {
  namespace: string | undefined;
  selector: LabelSelector;
  topologyKey: string;
  /** Keys a node must also have for its pods to count (the soft keys, when all are required). */
  required: readonly string[];
  /** Matching pods per domain value; a domain without any has no key. */
  domains: Map<string, number>;
}

/** More questions than this and all are forgotten (selectors of old ReplicaSets pile up otherwise). */
const MAX_ENTRIES = 20_000;

/**
 * Matching pods per topology domain, for PodTopologySpread: upstream counts them in PreFilter and
 * PreScore on every cycle (podtopologyspread/filtering.go calPreFilterState, scoring.go PreScore);
 * here the first cycle that asks counts once from the cache, and the cache then adds and takes
 * back each pod as it is accounted on or leaves a node (Reserve, binding, deletion), so the next
 * cycle reads the counts instead of walking the pods again. Counted as calPreFilterState counts:
 * pods the selector matches, in the pod's namespace, not terminating, on a node with the key (and
 * with every key in `required`). Node changes (a node added or removed, relabelled) forget all.
 */
export class SpreadCounts implements DomainCounts {
  private readonly entries = new Map<string, Entry>();
  /** Entries by the label value their selector insists on (`ns\0key=value`): the only ones a pod without it cannot change. */
  private readonly pinned = new Map<string, Entry[]>();
  /** Entries whose selector insists on no single label value, by namespace: every pod of it is checked. */
  private readonly unpinned = new Map<string | undefined, Entry[]>();
  /** Domain values over all nodes, by topology key. */
  private readonly values = new Map<string, Set<string>>();

  constructor(
    /** The pods accounted on nodes, in a namespace, that a selector matches (the cache's label index). */
    private readonly podsMatching: (namespace: string | undefined, selector: LabelSelector) => Iterable<KubeObject>,
    private readonly nodeOf: (pod: KubeObject) => NodeInfo | undefined,
    private readonly allNodes: () => readonly NodeInfo[],
  ) {}

  /** Pods per domain value of `topologyKey` (absent = none). Read-only: it changes as pods come and go. */
  counts(namespace: string | undefined, selector: LabelSelector, topologyKey: string, required: readonly string[]): ReadonlyMap<string, number> {
    const id = `${namespace ?? ''}\u0000${JSON.stringify(selector.requirements)}\u0000${topologyKey}\u0000${required.join('\u0000')}`;
    let entry = this.entries.get(id);
    if (!entry) {
      if (this.entries.size >= MAX_ENTRIES) this.forget();
      entry = { namespace, selector, topologyKey, required, domains: new Map() };
      for (const pod of this.podsMatching(namespace, selector)) {
        const info = this.nodeOf(pod);
        if (info) count(entry, pod, info, +1);
      }
      this.entries.set(id, entry);
      const pin = pinnedRequirement(selector);
      if (pin) push(this.pinned, labelKey(namespace, pin.key, pin.value), entry);
      else push(this.unpinned, namespace, entry);
    }
    return entry.domains;
  }

  /** Every value `topologyKey` has on some node. */
  domainValues(topologyKey: string): ReadonlySet<string> {
    let set = this.values.get(topologyKey);
    if (!set) {
      set = new Set();
      for (const info of this.allNodes()) {
        const v = info.labels[topologyKey];
        if (v !== undefined) set.add(v);
      }
      this.values.set(topologyKey, set);
    }
    return set;
  }

  /** A pod accounted on (+1) or taken off (-1) a node the cache has. */
  pod(pod: KubeObject, info: NodeInfo, sign: 1 | -1): void {
    if (this.entries.size === 0) return;
    const labels = pod.metadata.labels;
    const ns = pod.metadata.namespace;
    for (const key in labels) {
      const entries = this.pinned.get(labelKey(ns, key, labels[key]!));
      if (entries) for (const e of entries) if (e.selector.matches(labels)) count(e, pod, info, sign);
    }
    const everyPod = this.unpinned.get(ns);
    if (everyPod) for (const e of everyPod) if (e.selector.matches(labels)) count(e, pod, info, sign);
  }

  /** A pod's new version on the same node: most changes (status writes) change nothing counted. */
  replace(old: KubeObject, next: KubeObject, info: NodeInfo): void {
    if (this.entries.size === 0) return;
    if (old.metadata.labels === next.metadata.labels && old.metadata.namespace === next.metadata.namespace
      && !old.metadata.deletionTimestamp === !next.metadata.deletionTimestamp) return;
    this.pod(old, info, -1);
    this.pod(next, info, +1);
  }

  /** Nodes changed (added, removed, relabelled): every count and domain list is asked again. */
  forget(): void {
    this.entries.clear();
    this.pinned.clear();
    this.unpinned.clear();
    this.values.clear();
  }
}

function count(e: Entry, pod: KubeObject, info: NodeInfo, sign: 1 | -1): void {
  if (pod.metadata.namespace !== e.namespace || pod.metadata.deletionTimestamp) return;
  const labels = info.labels;
  const value = labels[e.topologyKey];
  if (value === undefined) return;
  for (const k of e.required) if (labels[k] === undefined) return;
  const n = (e.domains.get(value) ?? 0) + sign;
  if (n > 0) e.domains.set(value, n);
  else e.domains.delete(value);
}

/** A requirement every matching pod meets with one label value, if the selector has one. */
function pinnedRequirement(selector: LabelSelector): { key: string; value: string } | undefined {
  const r = selector.requirements.find((x) => (x.operator === 'In' || x.operator === 'Equals') && x.values.length === 1);
  return r && { key: r.key, value: r.values[0]! };
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** The key of one label value in a namespace, as the node-info cache indexes pods by it too. */
export function labelKey(namespace: string | undefined, key: string, value: string): string {
  return `${namespace ?? ''}\u0000${key}=${value}`;
}
