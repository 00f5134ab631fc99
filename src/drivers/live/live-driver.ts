// Over STYLE's ~400 lines: it is the whole Driver interface over one scenario's namespace, watch and timeline; what stands alone lives beside it (node-changes, container-exec, resumable-watch, …).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { resourcePath } from './rest-client.ts';
import { ApiError } from '../../kube/api-errors.ts';
import { canonicalKind, kindInfo, knownKinds, type KindInfo } from '../../kube/kinds.ts';
import type { ApplyOptions, DeleteRequest, Driver, KubeObject, Manifest, NodeDefinition, ObjectRef, ScenarioInfo, TimelineEntry } from '../driver.ts';
import { UnsupportedError } from '../driver.ts';
import type { Capability } from '../capabilities.ts';
import { podTransitions } from '../pod-transitions.ts';
import { ResumableWatch } from './resumable-watch.ts';
import { NodeNamingRestClient } from './node-naming-rest-client.ts';
import { waitTimeout } from '../wait-timeout.ts';
import { forgetUndo, undoOnInterrupt } from './cleanup-on-exit.ts';
import { execInContainer, parseEnvOutput } from './container-exec.ts';
import { volumeFiles } from '../../kube/volume-files.ts';
import { runKubectl, type KubectlResult } from '../kubectl.ts';
import { helmFor, runHelm, type HelmCommand, type HelmResult } from '../helm.ts';
import { kubectlFor, serverMinor, type VersionInfo } from '../kubectl-binary.ts';
import { ScenarioKubeconfig } from './kubeconfig-file.ts';
import { capacityMismatches, fenceHeldBy, fenceReleasedBy, nodeDefinitionPatch, restoreNodePatch } from './node-changes.ts';
import { touchesNodes } from './cluster-footprint.ts';
import { settleBy } from '../settle.ts';
import { withScenarioNamespace } from './scenario-namespace.ts';
import { isProbePod, ProbePods } from './probe-pods.ts';
import { isServedByKubespec } from '../../kube/served-by-kubespec.ts';
import type { ProbesUnavailable, TrafficProbes } from '../traffic-probe.ts';

export interface LiveDriverOptions {
  /**
   * Use this existing namespace for every scenario, and leave it and the cluster as they are at
   * teardown: grading a drill looks at what the learner built.
   */
  attachNamespace?: string;
}

/** Why a live cluster lacks what the simulator can do, in the words a report shows. */
const liveLacks: Partial<Record<Capability, string>> = {
  'node-faults': 'failing nodes is simulator-only on a shared live cluster',
  'node-removal': 'removing nodes from a live cluster is not done by tests',
  'api-faults': "a live API server's faults cannot be injected",
  'static-pods': "a live node's static pod path is not reachable from a test",
  'scheduler-configuration': "a live cluster's scheduler is configured by its operators",
  'add-ons': 'a live cluster has the add-ons it has; they cannot be installed by a step',
  'node-autoscaling': "a live cluster's node groups belong to its cloud",
  'network-plugin': 'a live cluster has the CNI plugin it has',
  'usage-injection': 'a live cluster reports real metrics; usage cannot be injected',
  assumptions: 'a live cluster is observed, so nothing is assumed',
};

/** How long addNodes waits after fencing workers off, for the scheduler's informer to see the taints. */
const FENCE_SETTLE_MS = 1000;
/** Writes of a fence that may meet other scenarios' writes of the same node before one goes through. */
const FENCE_WRITE_ATTEMPTS = 10;

/** How often a wait re-reads the cluster (wall time) when no pod change wakes it sooner. */
const POLL_MS = 250;

/**
 * The driver over a real API server (a kind cluster, any allowed context, or `kubespec serve`),
 * through @kubernetes/client-node. Each scenario gets its own namespace, labelled with the run
 * and scenario and deleted at teardown (and on Ctrl-C). Time is real: waits poll until their
 * deadline, `elapse` sleeps. What only a simulator can do (failing nodes, faking metrics) is
 * not among its capabilities, so such scenarios are not applicable here.
 */
export class LiveDriver implements Driver {
  readonly name = 'live' as const;
  /** Beyond the core, only kubectl and helm: a shared real cluster is observed, not reshaped or faked. */
  readonly capabilities: ReadonlySet<Capability> = new Set(['kubectl', 'helm']);
  readonly lacking = liveLacks;
  private ns = '';
  private readonly rest: NodeNamingRestClient;
  private started = 0;
  private readonly entries: TimelineEntry[] = [];
  private readonly lastPods = new Map<string, KubeObject>();
  private podWatch?: ResumableWatch;
  /** Resolvers of waits that want to look again as soon as a pod changes. */
  private readonly changeWaiters = new Set<() => void>();
  private readonly clusterScoped: KubeObject[] = [];
  /** Nodes a scenario changed, as they were before, so teardown can put them back. */
  private readonly touchedNodes = new Map<string, KubeObject>();
  /** The scenario's kubeconfig file for kubectl, made on first use. */
  private kubeconfig?: ScenarioKubeconfig;
  private kubectlBinary?: Promise<string>;
  /** Workers the scenario's cluster does not have (tainted not-in-scenario), until they "join". */
  private readonly fencedOff = new Set<string>();
  /** Kinds found through discovery (custom resources), by kind. */
  private readonly discovered = new Map<string, KindInfo>();
  private describedCluster = false;
  /** The scenario's probe pod, for steps that send real traffic (probe-pods.ts); left out of what the scenario sees. */
  private readonly probePods = new ProbePods({
    namespace: () => this.ns,
    list: (kind) => this.list(kind),
    get: (ref) => this.get(ref),
    apply: (manifests) => this.apply(manifests),
    delete: (ref, request) => this.delete(ref, request),
    exec: async (pod, container, command) => execInContainer(await this.kc, this.ns, pod, container, command),
  });

  constructor(private readonly kc: KubeConfig | Promise<KubeConfig>, private readonly runId: string = randomBytes(3).toString('hex'), private readonly options: LiveDriverOptions = {}) {
    this.rest = new NodeNamingRestClient(kc);
  }

  async setup(scenario: ScenarioInfo): Promise<void> {
    if (this.options.attachNamespace) return this.attach(this.options.attachNamespace);
    const slug = scenario.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).replace(/-$/, '') || 'scenario';
    this.ns = `ks-${slug}-${randomBytes(3).toString('hex')}`;
    this.started = Date.now();
    this.entries.length = 0;
    this.lastPods.clear();
    // Remembered before it exists: a Ctrl-C during the create must still clean it up.
    const ns = this.ns;
    undoOnInterrupt(`namespace/${ns}`, () => this.delete({ kind: 'Namespace', name: ns }));
    await this.rest.request('POST', resourcePath(infoOf('Namespace')), {
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'app.kubernetes.io/managed-by': 'kubespec', 'kubespec.io/run': this.runId, 'kubespec.io/scenario': slug.slice(0, 63) } } },
    });
    // The ServiceAccount admission plugin refuses pods until the controller has made the
    // namespace's default ServiceAccount, a moment after the namespace: wait for it.
    await this.waitFor('the default ServiceAccount of the scenario namespace', async () =>
      (await this.get({ kind: 'ServiceAccount', name: 'default', namespace: this.ns })) ?? undefined, 60_000);
    await this.watchPods();
  }

  /** Looks at a namespace someone else owns: nothing is created, and teardown deletes nothing. */
  private async attach(namespace: string): Promise<void> {
    this.ns = namespace;
    this.started = Date.now();
    this.entries.length = 0;
    this.lastPods.clear();
    await this.watchPods();
  }

  /** Records the namespace's pod changes for the timeline, resuming the watch as long as the scenario runs. */
  private async watchPods(): Promise<void> {
    this.podWatch = new ResumableWatch(await this.kc, this.rest, `/api/v1/namespaces/${this.ns}/pods`, {
      event: (type, obj) => this.recordPod(type, this.rest.inbound(obj)),
      listed: (pods) => this.relisted(pods),
    });
    await this.podWatch.start();
  }

  /** A fresh list after the watch lost its place: what changed meanwhile, as the events it missed. */
  private relisted(pods: KubeObject[]): void {
    const listed = new Set(pods.map((p) => p.metadata.name));
    for (const [name, last] of [...this.lastPods]) if (!listed.has(name)) this.recordPod('DELETED', last);
    for (const pod of pods) {
      const last = this.lastPods.get(pod.metadata.name);
      if (last?.metadata.resourceVersion !== pod.metadata.resourceVersion) this.recordPod(last ? 'MODIFIED' : 'ADDED', pod);
    }
  }

  /** Resolves at the next pod change the watch sees, or after `ms`. */
  private nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.changeWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.changeWaiters.add(done);
    });
  }

  /**
   * kubectl in the scenario's namespace, through the driver's own kubeconfig and context. A
   * command that may change nodes (label, taint, cordon, drain) first has the nodes' state
   * remembered, so teardown puts it back as it does for the node steps.
   */
  async kubectl(args: readonly string[]): Promise<KubectlResult> {
    if (touchesNodes(args)) {
      for (const node of await this.list('Node')) {
        if (this.touchedNodes.has(node.metadata.name)) continue;
        this.touchedNodes.set(node.metadata.name, node);
        undoOnInterrupt(`nodes/${this.ns}`, () => this.restoreNodes());
      }
    }
    this.kubeconfig ??= new ScenarioKubeconfig(await this.kc, this.ns);
    // kubectl of the cluster's minor when the PATH's is outside the skew (built once, said on stderr).
    this.kubectlBinary ??= this.rest.request('GET', '/version').then((v) => kubectlFor(serverMinor(v as VersionInfo), { build: true }), () => 'kubectl');
    return runKubectl(args, this.kubeconfig.path(), await this.kubectlBinary);
  }

  /** Helm in the scenario's namespace, through the scenario's kubeconfig (its releases go with the namespace). */
  async helm(command: HelmCommand): Promise<HelmResult> {
    const helm = await helmFor(command);
    this.kubeconfig ??= new ScenarioKubeconfig(await this.kc, this.ns);
    return runHelm(helm, command, { kubeconfig: this.kubeconfig.path(), namespace: this.ns, timeoutMs: command.waitMs });
  }

  /**
   * DNS lookups and connections from inside the cluster, where a node runs containers
   * (probe-pods.ts). `kubespec serve` has none: its nodes look like kind's, but what runs there is
   * the simulator, whose DNS and traffic are the very models the steps fall back to.
   */
  async trafficProbes(): Promise<TrafficProbes | ProbesUnavailable> {
    this.servedByKubespec ??= this.rest.request('GET', '/version').then((v) => isServedByKubespec(v as { gitCommit?: string }), () => false);
    if (await this.servedByKubespec) return { unavailable: 'the cluster is kubespec serve: its nodes run the simulator, whose DNS and traffic are these models' };
    return this.probePods.probes();
  }

  private servedByKubespec?: Promise<boolean>;

  async teardown(): Promise<void> {
    this.podWatch?.stop();
    await this.probePods.cleanUp();
    this.kubeconfig?.remove();
    this.kubeconfig = undefined;
    if (this.options.attachNamespace) return;
    await this.restoreNodes();
    this.touchedNodes.clear();
    await this.releaseFences();
    this.describedCluster = false;
    for (const obj of this.clusterScoped.splice(0)) await this.delete({ kind: obj.kind, name: obj.metadata.name }).catch(() => undefined);
    if (this.ns) {
      await this.delete({ kind: 'Namespace', name: this.ns }).catch(() => undefined);
      forgetUndo(`namespace/${this.ns}`);
    }
  }

  /** Puts back what the scenario changed on nodes (labels, taints, cordon). */
  private async restoreNodes(): Promise<void> {
    for (const [name, original] of this.touchedNodes) {
      const current = await this.get({ kind: 'Node', name }).catch(() => undefined);
      const restore = current && restoreNodePatch(original, current);
      if (restore) await this.patch({ kind: 'Node', name }, restore, 'merge').catch(() => undefined);
    }
    forgetUndo(`nodes/${this.ns}`);
  }

  /** Lets go of the scenario's hold on the fences of the workers it fenced off (node-changes.ts FENCE_HOLDERS). */
  private async releaseFences(): Promise<void> {
    for (const name of this.fencedOff) await this.changeFence(name, (n) => fenceReleasedBy(n, this.ns)).catch(() => undefined);
    this.fencedOff.clear();
    forgetUndo(`fences/${this.ns}`);
  }

  /**
   * Writes a change of a node's fence, made to the node as it is now: scenarios of a parallel run
   * fence the same workers, so a write that meets another's (409 Conflict on the resourceVersion
   * it read) is made again on the newer node. True when something was written.
   */
  private async changeFence(name: string, change: (node: KubeObject) => KubeObject | undefined): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const node = await this.get({ kind: 'Node', name });
      const changed = node && change(node);
      if (!changed) return false;
      try {
        await this.rest.request('PUT', await this.path({ kind: 'Node', name }), { body: changed, query: { fieldManager: 'kubespec' } });
        return true;
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 409) || attempt === FENCE_WRITE_ATTEMPTS) throw e;
      }
    }
  }

  namespace(): string {
    return this.ns;
  }

  /**
   * A live cluster cannot grow nodes, but it can look like the scenario's: the nodes named get
   * the labels and taints the scenario gives them, and the first time a scenario describes its
   * cluster, every other worker is fenced off with the `kubespec.io/not-in-scenario` NoSchedule
   * taint; a later "node joins" lifts it. A control-plane node may have any name. All of it is put
   * back at teardown.
   */
  async addNodes(nodes: NodeDefinition[]): Promise<void> {
    const present = new Map((await this.list('Node')).map((n) => [n.metadata.name, n]));
    const controlPlanes = [...present.values()].filter(isControlPlane);
    const wanted = nodes.filter((n) => !(n.role === 'control-plane' && !present.has(n.name) && controlPlanes.length));
    const missing = wanted.filter((n) => !present.has(n.name)).map((n) => n.name);
    if (missing.length) throw new UnsupportedError(`a live cluster cannot add nodes (${missing.join(', ')}); create it with that topology instead`);
    const unlike = wanted.flatMap((n) => capacityMismatches(n, present.get(n.name)!).map((m) => `node "${n.name}" ${m}`));
    if (unlike.length) throw new UnsupportedError(`a live node's capacity is what its kubelet reports; the scenario needs ${unlike.join(', ')}`);
    for (const definition of wanted) {
      // Joining lets go of the scenario's hold on the node's fence, even when it needs nothing else.
      const joined = this.fencedOff.delete(definition.name) && await this.changeFence(definition.name, (n) => fenceReleasedBy(n, this.ns));
      const current = joined ? await this.get({ kind: 'Node', name: definition.name }) : present.get(definition.name);
      const patch = current && nodeDefinitionPatch(definition, current);
      if (patch) await this.patch({ kind: 'Node', name: definition.name }, patch, 'merge');
    }
    if (this.describedCluster) return;
    this.describedCluster = true;
    const named = new Set(wanted.map((n) => n.name));
    for (const node of present.values()) {
      if (named.has(node.metadata.name) || isControlPlane(node)) continue;
      this.fencedOff.add(node.metadata.name);
      undoOnInterrupt(`fences/${this.ns}`, () => this.releaseFences());
      await this.changeFence(node.metadata.name, (n) => fenceHeldBy(n, this.ns));
    }
    // kube-scheduler sees the fence through its node informer, a moment after the write: a pod
    // created at once could still be placed on a fenced worker (seen on a loaded machine: a
    // "1 worker node" scenario's pod bound to worker-3 18 ms after the fence). One second lets the
    // informer catch up; nothing in the API says when it has.
    if (this.fencedOff.size) await sleep(FENCE_SETTLE_MS);
  }

  /** `kubectl exec -- env` in the running container (its image needs an `env`, as busybox and most have). */
  async containerEnv(pod: string, container: string): Promise<Record<string, string>> {
    await this.runningContainer(pod, container);
    const out = await execInContainer(await this.kc, this.ns, pod, container, ['env']);
    if (out.exitCode !== 0) throw new Error(`env in container "${container}" of pod "${pod}" exited ${out.exitCode}: ${out.stderr.trim()}`);
    return parseEnvOutput(out.stdout);
  }

  /**
   * The files the container's ConfigMap and Secret volumes should hold (from the pod and those
   * objects), each read back from the container with `cat`: what is there, not what should be.
   */
  async containerFiles(pod: string, container: string, alsoRead: readonly string[] = []): Promise<Record<string, string>> {
    const { obj, spec } = await this.runningContainer(pod, container);
    const sources = new Map<string, KubeObject | undefined>();
    for (const v of obj.spec.volumes ?? []) {
      if (v.configMap) sources.set(`ConfigMap/${v.configMap.name}`, await this.get({ kind: 'ConfigMap', name: v.configMap.name }));
      if (v.secret) sources.set(`Secret/${v.secret.secretName}`, await this.get({ kind: 'Secret', name: v.secret.secretName }));
    }
    const expected = volumeFiles(obj as any, spec, (kind, name) => sources.get(`${kind}/${name}`) as any);
    const files: Record<string, string> = {};
    for (const path of new Set([...Object.keys(expected), ...alsoRead])) {
      const out = await execInContainer(await this.kc, this.ns, pod, container, ['cat', path]);
      if (out.exitCode === 0) files[path] = out.stdout;
    }
    return files;
  }
  /** The pod and container an exec needs, or why there is none (an exec refusal only says "400"). */
  private async runningContainer(pod: string, container: string): Promise<{ obj: KubeObject; spec: any }> {
    const obj = await this.get({ kind: 'Pod', name: pod });
    if (!obj) throw new Error(`pod "${pod}" not found`);
    const spec = obj.spec?.containers?.find((c: any) => c.name === container);
    if (!spec) throw new Error(`pod "${pod}" has no container "${container}" (it has ${obj.spec?.containers?.map((c: any) => c.name).join(', ')})`);
    if (obj.status?.phase !== 'Running') throw new Error(`pod "${pod}" is ${obj.status?.phase ?? 'not started'}, not Running`);
    return { obj, spec };
  }


  async apply(manifests: Manifest[], options: ApplyOptions = {}): Promise<KubeObject[]> {
    const out: KubeObject[] = [];
    for (const m of manifests) {
      const info = await this.kindInfo(m.kind, m.apiVersion);
      const namespaced = info.namespaced;
      const namespace = namespaced ? m.metadata.namespace ?? this.ns : undefined;
      const body = { ...m, metadata: { ...m.metadata, ...(namespace ? { namespace } : {}) } };
      // A cluster-scoped object the cluster already had is the cluster's, not the scenario's to delete.
      const preexisting = !namespaced && !this.clusterScoped.some((o) => o.kind === m.kind && o.metadata.name === m.metadata.name)
        && (await this.get({ kind: m.kind, name: m.metadata.name ?? '' })) !== undefined;
      const stored = await this.rest.request('PATCH', resourcePath(info, namespace, m.metadata.name), {
        body, contentType: 'application/apply-patch+yaml', query: { fieldManager: options.fieldManager ?? 'kubespec', force: options.force ?? true },
      }) as KubeObject;
      if (!namespaced && !preexisting && !this.clusterScoped.some((o) => o.kind === stored.kind && o.metadata.name === stored.metadata.name)) this.clusterScoped.push(stored);
      out.push(stored);
    }
    return out;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    try {
      return await this.rest.request('GET', await this.path(ref)) as KubeObject;
    } catch (e) {
      if (e instanceof ApiError && e.code === 404) return undefined;
      throw e;
    }
  }

  async list(kind: string, options: { namespace?: string; labelSelector?: string; allNamespaces?: boolean } = {}): Promise<KubeObject[]> {
    const info = await this.kindInfo(kind);
    const namespace = info.namespaced && !options.allNamespaces ? options.namespace ?? this.ns : undefined;
    const list = await this.rest.request('GET', resourcePath(info, namespace), { query: { labelSelector: options.labelSelector } });
    return (list.items as KubeObject[]).map((o) => ({ ...o, apiVersion: info.apiVersion, kind: info.kind }))
      .filter((o) => !isProbePod(o))
      .sort((a, b) => `${a.metadata.namespace ?? ''}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace ?? ''}/${b.metadata.name}`));
  }

  async evict(podName: string, namespace = this.ns): Promise<void> {
    await this.rest.request('POST', resourcePath(infoOf('Pod'), namespace, podName, 'eviction'), { body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: podName, namespace } } });
  }

  async patch(ref: ObjectRef, patch: object, type: 'strategic' | 'merge' = 'strategic'): Promise<KubeObject> {
    if (ref.kind === 'Node' && !this.touchedNodes.has(ref.name)) {
      const original = await this.get(ref);
      if (original) this.touchedNodes.set(ref.name, original);
      undoOnInterrupt(`nodes/${this.ns}`, () => this.restoreNodes());
    }
    return await this.rest.request('PATCH', await this.path(ref), {
      body: patch, contentType: type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json', query: { fieldManager: 'kubespec' },
    }) as KubeObject;
  }

  async scale(ref: ObjectRef, replicas: number): Promise<void> {
    await this.patch(ref, { spec: { replicas } }, 'merge');
  }

  async delete(ref: ObjectRef, request: DeleteRequest = {}): Promise<void> {
    await this.rest.request('DELETE', await this.path(ref), {
      body: { apiVersion: 'v1', kind: 'DeleteOptions', ...(request.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: request.gracePeriodSeconds } : {}), ...(request.propagationPolicy ? { propagationPolicy: request.propagationPolicy } : {}) },
    });
  }

  async waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, lastSeen?: () => Promise<string>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() >= deadline) break;
      await this.nextChange(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    }
    throw waitTimeout(what, timeoutMs, 'wall', lastSeen ? await lastSeen() : undefined, await this.events().catch(() => []));
  }

  async elapse(ms: number): Promise<void> {
    await sleep(ms);
  }

  elapsed(): number {
    return this.started ? Date.now() - this.started : 0;
  }

  timeline(): TimelineEntry[] {
    return [...this.entries];
  }

  async events(): Promise<KubeObject[]> {
    const at = (e: KubeObject) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '') || 0;
    const events = (await this.list('Event')).filter((e) => !isProbePod(e.involvedObject ?? {})).sort((a, b) => at(a) - at(b));
    // A namespace this driver made stands for the scenario's `default` in event texts (scenario-namespace.ts).
    if (this.options.attachNamespace) return events;
    return events.map((e) => (typeof e.message === 'string' ? { ...e, message: withScenarioNamespace(e.message, this.ns) } : e));
  }

  /** Looks every half second until the namespace's objects have been unchanged for 1.5 s. */
  async settle(maxMs: number): Promise<void> {
    await settleBy(() => this.snapshot(), (ms) => this.elapse(ms), { stepMs: 500, quietSteps: 3, maxMs });
  }

  async snapshot(): Promise<KubeObject[]> {
    // The built-in kinds, and the custom ones the scenario's objects were of.
    const kinds = [...knownKinds, ...this.discovered.values()].filter((k) => k.namespaced && k.kind !== 'Event');
    const lists = await Promise.all(kinds.map((k) => this.list(k.kind).catch(() => [])));
    return lists.flat();
  }

  private recordPod(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    if (isProbePod(obj)) return;
    const key = obj.metadata.name;
    const old = this.lastPods.get(key);
    for (const t of podTransitions(type, old, obj)) {
      this.entries.push({ at: this.elapsed(), kind: 'Pod', namespace: obj.metadata.namespace, name: key, ...t, labels: obj.metadata.labels });
    }
    if (type === 'DELETED') this.lastPods.delete(key);
    else this.lastPods.set(key, obj);
    for (const wake of [...this.changeWaiters]) wake();
  }

  private async path(ref: ObjectRef): Promise<string> {
    const info = await this.kindInfo(ref.kind);
    return resourcePath(info, info.namespaced ? ref.namespace ?? this.ns : undefined, ref.name);
  }

  /**
   * A built-in kind from the table; any other from the cluster's discovery documents, as kubectl
   * maps kinds (a CRD's kind appears there once it is established). Looked up again on a miss, so
   * a CRD installed a moment ago is found. Unknown: the API server's "no matches for kind".
   */
  private async kindInfo(kind: string, apiVersion?: string): Promise<KindInfo> {
    const builtIn = kindInfo(canonicalKind(kind) ?? kind);
    if (builtIn && (!apiVersion || builtIn.apiVersion === apiVersion)) return builtIn;
    // An apply names its version: asked afresh (one request), so a CRD just deleted is noticed.
    const cached = apiVersion ? undefined : this.discovered.get(kind);
    if (cached) return cached;
    const groups = await this.rest.request('GET', '/apis') as { groups?: Array<{ versions: Array<{ groupVersion: string }> }> };
    const versions = apiVersion ? [apiVersion] : (groups.groups ?? []).flatMap((g) => g.versions.map((v) => v.groupVersion));
    for (const gv of versions.filter((v) => v.includes('/'))) {
      const list = await this.rest.request('GET', `/apis/${gv}`).catch(() => undefined) as { resources?: Array<{ name: string; kind: string; namespaced: boolean }> } | undefined;
      const resource = list?.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
      if (!resource) continue;
      const info: KindInfo = { kind, apiVersion: gv, plural: resource.name, namespaced: resource.namespaced, generation: 'spec' };
      this.discovered.set(kind, info);
      return info;
    }
    throw new ApiError('NotFound', 404, `no matches for kind "${kind}" in version "${apiVersion ?? ''}"`);
  }
}

function isControlPlane(node: KubeObject): boolean {
  return node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
}

function infoOf(kind: string): KindInfo {
  const info = kindInfo(canonicalKind(kind) ?? kind);
  if (!info) throw new ApiError('NotFound', 404, `the server doesn't have a resource type "${kind}"`);
  return info;
}
