import type { LabelSelector } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import type { WatchEvent } from '../store/watch.ts';
import type { NodeInfo, Resources } from './framework.ts';
import { hasPodAffinity, newNodeInfo, setNodeObject } from './resources.ts';
import { SpreadCounts, labelKey } from './spread-counts.ts';
import { holdsResources, podRequests } from '../../kube/pod-resources.ts';

/**
 * kube-scheduler's cache (pkg/scheduler/backend/cache): every node's NodeInfo, kept up to date
 * from the store's Node and Pod changes instead of being rebuilt from all nodes and pods on each
 * scheduling cycle. A pod holds resources on its node while it is bound and not finished.
 */
export class NodeInfoCache {
  private readonly infos = new Map<string, NodeInfo>();
  /** Pods accounted, by uid: on which node, as which object (to take back exactly that). */
  private readonly accounted = new Map<string, { nodeName: string; pod: KubeObject }>();
  /** Pods bound to a node the cache does not have (yet), by node name. */
  private readonly orphans = new Map<string, Map<string, KubeObject>>();
  private ordered?: NodeInfo[];
  /** Pods assumed on a node before their binding, by uid. */
  private readonly assumed = new Set<string>();
  /** The nodes running a pod with pod (anti-)affinity terms: all a pod without terms of its own must look at. */
  private readonly withAffinity = new Set<NodeInfo>();
  /** Accounted pods by namespace and label (`ns\0key=value`), for selector questions asked every cycle. */
  private readonly byLabel = new Map<string, Set<KubeObject>>();
  /** PodTopologySpread's counts per domain, kept as pods are accounted and taken back. */
  readonly spreadCounts = new SpreadCounts(
    (namespace, selector) => this.podsMatching(namespace, selector),
    (pod) => this.infos.get(pod.spec?.nodeName),
    () => this.nodes(),
  );

  constructor(store: ObjectStore) {
    for (const node of store.list('Node', { unsorted: true })) this.setNode(node);
    for (const pod of store.list('Pod', { unsorted: true })) this.setPod(pod);
    store.watch('Node', (e) => this.onNode(e));
    store.watch('Pod', (e) => this.onPod(e));
  }

  /** A node's info by name. */
  node(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /**
   * The pods holding resources on a node, in `namespace`, that `selector` matches: from the label
   * index when the selector names a label value (Deployments' and StatefulSets' selectors do),
   * else by looking at every node's pods.
   */
  podsMatching(namespace: string | undefined, selector: LabelSelector): KubeObject[] {
    const pinned = selector.requirements.find((r) => (r.operator === 'In' || r.operator === 'Equals') && r.values.length === 1);
    const candidates: Iterable<KubeObject> = pinned
      ? this.byLabel.get(labelKey(namespace, pinned.key, pinned.values[0]!)) ?? []
      : this.nodes().flatMap((info) => info.pods);
    const out: KubeObject[] = [];
    for (const pod of candidates) if (pod.metadata.namespace === namespace && selector.matches(pod.metadata.labels)) out.push(pod);
    return out;
  }

  /** The nodes that run pods with pod (anti-)affinity terms, in no particular order. */
  nodesWithPodAffinity(): Iterable<NodeInfo> {
    return this.withAffinity;
  }

  /** Every node's info, in node-name order (the order the scheduler walks them in). */
  nodes(): NodeInfo[] {
    this.ordered ??= [...this.infos.values()].sort((a, b) => (a.node.metadata.name < b.node.metadata.name ? -1 : 1));
    return this.ordered;
  }

  private onNode(e: WatchEvent): void {
    if (e.type === 'DELETED') {
      const gone = this.infos.get(e.object.metadata.name);
      if (!gone) return;
      this.infos.delete(e.object.metadata.name);
      this.withAffinity.delete(gone);
      this.ordered = undefined;
      this.spreadCounts.forget();
      // Its pods wait as orphans in case a node of that name comes back.
      const waiting = new Map(gone.pods.map((p) => [p.metadata.uid, p]));
      this.orphans.set(e.object.metadata.name, waiting);
      return;
    }
    this.setNode(e.object);
  }

  /**
   * Reserve: a pod whose binding waits (VolumeBinding's PreBind) already holds its place on the
   * chosen node, so the next pods scheduled meanwhile see it there (the cache's AssumePod).
   */
  assume(pod: KubeObject, nodeName: string): void {
    this.unsetPod(pod.metadata.uid);
    this.setPod({ ...pod, spec: { ...pod.spec, nodeName } });
    this.assumed.add(pod.metadata.uid);
  }

  /** Unreserve: an assumed pod that will not be bound gives its place back (ForgetPod). */
  forget(uid: string): void {
    if (!this.assumed.delete(uid)) return;
    this.unsetPod(uid);
  }

  private onPod(e: WatchEvent): void {
    const uid = e.object.metadata.uid;
    // An assumed pod's own updates before its binding do not take its place away; its binding
    // (or deletion) replaces the assumption.
    if (this.assumed.has(uid)) {
      if (e.type !== 'DELETED' && !e.object.spec?.nodeName) return;
      this.assumed.delete(uid);
    }
    const was = this.accounted.get(uid);
    const info = was && this.infos.get(was.nodeName);
    // A pod that changes but stays on its node keeps its place among the node's pods.
    if (info && e.type !== 'DELETED' && holdsResources(e.object) && e.object.spec.nodeName === was.nodeName) {
      this.account(info, was.pod, -1, e.object);
      this.reindex(was.pod, e.object);
      this.accounted.set(uid, { nodeName: was.nodeName, pod: e.object });
      return;
    }
    this.unsetPod(uid);
    if (e.type !== 'DELETED') this.setPod(e.object);
  }

  private setNode(node: KubeObject): void {
    const name = node.metadata.name;
    const existing = this.infos.get(name);
    if (existing) {
      if (!sameLabels(existing.labels, node.metadata.labels)) this.spreadCounts.forget();
      setNodeObject(existing, node);
      return;
    }
    const info = newNodeInfo(node);
    this.infos.set(name, info);
    this.ordered = undefined;
    this.spreadCounts.forget();
    for (const pod of this.orphans.get(name)?.values() ?? []) this.account(info, pod, +1);
    this.orphans.delete(name);
  }

  private setPod(pod: KubeObject): void {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || !holdsResources(pod)) return;
    this.accounted.set(pod.metadata.uid, { nodeName, pod });
    this.index(pod, +1);
    const info = this.infos.get(nodeName);
    if (info) this.account(info, pod, +1);
    else {
      const waiting = this.orphans.get(nodeName) ?? new Map<string, KubeObject>();
      waiting.set(pod.metadata.uid, pod);
      this.orphans.set(nodeName, waiting);
    }
  }

  private account(info: NodeInfo, pod: KubeObject, sign: 1 | -1, replacement?: KubeObject): void {
    account(info, pod, sign, replacement);
    if (replacement) this.spreadCounts.replace(pod, replacement, info);
    else this.spreadCounts.pod(pod, info, sign);
    if (info.podsWithAffinity.length > 0) this.withAffinity.add(info);
    else this.withAffinity.delete(info);
  }

  private index(pod: KubeObject, sign: 1 | -1): void {
    for (const [key, value] of Object.entries(pod.metadata.labels ?? {})) {
      const k = labelKey(pod.metadata.namespace, key, value);
      if (sign > 0) {
        const set = this.byLabel.get(k) ?? new Set<KubeObject>();
        set.add(pod);
        this.byLabel.set(k, set);
      } else {
        const set = this.byLabel.get(k);
        set?.delete(pod);
        if (set?.size === 0) this.byLabel.delete(k);
      }
    }
  }

  /**
   * A pod's new version takes its old one's place in the label index. Most changes (status writes)
   * keep the very same labels: one key and one lookup per label instead of a removal and an addition.
   */
  private reindex(old: KubeObject, next: KubeObject): void {
    const labels = next.metadata.labels;
    if (labels !== old.metadata.labels || next.metadata.namespace !== old.metadata.namespace) {
      this.index(old, -1);
      this.index(next, +1);
      return;
    }
    for (const key in labels) {
      const k = labelKey(next.metadata.namespace, key, labels[key]!);
      const set = this.byLabel.get(k);
      if (!set) this.byLabel.set(k, new Set([next]));
      else {
        set.delete(old);
        set.add(next);
      }
    }
  }

  private unsetPod(uid: string): void {
    const was = this.accounted.get(uid);
    if (!was) return;
    this.accounted.delete(uid);
    this.index(was.pod, -1);
    const info = this.infos.get(was.nodeName);
    if (info) this.account(info, was.pod, -1);
    else this.orphans.get(was.nodeName)?.delete(uid);
  }
}

/** Whether a node's new labels are the ones it had (a status write keeps them, often as a new object). */
function sameLabels(had: Readonly<Record<string, string>>, now: Record<string, string> | undefined): boolean {
  if (had === now) return true;
  const next = now ?? {};
  let n = 0;
  for (const k in next) {
    if (had[k] !== next[k]) return false;
    n++;
  }
  return n === Object.keys(had).length;
}

/** Adds (+1) or takes back (-1) a pod's requests on a node; a replacement takes the pod's place. */
function account(info: NodeInfo, pod: KubeObject, sign: 1 | -1, replacement?: KubeObject): void {
  if (sign > 0) {
    info.pods.push(pod);
    if (hasPodAffinity(pod)) info.podsWithAffinity.push(pod);
  } else {
    replaceOrRemove(info.pods, pod, replacement);
    replaceOrRemove(info.podsWithAffinity, pod, replacement && hasPodAffinity(replacement) ? replacement : undefined);
  }
  // A pod whose spec did not change asks for the very same requests (memoized by spec).
  if (replacement && podRequests(replacement) === podRequests(pod)) return;
  addInto(info.requested, podRequests(pod), sign);
  addInto(info.nonZeroRequested, podRequests(pod, true), sign);
  if (replacement) {
    addInto(info.requested, podRequests(replacement), 1);
    addInto(info.nonZeroRequested, podRequests(replacement, true), 1);
  }
}

/** Puts `replacement` where `pod` was in `list` (at the end if it was not there), or removes `pod`. */
function replaceOrRemove(list: KubeObject[], pod: KubeObject, replacement: KubeObject | undefined): void {
  const i = list.indexOf(pod);
  if (i < 0) {
    if (replacement) list.push(replacement);
  } else if (replacement) list[i] = replacement;
  else list.splice(i, 1);
}

/** Adds (or takes back) `b` into a node's running total, in place: the cache's totals are its own. */
function addInto(total: Resources, b: Resources, sign: 1 | -1): void {
  total.milliCpu += sign * b.milliCpu;
  total.memory += sign * b.memory;
  total.ephemeralStorage += sign * b.ephemeralStorage;
  total.pods += sign * b.pods;
  for (const k in b.scalar) total.scalar[k] = (total.scalar[k] ?? 0) + sign * b.scalar[k]!;
}
