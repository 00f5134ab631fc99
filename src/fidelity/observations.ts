import { parseAllDocuments } from 'yaml';
import { partialMatch } from '../assertions/partial-match.ts';
import { comparableTransitions, defaultNamespaceFixtures, normalizeName, normalizeObject, withoutKubeletOnlyFields, withScenarioNamespace } from './normalize.ts';

/**
 * What the two runs of one scenario saw besides its verdict (events, pod lifecycles, final
 * objects), compared after normalising what is legitimately arbitrary (normalize.ts). Each
 * difference is one line; none means the simulator showed what the cluster showed.
 */

/**
 * Reasons only a kubelet reports. KWOK updates pod status without emitting them, so their absence
 * on the reference cluster says nothing about the simulator.
 */
const kubeletReasons = new Set([
  'Pulling', 'Pulled', 'Created', 'Started', 'Killing', 'BackOff', 'Unhealthy', 'Failed', 'ErrImagePull',
  'ImagePullBackOff', 'FailedMount', 'SandboxChanged', 'FailedCreatePodSandBox', 'ProbeWarning', 'NodeReady',
  'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'Starting', 'NodeAllocatableEnforced',
]);

/**
 * Whether the node pulled an image or already had it: the real node's images are imported before
 * the run (offline), the simulator's kubelet pulls at first use as a fresh node does. Run context,
 * not behaviour: a Pulling event is not compared even where a real kubelet's events are.
 */
const imageCacheReasons = new Set(['Pulling']);

/**
 * Event kinds and reasons seen on one side only (counts and messages vary with timing). The
 * kubelet's reasons are left out unless `kubeletEvents` (the reference ran the pods on a real node).
 */
export function eventDifferences(simText = '', realText = '', options: { kubeletEvents?: boolean } = {}): string[] {
  const reasons = (text: string) => new Set(text.split('\n').filter(Boolean).map((line) => {
    const [type, reason, object] = line.split('\t');
    return `${type} ${reason} on ${(object ?? '').split('/')[0]}`;
  }).filter((r) => {
    const reason = r.split(' ')[1]!;
    return options.kubeletEvents ? !imageCacheReasons.has(reason) : !kubeletReasons.has(reason);
  }));
  const s = reasons(simText), r = reasons(realText);
  return [
    ...[...s].filter((x) => !r.has(x)).map((x) => `event only on the simulator: ${x}`),
    ...[...r].filter((x) => !s.has(x)).map((x) => `event only on the reference cluster: ${x}`),
  ];
}

/**
 * Each pod's sequence of lifecycle transitions, compared as multisets per normalised name (three
 * `web-<hash>-<random>` pods on each side compare as a group). Timings are not compared.
 */
export function transitionDifferences(simText = '', realText = ''): string[] {
  const sequences = (text: string) => {
    const byPod = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const m = /^\s*\S+\s+pod (\S+)\s+(\S+)/.exec(line);
      if (!m) continue;
      byPod.set(m[1]!, [...(byPod.get(m[1]!) ?? []), m[2]!]);
    }
    const groups = new Map<string, string[]>();
    for (const [pod, steps] of byPod) groups.set(normalizeName(pod), [...(groups.get(normalizeName(pod)) ?? []), comparableTransitions(steps).join(' → ')]);
    for (const list of groups.values()) list.sort();
    return groups;
  };
  const s = sequences(simText), r = sequences(realText);
  const out: string[] = [];
  for (const pod of [...new Set([...s.keys(), ...r.keys()])].sort()) {
    const a = s.get(pod) ?? [], b = r.get(pod) ?? [];
    if (a.join('|') !== b.join('|') && !onlyFurtherAlong(a, b)) out.push(`pod ${pod} lifecycle: simulator ${a.join('; ') || '(none)'}, reference ${b.join('; ') || '(none)'}`);
  }
  return out;
}

// What KWOK's instant start reports before a kubelet would: never an end (succeeded, failed) or a
// loss of readiness, which are outcomes, not timing.
const KUBELET_TRANSITIONS = new Set(['running', 'ready']);

/**
 * Whether the two sides' lifecycles of a group differ only in how far they got: each of one
 * side's pods went through the beginning of one of the other's. KWOK starts a bound pod at once,
 * a kubelet takes seconds, and the scenario may end in between (see withoutKubeletTiming).
 */
function onlyFurtherAlong(sims: string[], reals: string[]): boolean {
  if (sims.length !== reals.length) return false;
  const left = [...reals];
  // Only what the kubelet reports may be missing at the end: not being scheduled or deleted.
  // After `terminating`, KWOK deletes at once where a kubelet waits out the grace period.
  const kubeletOnly = (before: string, rest: string) => rest.split(' → ').every((t) => KUBELET_TRANSITIONS.has(t) || (t === 'deleted' && before.endsWith('terminating')));
  const further = (x: string, y: string) => y.startsWith(`${x} → `) && kubeletOnly(x, y.slice(x.length + 3));
  const prefix = (x: string, y: string) => x === y || further(x, y) || further(y, x);
  return sims.every((sim) => {
    const i = left.findIndex((real) => prefix(sim, real));
    return i >= 0 && left.splice(i, 1).length === 1;
  });
}

/**
 * Fields of the scenario's final objects that differ, after normalising run-specific values.
 * Objects whose normalised names collide (three `web-<hash>-<random>` pods) are compared as a
 * group: identical ones pair off first, the rest pair in order.
 */
export function stateDifferences(simYaml = '', realYaml = '', options: { realKubelet?: boolean } = {}): string[] {
  const s = finalObjects(simYaml, options), r = finalObjects(realYaml, options);
  const out: string[] = [];
  const keys = [...new Set([...s.keys(), ...r.keys()])].sort();
  // Each group paired once: the pods' pairs also decide whether readiness was KWOK's timing.
  const paired = new Map(keys.map((key) => [key, pairs((s.get(key) ?? []).map((o) => o.normalized), (r.get(key) ?? []).map((o) => o.normalized))]));
  const timing = [...paired].some(([key, group]) => key.startsWith('Pod/') && group.some(([sim, real]) => startedOnlyByKwok(sim, real)));
  for (const key of keys) {
    const simGroup = s.get(key) ?? [], realGroup = r.get(key) ?? [];
    if (!realGroup.length) out.push(`${key} only on the simulator`);
    else if (!simGroup.length) out.push(`${key} only on the reference cluster`);
    else if (simGroup.length !== realGroup.length) out.push(`${key}: ${simGroup.length} on the simulator, ${realGroup.length} on the reference cluster`);
    const spread = [nodeSpread(simGroup), nodeSpread(realGroup)];
    if (spread[0] && spread[1] && spread[0] !== spread[1]) out.push(`${key} pods per node: simulator [${spread[0]}], reference [${spread[1]}]`);
    for (const [sim, real] of paired.get(key)!) {
      const [a, b] = timing ? withoutKubeletTiming(withoutReadinessCounts(sim), withoutReadinessCounts(real)) : withoutKubeletTiming(sim, real);
      for (const m of partialMatch(a, b)) out.push(`${key} ${m.path}: ${m.missing ? `simulator ${show(m.expected)}, reference <missing>` : showPair(m.expected, m.actual)}`);
      for (const m of partialMatch(b, a).filter((x) => x.missing)) out.push(`${key} ${m.path}: simulator <missing>, reference ${show(m.expected)}`);
    }
  }
  return [...new Set(out)];
}

interface FinalObject {
  normalized: any;
  /** A pod that ran to its end (Succeeded or Failed). */
  ended?: boolean;
  /** Where the scheduler put it (before normalising): how a group spreads is compared. */
  node?: string;
}

/** The final objects by kind and normalised name. */
function finalObjects(text: string, options: { realKubelet?: boolean }): Map<string, FinalObject[]> {
  const byKey = new Map<string, FinalObject[]>();
  const docs = parseAllDocuments(text).map((doc) => doc.toJS());
  const namespace = scenarioNamespace(docs);
  for (const js of docs) {
    const o = withScenarioNamespace(js, namespace) as { kind?: string; metadata?: { name?: string; deletionTimestamp?: string }; spec?: { nodeName?: string } } | null;
    if (!o?.kind || !o.metadata?.name || defaultNamespaceFixtures.has(`${o.kind}/${o.metadata.name}`)) continue;
    // A terminating pod: a kubelet (and the simulator's) stops it within its grace period, KWOK
    // removes it at once, so whether it is still there says nothing (comparableTransitions).
    if (o.kind === 'Pod' && o.metadata.deletionTimestamp) continue;
    const key = `${o.kind}/${normalizeName(o.metadata.name)}`;
    const normalized = withUnorderedListsSorted(normalizeObject(withoutKubeletOnlyFields(o, options)));
    const phase = (o as { status?: { phase?: string } }).status?.phase;
    byKey.set(key, [...(byKey.get(key) ?? []), { normalized, ...(o.kind === 'Pod' && o.spec?.nodeName ? { node: o.spec.nodeName } : {}), ...(phase === 'Succeeded' || phase === 'Failed' ? { ended: true } : {}) }]);
  }
  return byKey;
}

/** The namespace the scenario ran in: the one most of its namespaced objects are in. */
function scenarioNamespace(docs: any[]): string | undefined {
  const counts = new Map<string, number>();
  for (const o of docs) if (typeof o?.metadata?.namespace === 'string') counts.set(o.metadata.namespace, (counts.get(o.metadata.namespace) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * How many pods of a group each node got, largest first ("2,1"): which node is the scheduler's
 * random pick among equals, how many share one is not. Undefined unless every pod has a node.
 */
function nodeSpread(group: FinalObject[]): string | undefined {
  if (group.length < 2 || group.some((o) => o.node === undefined)) return undefined;
  // Pods that ran to their end (a Job's): each was placed among the pods still running then,
  // and when those ended is the kubelet's timing (KWOK ends a Job's pod at once).
  if (group.some((o) => o.ended)) return undefined;
  const counts = new Map<string, number>();
  for (const o of group) counts.set(o.node!, (counts.get(o.node!) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a).join(',');
}

/**
 * Pairs the objects of a group: identical ones first, then each simulator object with the
 * reference object it differs from least (three pods of a Deployment are interchangeable).
 */
function pairs(sims: any[], reals: any[]): Array<[any, any]> {
  const left = [...sims], right = [...reals];
  const out: Array<[any, any]> = [];
  for (let i = left.length - 1; i >= 0; i--) {
    const twin = right.findIndex((x) => JSON.stringify(x) === JSON.stringify(left[i]));
    if (twin >= 0) {
      left.splice(i, 1);
      right.splice(twin, 1);
    }
  }
  for (const sim of left) {
    if (!right.length) break;
    let best = 0, fewest = Infinity;
    right.forEach((real, i) => {
      const n = partialMatch(sim, real).length + partialMatch(real, sim).length;
      if (n < fewest) [best, fewest] = [i, n];
    });
    out.push([sim, right.splice(best, 1)[0]]);
  }
  return out;
}

/**
 * Lists whose order means nothing: an EndpointSlice's endpoints and an Endpoints' addresses
 * (the controllers build them from a pod cache in no promised order). Sorted for comparing.
 */
function withUnorderedListsSorted(o: any): any {
  const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  if (o?.kind === 'EndpointSlice') {
    // metadata.generation counts the controller's writes, which its batching and timing decide.
    const { generation, ...metadata } = o.metadata ?? {};
    return { ...o, metadata, ...(Array.isArray(o.endpoints) ? { endpoints: [...o.endpoints].sort(byText) } : {}) };
  }
  if (o?.kind === 'Endpoints' && Array.isArray(o.subsets)) {
    return { ...o, subsets: o.subsets.map((s: any) => ({ ...s, ...(s.addresses ? { addresses: [...s.addresses].sort(byText) } : {}), ...(s.notReadyAddresses ? { notReadyAddresses: [...s.notReadyAddresses].sort(byText) } : {}) })) };
  }
  return o;
}

/**
 * A pod's kubelet-written status, where the two sides stopped at different points of its start:
 * KWOK, standing in for the kubelet on the reference cluster, reports a bound pod Running and
 * Ready at once, where a kubelet (and the simulator's) pulls and starts containers for seconds.
 * When the scenario ended before both got as far, phase, container states, IPs and the
 * readiness conditions show that timing, not a disagreement, and are left out on both sides.
 */
function withoutKubeletTiming(sim: any, real: any): [any, any] {
  if (sim?.kind !== 'Pod' || real?.kind !== 'Pod') return [sim, real];
  const ready = (p: any) => p.status?.conditions?.find((c: any) => c.type === 'Ready')?.status === 'True';
  if (sim.status?.phase === real.status?.phase && ready(sim) === ready(real)) return [sim, real];
  // Both ended the same way: the phase is compared; readiness is not, because KWOK leaves a
  // completed pod Ready where a kubelet sets Ready False (PodCompleted, PodFailed).
  if (sim.status?.phase === real.status?.phase && (sim.status?.phase === 'Succeeded' || sim.status?.phase === 'Failed')) return [withoutReadiness(sim), withoutReadiness(real)];
  // Only a start the simulator had not finished yet: the reference pod Running and Ready as
  // KWOK makes it, the simulator's Pending, or Running and not yet ready. A pod that ended
  // (Succeeded, Failed) or lost readiness on either side is an outcome and stays compared.
  return startedOnlyByKwok(sim, real) ? [controlPlaneStatusOnly(sim), controlPlaneStatusOnly(real)] : [sim, real];
}

const isReady = (p: any) => p?.status?.conditions?.find((c: any) => c.type === 'Ready')?.status === 'True';

/** The reference pod Running and Ready as KWOK makes it at once, the simulator's still starting. */
function startedOnlyByKwok(sim: any, real: any): boolean {
  const kwokStarted = real?.status?.phase === 'Running' && isReady(real);
  const simStarting = sim?.status?.phase === 'Pending' || (sim?.status?.phase === 'Running' && !isReady(sim) && !(sim.status?.containerStatuses ?? []).some((c: any) => c.restartCount > 0));
  return kwokStarted && simStarting;
}

/**
 * What controllers derive from their pods' readiness, when a pod's readiness was KWOK's timing
 * (startedOnlyByKwok): a readiness probe's initial delay keeps a kubelet's pod unready for its
 * seconds, KWOK's pod is Ready at once, and the owners' counts and conditions, the Endpoints'
 * ready and not-ready addresses and the EndpointSlices' conditions follow that. Their spec and
 * the set of endpoints stay compared.
 */
function withoutReadinessCounts(o: any): any {
  if (!o?.kind) return o;
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(o.kind)) {
    const { readyReplicas, availableReplicas, unavailableReplicas, numberReady, numberAvailable, numberUnavailable, conditions, ...status } = o.status ?? {};
    return { ...o, status };
  }
  const { 'endpoints.kubernetes.io/last-change-trigger-time': _, ...annotations } = o.metadata?.annotations ?? {};
  const { annotations: __, ...rest } = o.metadata ?? {};
  const metadata = Object.keys(annotations).length ? { ...rest, annotations } : rest;
  if (o.kind === 'EndpointSlice') return { ...o, metadata, endpoints: o.endpoints?.map(({ conditions, ...rest }: any) => rest) };
  if (o.kind === 'Endpoints') {
    return { ...o, metadata, subsets: o.subsets?.map(({ addresses, notReadyAddresses, ...rest }: any) => ({ ...rest, addresses: [...(addresses ?? []), ...(notReadyAddresses ?? [])].sort((a: any, b: any) => JSON.stringify(a).localeCompare(JSON.stringify(b))) })) };
  }
  return o;
}

/** A pod without its readiness: the Ready and ContainersReady conditions, and each container's ready. */
function withoutReadiness(pod: any): any {
  const conditions = (pod.status.conditions ?? []).filter((c: any) => c.type !== 'Ready' && c.type !== 'ContainersReady');
  const statuses = (list: any[] | undefined) => list?.map(({ ready, ...rest }: any) => rest);
  return { ...pod, status: { ...pod.status, conditions, containerStatuses: statuses(pod.status.containerStatuses), initContainerStatuses: statuses(pod.status.initContainerStatuses) } };
}

/** What the API server, scheduler and controllers write in a pod's status. */
function controlPlaneStatusOnly(pod: any): any {
  const { qosClass, nominatedNodeName, conditions } = pod.status ?? {};
  const kept = (conditions ?? []).filter((c: any) => c.type === 'PodScheduled' || c.type === 'DisruptionTarget');
  return { ...pod, status: { ...(qosClass ? { qosClass } : {}), ...(nominatedNodeName ? { nominatedNodeName } : {}), ...(kept.length ? { conditions: kept } : {}) } };
}

/** Two differing values; long texts from a little before where they part, so the difference shows. */
function showPair(sim: unknown, real: unknown): string {
  if (typeof sim !== 'string' || typeof real !== 'string' || (sim.length <= 80 && real.length <= 80)) return `simulator ${show(sim)}, reference ${show(real)}`;
  let same = 0;
  while (same < sim.length && sim[same] === real[same]) same++;
  const from = Math.max(0, same - 20);
  return `simulator ${show(`${from ? '…' : ''}${sim.slice(from)}`)}, reference ${show(`${from ? '…' : ''}${real.slice(from)}`)}`;
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

