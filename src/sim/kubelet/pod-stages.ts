// Over STYLE's ~400 lines because it is data, one stage a few lines, and reads best whole: a
// state machine split over files would hide the order its stages are tried in.
import type { ConditionName, PhaseConditionName } from './stage-conditions.ts';
import type { timings } from './timings.ts';

/**
 * The pod lifecycle as the simulated kubelet runs it, as data (issue 28), in the spirit of
 * KWOK's stages (kustomize/stage/pod/*.yaml): each stage names the part of the pod worker's sync
 * that looks at it (`group`, KWOK's resourceRef), the conditions that select it (`when`, all
 * must hold, KWOK's selector; stage-conditions.ts), and what happens next (`next`, in order:
 * container state, events with upstream's text, delays, and the algorithmic steps it calls by
 * name). Within a group the first stage whose conditions hold fires (stage-engine.ts); a stage
 * may chain to another group (`then`). Each stage cites the upstream v1.32 code it copies.
 *
 * What stays code, called by name: back-off arithmetic (restart-backoff.ts), probes
 * (probes.ts), what a process does (container-behavior.ts), hooks (lifecycle-hooks.ts),
 * eviction ranking (node-pressure.ts), the order sidecars stop in (pod-termination.ts).
 *
 * Template placeholders (stage-engine.ts render): {container} {image} {pod} (name_ns(uid)),
 * {probe} {Probe} {probeMessage} {error} {backoff} {took} {message} {networkError}.
 */
export const POD_STAGES = [
  // ── sandbox ───────────────────────────────────────────────────────────────────────────
  {
    name: 'network-not-ready',
    source: 'pkg/kubelet/kubelet.go SyncPod (runtime network not ready: status posted, sync stops)',
    group: 'sandbox',
    when: ['networkNotReady', 'sandboxNotRunning'],
    next: [
      { call: 'dropSandbox' },
      { event: ['Warning', 'NetworkNotReady', 'network is not ready: {networkError}'] },
      { call: 'writeStatus' },
    ],
    endsSync: true,
  },
  {
    name: 'sandbox-created',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_sandbox.go createPodSandbox',
    group: 'sandbox',
    when: ['networkReady', 'sandboxNotMade'],
    next: [{ call: 'makeSandbox', delay: 'sandbox' }],
  },
  {
    name: 'sandbox-changed',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (podSandboxChanged after the node lost power)',
    group: 'sandbox',
    when: ['sandboxLostWithNode'],
    next: [
      { call: 'rebootPod' },
      { event: ['Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.'] },
    ],
  },
  // ── volumes ───────────────────────────────────────────────────────────────────────────
  {
    name: 'volume-mount-failed',
    source: 'pkg/kubelet/volumemanager/volume_manager.go WaitForAttachAndMount; nestedpendingoperations back-off',
    group: 'volumes',
    when: ['volumeMountFails'],
    next: [{ event: ['Warning', 'FailedMount', '{error}'] }, { call: 'backOffMount' }],
    endsSync: true,
  },
  {
    name: 'claim-not-bound',
    source: 'pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go (unbound PVC: waits quietly)',
    group: 'volumes',
    when: ['claimNotBound'],
    next: [{ call: 'clearMountBackOff' }],
    endsSync: true,
  },
  {
    name: 'volumes-mounted',
    source: 'pkg/kubelet/volumemanager/volume_manager.go WaitForAttachAndMount',
    group: 'volumes',
    when: [],
    next: [{ call: 'clearMountBackOff' }],
  },
  // ── the pod's own deadline ────────────────────────────────────────────────────────────
  {
    name: 'active-deadline-exceeded',
    // The containers are stopped as for a deletion, with the pod's terminationGracePeriodSeconds
    // (pod_workers.go calculateEffectiveGracePeriod; kuberuntime_container.go
    // setTerminationGracePeriod): a process that ignores SIGTERM lives it out. The phase turns
    // Failed only once none runs (PHASE_RULES, status_manager.go mergePodStatus).
    source: 'pkg/kubelet/active_deadline.go; kubelet.go SyncPod (DeadlineExceeded), SyncTerminatingPod',
    group: 'deadline',
    when: ['pastActiveDeadline', 'notFailedByKubelet'],
    next: [
      { failPod: { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline', graceful: true } },
      { event: ['Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline'] },
    ],
  },
  // ── eviction (fired by the eviction manager, eviction-manager.ts) ───────────────────
  {
    name: 'evicted-for-node-pressure',
    source: 'pkg/kubelet/eviction/eviction_manager.go synchronize, evictPod (Reason Evicted; DisruptionTarget TerminationByKubelet)',
    group: 'eviction',
    when: ['notFailedByKubelet'],
    next: [
      { failPod: { reason: 'Evicted', message: '{message}' } },
      { podCondition: { type: 'DisruptionTarget', reason: 'TerminationByKubelet', message: '{message}' } },
      { event: ['Warning', 'Evicted', '{message}'] },
      { call: 'writeStatus' },
    ],
  },
  {
    name: 'evicted-for-local-storage',
    source: 'pkg/kubelet/eviction/eviction_manager.go localStorageEviction (emptyDir sizeLimit, ephemeral-storage limits)',
    group: 'eviction',
    when: ['notFailedByKubelet'],
    next: [
      { failPod: { reason: 'Evicted', message: '{message}' } },
      { event: ['Warning', 'Evicted', '{message}'] },
      { call: 'writeStatus' },
    ],
  },
  // ── the prober's reports on a running container (fired at their time, container-start.ts) ──
  {
    name: 'probe-errored',
    source: 'pkg/kubelet/prober/prober.go probe ("%s probe errored: %v")',
    group: 'prober',
    when: ['runGoesOn'],
    next: [{ event: ['Warning', 'Unhealthy', { versioned: 'kubelet.event.probeErrored' }] }],
  },
  {
    name: 'probe-failed',
    source: 'pkg/kubelet/prober/prober.go probe ("%s probe failed: %s"), for each failure the timeline still has',
    group: 'prober',
    when: ['runGoesOn', 'probeFailureStillDue'],
    next: [{ event: ['Warning', 'Unhealthy', '{Probe} probe failed: {probeMessage}'] }],
  },
  {
    name: 'readiness-probe-failed',
    source: 'pkg/kubelet/prober/prober.go probe (the readiness failure that makes the container unready)',
    group: 'prober',
    when: ['runGoesOn'],
    next: [{ event: ['Warning', 'Unhealthy', 'Readiness probe failed: {probeMessage}'] }],
  },
  // ── a running container: probe kills, OOM, exit ──────────────────────────────────────
  {
    // The prober reports when the probe fails; the kill may come later, once the pod's sync is
    // done with another container's kill (probe-kills.ts probeKillStart).
    name: 'probe-kill-failure-reported',
    source: 'pkg/kubelet/prober/worker.go doProbe; prober.go probe (Unhealthy "%s probe failed: %s")',
    group: 'running-container',
    when: ['probeKillFailed', 'probeKillFailureNotReported'],
    next: [
      { event: ['Warning', 'Unhealthy', '{Probe} probe failed: {probeMessage}'] },
      { call: 'noteProbeKillFailure' },
    ],
  },
  {
    name: 'sidecar-probe-kill-noticed',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions (Killing)',
    group: 'running-container',
    when: ['probeKillDue', 'probeKillNotAnnounced', 'sidecar'],
    next: [
      { event: ['Normal', 'Killing', 'Init container {container} failed {probe} probe'] },
      { call: 'startProbeKill' },
    ],
  },
  {
    name: 'probe-kill-noticed',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (Killing)',
    group: 'running-container',
    when: ['probeKillDue', 'probeKillNotAnnounced', 'podRestartsContainers'],
    next: [
      { event: ['Normal', 'Killing', 'Container {container} failed {probe} probe, will be restarted'] },
      { call: 'startProbeKill' },
    ],
  },
  {
    name: 'probe-kill-noticed-not-restarted',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (restartPolicy Never)',
    group: 'running-container',
    when: ['probeKillDue', 'probeKillNotAnnounced'],
    next: [
      { event: ['Normal', 'Killing', 'Container {container} failed {probe} probe'] },
      { call: 'startProbeKill' },
    ],
  },
  {
    name: 'killed-by-probe',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer; kuberuntime_manager.go SyncPod steps 3 and 8',
    group: 'running-container',
    when: ['probeKillEnded'],
    // The kill and the restart are one SyncPod whose doBackOff reads the status from before the
    // kill: the back-off is judged by the run before this one.
    next: [{ terminated: { at: 'killEndsAt', exitCode: 'reported', judgedBy: 'the run before' } }, { then: 'after-exit' }],
  },
  {
    name: 'oom-killed',
    source: 'containerd/CRI: exit 137 with reason OOMKilled (kuberuntime_container.go toKubeContainerStatus)',
    group: 'running-container',
    when: ['oomKillerStrikes'],
    next: [{ terminated: { at: 'exitAt', exitCode: 137, reason: 'OOMKilled' } }, { then: 'after-exit' }],
  },
  {
    name: 'exited',
    source: 'pkg/kubelet/pleg/generic.go (ContainerDied); kuberuntime_container.go toKubeContainerStatus',
    group: 'running-container',
    when: ['processExited'],
    next: [{ terminated: { at: 'exitAt', exitCode: 'own' } }, { then: 'after-exit' }],
  },
  // ── exits reported from elsewhere (fired by name) ─────────────────────────────────────
  {
    name: 'killed-after-post-start-hook',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (postStart failure kill)',
    group: 'reported-exit',
    when: ['running'],
    next: [{ terminated: { at: 'at', exitCode: 'reported' } }, { then: 'after-exit' }],
  },
  {
    name: 'killed-by-kubelet',
    source: 'pkg/kubelet/kubelet.go SyncTerminatingPod (a pod the kubelet failed: eviction, deadline)',
    group: 'reported-exit',
    when: ['running'],
    next: [{ terminated: { at: 'at', exitCode: 137, reason: 'Error' } }, { then: 'after-exit' }],
  },
  // ── after an exit: restartPolicy and CrashLoopBackOff ─────────────────────────────────
  {
    name: 'stays-terminated',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (ShouldContainerBeRestarted)',
    group: 'after-exit',
    when: ['notRestartedByPolicy'],
    next: [],
  },
  {
    name: 'init-container-completed',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions (a done init container never reruns)',
    group: 'after-exit',
    when: ['initContainerSucceeded'],
    next: [],
  },
  {
    name: 'restarted-unjudged',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (no exited run in the status: no back-off)',
    group: 'after-exit',
    when: ['noExitedRunToJudge'],
    next: [{ startAt: 'at' }],
  },
  {
    name: 'crash-loop-back-off',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff; client-go util/flowcontrol/backoff.go',
    group: 'after-exit',
    when: ['inCrashLoopBackOff'],
    next: [
      { startAt: 'at + back-off' },
      { waiting: 'CrashLoopBackOff', message: 'back-off {backoff} restarting failed container={container} pod={pod}', shownFrom: 'nextSync' },
      { event: ['Warning', 'BackOff', 'Back-off restarting failed container {container} in pod {pod}'] },
      { call: 'advanceBackOff' },
    ],
  },
  {
    name: 'restarted-at-once',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (entry expired or waited out: Backoff.Next)',
    group: 'after-exit',
    when: [],
    next: [{ startAt: 'at' }, { call: 'advanceBackOff' }],
  },
  // ── images ────────────────────────────────────────────────────────────────────────────
  {
    name: 'image-pull-back-off',
    source: 'pkg/kubelet/images/image_manager.go EnsureImageExists (ImagePullBackOff at the next sync)',
    group: 'pull-back-off',
    when: ['pullBackOffDue'],
    next: [
      { call: 'clearPullBackOffShown' },
      { waiting: 'ImagePullBackOff', message: 'Back-off pulling image "{image}"' },
      { event: ['Normal', 'BackOff', 'Back-off pulling image "{image}"'] },
      { event: ['Warning', 'Failed', 'Error: ImagePullBackOff'] },
    ],
  },
  {
    name: 'image-already-pulled',
    source: 'pkg/kubelet/images/image_manager.go EnsureImageExists (this container pulled it before)',
    group: 'image',
    when: ['imagePulledForContainer'],
    next: [{ startAt: 'now' }],
  },
  {
    name: 'invalid-image-name',
    source: 'pkg/kubelet/images/image_manager.go EnsureImageExists (InspectFailed); kuberuntime_container.go startContainer',
    group: 'image',
    when: ['invalidImageName'],
    next: [
      { event: ['Warning', 'InspectFailed', '{error}'], onlyIf: 'waitingMessageChanges' },
      { event: ['Warning', 'Failed', 'Error: InvalidImageName'], onlyIf: 'waitingMessageChanges' },
      { waiting: 'InvalidImageName', message: '{error}' },
    ],
  },
  {
    name: 'image-pull-failed',
    source: 'pkg/kubelet/images/image_manager.go EnsureImageExists / pullImage (ErrImagePull); kubelet.md §10',
    group: 'image',
    when: ['imagePullFails'],
    next: [
      { event: ['Normal', 'Pulling', 'Pulling image "{image}"'] },
      { event: ['Warning', 'Failed', 'Failed to pull image "{image}": {error}'] },
      { event: ['Warning', 'Failed', 'Error: ErrImagePull'] },
      { waiting: 'ErrImagePull', message: '{error}' },
      { call: 'backOffPull' },
    ],
  },
  {
    name: 'image-present',
    source: 'pkg/kubelet/images/image_manager.go EnsureImageExists (image present, policy not Always)',
    group: 'image',
    when: ['imagePresentOnNode'],
    next: [
      { call: 'markPulled' },
      { event: ['Normal', 'Pulled', { versioned: 'kubelet.event.imageAlreadyPresent' }] },
      { startAt: 'now' },
    ],
  },
  {
    name: 'image-pulling',
    source: 'pkg/kubelet/images/image_manager.go pullImage (Pulling, then Pulled with the time taken)',
    group: 'image',
    when: [],
    next: [
      { call: 'markPulled' },
      { call: 'pullImage', delay: 'imagePull' },
      { event: ['Normal', 'Pulling', 'Pulling image "{image}"'] },
      { event: ['Normal', 'Pulled', 'Successfully pulled image "{image}" in {took}s ({took}s including waiting). Image size: 0 bytes.'], at: 'pulledAt' },
      { startAt: 'pulledAt' },
    ],
  },
  // ── creating and starting a container ─────────────────────────────────────────────────
  {
    name: 'create-config-error',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (generateContainerConfig: CreateContainerConfigError)',
    group: 'create',
    when: ['configError'],
    next: [
      { event: ['Warning', 'Failed', 'Error: {error}'], onlyIf: 'waitingMessageChanges' },
      { waiting: 'CreateContainerConfigError', message: '{error}' },
    ],
  },
  {
    name: 'container-restarted',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (EnsureImageExists finds the image; Created; Started)',
    group: 'create',
    when: ['ranBefore', 'imagePullPolicyNotAlways'],
    next: [
      { event: ['Normal', 'Pulled', { versioned: 'kubelet.event.imageAlreadyPresent' }] },
      { running: true },
      { call: 'setUpRun' },
      { event: ['Normal', 'Created', { versioned: 'kubelet.event.createdContainer' }] },
      { event: ['Normal', 'Started', { versioned: 'kubelet.event.startedContainer' }] },
      { call: 'runPostStart' },
    ],
  },
  {
    name: 'container-started',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (Created; Started; postStart)',
    group: 'create',
    when: [],
    next: [
      { running: true },
      { call: 'setUpRun' },
      { event: ['Normal', 'Created', { versioned: 'kubelet.event.createdContainer' }] },
      { event: ['Normal', 'Started', { versioned: 'kubelet.event.startedContainer' }] },
      { call: 'runPostStart' },
    ],
  },
  // ── deletion: graceful termination ───────────────────────────────────────────────────
  {
    name: 'stop-container',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer (Killing, preStop, SIGTERM, SIGKILL); reference/kubelet.md §7',
    group: 'deletion',
    when: ['running'],
    next: [{ event: ['Normal', 'Killing', 'Stopping container {container}'] }, { call: 'killForDeletion' }],
  },
  {
    name: 'start-cancelled',
    source: 'pkg/kubelet/kubelet.go SyncTerminatingPod (nothing starts once the pod is terminating)',
    group: 'deletion',
    when: ['notRunning'],
    next: [{ startAt: 'never' }],
  },
  {
    name: 'container-stopped',
    source: 'pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer (exit on SIGTERM, or 137 at SIGKILL)',
    group: 'stopping',
    when: ['stopDue'],
    next: [{ terminated: { at: 'stopAt', exitCode: 'reported' } }],
  },
  {
    name: 'pod-removed',
    source: 'pkg/kubelet/status/status_manager.go syncPod (canBeDeleted: delete with grace 0)',
    group: 'removal',
    when: ['allContainersStopped'],
    next: [{ call: 'removePod' }],
  },
] as const satisfies readonly PodStage[];

/**
 * The pod's phase (pkg/kubelet/kubelet_pods.go getPhase, reference/kubelet.md §1), as ordered
 * rules: the first whose conditions (stage-conditions.ts PHASE_CONDITIONS) all hold gives it.
 */
export const PHASE_RULES = [
  { phase: 'Failed', when: ['failedByKubelet'], source: 'pkg/kubelet/kubelet.go SyncTerminatingPod podStatusFn (Evicted, DeadlineExceeded); status/status_manager.go mergePodStatus (not while a container could run)' },
  // A pod being stopped is not terminal while a sidecar still runs (it stops after the mains).
  { phase: 'Running', when: ['terminatingWithSidecarRunning'], source: 'pkg/kubelet/kubelet_pods.go getPhase (restartable init containers)' },
  { phase: 'Failed', when: ['initContainerFailedForGood'], source: 'pkg/kubelet/kubelet_pods.go getPhase (failed init container, restartPolicy Never)' },
  { phase: 'Pending', when: ['notInitialized'], source: 'pkg/kubelet/kubelet_pods.go getPhase (init containers not done)' },
  { phase: 'Running', when: ['appContainerRunning'], source: 'pkg/kubelet/kubelet_pods.go getPhase (running > 0)' },
  { phase: 'Running', when: ['allAppContainersTerminated', 'appContainerWillRestart'], source: 'pkg/kubelet/kubelet_pods.go getPhase (stopped, restartPolicy restarts it)' },
  { phase: 'Succeeded', when: ['allAppContainersTerminated', 'allAppContainersSucceeded'], source: 'pkg/kubelet/kubelet_pods.go getPhase (stopped == succeeded)' },
  { phase: 'Failed', when: ['allAppContainersTerminated'], source: 'pkg/kubelet/kubelet_pods.go getPhase (stopped, some failed)' },
  { phase: 'Running', when: ['appContainerRanBefore'], source: 'pkg/kubelet/kubelet_pods.go getPhase (waiting to restart)' },
  { phase: 'Pending', when: [], source: 'pkg/kubelet/kubelet_pods.go getPhase (nothing has run yet)' },
] as const satisfies readonly PhaseRule[];

/** One rule of the pod's phase. */
export interface PhaseRule {
  readonly phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  readonly when: readonly PhaseConditionName[];
  readonly source: string;
}

/** A group: the part of the sync that looks at its stages (KWOK's resourceRef). */
export type StageGroup =
  | 'sandbox' | 'volumes' | 'deadline' | 'eviction' | 'prober' | 'running-container' | 'reported-exit' | 'after-exit'
  | 'pull-back-off' | 'image' | 'create' | 'deletion' | 'stopping' | 'removal';

/** A stage's name, as the kubelet fires it. */
export type StageName = (typeof POD_STAGES)[number]['name'];

/** A message with `{placeholder}`s (stage-engine.ts render). */
/**
 * An event or status text: a literal with {placeholders}, or a text that changed between
 * Kubernetes minors, read from the versioned facts (src/kube/kubernetes-versions/behaviours.ts).
 */
export type Template = string | { versioned: VersionedText };

/** The versioned kubelet texts the table uses. */
export type VersionedText = 'kubelet.event.createdContainer' | 'kubelet.event.startedContainer' | 'kubelet.event.imageAlreadyPresent' | 'kubelet.event.probeErrored';

/** The algorithmic steps stages call by name (bound in kubelet.ts stageActions). */
export type ActionName =
  | 'dropSandbox' | 'makeSandbox' | 'rebootPod' | 'writeStatus' | 'backOffMount' | 'clearMountBackOff'
  | 'noteProbeKillFailure' | 'startProbeKill' | 'advanceBackOff' | 'clearPullBackOffShown' | 'backOffPull' | 'markPulled'
  | 'pullImage' | 'setUpRun' | 'runPostStart' | 'killForDeletion' | 'removePod';

/** When a container stops and how (the terminated state a stage writes). */
export interface Termination {
  /** The fact that says when (stage-conditions.ts Facts), or the container's stopAt. */
  at: 'exitAt' | 'killEndsAt' | 'stopAt' | 'at';
  /** A fixed code, the process's own (`exit 3`), or the one worked out for this stop (Facts.exitCode). */
  exitCode: number | 'own' | 'reported';
  /** Default: Completed for 0, else Error (or Facts.reason when reported). */
  reason?: string;
  /** Whose finishedAt doBackOff judges: this run's (default) or the run before (a probe kill). */
  judgedBy?: 'this run' | 'the run before';
}

/** One thing a stage does; they happen in the order listed. */
export type Effect =
  /** `shownFrom`: the status keeps the terminated run until the pod's next sync (crash-loop-display.ts). */
  | { waiting: string; message: Template; shownFrom?: 'nextSync' }
  | { terminated: Termination }
  | { running: true }
  | { startAt: 'now' | 'at' | 'at + back-off' | 'pulledAt' | 'never' }
  | { event: readonly ['Normal' | 'Warning', string, Template]; onlyIf?: ConditionName; at?: 'pulledAt' }
  | { call: ActionName; delay?: keyof typeof timings }
  | { failPod: { reason: string; message: Template; graceful?: true } }
  | { podCondition: { type: string; reason: string; message: Template } }
  | { then: StageGroup };

/** One stage of the pod lifecycle. */
export interface PodStage {
  readonly name: string;
  /** The upstream code this stage copies (kubernetes v1.32 paths). */
  readonly source: string;
  readonly group: StageGroup;
  readonly when: readonly ConditionName[];
  readonly next: readonly Effect[];
  /** The sync stops after this stage (nothing later in it runs). */
  readonly endsSync?: true;
}
