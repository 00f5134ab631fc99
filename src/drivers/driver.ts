/** How a node fails (src/kube/node-fault.ts says what each does to its pods). */
export type { NodeFault } from '../kube/node-fault.ts';
import type { AddOnName } from '../kube/add-on-names.ts';
import type { NetworkPluginName } from '../kube/network-plugin.ts';
export type { NetworkPluginName } from '../kube/network-plugin.ts';
import type { NodeFault } from '../kube/node-fault.ts';
import type { KubectlResult } from './kubectl.ts';
import type { HelmCommand, HelmResult } from './helm.ts';
import type { Capability } from './capabilities.ts';
import type { Assumption } from '../kube/assumptions.ts';
import type { ProbesUnavailable, TrafficProbes } from './traffic-probe.ts';
export type { ConnectObservation, DnsObservation, Observed, ProbesUnavailable, TrafficProbes } from './traffic-probe.ts';
export type { Assumption } from '../kube/assumptions.ts';

/**
 * An API fault the control plane meets: for a while, a share of its writes refused with a
 * status (429, 500, 503), or every controller's watch dropped and then relisted.
 */
export type ApiFault =
  | { type: 'refused-writes'; status: number; percent: number; durationMs: number }
  | { type: 'watch-disconnect'; durationMs: number };

/**
 * The one interface every step talks to (DESIGN.md "The driver"). A driver hides whether a
 * scenario runs on the simulator or on a live cluster; assertions are written once, against
 * what a driver returns. Objects are plain Kubernetes JSON.
 */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
    creationTimestamp?: string;
    generation?: number;
    ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>;
    finalizers?: string[];
    managedFields?: unknown[];
  };
  [field: string]: any;
};

/** A manifest as a user wrote it, before the server filled anything in. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name?: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };

/** Names one object. The namespace defaults to the scenario's own. */
export interface ApplyOptions {
  fieldManager?: string;
  force?: boolean;
}

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** A node to add, as a topology lists it. */
export interface NodeDefinition {
  name: string;
  role?: 'control-plane' | 'worker';
  labels?: Record<string, string>;
  taints?: Array<{ key: string; value?: string; effect: string }>;
  capacity?: Record<string, string>;
}

/** Who the driver runs a scenario for; names its namespace and labels on live clusters. */
export interface ScenarioInfo {
  name: string;
  uri: string;
  seed: number;
}

/** A pod lifecycle transition, in the order observed. */
export type Transition = 'created' | 'scheduled' | 'running' | 'ready' | 'not-ready' | 'succeeded' | 'failed' | 'terminating' | 'deleted';

export interface TimelineEntry {
  /** Milliseconds since the scenario started (virtual on the simulator, real on live). */
  at: number;
  kind: string;
  namespace?: string;
  name: string;
  transition: Transition;
  /** For example the node a pod was scheduled to. */
  detail?: string;
  /** The object's labels at this transition, so timeline checks can select by label. */
  labels?: Record<string, string>;
}

/** Options of a delete: as DeleteOptions, plus whether to wait for the object to be gone. */
export interface DeleteRequest {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** The add-ons the simulator can install into its kind cluster. */
export type AddOn = AddOnName;

/**
 * What a driver can do: a core every cluster offers, and optional members grouped into
 * capabilities (capabilities.ts) that the driver declares. A scenario with a step that needs a
 * capability the driver lacks is not applicable there, and is reported so before it starts. A
 * core method that cannot be done in some situation (a live cluster without the nodes a
 * topology names) throws `UnsupportedError`, and the step is skipped with that reason.
 */
export interface Driver {
  readonly name: 'sim' | 'live';
  /** The capabilities beyond the core this driver has; their members below are then present. */
  readonly capabilities: ReadonlySet<Capability>;
  /** Why it lacks a capability, where it can say it better than the capability's own description. */
  readonly lacking?: Partial<Record<Capability, string>>;
  /** Prepares a fresh cluster (sim) or namespace (live) for one scenario. */
  setup(scenario: ScenarioInfo): Promise<void>;
  /** Removes what the scenario created. Must be safe to call twice and after a failed setup. */
  teardown(): Promise<void>;
  /** The scenario's own namespace. */
  namespace(): string;
  /** Adds nodes (sim) or checks the cluster has them (live). */
  addNodes(nodes: NodeDefinition[]): Promise<void>;
  /**
   * node-faults: cuts a node off from the control plane (it goes NotReady after the grace
   * period): by power loss (the default), a network partition, or a stopped kubelet.
   */
  failNode?(name: string, how?: NodeFault): Promise<void>;
  /** node-faults: ends the node's outage: it boots, the partition heals, or the kubelet starts again. */
  recoverNode?(name: string): Promise<void>;
  /** api-faults: makes the API server misbehave toward the control plane. */
  injectApiFault?(fault: ApiFault): Promise<void>;
  /** static-pods: writes a Pod manifest into a node's staticPodPath, replacing one of that name. */
  placeStaticPod?(node: string, manifest: Manifest): Promise<void>;
  /** scheduler-configuration: restarts kube-scheduler with a KubeSchedulerConfiguration. */
  configureScheduler?(configuration: object): Promise<void>;
  /** static-pods: removes a manifest from a node's staticPodPath. */
  removeStaticPod?(node: string, name: string): Promise<void>;
  /** kubectl: runs the real kubectl against the scenario's cluster, in its namespace. */
  kubectl?(args: readonly string[]): Promise<KubectlResult>;
  /**
   * helm: runs the real Helm (the pinned version) against the scenario's cluster, in its
   * namespace; `waitMs` becomes helm's --timeout in the driver's time.
   */
  helm?(command: HelmCommand): Promise<HelmResult>;
  /** `kubectl exec <pod> -c <container> -- env`: the environment the container started with. */
  containerEnv(pod: string, container: string): Promise<Record<string, string>>;
  /**
   * The files of a container's volumes, by absolute path: its ConfigMap/Secret files, and
   * `alsoRead` (files others write, in an emptyDir say) where they exist.
   */
  containerFiles(pod: string, container: string, alsoRead?: readonly string[]): Promise<Record<string, string>>;
  /**
   * add-ons: installs a simulated add-on: a load-balancer provider, so LoadBalancer Services
   * get addresses; metrics-server, so the metrics.k8s.io API (kubectl top) exists; cert-manager,
   * so Issuers and Certificates (and annotated Ingresses) get certificates; Stakater Reloader, so
   * annotated workloads roll out when their ConfigMaps or Secrets change; Istio, so pods of
   * namespaces labelled istio-injection=enabled get sidecars that VirtualServices steer; the
   * Vertical Pod Autoscaler, recommending and applying requests from measured usage.
   */
  installAddOn?(addOn: AddOn): Promise<void>;
  /**
   * node-autoscaling: adds a node group of kind-sized workers at its min size, run by a simulated
   * Cluster Autoscaler between min and max.
   */
  autoscaleNodeGroup?(group: { name: string; min: number; max: number }): Promise<void>;
  /** network-plugin: gives the cluster this CNI plugin: kindnet (kind's), flannel (no NetworkPolicy), or none. */
  setNetworkPlugin?(name: NetworkPluginName): Promise<void>;
  /**
   * Probes that send real traffic (DNS lookups, TCP connections) from inside the cluster, or why
   * this cluster cannot take them (no node runs containers); a driver without a data plane (the
   * simulator) leaves it out. The network steps use it where they can and keep their model where
   * they cannot (traffic-probe.ts).
   */
  trafficProbes?(): Promise<TrafficProbes | ProbesUnavailable>;
  /** Whether the data plane enforces NetworkPolicy; a driver that cannot tell leaves it out (taken as yes). */
  networkPolicyEnforced?(): Promise<boolean>;
  /** node-removal: removes nodes from the cluster. */
  removeNodes?(names: string[]): Promise<void>;
  /**
   * Creates or updates objects by server-side apply; returns them as stored. By default as field
   * manager "kubespec" with force (a scenario's setup always wins); with a manager and no force,
   * a conflict with another manager's fields is refused as the API server refuses it.
   */
  apply(manifests: Manifest[], options?: ApplyOptions): Promise<KubeObject[]>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  list(kind: string, options?: { namespace?: string; labelSelector?: string; allNamespaces?: boolean }): Promise<KubeObject[]>;
  /** POST pods/<name>/eviction: refused (429) while a PodDisruptionBudget allows no disruption. */
  evict(podName: string, namespace?: string): Promise<void>;
  /** Patches an object: strategic merge (kubectl's default) or JSON merge. Returns it as stored. */
  patch(ref: ObjectRef, patch: object, type?: 'strategic' | 'merge'): Promise<KubeObject>;
  /**
   * usage-injection: makes the pods selected by a workload report this resource usage, as a share
   * of their requests (the simulator's metrics-server).
   */
  setResourceUsage?(ref: ObjectRef, usage: { cpuPercent?: number; memoryPercent?: number; cpuMillis?: number; memoryBytes?: number }): Promise<void>;
  /** Sets spec.replicas through the scale subresource. */
  scale(ref: ObjectRef, replicas: number): Promise<void>;
  delete(ref: ObjectRef, request?: DeleteRequest): Promise<void>;
  /**
   * Waits until `probe` returns a value other than undefined, or `timeoutMs` passes. The
   * simulator advances virtual time between probes; live drivers re-probe on watch events.
   * On timeout, throws a WaitTimeoutError naming `what` and the last probe's `lastSeen`.
   */
  waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, lastSeen?: () => Promise<string>): Promise<T>;
  /** Lets time pass: virtual on the simulator, a real sleep on live. */
  elapse(ms: number): Promise<void>;
  /** Milliseconds since setup, in the driver's time. */
  elapsed(): number;
  /** Pod lifecycle transitions observed so far, oldest first. */
  timeline(): TimelineEntry[];
  /** Events in the scenario's namespace, oldest first. */
  events(): Promise<KubeObject[]>;
  /** Every object the scenario can see in its namespace (for reports). */
  snapshot(): Promise<KubeObject[]>;
  /**
   * Lets the scenario's objects come to rest (no object of its namespace changes for a while),
   * for at most `maxMs`: the fidelity run compares the states both clusters settle into rather
   * than wherever each happened to be when the last step ended.
   */
  settle?(maxMs: number): Promise<void>;
  /**
   * assumptions: what the driver took to be true without being able to know it (the simulator: unknown
   * images, commands it cannot interpret, probe targets it cannot see). A driver that observes a
   * real cluster assumes nothing and leaves this out.
   */
  assumptions?(): Assumption[];
  /**
   * assumptions: writes down what a step's model verdict took to be true without knowing (reachability to a
   * program kubespec cannot tell listens); they join `assumptions()`. A driver that observes a
   * real cluster leaves this out: the cluster, not kubespec's facts, has the last word there.
   */
  assume?(assumptions: readonly Assumption[]): void;
}

export { UnsupportedError, WaitTimeoutAssertionError } from './errors.ts';
