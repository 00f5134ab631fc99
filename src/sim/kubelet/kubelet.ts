import { AssumptionLog, type Guess } from '../../kube/assumptions.ts';
import { createHash } from 'node:crypto';
import { type Clock, type Millis } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import { TerminalError, type Controller, type ReconcileResult, type WatchSpec } from '../controllers/controller.ts';
import type { EventRecorder } from '../events.ts';
import { deepEqual } from '../store/apply/object-fields.ts';
import { NodeFilesystems } from './node-filesystem.ts';
import { WrittenFiles } from './written-files.ts';
import { NETWORK_NOT_READY, NetworkPlugin } from '../../kube/network-plugin.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { keyText } from '../store/types.ts';
import { behaviorOf, guessedAsInitContainer, imageUserOf, stoppedBySigterm, type ImageBehavior } from './container-behavior.ts';
import { checksImageUser, nonRootViolation } from './run-as-non-root.ts';
import { ImageManager } from './image-manager.ts';
import { nextPoll, waitConditionHolds } from './waiting-scripts.ts';
import { EvictionManager } from './eviction-manager.ts';
import { DISK, MEMORY } from './node-pressure.ts';
import { exitTime, isStarted, type ContainerRuntime, type PodRuntime } from './pod-runtime.ts';
import { probeTimeline, type ProbeTimeline } from './probes.ts';
import { probeHealth } from './probe-targets.ts';
import { missingVolumeSource, resolveEnvironment, type ObjectLookup } from './environment.ts';
import { volumeFiles } from '../../kube/volume-files.ts';
import { bytes } from '../../kube/quantity.ts';
import { buildPodStatus } from './pod-status-builder.ts';
import { containerSpec } from '../pod-status.ts';
import { timings } from './timings.ts';
import { reboot } from './reboot.ts';
import { MIRROR_ANNOTATION, type StaticPods } from './static-pods.ts';
import type { NodeHealth } from '../node-health.ts';
import { goDuration } from '../go-duration.ts';
import { LifecycleHooks, MINIMUM_GRACE, inPostStart, stoppedAt } from './lifecycle-hooks.ts';

// Over STYLE's ~400 lines because the pod worker's sync loop (admit, pull, start, probe, kill,
// status) is one state machine whose steps share the runtime; the parts that stand alone live
// beside it (image-manager, eviction-manager, lifecycle-hooks, probes, pod-status-builder, …).
// Issue 28 plans the lifecycle as data (stages) and golden timelines, which is where it shrinks.
const COMPONENT = 'kubelet';

/**
 * The kubelets of all simulated nodes (reference/kubelet.md). Each bound pod gets a sandbox,
 * its init containers run one after another, then its app containers start; each container
 * runs its behavior (container-behavior.ts), exits and restarts by restartPolicy with
 * CrashLoopBackOff; a deleted pod's containers are stopped (SIGTERM, SIGKILL at the grace
 * deadline) and the pod object is removed. Probes, eviction and node heartbeats: issue 6.
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
  private readonly filesystems = new NodeFilesystems();
  private readonly nextIp = new Map<string, number>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    readonly images: readonly ImageBehavior[] = [],
    private readonly health?: NodeHealth,
    private readonly staticPods?: StaticPods,
    private readonly network: NetworkPlugin = new NetworkPlugin(),
    readonly assumptions: AssumptionLog = new AssumptionLog(),
  ) {
    this.eviction = new EvictionManager(store, clock, events, {
      runtime: (pod) => this.runtimes.get(keyText(pod.metadata)),
      failPod: (pod, rt, now, reason, message) => this.failPod(pod, rt, now, reason, message),
      writeStatus: (pod, rt) => this.writeStatus(pod, rt),
    });
    this.imageManager = new ImageManager(clock, events, images, {
      assume: (pod, container, init, guesses) => this.assumeFor(pod, container, init, { guesses }),
      current: (pod) => this.runtimes.get(keyText(pod.metadata))?.uid === identity(pod),
    });
    this.hooks = new LifecycleHooks(clock, images, {
      event: (pod, type, reason, message) => this.events.record(COMPONENT, pod, type, reason, message),
      assume: (pod, c, guesses) => this.assumeFor(pod, containerSpec(pod, c.name) ?? { name: c.name }, c.init, { guesses }),
      exited: (pod, c, at, exitCode, reason) => this.exited(pod, c, at, exitCode, reason),
      current: (pod, c) => this.runtimes.get(keyText(pod.metadata))?.containers.includes(c) ?? false,
    });
  }

  /** Image pulls per node (image-manager.ts). */
  private readonly imageManager: ImageManager;

  /** postStart and preStop handlers (lifecycle-hooks.ts). */
  private readonly hooks: LifecycleHooks;

  /** Memory pressure and local storage limits (eviction-manager.ts). */
  private readonly eviction: EvictionManager;

  /** Bound pods are this controller's keys; a ConfigMap or Secret appearing may unblock its pods. */
  watches(): WatchSpec[] {
    const podsInNamespace = (ns: string | undefined): ObjectKey[] => this.store.list('Pod', { namespace: ns }).filter((p) => p.spec?.nodeName).map((p) => p.metadata);
    return [
      { kind: 'Pod', keys: (e) => (e.object.spec?.nodeName ? [e.object.metadata] : []) },
      { kind: 'ConfigMap', keys: (e) => podsInNamespace(e.object.metadata.namespace) },
      { kind: 'Secret', keys: (e) => podsInNamespace(e.object.metadata.namespace) },
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.object.status?.phase === 'Bound' ? podsInNamespace(e.object.metadata.namespace) : []) },
    ];
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const pod = this.store.get('Pod', key);
    const id = keyText(key);
    if (!pod || !pod.spec?.nodeName || !this.nodeExists(pod.spec.nodeName)) {
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
    if (pod.metadata.deletionTimestamp) return this.terminate(pod, rt, now);
    if (this.waitsForNetwork(pod, rt, now)) return {};
    this.advance(pod, rt, now);
    this.enforceActiveDeadline(pod, rt, now);
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
    reboot(pod, rt, outage.from, outage.to, this.newPodIp(pod));
    this.events.record(COMPONENT, pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
  }

  /**
   * syncPod without a CNI: the pod's status is posted (Pending, ContainerCreating, no IP), then
   * the sync stops with a NetworkNotReady event until the network plugin is ready; a hostNetwork
   * pod needs no CNI. The sandbox is made once the network is there.
   */
  private waitsForNetwork(pod: KubeObject, rt: PodRuntime, now: Millis): boolean {
    if (pod.spec.hostNetwork || this.network.ready) {
      if (rt.sandboxReadyAt === Infinity) rt.sandboxReadyAt = now + timings.sandbox;
      return false;
    }
    if (rt.sandboxReadyAt !== Infinity && now >= rt.sandboxReadyAt) return false; // a running sandbox keeps its network
    rt.sandboxReadyAt = Infinity;
    this.events.record(COMPONENT, pod, 'Warning', 'NetworkNotReady', `network is not ready: ${NETWORK_NOT_READY}`);
    this.writeStatus(pod, rt);
    return true;
  }

  private nodeExists(name: string): boolean {
    return this.store.get('Node', { name }) !== undefined;
  }

  private admit(pod: KubeObject): PodRuntime {
    const now = this.clock.now();
    // The kubelet's default waiting reason, for init and app containers alike (kubelet_pods.go).
    const waitingReason = pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
    const toRuntime = (c: any, init: boolean): ContainerRuntime => ({
      name: c.name,
      image: c.image,
      init,
      sidecar: init && c.restartPolicy === 'Always',
      behavior: this.assumeFor(pod, c, init, init && c.restartPolicy !== 'Always' ? guessedAsInitContainer(behaviorOf(c, pod.metadata.annotations, this.images, pod)) : behaviorOf(c, pod.metadata.annotations, this.images, pod)),
      state: 'waiting',
      waitingReason,
      restartCount: 0,
      pulled: false,
    });
    const mirrorOf = pod.metadata.annotations?.[MIRROR_ANNOTATION];
    return {
      uid: identity(pod),
      ...(mirrorOf !== undefined ? { staticPodNode: pod.spec.nodeName as string } : {}),
      sandboxReadyAt: now + timings.sandbox,
      podIP: this.newPodIp(pod),
      startTime: now,
      containers: [
        ...(pod.spec.initContainers ?? []).map((c: any) => toRuntime(c, true)),
        ...(pod.spec.containers ?? []).map((c: any) => toRuntime(c, false)),
      ],
      terminating: false,
      outagesSeen: this.health?.lastOutage(pod.spec.nodeName)?.id ?? 0,
    };
  }

  /** A node's InternalIP (a hostNetwork pod's address, the resolver behind dnsPolicy Default). */
  nodeAddress(node: string): string {
    return this.store.get('Node', { name: node })?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address ?? '';
  }

  /** The next address of the node's pod CIDR; a hostNetwork pod has the node's own address. */
  private newPodIp(pod: KubeObject): string {
    const node: string = pod.spec.nodeName;
    if (pod.spec.hostNetwork) return this.nodeAddress(node);
    const n = (this.nextIp.get(node) ?? 1) + 1;
    this.nextIp.set(node, n);
    const cidr: string = this.store.get('Node', { name: node })?.spec?.podCIDR ?? '10.244.0.0/24';
    return `${cidr.slice(0, cidr.lastIndexOf('.'))}.${n}`;
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
    if (mountError) {
      this.events.record(COMPONENT, pod, 'Warning', 'FailedMount', mountError);
      // The volume manager tries again with its operation back-off (500ms doubling to 2m2s).
      rt.mountBackoff = rt.mountBackoff === undefined ? MOUNT_RETRY_INITIAL : Math.min(rt.mountBackoff * 2, MOUNT_RETRY_MAX);
      rt.mountRetryAt = now + rt.mountBackoff;
      return;
    }
    rt.mountBackoff = rt.mountRetryAt = undefined;
    // A claim still being bound (a provisioner at work) keeps the pod ContainerCreating, quietly.
    if (this.hasUnboundClaim(pod)) return;
    // While the kubelet was stopped no one probed or restarted containers.
    const attendedFrom = rt.unattendedUntil ?? 0;
    for (let changed = true; changed; ) {
      changed = false;
      for (const c of rt.containers) {
        if (this.pollWait(pod, c, now)) changed = true;
        if (this.hooks.advance(pod, c, containerSpec(pod, c.name), rt.podIP, now)) changed = true;
        const exit = exitTime(c);
        const probeKill = probeKillTime(c);
        const kill = probeKill === undefined ? undefined : Math.max(probeKill, attendedFrom);
        const killing = kill !== undefined && kill <= now && (exit === undefined || kill < exit);
        if (killing && c.killNoticedAt !== kill) {
          this.noteProbeKill(pod, c);
          this.hooks.kill(pod, c, containerSpec(pod, c.name), rt.podIP, kill, probeKillGrace(pod, c) / 1000);
          c.killNoticedAt = kill;
        }
        // SIGTERM at the kill; a process that ignores it dies by SIGKILL when the grace period ends.
        const dies = killing ? this.probeKillEnd(pod, rt, c, kill) : undefined;
        if (dies !== undefined && dies <= now && (exit === undefined || dies <= exit)) {
          this.killedByProbe(pod, c, dies);
          changed = true;
        } else if (exit !== undefined && exit <= now) {
          if (exit === c.oomAt) this.exited(pod, c, exit, 137, 'OOMKilled');
          else this.exited(pod, c, exit);
          changed = true;
        }
      }
      for (const c of this.startable(rt)) {
        if (c.state === 'running') continue;
        // A postStart handler holds the sync: the next container starts once it has returned.
        if (rt.containers.some((x) => inPostStart(x, now))) break;
        if (c.backOffShownAt !== undefined && c.backOffShownAt <= now) this.imageManager.showBackOff(pod, c);
        if (c.retryPullAt !== undefined && c.retryPullAt > now) continue;
        if (c.state === 'waiting' && c.startAt === undefined) c.startAt = this.imageManager.ensureImage(pod, c, now);
        // A terminated container restarts only if its exit scheduled a restart (startAt).
        if (c.startAt !== undefined && Math.max(c.startAt, attendedFrom) <= now && this.start(pod, c, replay ? Math.max(c.startAt, attendedFrom) : now)) changed = true;
      }
    }
  }

  /** Containers allowed to run now: the first unfinished init container (and sidecars before it), else the app containers. */
  private startable(rt: PodRuntime): ContainerRuntime[] {
    const out: ContainerRuntime[] = [];
    for (const c of rt.containers.filter((x) => x.init)) {
      if (c.sidecar) {
        out.push(c);
        // The next init container starts once the sidecar has started (startup probe passed).
        if (!isStarted(c, this.clock.now())) return out;
        continue;
      }
      if (c.state === 'terminated' && c.exitCode === 0) continue;
      out.push(c);
      return out;
    }
    return [...out, ...rt.containers.filter((x) => !x.init)];
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

  /** Starts (or restarts) a container; false when its configuration cannot be resolved yet. */
  private start(pod: KubeObject, c: ContainerRuntime, now: Millis): boolean {
    const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x: any) => x.name === c.name);
    const imageUser = imageUserOf(c.image, this.images);
    if (imageUser.guess && checksImageUser(pod, spec ?? {})) this.assumeFor(pod, spec ?? c, c.init, { guesses: [imageUser.guess] });
    const userError = nonRootViolation(pod, spec ?? {}, imageUser.user);
    if (userError) {
      if (c.waitingMessage !== userError) this.containerEvent(pod, c, 'Warning', 'Failed', `Error: ${userError}`);
      c.waitingReason = 'CreateContainerConfigError';
      c.waitingMessage = userError;
      return false;
    }
    const env = resolveEnvironment(pod, spec ?? {}, this.lookup(pod), [...this.store.list('Service', { namespace: pod.metadata.namespace }), ...(pod.metadata.namespace === 'default' ? [] : this.store.list('Service', { namespace: 'default' }).filter((s) => s.metadata.name === 'kubernetes'))]);
    if ('error' in env) {
      if (c.waitingMessage !== env.error) this.containerEvent(pod, c, 'Warning', 'Failed', `Error: ${env.error}`);
      c.waitingReason = 'CreateContainerConfigError';
      c.waitingMessage = env.error;
      return false;
    }
    // Every start asks the image manager first (EnsureImageExists): a restart finds the image
    // already there. (With imagePullPolicy Always a real restart pulls again: not modelled.)
    if ((c.state === 'terminated' || c.finishedAt !== undefined) && spec?.imagePullPolicy !== 'Always') {
      this.containerEvent(pod, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
    }
    c.env = env.env;
    c.subPathFiles = volumeFiles(pod, { volumeMounts: (spec?.volumeMounts ?? []).filter((m: any) => m.subPath) }, this.lookup(pod));
    if (c.state === 'terminated' || c.finishedAt !== undefined) {
      c.last = { startedAt: c.startedAt!, finishedAt: c.finishedAt!, exitCode: c.exitCode!, reason: c.terminatedReason! };
      c.restartCount++;
    }
    c.state = 'running';
    c.waitingMessage = undefined;
    c.startedAt = now;
    // containerd's ids are random; these are derived from the pod and run, so runs repeat.
    c.containerID = `containerd://${createHash('sha256').update(`${pod.metadata.uid}/${c.name}/${c.restartCount}`).digest('hex')}`;
    c.waitedUntil = undefined;
    // Files an earlier run left in its volumes are there from the start.
    c.outsideFiles = Object.fromEntries(Object.keys(this.writtenFiles.visible(pod, spec ?? {}, c.restartCount)).map((path) => [path, { createdAt: 0 }]));
    c.probes = this.probesOf(pod, c, spec ?? {}, now);
    const limit = spec?.resources?.limits?.memory;
    c.oomAt = c.behavior.memory && limit !== undefined && c.behavior.memory.bytes > bytes(limit) ? now + c.behavior.memory.after : undefined;
    // Writes past an ephemeral-storage limit or an emptyDir sizeLimit get the pod evicted.
    if (c.behavior.disk) {
      const node = pod.spec.nodeName as string;
      this.clock.at(now + c.behavior.disk.after, () => {
        this.eviction.checkLocalStorage(pod.metadata);
        this.eviction.checkPressure(DISK, node);
      });
    }
    // Growth within the limit can still exhaust the node: the eviction manager looks then.
    if (c.behavior.memory && c.oomAt === undefined) {
      const node = pod.spec.nodeName as string;
      this.clock.at(now + c.behavior.memory.after, () => this.eviction.checkPressure(MEMORY, node));
    }
    // A probe the prober cannot run says so at each period (prober.go probe: "%s probe errored: %v"); the first is shown.
    for (const e of c.probes.errors ?? []) {
      const kind = `${e.kind[0]!.toUpperCase()}${e.kind.slice(1)}`;
      this.clock.at(e.at, () => {
        if (c.state === 'running' && c.startedAt === now) this.containerEvent(pod, c, 'Warning', 'Unhealthy', `${kind} probe errored: ${e.error}`);
      });
    }
    for (const f of c.probes.failures ?? []) {
      const kind = `${f.kind[0]!.toUpperCase()}${f.kind.slice(1)}`;
      this.clock.at(f.at, () => {
        if (c.state === 'running' && c.startedAt === now && c.probes?.failures?.some((x) => x.kind === f.kind && x.at === f.at)) {
          this.containerEvent(pod, c, 'Warning', 'Unhealthy', `${kind} probe failed: ${c.probes?.messages?.[f.kind] ?? ''}`);
        }
      });
    }
    if (c.probes.unreadyAt !== undefined) {
      const at = c.probes.unreadyAt;
      this.clock.at(at, () => {
        if (c.state === 'running' && c.startedAt === now) this.containerEvent(pod, c, 'Warning', 'Unhealthy', `Readiness probe failed: ${c.probes?.messages?.readiness ?? ''}`);
      });
    }
    c.startAt = undefined;
    c.finishedAt = undefined;
    c.exitCode = undefined;
    this.containerEvent(pod, c, 'Normal', 'Created', `Created container: ${c.name}`);
    this.containerEvent(pod, c, 'Normal', 'Started', `Started container ${c.name}`);
    this.hooks.started(pod, c, spec, this.runtimes.get(keyText(pod.metadata))?.podIP ?? '', now);
    return true;
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
    const spec = containerSpec(pod, container) ?? {};
    c.probes = this.probesOf(pod, c, spec, c.startedAt);
  }

  /**
   * What a container's probes do over its run from `startedAt`, judged against the pod's IP
   * (probe-targets.ts); a probe taken to pass without knowing is recorded against the pod.
   */
  private probesOf(pod: KubeObject, c: ContainerRuntime, spec: any, startedAt: Millis): ProbeTimeline {
    const podIP = this.runtimes.get(keyText(pod.metadata))?.podIP;
    const lookup = this.lookup(pod);
    const filledMounts = (spec.volumeMounts ?? []).filter((m: any) => {
      const v = (pod.spec?.volumes ?? []).find((x: any) => x.name === m.name);
      return !m.subPath && ((v?.configMap && lookup('ConfigMap', v.configMap.name)) || (v?.secret && lookup('Secret', v.secret.secretName)));
    }).map((m: any) => String(m.mountPath));
    const found = probeHealth(spec, c.behavior, this.images, { podIP, outsideFiles: c.outsideFiles, volumeFiles: volumeFiles(pod, spec, lookup), filledMounts });
    this.assumeFor(pod, spec, c.init, found);
    return probeTimeline(spec, c.behavior, startedAt, found.health);
  }

  /** The PersistentVolume a claim is bound to, if it is. */
  private boundVolume(namespace: string, claim: string): string | undefined {
    return this.store.get('PersistentVolumeClaim', { namespace, name: claim })?.spec?.volumeName;
  }

  /** The subPath-mounted files of a container's current run, as they were when it started. */
  subPathFilesOf(namespace: string, pod: string, container: string): Record<string, string> | undefined {
    return this.runtimes.get(`${namespace}/${pod}`)?.containers.find((c) => c.name === container)?.subPathFiles;
  }

  /**
   * The files the pod's scripts have written into its emptyDir volumes by now, as volume name →
   * path inside the volume → content: a file a container created (in this run, or a run before
   * that got as far) stays for the pod's life, shared by every container that mounts the volume.
   */
  emptyDirFilesOf(pod: KubeObject): Map<string, Record<string, string>> {
    const out = new Map<string, Record<string, string>>();
    const rt = this.runtimes.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!rt) return out;
    const now = this.clock.now();
    const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const c of rt.containers) {
      if (c.startedAt === undefined || !c.behavior.files) continue;
      const ranFor = (c.state === 'running' ? now : c.finishedAt ?? now) - c.startedAt;
      const earlierRunGotThere = (createdAt: Millis) => c.restartCount > 0 && (c.behavior.runsFor ?? Infinity) >= createdAt;
      const mounts = specs.find((s: any) => s.name === c.name)?.volumeMounts ?? [];
      for (const [path, file] of Object.entries(c.behavior.files)) {
        if (!(ranFor >= file.createdAt || earlierRunGotThere(file.createdAt))) continue;
        if (file.removedAt !== undefined && ranFor >= file.removedAt) continue;
        const mount = mounts.find((m: any) => !m.subPath && path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)
          && (pod.spec?.volumes ?? []).some((v: any) => v.name === m.name && v.emptyDir));
        if (!mount) continue;
        const inside = path.slice(mount.mountPath.replace(/\/$/, '').length + 1);
        out.set(mount.name, { ...(out.get(mount.name) ?? {}), [inside]: file.content });
      }
    }
    return out;
  }

  /**
   * A waiting script's poll (`until nslookup mydb; do sleep 2; done`): at each of its ticks the
   * condition is checked against the cluster as it is, and the rest of the script starts once it
   * holds. True when the wait ended now.
   */
  private pollWait(pod: KubeObject, c: ContainerRuntime, now: Millis): boolean {
    const wait = c.behavior.waitsFor;
    if (!wait || c.state !== 'running' || c.waitedUntil !== undefined) return false;
    if ((now - c.startedAt!) % wait.every !== 0) return false;
    if (!waitConditionHolds(this.store, pod, wait)) return false;
    c.waitedUntil = now;
    return true;
  }

  /** The kubelet fails a pod itself: its containers are killed and none starts again. */
  private failPod(pod: KubeObject, rt: PodRuntime, now: Millis, reason: string, message: string): void {
    rt.failure = { reason, message };
    for (const c of rt.containers) {
      if (c.state === 'running') this.exited(pod, c, now, 137, 'Error');
      c.startAt = undefined;
    }
  }

  /**
   * The active deadline handler (pkg/kubelet/active_deadline.go): a pod running longer than its
   * spec.activeDeadlineSeconds (counted from status.startTime; the field may be lowered on a
   * running pod) is Failed with reason DeadlineExceeded, its containers killed.
   */
  private enforceActiveDeadline(pod: KubeObject, rt: PodRuntime, now: Millis): void {
    const deadline = activeDeadline(pod, rt);
    if (deadline === undefined || now < deadline || rt.failure) return;
    this.failPod(pod, rt, now, 'DeadlineExceeded', DEADLINE_MESSAGE);
    this.events.record(COMPONENT, pod, 'Normal', 'DeadlineExceeded', DEADLINE_MESSAGE);
  }

  /** A failing liveness or startup probe: the kubelet says so and sends SIGTERM. */
  private noteProbeKill(pod: KubeObject, c: ContainerRuntime): void {
    const which = c.probes?.startupKillAt !== undefined ? 'startup' : 'liveness';
    this.containerEvent(pod, c, 'Warning', 'Unhealthy', `${which === 'startup' ? 'Startup' : 'Liveness'} probe failed: ${c.probes?.messages?.[which] ?? ''}`);
    // kuberuntime_manager.go computePodActions: ", will be restarted" only when the policy restarts
    // it; a native sidecar's text is computeInitContainerActions' (kuberuntime_container.go).
    const restarts = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
    const text = c.sidecar ? `Init container ${c.name} failed ${which} probe` : `Container ${c.name} failed ${which} probe${restarts ? ', will be restarted' : ''}`;
    this.containerEvent(pod, c, 'Normal', 'Killing', text);
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
   * The container a failing probe killed has stopped; it restarts by policy. The kill and the
   * restart are one SyncPod (kuberuntime_manager.go: step 3 kills, step 8 starts), whose
   * doBackOff reads the pod status taken before the kill: the newest exited run there is the run
   * before this one, so the back-off is judged by that run's finish (none on the first run).
   */
  private killedByProbe(pod: KubeObject, c: ContainerRuntime, at: Millis): void {
    // A process that ignores SIGTERM dies by SIGKILL (137); one that handles it exits 0, one
    // that dies of it 143.
    const end = c.behavior.ignoresSigterm ? { exitCode: 137, reason: undefined } : stoppedBySigterm(c.behavior);
    this.exited(pod, c, at, end.exitCode, end.reason, c.last?.finishedAt ?? null);
  }

  /**
   * A container exits (by itself, or killed); its restart follows restartPolicy and the
   * CrashLoopBackOff back-off (kuberuntime_manager.go doBackOff; client-go flowcontrol.Backoff
   * with kubelet.go's 10s base, 300s cap and HasExpiredFunc of 600s). The newest exited run's
   * finishedAt (`since`: this run's own unless a probe killed it, null when there is none) is in
   * back-off while the entry is live (since − lastUpdate ≤ 600s) and younger than the entry;
   * then the container waits the entry from its exit, and the entry doubles when it starts.
   * Otherwise the entry advances now (10s when absent or expired, else doubled) and the
   * container starts at once; with no exited run to judge, nothing is checked or advanced.
   */
  private exited(pod: KubeObject, c: ContainerRuntime, at: Millis, exitCode = c.behavior.exitCode, reason?: string, since: Millis | null = at): void {
    c.state = 'terminated';
    c.finishedAt = at;
    c.exitCode = exitCode;
    c.terminatedReason = reason ?? (c.exitCode === 0 ? 'Completed' : 'Error');
    const policy = c.sidecar ? 'Always' : pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && c.exitCode !== 0);
    // A finished init container (exit 0) is done; it never restarts.
    if (!restart || (c.init && !c.sidecar && c.exitCode === 0)) return;
    c.startAt = at;
    if (since === null) return;
    const live = c.backoff !== undefined && since - (c.backoffUpdatedAt ?? 0) <= timings.backoffReset;
    if (live && at - since < c.backoff!) {
      c.startAt = at + c.backoff!;
      c.waitingReason = 'CrashLoopBackOff';
      c.waitingMessage = `back-off ${goDuration(c.backoff!)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
      this.containerEvent(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    }
    // Backoff.Next: lastUpdate is when it is called, the restart.
    c.backoff = live ? Math.min(c.backoff! * 2, timings.backoffMax) : timings.backoffInitial;
    c.backoffUpdatedAt = c.startAt;
  }

  /** Graceful termination (reference/kubelet.md §7): SIGTERM now, SIGKILL at the deadline, then remove the pod. */
  private terminate(pod: KubeObject, rt: PodRuntime, now: Millis): ReconcileResult {
    const deadline = Date.parse(pod.metadata.deletionTimestamp!);
    // Every container is killed at once (killContainersWithSyncResult: one goroutine each): the
    // Killing event and preStop come now for sidecars too. A native sidecar then waits for its
    // turn (killContainer, terminationOrdering.waitForTurn, kuberuntime_termination_order.go
    // v1.32): until every main container and every later sidecar has stopped, for at most what
    // is left of the grace period; the whole seconds it waited come off its stop signal's grace.
    const finish = (c: ContainerRuntime, plan: { sigtermAt: Millis; sigkillAt: Millis }) => {
      const exit = exitTime(c);
      const graceful = stoppedAt(c.behavior, plan);
      c.stopAt = exit !== undefined ? Math.min(exit, graceful) : graceful;
      c.killed = c.behavior.ignoresSigterm && (exit === undefined || exit > plan.sigkillAt);
    };
    const stop = (c: ContainerRuntime) => {
      if (c.state === 'running') {
        this.containerEvent(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
        // preStop first, out of the same grace period; SIGKILL no sooner than 2 s after SIGTERM.
        const grace = Math.max(0, deadline - now);
        const plan = this.hooks.kill(pod, c, containerSpec(pod, c.name), rt.podIP, now, grace / 1000);
        if (c.sidecar) c.turn = { from: plan.sigtermAt, graceLeft: grace - Math.floor((plan.sigtermAt - now) / 1000) * 1000 };
        else finish(c, plan);
      } else {
        c.startAt = undefined;
      }
    };
    if (!rt.terminating) {
      rt.terminating = true;
      for (const c of rt.containers) stop(c);
    }
    const sidecars = rt.containers.filter((c) => c.sidecar);
    const takeTurns = () => {
      for (let i = sidecars.length - 1; i >= 0; i--) {
        const c = sidecars[i]!;
        if (!c.turn || c.state !== 'running') continue;
        const prereqs = [...rt.containers.filter((x) => !x.sidecar), ...sidecars.slice(i + 1)];
        const expires = c.turn.from + c.turn.graceLeft;
        const gone = prereqs.every((x) => x.state !== 'running');
        if (!gone && now < expires) continue;
        const goneAt = Math.max(c.turn.from, ...prereqs.map((x) => x.finishedAt ?? -Infinity));
        const waited = c.turn.graceLeft > 0 ? Math.min(gone ? goneAt - c.turn.from : Infinity, c.turn.graceLeft) : 0;
        const sigtermAt = c.turn.from + waited;
        finish(c, { sigtermAt, sigkillAt: sigtermAt + Math.max(c.turn.graceLeft - Math.floor(waited / 1000) * 1000, MINIMUM_GRACE) });
        c.turn = undefined;
      }
    };
    let pending: Millis | undefined;
    for (let changed = true; changed;) {
      changed = false;
      takeTurns();
      pending = undefined;
      for (const c of rt.containers) {
        if (c.state !== 'running') continue;
        if (c.turn) {
          const expires = Math.max(c.turn.from, c.turn.from + c.turn.graceLeft);
          pending = pending === undefined ? expires : Math.min(pending, expires);
        }
        if (c.stopAt === undefined) continue;
        const stopAt = c.stopAt;
        if (stopAt <= now) {
          c.state = 'terminated';
          c.finishedAt = stopAt;
          const end = c.killed ? { exitCode: 137, reason: 'Error' } : stoppedBySigterm(c.behavior);
          c.exitCode = end.exitCode;
          c.terminatedReason = end.reason;
          changed = true;
        } else {
          pending = pending === undefined ? stopAt : Math.min(pending, stopAt);
        }
      }
    }
    this.writeStatus(pod, rt);
    if (pending !== undefined) return { requeueAfter: pending - now };
    this.runtimes.delete(keyText(pod.metadata));
    this.store.delete('Pod', pod.metadata, { gracePeriodSeconds: 0 });
    return {};
  }

  private wakeUp(pod: KubeObject, rt: PodRuntime, now: Millis): ReconcileResult {
    const times: Millis[] = [];
    const deadline = rt.failure ? undefined : activeDeadline(pod, rt);
    if (deadline !== undefined) times.push(deadline);
    if (rt.mountRetryAt !== undefined) times.push(rt.mountRetryAt);
    if (now < rt.sandboxReadyAt) times.push(rt.sandboxReadyAt);
    for (const c of rt.containers) {
      const poll = nextPoll(c, now);
      if (poll !== undefined) times.push(poll);
      const exit = exitTime(c);
      if (exit !== undefined) times.push(exit);
      times.push(...this.hooks.wakeTimes(c));
      if (c.state === 'running' && c.probes) {
        const p = c.probes;
        for (const t of [p.startedAt, p.readyAt, p.unreadyAt, p.readyAgainAt, p.startupKillAt, p.livenessKillAt]) if (t !== undefined) times.push(t);
        const kill = probeKillTime(c);
        if (kill !== undefined) times.push(this.probeKillEnd(pod, rt, c, kill));
      }
      if (c.state !== 'running' && c.startAt !== undefined) times.push(c.startAt);
      if (c.retryPullAt !== undefined) times.push(c.retryPullAt);
      if (c.backOffShownAt !== undefined) times.push(c.backOffShownAt);
    }
    const future = times.filter((t) => t > now);
    return future.length ? { requeueAfter: Math.min(...future) - now } : {};
  }

  private writeStatus(pod: KubeObject, rt: PodRuntime): void {
    // While a postStart handler runs, the pod's sync is blocked in startContainer: no status.
    if (rt.containers.some((c) => inPostStart(c, this.clock.now()))) return;
    const current = this.store.get('Pod', pod.metadata)!;
    const hostIP = this.nodeAddress(current.spec.nodeName);
    const status = buildPodStatus(current, rt, this.clock.now(), hostIP);
    // Only top-level fields and the conditions list are replaced: a shallow copy does.
    const next = { ...(current.status ?? {}) };
    // The kubelet owns its conditions; others (PodScheduled from the scheduler, DisruptionTarget)
    // stay as they are.
    const { conditions, ...fields } = status;
    Object.assign(next, fields);
    for (const cond of conditions) next.conditions = upsertCondition(next.conditions, cond);
    next.conditions = inKubeletOrder(next.conditions);
    if (deepEqual(next, current.status)) return;
    this.store.updateStatus({ ...current, status: next });
  }

  private containerEvent(pod: KubeObject, c: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.record(COMPONENT, pod, type, reason, message);
  }
}


/** The conditions the kubelet owns, in the order it writes them (generateAPIPodStatus). */
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/**
 * Others' conditions first, as they were, then the kubelet's in its own order: the order
 * `kubectl describe pod` lists them in.
 */
function inKubeletOrder(conditions: any[]): any[] {
  const rank = (c: any) => KUBELET_CONDITIONS.indexOf(c.type);
  return [...conditions.filter((c) => rank(c) < 0), ...conditions.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b))];
}

/** nestedpendingoperations' exponential back-off for a failing volume operation. */
const MOUNT_RETRY_INITIAL: Millis = 500;
const MOUNT_RETRY_MAX: Millis = 122_000;

const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** When a pod's spec.activeDeadlineSeconds runs out, if it has one. */
function activeDeadline(pod: KubeObject, rt: PodRuntime): Millis | undefined {
  const seconds = pod.spec?.activeDeadlineSeconds;
  return typeof seconds === 'number' ? rt.startTime + seconds * 1000 : undefined;
}

/** What the kubelet knows a pod by: its uid, or for a mirror pod the static pod's config hash. */
function identity(pod: KubeObject): string {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] ?? pod.metadata.uid;
}

/**
 * How long a probe kill waits for the process before SIGKILL: the probe's own
 * terminationGracePeriodSeconds, else the pod's (default 30 s).
 */
function probeKillGrace(pod: KubeObject, c: ContainerRuntime): Millis {
  const spec = containerSpec(pod, c.name);
  const probe = c.probes?.startupKillAt !== undefined ? spec?.startupProbe : spec?.livenessProbe;
  return (probe?.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
}

/** When a failing liveness or startup probe kills this running container, if ever. */
function probeKillTime(c: ContainerRuntime): Millis | undefined {
  if (c.state !== 'running' || !c.probes) return undefined;
  return c.probes.startupKillAt ?? c.probes.livenessKillAt;
}
