import { literalPattern } from '../kube/literal-pattern.ts';
/**
 * What makes two runs of one scenario differ without either being wrong: generated name suffixes,
 * uids, resourceVersions, timestamps, IPs. Normalising them away leaves the differences that mean
 * the simulator and Kubernetes disagree.
 */

// Kubernetes' random suffixes use this alphabet (apimachinery util/rand: no vowels, no 0/1/3),
// so "web-0" or "nginx-proxy" are left alone.
const safe = '[bcdfghjklmnpqrstvwxz2456789]';
const templateHash = new RegExp(`-${safe}{8,10}(?=-|$|[^a-z0-9])`, 'g');
const randomSuffix = new RegExp(`-${safe}{5}$`);
// A pod of a ReplicaSet named in a text ("pods \"api-<hash>-76jrr\" is forbidden"), once its hash is normalised.
const randomInText = new RegExp(`-<hash>-${safe}{5}(?![a-z0-9])`, 'g');
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ipv4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
// A uid anywhere in a value: Job selectors (controller-uid), PV names (pvc-<uid>), owner texts.
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** `web-5d8f7c9b6d-x2k9p` → `web-<hash>-<random>`, `pi-7xqz4` → `pi-<random>`. */
export function normalizeName(name: string): string {
  return name.replace(uuid, '<uid>').replace(templateHash, '-<hash>').replace(randomSuffix, '-<random>');
}

/** Fields that are only ever bookkeeping, dropped wherever they occur under metadata. */
const bookkeeping = new Set(['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'namespace']);
// Hashes of Go encodings of a template (controller.ComputeHash, the ControllerRevision's hash):
// kubespec computes its own, so the values differ while meaning the same thing.
const hashLabels = new Set(['pod-template-hash', 'controller-revision-hash', 'controller.kubernetes.io/hash']);

/**
 * Where a node is named because the scheduler chose it. kube-scheduler picks at random among
 * equally scored nodes (selectHost's reservoir sampling), so which node is not comparable; how
 * pods spread over nodes is (nodeSpread in observations.ts).
 */
const nodeKeys = new Set(['nodeName', 'volume.kubernetes.io/selected-node']);

/** Ports the API server allocates at random from its range (pkg/registry/core/service/portallocator). */
const allocatedPorts = new Set(['nodePort', 'healthCheckNodePort']);

/** A deep copy with the run-specific values replaced by placeholders. */
export function normalizeObject(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeObject(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (key === 'metadata' && bookkeeping.has(k)) continue;
      // JSON null and an absent field read the same (a Go nil slice or pointer).
      if (v === null) continue;
      if (k === 'kubectl.kubernetes.io/last-applied-configuration') continue;
      out[k] = hashLabels.has(k) ? '<hash>' : nodeKeys.has(k) && typeof v === 'string' ? '<node>' : allocatedPorts.has(k) && typeof v === 'number' ? '<port>' : normalizeObject(v, k);
    }
    // A DaemonSet pod's node affinity names its node (matchFields metadata.name): see nodeKeys.
    if (out.key === 'metadata.name' && Array.isArray(out.values)) out.values = out.values.map(() => '<node>');
    // ownerReferences carry the owner's uid; without it they compare by kind and name.
    if ('uid' in out && 'kind' in out && 'name' in out && !('metadata' in out)) delete out.uid;
    return out;
  }
  if (typeof value === 'string') {
    if (rfc3339.test(value)) return '<time>';
    if (value.startsWith('-----BEGIN ')) return '<pem>';
    // Each side runs a scenario in its own namespace (default on the simulator); Helm records
    // the release's namespace on every object it renders.
    if (key === 'namespace' || key === 'meta.helm.sh/release-namespace') return '<namespace>';
    // The runtime's id of a container (a terminated state names it too): random on a real node.
    if (key === 'containerID') return '<container-id>';
    // A Helm release Secret's modifiedAt label is the Unix second of the write (helm v4.3.2 pkg/storage/driver/secrets.go).
    if (key === 'modifiedAt' && /^\d+$/.test(value)) return '<time>';
    if (ipv4.test(value)) return '<ip>';
    const text = withoutFencedNodes(value).replace(uuid, '<uid>');
    // Names carry random suffixes; any text may carry a pod-template hash ("ReplicaSet "web-5d8f7c9b6d" ...").
    return key === 'name' || key === 'generateName' || key === 'hostname' || key === 'claimName' ? normalizeName(text) : text.replace(templateHash, '-<hash>').replace(randomInText, '-<hash>-<random>');
  }
  return value;
}

/**
 * From 1.34 TaintToleration's reason no longer names the taint ("N node(s) had untolerated
 * taint(s)"), so the fenced workers are counted together with the scenario's own tainted nodes
 * and cannot be taken out. Where that reason appears, its count, the cluster size and the count
 * of nodes where preemption is not helpful (which include the fenced ones) are not compared;
 * every other reason's count still is.
 */
function withoutTaintedCount(message: string): string {
  if (!message.includes('node(s) had untolerated taint(s)')) return message;
  return message
    .replace(/\d+ node\(s\) had untolerated taint\(s\)/g, '<n> node(s) had untolerated taint(s)')
    .replace(/(\d+)\/\d+ nodes are available/g, '$1/<nodes> nodes are available')
    .replace(/\d+ Preemption is not helpful/g, '<n> Preemption is not helpful')
    // FitError sorts "count reason" strings, so a count taken out can move its reason: sort again.
    .replace(/(nodes are available: )([^.]*)\./g, (_, head: string, list: string) => `${head}${list.split(', ').sort().join(', ')}.`);
}

/**
 * A scheduler message without the nodes the live driver fenced off: on a shared cluster the
 * workers a scenario's topology lacks carry the `kubespec.io/not-in-scenario` NoSchedule taint
 * (live-driver.ts), which kube-scheduler counts like any other node ("0/4 nodes are available:
 * 1 node(s) had untolerated taint {kubespec.io/not-in-scenario: true}, …"). The simulator's
 * cluster has exactly the scenario's nodes, so the fenced ones come out of the counts.
 */
export function withoutFencedNodes(message: string): string {
  // The clause is one of a sorted list: followed by ", " or, last in it, preceded by one.
  const fence = /(\d+) node\(s\) had untolerated taint \{kubespec\.io\/not-in-scenario: true\}, /.exec(message)
    ?? /, (\d+) node\(s\) had untolerated taint \{kubespec\.io\/not-in-scenario: true\}/.exec(message)
    ?? /(\d+) node\(s\) had untolerated taint \{kubespec\.io\/not-in-scenario: true\}/.exec(message);
  if (!fence) return withoutClusterSizeOfPreFilter(withoutTaintedCount(message));
  const fenced = Number(fence[1]);
  return message.replace(fence[0], '')
    .replace(/(\d+)\/(\d+) nodes are available/g, (_, free, all) => `${free}/${Number(all) - fenced} nodes are available`)
    // PostFilter counted them as nodes where preemption is not helpful; FitError.Error sorts the
    // "count reason" strings (sort.Strings), so the list is sorted again after the count changes.
    .replace(/(preemption: \d+\/\d+ nodes are available: )([^.]*)\./, (_, head: string, list: string) => `${head}${list.split(', ')
      .map((r) => r.replace(/^(\d+) Preemption is not helpful/, (__, n) => `${Number(n) - fenced} Preemption is not helpful`))
      .filter((r) => !r.startsWith('0 '))
      .sort()
      .join(', ')}.`);
}

/**
 * A PreFilter failure ("0/4 nodes are available: persistentvolumeclaim "x" not found.") names no
 * node: FitError.Error prints the cluster's node count and the one reason, and PostFilter counts
 * every node as one where preemption is not helpful. The count is then only the cluster's size,
 * which on the shared reference cluster includes the fenced workers the message cannot name, so
 * it is replaced on both sides. A Filter failure lists counts per reason and stays compared.
 */
function withoutClusterSizeOfPreFilter(message: string): string {
  const preFilter = /(\d+)\/(\d+) nodes are available: (?!\d)/.exec(message);
  if (!preFilter || preFilter[1] !== '0') return message;
  const size = preFilter[2];
  return message
    .replace(new RegExp(`0/${size} nodes are available`, 'g'), '0/<nodes> nodes are available')
    .replace(new RegExp(`(?<![0-9])${size} Preemption is not helpful`, 'g'), '<nodes> Preemption is not helpful');
}

/**
 * Pod status fields a kubelet writes and KWOK, standing in for it on the reference cluster, does
 * not (or writes differently): they cannot be compared there. Everything the apiserver, scheduler
 * and controllers write is kept.
 */
export function withoutKubeletOnlyFields(object: any, options: { realKubelet?: boolean } = {}): any {
  if (object?.kind !== 'Pod' || !object.status) return object;
  const status = { ...object.status };
  delete status.hostIPs;
  // The kubelet records the generation it saw (1.34+, generateAPIPodStatus in kubelet_pods.go);
  // KWOK's stages write no observedGeneration.
  delete status.observedGeneration;
  status.conditions = status.conditions?.filter((c: any) => c.type !== 'PodReadyToStartContainers')
    // A kubelet marks a Succeeded pod's Initialized condition with reason PodCompleted
    // (GeneratePodInitializedCondition, pkg/kubelet/status/generate.go); KWOK writes no reason.
    .map(({ reason, ...rest }: any) => (rest.type === 'Initialized' && reason === 'PodCompleted' ? rest : { ...rest, ...(reason === undefined ? {} : { reason }) }))
    .map(({ observedGeneration, ...rest }: any) => (kubeletOwnsCondition(rest) || observedGeneration === undefined ? rest : { ...rest, observedGeneration }));
  for (const list of ['containerStatuses', 'initContainerStatuses', 'ephemeralContainerStatuses']) {
    // A kubelet lists each container's mounts in its status, and from 1.33 its resources and
    // allocatedResources (InPlacePodVerticalScaling), and names the container that ended in its
    // terminated state; KWOK writes none of these: compared where a real node ran the pod.
    status[list] = status[list]?.map(({ imageID, containerID, image, started, lastState, volumeMounts, resources, allocatedResources, ...rest }: any) => {
      if (options.realKubelet) return { ...rest, ...(volumeMounts ? { volumeMounts } : {}), ...(resources ? { resources } : {}), ...(allocatedResources ? { allocatedResources } : {}) };
      const terminated = rest.state?.terminated;
      if (!terminated?.containerID) return rest;
      const { containerID: _, ...ended } = terminated;
      return { ...rest, state: { ...rest.state, terminated: ended } };
    });
  }
  return { ...object, status };
}

/**
 * The conditions a bound pod's kubelet writes (generateAPIPodStatus): PodScheduled=True among
 * them, while a PodScheduled=False is the scheduler's and a DisruptionTarget the controllers'.
 */
function kubeletOwnsCondition(condition: { type: string; status?: string }): boolean {
  return ['Initialized', 'Ready', 'ContainersReady'].includes(condition.type) || (condition.type === 'PodScheduled' && condition.status === 'True');
}

/**
 * A pod's transitions as both sides can show them: after `terminating`, only `deleted` (a real
 * kubelet reports the containers' end first; KWOK deletes the pod at once); and no `not-ready`
 * right after the pod ended (a kubelet turns Ready False with PodCompleted/PodFailed, KWOK
 * leaves it True), so the end itself is what is compared.
 */
export function comparableTransitions(steps: string[]): string[] {
  const ended = withoutRunUpToEnd(withoutRepeats(steps)).filter((s, i, all) => !(s === 'not-ready' && (all[i - 1] === 'succeeded' || all[i - 1] === 'failed')));
  const terminating = ended.indexOf('terminating');
  return terminating < 0 ? ended : [...ended.slice(0, terminating + 1), ...ended.slice(terminating + 1).filter((s) => s === 'deleted')];
}

/**
 * Names that carry the scenario's namespace (`ssd-10g-${namespace}`: a scenario makes its
 * cluster-scoped objects its own that way) with the namespace replaced: each side runs in its own
 * (default on the simulator, ks-<scenario>-<hex> on the reference cluster). Only as a name's last
 * part, so "is-default-class" stays as it is.
 */
export function withScenarioNamespace(value: unknown, namespace: string | undefined): unknown {
  if (!namespace) return value;
  const suffix = new RegExp(`-${literalPattern(namespace)}(?![a-z0-9.-])`, 'g');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(suffix, '-<namespace>');
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/**
 * The same transition twice in a row (`deleted → deleted`) says only that the observer saw one
 * change twice (the live driver's watch, resumed after a drop, replays what it missed).
 */
function withoutRepeats(steps: string[]): string[] {
  return steps.filter((s, i) => s !== steps[i - 1]);
}

/**
 * A pod's `running`/`ready` just before it ended: whether a short-lived container is ever seen
 * Running depends on when the kubelet's PLEG relists (every second, pkg/kubelet/pleg/generic.go)
 * and the status manager writes; KWOK always passes through Running and Ready. The end itself
 * (succeeded, failed) is compared.
 */
function withoutRunUpToEnd(steps: string[]): string[] {
  const out: string[] = [];
  for (const step of steps) {
    if (step === 'succeeded' || step === 'failed') while (['running', 'ready', 'not-ready'].includes(out[out.length - 1] ?? '')) out.pop();
    out.push(step);
  }
  return out;
}

/** Objects every `default` namespace has, which the simulator's scenarios (run there) see. */
export const defaultNamespaceFixtures = new Set(['Service/kubernetes', 'Endpoints/kubernetes', 'EndpointSlice/kubernetes']);
