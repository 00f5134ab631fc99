import { defaultKubernetesVersion, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';
import { AssumptionLog, type Guess } from '../../kube/assumptions.ts';
import { rfc3339, type Clock, type Millis } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import { thaw } from '../store/freeze.ts';
import { observed, observedGeneration } from '../observed-generation.ts';
import { TerminalError, type Controller, type ReconcileResult, type WatchSpec } from '../controllers/controller.ts';
import type { EventRecorder } from '../events.ts';
import { deepEqual } from '../store/apply/object-fields.ts';
import { NodeFilesystems } from './node-filesystem.ts';
import { WrittenFiles } from './written-files.ts';
import { NetworkPlugin } from '../../kube/network-plugin.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { keyText } from '../store/types.ts';
import { behaviorOf, guessedAsInitContainer, stoppedBySigterm, type ImageBehavior } from './container-behavior.ts';
import { admittedRuntime, identity, PodAddresses } from './pod-admission.ts';
import { probeKillGrace, runFacts } from './probe-kills.ts';
import { nextWake } from './wake-up.ts';
import { pollWait } from './waiting-scripts.ts';
import { EvictionManager } from './eviction-manager.ts';
import { startableContainers, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';
import { missingVolumeSource, type ObjectLookup } from './environment.ts';
import { viewAt, viewIsStale, viewLookup, volumeSources } from './volume-sync.ts';
import { buildPodStatus, mergedPodStatus } from './pod-status-builder.ts';
import { containerSpec } from '../pod-status.ts';
import { reboot } from './reboot.ts';
import type { StaticPods } from './static-pods.ts';
import type { NodeHealth } from '../node-health.ts';
import { LifecycleHooks, inPostStart } from './lifecycle-hooks.ts';
import { StageEngine } from './stage-engine.ts';
import type { PodStage } from './pod-stages.ts';
import type { Facts, StageContext } from './stage-conditions.ts';
import { advanceBackOff, backOffMount, backOffPull } from './restart-backoff.ts';
import { ImageManager } from './image-manager.ts';
import { ContainerStarter } from './container-start.ts';
import { beginStop, settleStops } from './pod-termination.ts';
import { emptyDirFiles } from './pod-files.ts';
import { PodResizes } from './pod-resize.ts';
import { StatusEchoes } from './status-echoes.ts';

const COMPONENT = 'kubelet';

/**
 * The kubelets of all simulated nodes (reference/kubelet.md). Each bound pod gets a sandbox,
 * its init containers run one after another, then its app containers start; each container
 * runs its behavior (container-behavior.ts), exits and restarts by restartPolicy with
 * CrashLoopBackOff; a deleted pod's containers are stopped (SIGTERM, SIGKILL at the grace
 * deadline) and the pod object is removed. What happens at each of those steps is the stage
 * table (pod-stages.ts); this class is the pod worker that works out the facts, asks the table
 * (stage-engine.ts) and schedules the next look.
 */
export class Kubelets implements Controller {
  readonly name = 'Kubelet';
  private readonly runtimes = new Map<string, PodRuntime>();
  /** Files written into containers from outside (kubectl exec), by where they land. */
  readonly writtenFiles = new WrittenFiles(
    (namespace, claim) => this.boundVolume(namespace, claim) ?? `${namespace}/${claim}`,
    (namespace, claim) => {
      const name = this.boundVolume(namespace, claim);
      return name === undefined ? undefined : this.store.get('PersistentVolume', { name })?.spec?.hostPath?.path;
    },
  );
  /** What hostPath volumes find and make on the nodes. */
  private readonly filesystems: NodeFilesystems;
  private readonly addresses: PodAddresses;
  /** postStart and preStop handlers (lifecycle-hooks.ts). */
  private readonly hooks: LifecycleHooks;
  /** Memory pressure and local storage limits (eviction-manager.ts). */
  private readonly eviction: EvictionManager;
  /** The pod lifecycle's stages (pod-stages.ts) and their interpreter. */
  private readonly stages: StageEngine;
  /** Image pulls per node (image-manager.ts). */
  private readonly imageManager: ImageManager;
  /** Creating and starting container runs (container-start.ts). */
  private readonly starter: ContainerStarter;
  /** In-place resizes (pod-resize.ts). */
  private readonly resizes: PodResizes;
  /** The watch events of the status a pod's own sync posts: they start no sync (status-echoes.ts). */
  private readonly echoes = new StatusEchoes();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    readonly images: readonly ImageBehavior[] = [],
    private readonly health?: NodeHealth,
    private readonly staticPods?: StaticPods,
    private readonly network: NetworkPlugin = new NetworkPlugin(),
    readonly assumptions: AssumptionLog = new AssumptionLog(),
    private readonly version: KubernetesVersion = defaultKubernetesVersion(),
  ) {
    this.addresses = new PodAddresses(store);
    this.filesystems = new NodeFilesystems(version);
    this.resizes = new PodResizes({ store, version, event: (pod, type, reason, message, fieldPath) => this.events.record(COMPONENT, pod, type, reason, message, fieldPath), observedGeneration: (pod) => observedGeneration(version, pod) });
    const event = (pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string) => this.events.record(COMPONENT, pod, type, reason, message, fieldPath);
    this.eviction = new EvictionManager(store, clock, events, {
      runtime: (pod) => this.runtimes.get(keyText(pod.metadata)),
      evict: (stage, pod, rt, now, message) => { this.stages.fire(stage, this.context(pod, rt, undefined, now, { message })); },
    });
    this.hooks = new LifecycleHooks(clock, images, {
      event: (pod, type, reason, message) => event(pod, type, reason, message),
      assume: (pod, c, guesses) => this.assumeFor(pod, containerSpec(pod, c.name) ?? { name: c.name }, c.init, { guesses }),
      exited: (pod, c, at, exitCode, reason) => {
        this.stages.fire('killed-after-post-start-hook', this.context(pod, this.runtimes.get(keyText(pod.metadata))!, c, this.clock.now(), { at, exitCode, reason }));
      },
      current: (pod, c) => this.runtimes.get(keyText(pod.metadata))?.containers.includes(c) ?? false,
    });
    this.imageManager = new ImageManager(images, (pod, container, init, value) => this.assumeFor(pod, container, init, value));
    this.starter = new ContainerStarter({
      store, clock, images, eviction: this.eviction,
      fire: (stage, pod, c, facts) => {
        const rt = this.runtimes.get(keyText(pod.metadata));
        if (rt) this.stages.fire(stage, this.context(pod, rt, c, this.clock.now(), facts));
      },
      assume: (pod, container, init, value) => this.assumeFor(pod, container, init, value),
      lookup: (pod) => this.lookup(pod),
      podIP: (pod) => this.runtimes.get(keyText(pod.metadata))?.podIP,
      outsideFiles: (pod, spec, run) => Object.fromEntries(Object.keys(this.writtenFiles.visible(pod, spec, run)).map((path) => [path, { createdAt: 0 }])),
    });
    this.stages = new StageEngine({
      clock,
      version,
      event,
      current: (x) => this.runtimes.get(keyText(x.pod.metadata))?.uid === identity(x.pod),
      failPod: (x, reason, message, graceful) => this.failPod(x.pod, x.rt, x.now, reason, message, graceful),
      podCondition: ({ pod, now }, { type, reason, message }) => {
        const current = this.store.get('Pod', pod.metadata);
        if (!current) return;
        const status = thaw(current.status ?? {});
        status.conditions = upsertCondition(status.conditions, observed({ type, status: 'True', reason, message, lastTransitionTime: rfc3339(now) }, observedGeneration(this.version, current)));
        this.echoes.post(current, () => this.store.updateStatus({ ...current, status }));
      },
      actions: {
        dropSandbox: ({ rt }) => { rt.sandboxReadyAt = Infinity; },
        makeSandbox: ({ rt, now }, delay) => { rt.sandboxReadyAt = now + delay!; },
        rebootPod: ({ pod, rt, facts }) => reboot(pod, rt, facts.powerLoss!.from, facts.powerLoss!.to, this.addresses.newPodIp(pod)),
        writeStatus: ({ pod, rt }) => this.writeStatus(pod, rt),
        backOffMount: ({ rt, now }) => backOffMount(rt, now),
        clearMountBackOff: ({ rt }) => { rt.mountBackoff = rt.mountRetryAt = undefined; },
        noteProbeKillFailure: ({ c, facts }) => { c!.killFailureReportedAt = facts.probeFailedAt; },
        startProbeKill: ({ pod, rt, c, facts }) => {
          this.hooks.kill(pod, c!, containerSpec(pod, c!.name), rt.podIP, facts.killAt!, probeKillGrace(pod, c!) / 1000);
          c!.killNoticedAt = facts.killAt;
          // The sync is busy until the process is gone: by the kill, or first by itself (runFacts).
          rt.probeKillsBusyUntil = Math.max(rt.probeKillsBusyUntil ?? -Infinity, facts.killEndsAt ?? facts.exitAt ?? Infinity);
        },
        advanceBackOff: ({ c, facts }) => advanceBackOff(c!, facts.since!),
        clearPullBackOffShown: ({ c }) => { c!.backOffShownAt = undefined; },
        backOffPull: ({ c, now }) => backOffPull(c!, now),
        markPulled: (x) => this.imageManager.markPulled(x),
        pullImage: (x, took) => this.imageManager.pull(x, took!),
        setUpRun: (x) => this.starter.setUp(x),
        runPostStart: ({ pod, rt, c, facts, now }) => this.hooks.started(pod, c!, containerSpec(pod, c!.name), rt.podIP, facts.at ?? now),
        killForDeletion: ({ pod, rt, c, now }) => {
          // preStop first, out of the same grace period; SIGKILL no sooner than 2 s after SIGTERM.
          const grace = stopGrace(pod, now);
          beginStop(c!, this.hooks.kill(pod, c!, containerSpec(pod, c!.name), rt.podIP, now, grace / 1000), now, grace);
        },
        removePod: ({ pod }) => {
          this.runtimes.delete(keyText(pod.metadata));
          this.store.delete('Pod', pod.metadata, { gracePeriodSeconds: 0 });
        },
      },
    });
  }

  /**
   * Bound pods are this controller's keys, but not for the echo of the status their own sync
   * posted (status-echoes.ts: a RECONCILE upstream, config.go:366-382, that syncs nothing); a
   * ConfigMap or Secret appearing may unblock its pods.
   */
  watches(): WatchSpec[] {
    const podsInNamespace = (ns: string | undefined): ObjectKey[] => this.store.list('Pod', { namespace: ns }).filter((p) => p.spec?.nodeName).map((p) => p.metadata);
    return [
      // deferredOn sees every event: a pod finishing (even by its own status) retries its node's resizes.
      { kind: 'Pod', keys: (e) => (e.object.spec?.nodeName ? [...(this.echoes.isEcho(e) ? [] : [e.object.metadata]), ...this.resizes.deferredOn(e)] : []) },
      { kind: 'ConfigMap', keys: (e) => podsInNamespace(e.object.metadata.namespace) },
      { kind: 'Secret', keys: (e) => podsInNamespace(e.object.metadata.namespace) },
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.object.status?.phase === 'Bound' ? podsInNamespace(e.object.metadata.namespace) : []) },
    ];
  }

  reconcile(key: ObjectKey): ReconcileResult {
    return this.echoes.sync(key, () => this.syncPod(key));
  }

  private syncPod(key: ObjectKey): ReconcileResult {
    const pod = this.store.get('Pod', key);
    const id = keyText(key);
    if (!pod || !pod.spec?.nodeName || !this.store.get('Node', { name: pod.spec.nodeName })) {
      // A static pod outlives its mirror: the runtime stays while its manifest does.
      const kept = this.runtimes.get(id);
      if (!(pod === undefined && kept?.staticPodNode && this.staticPods?.hasManifest(kept.staticPodNode, kept.uid))) this.runtimes.delete(id);
      return {};
    }
    // A stopped kubelet does nothing: its pods keep their last status until it comes back.
    if (this.health?.downSince(pod.spec.nodeName) !== undefined) return {};
    // Deleting a mirror pod does not stop the static pod: the mirror goes now and comes back.
    if (pod.metadata.deletionTimestamp && this.staticPods?.isCurrentMirror(pod)) {
      this.store.delete('Pod', key, { gracePeriodSeconds: 0 });
      return {};
    }
    let rt = this.runtimes.get(id);
    if (rt && rt.uid !== identity(pod)) rt = undefined; // same name, new pod
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      if (pod.metadata.deletionTimestamp) this.store.delete('Pod', key, { gracePeriodSeconds: 0 });
      return {};
    }
    if (!rt) {
      if (pod.metadata.deletionTimestamp) {
        this.store.delete('Pod', key, { gracePeriodSeconds: 0 });
        return {};
      }
      if (this.eviction.refusedUnderPressure(pod)) return {};
      try {
        rt = this.admit(pod);
      } catch (e) {
        // A behavior annotation kubespec cannot read: say so on the pod rather than stall silently.
        this.events.record(COMPONENT, pod, 'Warning', 'InvalidBehavior', (e as Error).message);
        throw new TerminalError((e as Error).message);
      }
      this.runtimes.set(id, rt);
    }
    const now = this.clock.now();
    this.catchUpOnOutage(pod, rt);
    if (pod.metadata.deletionTimestamp || rt.terminating) return this.terminate(pod, rt, now);
    // syncPod without a CNI: the status is posted (Pending, ContainerCreating, no IP) and the sync
    // stops until the network plugin is ready; a hostNetwork pod needs no CNI.
    const sandbox = this.stages.step('sandbox', this.context(pod, rt, undefined, now, { networkReady: pod.spec.hostNetwork === true || this.network.ready }));
    if (sandbox?.endsSync) return {};
    this.resizes.sync(pod, rt, now);
    this.advance(pod, rt, now);
    this.syncVolumes(pod, rt, now);
    this.stages.step('deadline', this.context(pod, rt, undefined, now));
    // Failed past its deadline: its containers are being stopped (failPod).
    if (rt.terminating) return this.terminate(pod, rt, now);
    this.writeStatus(pod, rt);
    return this.wakeUp(pod, rt, now);
  }

  /**
   * The first sync after the node reached the control plane again: what the outage did to this
   * pod's containers (node-health.ts): after a partition, replay what the kubelet did locally;
   * after a kubelet stop, restart nothing before it started again; after a power loss, reboot.
   */
  private catchUpOnOutage(pod: KubeObject, rt: PodRuntime): void {
    const outage = this.health?.lastOutage(pod.spec.nodeName);
    if (!outage || outage.to === undefined || rt.outagesSeen >= outage.id || rt.startTime > outage.from) return;
    rt.outagesSeen = outage.id;
    if (outage.kind === 'kubelet-stop') rt.unattendedUntil = outage.to;
    if (outage.kind === 'partition') this.advance(pod, rt, outage.to, true);
    if (outage.kind !== 'power-off') return;
    this.advance(pod, rt, outage.from);
    this.stages.fire('sandbox-changed', this.context(pod, rt, undefined, this.clock.now(), { powerLoss: { from: outage.from, to: outage.to } }));
  }

  private admit(pod: KubeObject): PodRuntime {
    const behavior = (c: any, init: boolean) => this.assumeFor(pod, c, init, init && c.restartPolicy !== 'Always'
      ? guessedAsInitContainer(behaviorOf(c, pod.metadata.annotations, this.images, pod))
      : behaviorOf(c, pod.metadata.annotations, this.images, pod));
    return admittedRuntime(pod, this.clock.now(), this.addresses.newPodIp(pod), this.health?.lastOutage(pod.spec.nodeName)?.id ?? 0, behavior);
  }

  /** A node's InternalIP (a hostNetwork pod's address, the resolver behind dnsPolicy Default). */
  nodeAddress(node: string): string {
    return this.addresses.nodeAddress(node);
  }

  /** The stage context for one step of the sync. */
  private context(pod: KubeObject, rt: PodRuntime, c: ContainerRuntime | undefined, now: Millis, facts: Facts = {}): StageContext {
    // Two literals, not a spread of `{ c }`: several contexts are made per container per sync.
    return c ? { pod, rt, c, now, facts } : { pod, rt, now, facts };
  }

  /**
   * Moves the pod's containers forward to `now`, repeating while something changes. Normally
   * the kubelet syncs at every change, so what is due is due now; `replay` catches up with a
   * stretch the kubelet lived through unseen (a partition), starting containers when they were
   * due rather than now.
   */
  private advance(pod: KubeObject, rt: PodRuntime, now: Millis, replay = false): void {
    if (now < rt.sandboxReadyAt) return;
    // Volumes are set up before any container: a missing ConfigMap/Secret keeps the pod ContainerCreating.
    const mountError = missingVolumeSource(pod, this.lookup(pod)) ?? this.filesystems.mountProblem(pod);
    const volumes = this.stages.step('volumes', this.context(pod, rt, undefined, now, { ...(mountError ? { mountError } : {}), unboundClaim: this.hasUnboundClaim(pod) }));
    if (volumes?.endsSync) return;
    // While the kubelet was stopped no one probed or restarted containers.
    const attendedFrom = rt.unattendedUntil ?? 0;
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of rt.containers) {
        if (pollWait(this.store, pod, c, now)) changed = true;
        if (this.hooks.advance(pod, c, containerSpec(pod, c.name), rt.podIP, now)) changed = true;
        // A probe kill is announced first; the same look may then find the process gone.
        for (;;) {
          const stage = this.stages.step('running-container', this.context(pod, rt, c, now, runFacts(rt, c, now, attendedFrom, (kill) => this.probeKillEnd(pod, rt, c, kill))));
          if (!stage) break;
          if (moves(stage)) { changed = true; break; }
        }
      }
      for (const c of startableContainers(rt, this.clock.now())) {
        if (c.state === 'running') continue;
        // A postStart handler holds the sync: the next container starts once it has returned.
        if (rt.containers.some((x) => inPostStart(x, now))) break;
        this.stages.step('pull-back-off', this.context(pod, rt, c, now));
        if (c.retryPullAt !== undefined && c.retryPullAt > now) continue;
        if (c.state === 'waiting' && c.startAt === undefined) this.stages.step('image', this.context(pod, rt, c, now, this.imageManager.facts(pod, c)));
        // A terminated container restarts only if its exit scheduled a restart (startAt).
        if (c.startAt === undefined || Math.max(c.startAt, attendedFrom) > now) continue;
        const at = replay ? Math.max(c.startAt, attendedFrom) : now;
        if (moves(this.stages.step('create', this.context(pod, rt, c, now, { at, ...this.starter.prepare(pod, c) })))) changed = true;
      }
    }
  }

  /**
   * Writes down a container's guesses (assumptions.ts) against its pod and hands the value on.
   * The simulated control plane's own static pods are fixtures, not the scenario's input.
   */
  private assumeFor<T extends { guesses?: Guess[] }>(pod: KubeObject, container: any, init: boolean, value: T): T {
    if (!value.guesses?.length || (pod.metadata.namespace === 'kube-system' && pod.metadata.labels?.tier === 'control-plane')) return value;
    const prefix = `spec.${init ? 'initContainers' : 'containers'}[${container.name}]`;
    this.assumptions.recordAll(`Pod ${pod.metadata.namespace}/${pod.metadata.name}`, value.guesses.map((g) => ({ ...g, field: `${prefix}.${g.field}` })));
    return value;
  }

  /** Whether a claim the pod mounts is not Bound yet. */
  private hasUnboundClaim(pod: KubeObject): boolean {
    return (pod.spec.volumes ?? []).some((v: any) => v.persistentVolumeClaim
      && this.store.get('PersistentVolumeClaim', { namespace: pod.metadata.namespace, name: v.persistentVolumeClaim.claimName })?.status?.phase !== 'Bound');
  }

  /** ConfigMaps and Secrets of the pod's namespace, as the kubelet's managers fetch them. */
  private lookup(pod: KubeObject): ObjectLookup {
    return (kind, name) => this.store.get(kind, { namespace: pod.metadata.namespace, name });
  }

  /**
   * The pod's sync writes its ConfigMap and Secret volumes (volume-sync.ts): at the first, at each
   * periodic resync, and while a source was missing at the last look (the mount is retried).
   */
  private syncVolumes(pod: KubeObject, rt: PodRuntime, now: Millis): void {
    if (!rt.volumeView && !volumeSources(pod).length) return;
    rt.volumeView = viewAt(rt.volumeView, pod, this.lookup(pod), now);
  }

  /** What a pod's ConfigMap and Secret volumes show now: the objects as of its last sync. */
  volumeLookup(pod: KubeObject): ObjectLookup {
    const view = this.runtimes.get(keyText(pod.metadata))?.volumeView;
    return view ? viewLookup(view, this.lookup(pod)) : this.lookup(pod);
  }

  /**
   * What the image's entrypoint printed in the run of a container that started at `startedAt`
   * (rfc3339, as its status shows it) before refusing to start its server; none for other runs.
   */
  entrypointOutputOf(namespace: string, pod: string, container: string, startedAt: string): string[] {
    const c = this.runtimes.get(`${namespace}/${pod}`)?.containers.find((x) => x.name === container);
    return c?.entrypointOutput?.find((o) => rfc3339(o.startedAt) === startedAt)?.lines ?? [];
  }

  /** The environment a running container started with, or undefined. */
  environmentOf(namespace: string, pod: string, container: string): Record<string, string> | undefined {
    return this.runtimes.get(`${namespace}/${pod}`)?.containers.find((c) => c.name === container)?.env;
  }

  /**
   * A file appeared in (or went from) a running container from outside: its exec probes see it
   * from now on (`kubectl exec web -- touch /tmp/ready` makes a `cat /tmp/ready` probe pass).
   */
  fileChanged(pod: KubeObject, container: string, path: string, exists: boolean): void {
    const c = this.runtimes.get(`${pod.metadata.namespace}/${pod.metadata.name}`)?.containers.find((x) => x.name === container);
    if (!c || c.state !== 'running' || c.startedAt === undefined) return;
    const since = this.clock.now() - c.startedAt;
    const before = c.outsideFiles?.[path];
    c.outsideFiles = { ...(c.outsideFiles ?? {}), [path]: exists ? { createdAt: since } : { createdAt: before?.createdAt ?? 0, removedAt: since } };
    c.probes = this.starter.probesOf(pod, c, containerSpec(pod, container) ?? {}, c.startedAt);
  }

  /** The PersistentVolume a claim is bound to, if it is. */
  private boundVolume(namespace: string, claim: string): string | undefined {
    return this.store.get('PersistentVolumeClaim', { namespace, name: claim })?.spec?.volumeName;
  }

  /** The subPath-mounted files of a container's current run, as they were when it started. */
  subPathFilesOf(namespace: string, pod: string, container: string): Record<string, string> | undefined {
    return this.runtimes.get(`${namespace}/${pod}`)?.containers.find((c) => c.name === container)?.subPathFiles;
  }

  /** The files the pod's scripts have written into its emptyDir volumes by now (pod-files.ts). */
  emptyDirFilesOf(pod: KubeObject): Map<string, Record<string, string>> {
    const rt = this.runtimes.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    return rt ? emptyDirFiles(pod, rt, this.clock.now()) : new Map();
  }

  /**
   * The kubelet fails a pod itself (eviction, active deadline): its containers are killed and none
   * starts again; `graceful`: stopped as for a deletion (terminate), the pod staying where it is.
   */
  private failPod(pod: KubeObject, rt: PodRuntime, now: Millis, reason: string, message: string, graceful: boolean): void {
    rt.failure = { reason, message };
    if (graceful) {
      this.beginTermination(pod, rt, now);
      return;
    }
    for (const c of rt.containers) {
      this.stages.fire('killed-by-kubelet', this.context(pod, rt, c, now, { at: now }));
      c.startAt = undefined;
    }
  }

  /**
   * When a probe-killed process is gone: after its preStop, at SIGTERM if it handles it, at
   * SIGKILL (the probe's grace period, at least 2 s after SIGTERM) if it ignores it.
   */
  private probeKillEnd(pod: KubeObject, rt: PodRuntime, c: ContainerRuntime, kill: Millis): Millis {
    const plan = this.hooks.plan(pod, c, containerSpec(pod, c.name), rt.podIP, kill, probeKillGrace(pod, c) / 1000);
    return c.behavior.ignoresSigterm ? plan.sigkillAt : plan.sigtermAt;
  }

  /**
   * Graceful termination (reference/kubelet.md §7, pod-termination.ts): every container is
   * stopped, then a deleted pod is removed (one the kubelet failed stays, Failed).
   */
  private terminate(pod: KubeObject, rt: PodRuntime, now: Millis): ReconcileResult {
    if (!rt.terminating) this.beginTermination(pod, rt, now);
    const pending = settleStops(rt, now, (c) => {
      const end = c.killed ? { exitCode: 137, reason: 'Error' } : stoppedBySigterm(c.behavior);
      this.stages.step('stopping', this.context(pod, rt, c, now, end));
    });
    if (pending !== undefined) return { requeueAfter: pending - now };
    this.writeStatus(pod, rt);
    if (pod.metadata.deletionTimestamp) this.stages.step('removal', this.context(pod, rt, undefined, now, { allStopped: true }));
    return {};
  }

  private beginTermination(pod: KubeObject, rt: PodRuntime, now: Millis): void {
    rt.terminating = true;
    for (const c of rt.containers) this.stages.step('deletion', this.context(pod, rt, c, now));
    // SyncTerminatingPod (kubelet.go v1.32) posts the status once before killPod, and again only
    // when killPod has returned: while the containers are being stopped (a sidecar waiting its
    // turn, a preStop, a grace period) the API shows each as it was when the kill began.
    this.writeStatus(pod, rt);
  }

  /** Come back when the next thing of this pod is due (wake-up.ts). */
  private wakeUp(pod: KubeObject, rt: PodRuntime, now: Millis): ReconcileResult {
    // A ConfigMap or Secret changed since the last sync: it shows at the next (volume-sync.ts).
    const volumes = rt.volumeView && viewIsStale(rt.volumeView, this.lookup(pod)) ? rt.volumeView.nextSyncAt : undefined;
    const wakes = [nextWake(pod, rt, now, (c) => this.hooks.wakeTimes(c), (c, kill) => this.probeKillEnd(pod, rt, c, kill)), this.resizes.wakeAt(pod, rt), volumes].filter((t) => t !== undefined);
    return wakes.length === 0 ? {} : { requeueAfter: Math.max(0, Math.min(...wakes) - now) };
  }

  private writeStatus(pod: KubeObject, rt: PodRuntime): void {
    // While a postStart handler runs, the pod's sync is blocked in startContainer: no status.
    if (rt.containers.some((c) => inPostStart(c, this.clock.now()))) return;
    const current = this.store.get('Pod', pod.metadata)!;
    const generation = observedGeneration(this.version, current);
    const status = buildPodStatus(current, rt, this.clock.now(), this.addresses.nodeAddress(current.spec.nodeName), generation);
    const next = this.resizes.status(current, rt, mergedPodStatus(current.status, status, generation));
    if (deepEqual(next, current.status)) return;
    // Built for this write alone (its unchanged parts are the stored, frozen ones): handed over, not copied.
    this.echoes.post(current, () => this.store.updateStatus({ ...current, status: next }, { handOver: true }));
  }
}

/** Whether a stage moved its container (started or stopped it): the sync goes round again. */
function moves(stage: PodStage | undefined): boolean {
  return stage !== undefined && stage.next.some((e) => 'terminated' in e || 'running' in e);
}

/**
 * The grace period a stopping pod's containers get from `now`: what is left of a deletion's, or
 * for a pod the kubelet failed, its terminationGracePeriodSeconds (setTerminationGracePeriod,
 * K@1.37.2 kuberuntime_container.go:1423-1441; at least 1 s, pod_workers.go:1035-1038).
 */
function stopGrace(pod: KubeObject, now: Millis): Millis {
  if (pod.metadata.deletionTimestamp) return Math.max(0, Date.parse(pod.metadata.deletionTimestamp) - now);
  return Math.max(1, pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
}
