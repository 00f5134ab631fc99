import { apiGroupOf, kindInfo, LabelSelector, notFound, SimCluster, type ImageBehavior, type KindInfo, type KubeObject as SimObject } from '../../sim/index.ts';
import type { AddOn, Assumption, ApiFault, NetworkPluginName, ApplyOptions, DeleteRequest, Driver, KubeObject, Manifest, NodeDefinition, NodeFault, ObjectRef, ScenarioInfo, TimelineEntry } from '../driver.ts';
import { waitTimeout } from '../wait-timeout.ts';
import { parseSchedulerConfiguration, SchedulerConfigurationError } from '../../sim/scheduler/scheduler-configuration.ts';
import type { Profile } from '../../sim/scheduler/registry.ts';
import { UserError } from '../../errors.ts';
import { noKindMatch } from '../../kube/api-errors.ts';
import { podTransitions } from '../pod-transitions.ts';
import { isNamespaced } from '../kind-scope.ts';
import { toStoredVersion } from '../../sim/store/version-views.ts';
import { runKubectl, type KubectlResult } from '../kubectl.ts';
import { kubectlFor } from '../kubectl-binary.ts';
import { KubectlEndpoint } from './kubectl-endpoint.ts';
import { helmFor, runHelm, type HelmCommand, type HelmResult } from '../helm.ts';
import { whileTimeRuns } from './time-runs.ts';
import { InProcessApi } from './in-process-api.ts';
import { settleBy } from '../settle.ts';
import { allCapabilities, type Capability } from '../capabilities.ts';
import { defaultKubernetesVersion, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';

/** The nodes a scenario gets when it names none, if the caller gives none: kind-like, 1 + 3. */
export const defaultTopology: NodeDefinition[] = [
  { name: 'control-plane', role: 'control-plane' },
  { name: 'worker-1' },
  { name: 'worker-2' },
  { name: 'worker-3' },
];

/** Virtual seconds per wall second while helm runs: a 5-minute --timeout is 10 s of waiting. */
export const HELM_TIME_RATE = 30;

/**
 * The driver over the in-process simulator: a fresh cluster per scenario, virtual time that
 * moves only in `waitFor` and `elapse` (and while helm runs), and a timeline recorded from the store's watch.
 */
export class SimDriver implements Driver {
  readonly name = 'sim' as const;
  /** The simulator can do everything a step may ask of a cluster. */
  readonly capabilities: ReadonlySet<Capability> = new Set(allCapabilities);
  private cluster?: SimCluster;
  private startedAt = 0;
  private readonly entries: TimelineEntry[] = [];
  private hasNodes = false;
  /** Set when the default topology was added because objects came before any cluster step. */
  private defaulted = false;
  /** Creation order of events; their names are random, so the store's order means nothing. */
  private readonly eventOrder = new Map<string, number>();
  /** The cluster served for kubectl steps, opened by the first one. */
  private kubectlEndpoint?: Promise<KubectlEndpoint>;
  /** The in-process door to the API server, for this scenario's cluster. */
  private inProcess?: InProcessApi;

  constructor(
    private readonly images: readonly ImageBehavior[] = [],
    private readonly defaultNodes: readonly NodeDefinition[] = defaultTopology,
    /** The release every scenario's cluster simulates (default: the newest maintained minor). */
    readonly kubernetesVersion: KubernetesVersion = defaultKubernetesVersion(),
  ) {}

  async setup(scenario: ScenarioInfo): Promise<void> {
    this.cluster = new SimCluster({ seed: scenario.seed, images: this.images, version: this.kubernetesVersion });
    this.inProcess = undefined;
    this.startedAt = this.cluster.clock.now();
    this.entries.length = 0;
    this.hasNodes = false;
    this.defaulted = false;
    this.eventOrder.clear();
    this.cluster.store.watch('Event', (e) => {
      if (e.type === 'ADDED') this.eventOrder.set(e.object.metadata.uid, e.resourceVersion);
    });
    this.cluster.store.watch('Pod', (e) => {
      // The scenario's namespace, as the live driver watches it: the cluster's own pods and those
      // of other namespaces are not on the timeline on any driver.
      if (e.object.metadata.namespace !== this.namespace()) return;
      for (const t of podTransitions(e.type, e.old as KubeObject | undefined, e.object as KubeObject)) {
        this.entries.push({ at: this.elapsed(), kind: 'Pod', namespace: e.object.metadata.namespace, name: e.object.metadata.name, ...t, labels: e.object.metadata.labels });
      }
    });
  }

  async teardown(): Promise<void> {
    const endpoint = this.kubectlEndpoint;
    this.kubectlEndpoint = undefined;
    this.cluster = undefined;
    this.inProcess = undefined;
    if (endpoint) await (await endpoint.catch(() => undefined))?.close();
  }

  assumptions(): Assumption[] {
    return this.cluster?.assumptions.list() ?? [];
  }

  assume(assumptions: readonly Assumption[]): void {
    for (const a of assumptions) this.cluster?.assumptions.record(a);
  }

  async kubectl(args: readonly string[]): Promise<KubectlResult> {
    // kubectl may create the scenario's first pods: the default nodes are there before, as for apply.
    await this.ensureNodes();
    this.kubectlEndpoint ??= KubectlEndpoint.open(this.sim());
    // A cached kubectl of the simulated minor when the PATH's is outside the skew; never built here (5 s steps).
    const kubectl = await kubectlFor(this.kubernetesVersion.minor, { build: false });
    return runKubectl(args, (await this.kubectlEndpoint).kubeconfig, kubectl);
  }

  /**
   * Helm through the served cluster (the kubectl steps' endpoint). Helm waits in wall time, so
   * virtual time runs HELM_TIME_RATE times wall time while a command that may wait works, and
   * its --timeout is the step's cluster time divided by that rate.
   */
  async helm(command: HelmCommand): Promise<HelmResult> {
    await this.ensureNodes();
    // Found (or built, minutes when cold) before time runs: a build is no time in the cluster.
    const helm = await helmFor(command);
    this.kubectlEndpoint ??= KubectlEndpoint.open(this.sim());
    const { kubeconfig } = await this.kubectlEndpoint;
    // A command that cannot wait (status, history) reads the cluster as it is: time stands still.
    if (command.waitMs === undefined) return runHelm(helm, command, { kubeconfig, namespace: this.namespace() });
    const timeoutMs = command.waitMs / HELM_TIME_RATE;
    return whileTimeRuns(this.sim().clock, HELM_TIME_RATE, () => runHelm(helm, command, { kubeconfig, namespace: this.namespace(), timeoutMs }));
  }

  namespace(): string {
    return 'default';
  }

  async addNodes(nodes: NodeDefinition[]): Promise<void> {
    const c = this.sim();
    const clash = nodes.find((n) => c.store.get('Node', { name: n.name }));
    if (clash && this.defaulted) {
      throw new UserError(`node "${clash.name}" already exists: this scenario created objects before describing its cluster, so it got the default topology (scenarios/topologies/kind.yaml); put the cluster step first`);
    }
    for (const n of nodes) c.addNode(n);
    this.hasNodes = true;
  }

  async failNode(name: string, how: NodeFault = 'power-off'): Promise<void> {
    this.requireNode(name);
    this.sim().failNode(name, how);
  }

  async recoverNode(name: string): Promise<void> {
    this.sim().recoverNode(name);
  }

  async placeStaticPod(node: string, manifest: Manifest): Promise<void> {
    const c = this.sim();
    this.requireNode(node);
    if (manifest.apiVersion !== 'v1' || manifest.kind !== 'Pod') throw new UserError(`a static pod manifest must be a v1 Pod, not ${manifest.apiVersion}/${manifest.kind}`);
    const pod = { ...manifest, metadata: { ...manifest.metadata, namespace: manifest.metadata.namespace ?? this.namespace() } } as SimObject;
    // The kubelet skips a manifest it cannot decode or validate: say so now rather than never run
    // it. (A generated name: the mirror of the manifest this one replaces may hold the real one.)
    const { name, ...metadata } = pod.metadata;
    if (!name) throw new UserError('a static pod manifest needs metadata.name');
    c.store.create({ ...pod, metadata: { ...metadata, generateName: `${name}-${node}-` } }, { dryRun: true });
    c.placeStaticPod(node, pod);
  }

  /** A step naming a node the cluster does not have is the scenario's mistake. */
  private requireNode(name: string): void {
    if (!this.sim().store.get('Node', { name })) throw new UserError(`node "${name}" not found`);
  }

  async configureScheduler(configuration: object): Promise<void> {
    let profiles: Profile[];
    try {
      profiles = parseSchedulerConfiguration(configuration);
    } catch (e) {
      if (e instanceof SchedulerConfigurationError) throw new UserError(e.message);
      throw e;
    }
    this.sim().configureScheduler(profiles);
  }

  async removeStaticPod(node: string, name: string): Promise<void> {
    if (!this.sim().removeStaticPod(node, name)) throw new UserError(`node "${node}" has no static pod manifest "${name}"`);
  }

  async injectApiFault(fault: ApiFault): Promise<void> {
    if (fault.type === 'watch-disconnect') this.sim().disconnectControllerWatches(fault.durationMs);
    else this.sim().failControlPlaneWrites(fault.status, fault.percent / 100, fault.durationMs);
  }

  async containerEnv(pod: string, container: string): Promise<Record<string, string>> {
    const env = this.sim().containerEnvironment(this.namespace(), pod, container);
    if (!env) throw new UserError(`container "${container}" of pod "${pod}" is not running`);
    return env;
  }

  async containerFiles(pod: string, container: string): Promise<Record<string, string>> {
    const files = this.sim().containerFiles(this.namespace(), pod, container);
    if (!files) throw new UserError(`pod "${pod}" has no container "${container}"`);
    return files;
  }

  async autoscaleNodeGroup(group: { name: string; min: number; max: number }): Promise<void> {
    await this.ensureNodes();
    this.sim().installClusterAutoscaler(group);
  }

  async setNetworkPlugin(name: NetworkPluginName): Promise<void> {
    this.sim().setNetworkPlugin(name);
  }

  async networkPolicyEnforced(): Promise<boolean> {
    return this.sim().network.enforcesNetworkPolicy;
  }

  async installAddOn(addOn: AddOn): Promise<void> {
    this.sim().installAddOn(addOn);
  }

  async removeNodes(names: string[]): Promise<void> {
    const c = this.sim();
    for (const name of names) c.store.delete('Node', { name });
    c.clock.settle();
  }

  async apply(manifests: Manifest[], options: ApplyOptions = {}): Promise<KubeObject[]> {
    await this.ensureNodes();
    const out: KubeObject[] = [];
    for (const m of manifests) {
      const namespace = this.namespaced(m.kind) ? (m.metadata.namespace ?? this.namespace()) : undefined;
      // Written at an older served version (autoscaling/v1 HPA): stored, and answered, at the current one.
      const input = toStoredVersion({ ...m, metadata: { ...m.metadata, ...(namespace ? { namespace } : {}) } });
      const info = this.sim().store.kindInfo(m.kind);
      if (!info) throw noKindMatch(m.kind, m.apiVersion);
      // Server-side apply with force, as the live driver applies: the same merge, ownership and pruning.
      out.push(await this.api().apply({ info, namespace, name: m.metadata.name }, input, options.fieldManager, options.force ?? true));
    }
    return out;
  }

  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const info = this.sim().store.kindInfo(ref.kind);
    return info ? await this.api().get({ info, ...this.key(ref) }) : undefined;
  }

  async list(kind: string, options: { namespace?: string; labelSelector?: string; allNamespaces?: boolean } = {}): Promise<KubeObject[]> {
    const info = this.sim().store.kindInfo(kind);
    if (!info) return [];
    const namespace = info.namespaced && !options.allNamespaces ? (options.namespace ?? this.namespace()) : undefined;
    return this.api().list({ info, namespace }, options.labelSelector);
  }

  /** A resourceVersion the patch sets is a precondition, as on the API server; otherwise the current one is kept. */
  async patch(ref: ObjectRef, patch: object, type: 'strategic' | 'merge' = 'strategic'): Promise<KubeObject> {
    return this.api().patch({ info: this.info(ref), ...this.key(ref) }, patch, type);
  }

  async evict(podName: string, namespace = this.namespace()): Promise<void> {
    await this.api().evict({ info: this.info({ kind: 'Pod', name: podName }), namespace, name: podName });
  }

  async setResourceUsage(ref: ObjectRef, usage: { cpuPercent?: number; memoryPercent?: number; cpuMillis?: number; memoryBytes?: number }): Promise<void> {
    const c = this.sim();
    const target = c.store.get(ref.kind, this.key(ref));
    if (!target) throw notFoundFor(ref);
    const namespace = this.key(ref).namespace ?? this.namespace();
    if (!target.spec?.selector) throw new UserError(`${ref.kind} "${ref.name}" has no pod selector to attach usage to`);
    c.metrics.setUsage({ namespace, selector: LabelSelector.fromSpec(target.spec.selector), ...usage });
  }

  /** A merge patch of spec.replicas, as the live driver scales. */
  async scale(ref: ObjectRef, replicas: number): Promise<void> {
    await this.patch(ref, { spec: { replicas } }, 'merge');
  }

  async delete(ref: ObjectRef, request: DeleteRequest = {}): Promise<void> {
    await this.api().delete({ info: this.info(ref), ...this.key(ref) }, request);
  }

  async waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, lastSeen?: () => Promise<string>): Promise<T> {
    const clock = this.sim().clock;
    const deadline = clock.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      const next = clock.nextDue();
      if (next === undefined || next > deadline) break;
      clock.advanceTo(next);
    }
    clock.advanceTo(Math.max(deadline, clock.now()));
    const value = await probe();
    if (value !== undefined) return value;
    throw waitTimeout(what, timeoutMs, 'virtual', lastSeen ? await lastSeen() : undefined, await this.events());
  }

  async elapse(ms: number): Promise<void> {
    await this.ensureNodes();
    this.sim().clock.advanceBy(ms);
  }

  elapsed(): number {
    return this.cluster ? this.cluster.clock.now() - this.startedAt : 0;
  }

  timeline(): TimelineEntry[] {
    return [...this.entries];
  }

  async events(): Promise<KubeObject[]> {
    const events = await this.list('Event');
    const order = (e: KubeObject) => this.eventOrder.get(e.metadata.uid!) ?? 0;
    return events.sort((a, b) => order(a) - order(b));
  }

  /** Advances virtual time a second at a time until the namespace's objects are unchanged for 5 s. */
  async settle(maxMs: number): Promise<void> {
    await settleBy(() => this.snapshot(), (ms) => this.elapse(ms), { stepMs: 1000, quietSteps: 5, maxMs });
  }

  async snapshot(): Promise<KubeObject[]> {
    const c = this.sim();
    return c.store.listAll({ namespace: this.namespace() }).filter((o) => o.kind !== 'Event') as KubeObject[];
  }

  /** A scenario that names no nodes gets the default topology before its first object. */
  private async ensureNodes(): Promise<void> {
    if (!this.hasNodes) {
      await this.addNodes([...this.defaultNodes]);
      this.defaulted = true;
    }
  }

  /** The API server's door for the calls a step makes (get, list, apply, patch, delete, evict). */
  private api(): InProcessApi {
    this.inProcess ??= new InProcessApi(this.sim());
    return this.inProcess;
  }

  /** The kind as the cluster serves it; a kind it does not serve is not found, as on the API server. */
  private info(ref: ObjectRef): KindInfo {
    const info = this.sim().store.kindInfo(ref.kind);
    if (!info) throw notFoundFor(ref);
    return info;
  }

  private sim(): SimCluster {
    if (!this.cluster) throw new Error('the simulated cluster is not set up (setup() was not called or teardown() already ran)');
    return this.cluster;
  }

  private key(ref: ObjectRef) {
    return { namespace: this.namespaced(ref.kind) ? (ref.namespace ?? this.namespace()) : undefined, name: ref.name };
  }

  /** Built-in kinds by the table, custom ones by their CRD's scope (in this cluster only). */
  private namespaced(kind: string): boolean {
    return this.cluster?.store.kindInfo(kind)?.namespaced ?? isNamespaced(kind);
  }
}

function notFoundFor(ref: ObjectRef): Error {
  const info = kindInfo(ref.kind);
  return info ? notFound(info.plural, ref.name, apiGroupOf(info.apiVersion)) : new Error(`${ref.kind} "${ref.name}" not found`);
}

