import { AssumptionLog } from '../kube/assumptions.ts';
import { Admission } from './admission/admission.ts';
import { defaulting } from './admission/defaulting.ts';
import { releaseDefaults } from './admission/release-defaults.ts';
import { matchLabelKeysMerge } from './admission/match-label-keys.ts';
import { appArmorVersionSkew } from './admission/app-armor-version-skew.ts';
import { validation } from './admission/validation.ts';
import { canonicalQuantities } from './admission/canonical-quantities.ts';
import { immutableFields } from './admission/immutable-fields.ts';
import { podResizeValidation } from './admission/pod-resize-validation.ts';
import { defaultTolerationSeconds } from './admission/default-tolerations.ts';
import { builtInPriorityClasses, priorityAdmission } from './admission/priority.ts';
import { ServiceAllocation } from './admission/service-allocation.ts';
import { ingressAdmission } from './admission/ingress.ts';
import { configObjects } from './admission/config-objects.ts';
import { crdValidation } from './admission/crd-validation.ts';
import { customResourceSchema } from './admission/custom-resource-schema.ts';
import { serviceAccountAdmission } from './admission/service-account.ts';
import { podSecurityAdmission } from './admission/pod-security.ts';
import { limitRanger } from './admission/limit-ranger.ts';
import { resourceQuotaAdmission } from './admission/resource-quota.ts';
import { storageAdmission } from './admission/storage.ts';
import { bootstrapClusterRoles } from './bootstrap-policy.ts';
import { VirtualClock, type Millis } from './clock.ts';
import { registerControllers } from './controllers/index.ts';
import { ControllerManager } from './controllers/manager.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { defaultProfile, type Profile } from './scheduler/registry.ts';
import { EventRecorder } from './events.ts';
import type { ImageBehavior } from './kubelet/container-behavior.ts';
import { nodeObject, type NodeSpec } from './nodes.ts';
import { kindAddOnObjects } from './kind-add-ons.ts';
import { controlPlaneStaticPods } from './control-plane-pods.ts';
import { SeededRandom } from './rng.ts';
import { MetricsServer } from './metrics.ts';
import { evictPod } from './api/eviction.ts';
import { NodeHealth, type OutageKind } from './node-health.ts';
import { NodeLeases } from './node-leases.ts';
import { containerSpec } from './pod-status.ts';
import type { KubeObject } from './store/types.ts';
import { ApiFaults } from './api-faults.ts';
import { LoadBalancerProvider } from './controllers/load-balancer-controller.ts';
import type { Kubelets } from './kubelet/kubelet.ts';
import type { StaticPodManifest, StaticPods } from './kubelet/static-pods.ts';
import { volumeFiles } from '../kube/volume-files.ts';
import { writeTarget } from './kubelet/written-files.ts';
import { containerLogFiles } from './kubelet/node-logs.ts';
import { resolvConf } from './kubelet/resolv-conf.ts';
import { containerIdentity, type ContainerIdentity } from './kubelet/container-identity.ts';
import { Mesh, sidecarInjection } from './addons/istio/index.ts';
import { installClusterAutoscaler, type NodeGroup } from './addons/cluster-autoscaler/index.ts';
import { vpaAdmission, VerticalPodAutoscaling } from './addons/vpa/index.ts';
import { addOns } from './addons/registry.ts';
import type { AddOnName } from '../kube/add-on-names.ts';
import { NETWORK_NOT_READY, NetworkPlugin, type NetworkPluginName } from '../kube/network-plugin.ts';
import { thaw } from './store/freeze.ts';
import { rfc3339 } from './clock.ts';
import { ObjectStore } from './store/object-store.ts';
import { behaviour, defaultKubernetesVersion, featureEnabled, type KubernetesVersion } from '../kube/kubernetes-versions.ts';
import { releaseKinds } from '../kube/kinds.ts';

/** How to build a simulated cluster. */
export interface ClusterOptions {
  seed: number;
  /** Virtual start time; a fixed date so timestamps in reports are stable. */
  epoch?: Millis;
  /** Image default behaviors (scenarios/behaviors/images.yaml). */
  images?: readonly ImageBehavior[];
  /** The Kubernetes release simulated (`--kubernetes-version`); default: the newest maintained minor. */
  version?: KubernetesVersion;
}

/** 2026-01-01T00:00:00Z: the virtual clock's default start. */
export const DEFAULT_EPOCH: Millis = Date.UTC(2026, 0, 1);

/**
 * A simulated cluster: the composition root that wires store, admission, clock, RNG, events and
 * the control loops together. It holds no behavior of its own; each part is its own module.
 */
export class SimCluster {
  /** The release this cluster simulates: its versioned facts come from src/kube/kubernetes-versions.ts. */
  readonly version: KubernetesVersion;
  readonly clock: VirtualClock;
  readonly rng: SeededRandom;
  readonly store: ObjectStore;
  readonly events: EventRecorder;
  readonly controllers: ControllerManager;
  readonly metrics = new MetricsServer();
  readonly health = new NodeHealth();
  /** The kubelets' heartbeat Leases in kube-node-lease. */
  readonly nodeLeases: NodeLeases;
  readonly loadBalancers = new LoadBalancerProvider();
  readonly network = new NetworkPlugin();
  readonly mesh = new Mesh();
  readonly vpa = new VerticalPodAutoscaling();
  /** What the kubelets assumed where they could not know (assumptions.ts). */
  readonly assumptions = new AssumptionLog();
  /** API faults the control plane meets on purpose (api-faults.ts). */
  readonly faults: ApiFaults;
  private readonly kubelets: Kubelets;
  private readonly staticPods: StaticPods;
  /** One scheduler per profile of the current configuration (the first is the built-in one). */
  private readonly schedulers: Scheduler[] = [];
  private nodeCount = 0;

  constructor(options: ClusterOptions) {
    this.version = options.version ?? defaultKubernetesVersion();
    this.clock = new VirtualClock(options.epoch ?? DEFAULT_EPOCH);
    this.rng = new SeededRandom(options.seed);
    this.store = new ObjectStore(this.clock, this.rng, new Admission([canonicalQuantities, sidecarInjection(() => this.store, this.mesh), vpaAdmission(() => this.store, this.vpa), defaulting, releaseDefaults(this.version), serviceAccountAdmission(() => this.store, this.rng), defaultTolerationSeconds, priorityAdmission(() => this.store), new ServiceAllocation(() => this.store, this.rng, this.version), ingressAdmission(() => this.store), configObjects, crdValidation, customResourceSchema, storageAdmission(() => this.store), limitRanger(() => this.store), podSecurityAdmission(() => this.store), matchLabelKeysMerge(this.version), appArmorVersionSkew(this.version), validation(this.version), immutableFields(this.version), podResizeValidation(this.version, () => this.store), resourceQuotaAdmission(() => this.store)]));
    // The kinds the release serves beyond v1.32's (MutatingAdmissionPolicy from 1.36, ...): versioned data.
    this.store.serveReleaseKinds(releaseKinds(this.version));
    if (behaviour(this.version, 'api.pod.generation').value) this.store.trackGeneration('Pod', 'spec');
    // BindingREST's assignPod (storage.go:247, v1.37.2).
    this.store.clearsNominationOnBinding = featureEnabled(this.version, 'ClearingNominatedNodeNameAfterBinding');
    this.store.decodeNamesEmbeddedStructs = behaviour(this.version, 'api.decode.embeddedStructNames').value;
    this.events = new EventRecorder(this.store, this.clock, this.rng);
    this.faults = new ApiFaults(this.clock, options.seed);
    this.store.beforeWrite = (kind) => this.faults.beforeWrite(kind);
    this.controllers = new ControllerManager(this.store, this.clock, this.faults);
    const parts = registerControllers(this.controllers, {
      store: this.store, clock: this.clock, rng: this.rng, events: this.events, images: options.images ?? [], metrics: this.metrics, health: this.health, loadBalancers: this.loadBalancers, network: this.network, assumptions: this.assumptions, version: this.version,
    });
    ({ kubelets: this.kubelets, staticPods: this.staticPods } = parts);
    this.nodeLeases = new NodeLeases(this.store, this.clock, this.health);
    this.store.watch('PersistentVolume', (e) => {
      const pv = e.object;
      if (e.type === 'DELETED') this.kubelets.writtenFiles.forgetVolume(pv.metadata.name, pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] ? pv.spec?.hostPath?.path : undefined);
    });
    this.schedulers.push(parts.scheduler);
    this.bootstrap();
    this.clock.settle();
  }

  /**
   * What every kubeadm cluster starts with: the four namespaces (each then gets its default
   * ServiceAccount and root CA from the controllers), the kubernetes and kube-dns Services, the
   * built-in PriorityClasses and the user-facing ClusterRoles.
   */
  private bootstrap(): void {
    for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    }
    this.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] } });
    for (const pc of builtInPriorityClasses) {
      this.store.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name }, value: pc.value, description: pc.description, preemptionPolicy: 'PreemptLowerPriority' });
    }
    for (const role of bootstrapClusterRoles()) this.store.create(role);
    for (const o of kindAddOnObjects()) this.store.create(o);
    this.clock.settle();
  }

  /** POST pods/<name>/eviction: deletes the pod if its disruption budget allows (see api/eviction.ts). */
  evict(namespace: string, name: string): void {
    evictPod(this.store, this.clock, namespace, name);
    this.clock.settle();
  }

  /** The node stops reaching the control plane, the way `kind` says (node-health.ts): no heartbeats. */
  failNode(name: string, kind: OutageKind = 'power-off'): void {
    this.health.fail(name, this.clock.now(), kind);
    this.resyncNode(name);
  }

  /** The node reaches the control plane again: its kubelet posts Ready and catches up with its pods. */
  recoverNode(name: string): void {
    this.health.recover(name, this.clock.now());
    const node = this.store.get('Node', { name });
    if (!node) return;
    const t = rfc3339(this.clock.now());
    const status = thaw(node.status);
    const healthy: Record<string, [string, string, string]> = {
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    };
    status.conditions = status.conditions.map((c: any) => {
      const [value, reason, message] = healthy[c.type] ?? [c.status, c.reason, c.message];
      return { ...c, status: value, reason, message, lastHeartbeatTime: t, lastTransitionTime: value === c.status ? c.lastTransitionTime : t };
    });
    if (!this.network.ready) status.conditions = withNetworkReadiness(status.conditions, false, t);
    this.store.updateStatus({ ...node, status });
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName === name)) this.controllers.resync(pod);
    this.clock.settle();
  }

  /** From now for `duration`, the API server refuses this share of the control plane's writes with `status`. */
  failControlPlaneWrites(status: number, fraction: number, duration: Millis): void {
    this.faults.failWrites(status, fraction, duration);
  }

  /** Every controller's watch drops for `duration`, then relists (ControllerManager.disconnectWatches). */
  disconnectControllerWatches(duration: Millis): void {
    this.controllers.disconnectWatches(duration);
  }

  /**
   * Restarts kube-scheduler with these profiles (from a KubeSchedulerConfiguration): a pod is
   * scheduled by the profile its schedulerName names, and waits if none does. Pending pods are
   * tried again under the new configuration.
   */
  configureScheduler(profiles: readonly Profile[]): void {
    profiles.forEach((profile, i) => {
      const existing = this.schedulers[i];
      if (existing) return existing.useProfile(profile);
      const scheduler = new Scheduler(this.store, this.clock, this.rng, this.events, this.version, profile);
      this.controllers.register(scheduler, scheduler.watches());
      this.schedulers.push(scheduler);
    });
    // Profiles dropped since: a name no pod carries.
    for (const unused of this.schedulers.slice(profiles.length)) unused.useProfile({ ...defaultProfile, schedulerName: '' });
    for (const pod of this.store.list('Pod').filter((p) => !p.spec?.nodeName)) this.controllers.resync(pod);
    this.clock.settle();
  }

  /** Writes a pod manifest into the node's staticPodPath (replacing one of the same name): its kubelet runs it. */
  placeStaticPod(node: string, manifest: StaticPodManifest): void {
    this.staticPods.place(node, manifest);
    this.resyncNode(node);
  }

  /** Removes a manifest from the node's staticPodPath: the kubelet stops the pod. False if there was none. */
  removeStaticPod(node: string, name: string): boolean {
    const removed = this.staticPods.remove(node, name);
    this.resyncNode(node);
    return removed;
  }

  private resyncNode(name: string): void {
    const node = this.store.get('Node', { name });
    if (node) this.controllers.resync(node);
    this.clock.settle();
  }

  /** The environment a running container started with (`kubectl exec <pod> -c <c> -- env`). */
  containerEnvironment(namespace: string, pod: string, container: string): Record<string, string> | undefined {
    return this.kubelets.environmentOf(namespace, pod, container);
  }

  /**
   * What a container's image entrypoint printed in the run that started at `startedAt` (as its
   * status shows it), before its own program: `kubectl logs` shows it first.
   */
  containerEntrypointOutput(namespace: string, pod: string, container: string, startedAt: string): string[] {
    return this.kubelets.entrypointOutputOf(namespace, pod, container, startedAt);
  }

  /** The files a container sees in its volumes, by path: ConfigMap and Secret files, and what the pod's scripts wrote into emptyDirs. */
  containerFiles(namespace: string, podName: string, container: string): Record<string, string> | undefined {
    const pod = this.store.get('Pod', { namespace, name: podName });
    const spec = containerSpec(pod, container);
    if (!pod || !spec) return undefined;
    // As of the pod's last sync: the kubelet rewrites these volumes every resync (volume-sync.ts).
    const current = volumeFiles(pod, spec, this.kubelets.volumeLookup(pod));
    const shared: Record<string, string> = {};
    const written = this.kubelets.emptyDirFilesOf(pod);
    for (const mount of spec.volumeMounts ?? []) {
      for (const [inside, content] of Object.entries(written.get(mount.name) ?? {})) {
        if (!mount.subPath) shared[`${mount.mountPath.replace(/\/$/, '')}/${inside}`] = content;
      }
    }
    const mountsVarLog = (pod.spec.volumes ?? []).some((v: any) => v.hostPath && '/var/log/'.startsWith(`${String(v.hostPath.path).replace(/\/+$/, '')}/`));
    const logs = mountsVarLog ? containerLogFiles(this.store.list('Pod').filter((p) => p.spec?.nodeName === pod.spec.nodeName), this.clock.now()) : {};
    const fromExec = this.kubelets.writtenFiles.visible(pod, spec, runOf(pod, container), logs);
    const system = { '/etc/resolv.conf': resolvConf(pod, this.kubelets.nodeAddress(pod.spec.nodeName)) };
    return { ...system, ...shared, ...fromExec, ...current, ...this.kubelets.subPathFilesOf(namespace, podName, container) };
  }

  /** Who a container's processes run as (`kubectl exec … id`), and the groups owning its mounts. */
  containerIdentity(namespace: string, podName: string, container: string): ContainerIdentity | undefined {
    const pod = this.store.get('Pod', { namespace, name: podName });
    const spec = containerSpec(pod, container);
    return pod && spec ? containerIdentity(pod, spec, this.kubelets.images) : undefined;
  }

  /**
   * A file written into a running container from outside (`kubectl exec … touch`, `echo … >`),
   * or with `remove` deleted: undefined when done, else the error the container's shell would
   * print (`Read-only file system`, `No such file or directory`), or a `kubespec:` note when the
   * volume type holding the path is not simulated.
   */
  writeContainerFile(namespace: string, podName: string, container: string, path: string, change: { content?: string; append?: boolean; remove?: boolean }): string | undefined {
    const pod = this.store.get('Pod', { namespace, name: podName });
    const spec = containerSpec(pod, container);
    if (!pod || !spec) return 'No such file or directory';
    const target = writeTarget(pod, spec, path, this.kubelets.writtenFiles.claimHostPath);
    if (target.kind === 'read-only') return 'Read-only file system';
    if (target.kind === 'not-simulated') return `kubespec: files in ${target.volumeType} volumes are not simulated`;
    const run = runOf(pod, container);
    if (change.remove && !this.kubelets.writtenFiles.remove(pod, container, run, target, path)) return 'No such file or directory';
    if (!change.remove) this.kubelets.writtenFiles.write(pod, container, run, target, path, change.content ?? '', change.append ?? false);
    this.kubelets.fileChanged(pod, container, path, !change.remove);
    this.controllers.resync(pod);
    this.clock.settle();
    return undefined;
  }

  /** Runs a Cluster Autoscaler for a node group, which starts at its min size. */
  installClusterAutoscaler(group: NodeGroup): void {
    installClusterAutoscaler({ store: this.store, clock: this.clock, events: this.events, manager: this.controllers, addNode: (spec) => this.addNode(spec) }, group);
    this.clock.settle();
  }

  /** Installs an add-on of the registry (addons/registry.ts), once: a second install changes nothing. */
  installAddOn(name: AddOnName): void {
    if (this.installedAddOns.has(name)) return;
    this.installedAddOns.add(name);
    addOns[name].install(this);
    this.clock.settle();
  }

  private readonly installedAddOns = new Set<AddOnName>();

  /** Registers a node as its kubelet would, Ready at once; a control-plane node runs kubeadm's static pods. */
  addNode(spec: NodeSpec): void {
    this.nodeCount++;
    if (spec.role === 'control-plane') for (const pod of controlPlaneStaticPods(this.version)) this.staticPods.place(spec.name, pod);
    const node = nodeObject(spec, this.nodeCount, this.clock.now(), this.version);
    this.store.create(this.network.ready ? node : { ...node, status: { ...node.status, conditions: withNetworkReadiness(node.status.conditions, false, rfc3339(this.clock.now())) } });
    this.clock.settle();
  }

  /**
   * Puts a CNI plugin in place (or takes it away): the kubelets report Ready or NotReady with the
   * runtime's network message, and pods waiting for a sandbox move on.
   */
  setNetworkPlugin(name: NetworkPluginName): void {
    this.network.name = name;
    const t = rfc3339(this.clock.now());
    for (const node of this.store.list('Node')) {
      if (this.health.downSince(node.metadata.name) !== undefined) continue;
      this.store.updateStatus({ ...node, status: { ...node.status, conditions: withNetworkReadiness(node.status?.conditions ?? [], this.network.ready, t) } });
    }
    for (const pod of this.store.list('Pod').filter((p) => p.spec?.nodeName)) this.controllers.resync(pod);
    this.clock.settle();
  }
}

/** The Ready condition as the kubelet sets it with or without a ready container network. */
function withNetworkReadiness(conditions: any[], ready: boolean, t: string): any[] {
  const [status, reason, message] = ready ? ['True', 'KubeletReady', 'kubelet is posting ready status'] : ['False', 'KubeletNotReady', NETWORK_NOT_READY];
  return conditions.map((c: any) => (c.type === 'Ready' ? { ...c, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: c.status === status ? c.lastTransitionTime : t } : c));
}

/** Which run of a container this is (its restartCount): a restart starts a fresh writable layer. */
function runOf(pod: KubeObject, container: string): number {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  return statuses.find((s: any) => s.name === container)?.restartCount ?? 0;
}
