import type { Guess } from '../../kube/assumptions.ts';
import type { Clock, Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { behaviorOf, type ContainerBehavior, type ImageBehavior } from './container-behavior.ts';
import { containerListens } from './listeners.ts';
import type { ContainerRuntime } from './pod-runtime.ts';
export { inPostStart } from './pod-runtime.ts';
import { timings } from './timings.ts';

/**
 * Container lifecycle hooks as the v1.32 kubelet runs them.
 *
 * - postStart (kuberuntime_container.go `startContainer`, step 4): run right after the runtime
 *   started the container, inside the pod's sync, which it blocks: the pod's status is not
 *   written and the next container is not started until it returns. If it fails, the kubelet
 *   records `FailedPostStartHook` "PostStartHook failed" (the handler's text is kept out of
 *   events), kills the container (`Killing` "FailedPostStartHook", with its preStop and the
 *   pod's grace period) and reports the start as failed: waiting `PostStartHookError` with the
 *   handler's message (kubelet_pods.go, the reason cache); restartPolicy then applies.
 * - preStop (`killContainer`, `executePreStopHook`): run on every kill with a grace period >
 *   0 (deletion, a liveness or startup probe kill, a postStart failure); its time comes out of
 *   the grace period (whole seconds, truncated), it is abandoned when the grace period runs out,
 *   and the stop signal always gets at least `minimumGracePeriodInSeconds` (2 s) before SIGKILL.
 *   A failure records `FailedPreStopHook` "PreStopHook failed" and the stop carries on.
 * - Handlers (pkg/kubelet/lifecycle/handlers.go `Run`): exec, judged by what the container
 *   behavior model reads in the command; httpGet, against the image's known server
 *   (images.yaml); sleep, exactly its seconds. v1.32's HTTP handler fails only when no response
 *   comes (connection refused): the status code is not checked. tcpSocket is accepted by the API
 *   but no handler runs it: it always fails.
 */

/** kuberuntime_manager.go minimumGracePeriodInSeconds: SIGTERM always comes this long before SIGKILL. */
export const MINIMUM_GRACE: Millis = 2_000;

export type HookName = 'postStart' | 'preStop';

/** What running one handler does: how long it takes (Infinity: never returns) and, when it fails, the handler's message. */
export interface HookRun {
  takes: Millis;
  error?: string;
  /** What was taken to be true, fields relative to the container (`lifecycle.preStop.exec.command`). */
  guesses?: Guess[];
}

/** From a container's exit to the sync that reports it: the PLEG relist period (pleg/generic.go, 1 s). */
const SYNC_AFTER_EXIT: Millis = 1_000;

/** When a kill's stop signal and SIGKILL come. */
export interface KillPlan {
  sigtermAt: Millis;
  sigkillAt: Millis;
  /** The preStop handler's run, when the container has one and the grace period is > 0. */
  preStop?: HookRun;
}

/**
 * Runs a handler in the simulator's imagination (handlers.go `Run`): `container` is the
 * container's spec, `behavior` what its own process does, `podIP` where httpGet goes.
 */
export function runHandler(hook: HookName, handler: any, container: any, behavior: ContainerBehavior, pod: KubeObject, podIP: string, images: readonly ImageBehavior[]): HookRun {
  const where = `for Container "${container.name}" in Pod "${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})"`;
  if (handler.exec) return execHandler(hook, handler.exec.command ?? [], container, where, images);
  if (handler.httpGet) return httpHandler(hook, handler.httpGet, container, behavior, where, podIP, images);
  if (handler.sleep) return { takes: Number(handler.sleep.seconds ?? 0) * 1000 };
  // handlers.go's default case; the handler printed by its generated String().
  return { takes: 0, error: `Cannot run handler: invalid handler: ${goHandler(handler)}` };
}

/**
 * An exec handler: the command's own time and exit code, where the behavior model reads it. It
 * runs inside the container (ExecSync), so it sees the container's environment, image and mounts.
 */
function execHandler(hook: HookName, command: string[], container: any, where: string, images: readonly ImageBehavior[]): HookRun {
  const field = `lifecycle.${hook}.exec.command`;
  const line = command.join(' ');
  const { env, envFrom, image, volumeMounts, workingDir } = container;
  const run = behaviorOf({ name: hook, command, env, envFrom, image, volumeMounts, workingDir }, undefined, images);
  if (run.guesses?.length || run.waitsFor) {
    return { takes: 0, guesses: [{ field, assumed: 'it succeeds at once', why: `kubespec cannot interpret the command "${line}"` }] };
  }
  if (run.runsFor === undefined) return { takes: Infinity };
  if (run.exitCode === 0) return { takes: run.runsFor };
  // remote_runtime.go ExecSync: a non-zero exit is "command '<cmd>' exited with <code>: <stderr>";
  // the message is the command's output, which the model does not know (taken as empty).
  const error = `command '${line}' exited with ${run.exitCode}: `;
  return { takes: run.runsFor, error: `Exec lifecycle hook ([${line}]) ${where} failed - error: ${error}, message: ""` };
}

/**
 * An httpGet handler: any answer is success; no listener on the port (listeners.ts) is
 * "connection refused". The request is the prober's (httpprobe.NewRequestForHTTPGetAction), so a
 * named port the container does not declare fails in probe.ResolveContainerPort's words.
 */
function httpHandler(hook: HookName, get: any, container: any, behavior: ContainerBehavior, where: string, podIP: string, images: readonly ImageBehavior[]): HookRun {
  const path = get.path ?? '';
  const port = typeof get.port === 'number' || /^\d+$/.test(String(get.port)) ? Number(get.port)
    : (container.ports ?? []).find((p: any) => p.name === get.port)?.containerPort;
  if (port === undefined) return { takes: 0, error: `HTTP lifecycle hook (${path}) ${where} failed - error: strconv.Atoi: parsing ${JSON.stringify(String(get.port))}: invalid syntax` };
  const host = get.host || podIP;
  if (get.host && get.host !== podIP) {
    return { takes: 0, guesses: [{ field: `lifecycle.${hook}.httpGet`, assumed: 'it answers at once', why: `kubespec does not know what answers at ${get.host}:${port}` }] };
  }
  const listener = containerListens(container, behavior, images, port);
  if (!listener.known) return { takes: 0, guesses: [{ ...listener.guess, field: `lifecycle.${hook}.httpGet`, assumed: 'it answers at once' }] };
  if (listener.listens) return { takes: 0 };
  const url = `${String(get.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}`;
  return { takes: 0, error: `HTTP lifecycle hook (${path}) ${where} failed - error: Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
}

/** The Go text of a LifecycleHandler with a tcpSocket action (generated.pb.go String()). */
function goHandler(handler: any): string {
  const port = handler.tcpSocket?.port;
  const intOrString = typeof port === 'number' ? `{0 ${port} }` : `{1 0 ${port ?? ''}}`;
  const tcp = handler.tcpSocket ? `&TCPSocketAction{Port:${intOrString},Host:${handler.tcpSocket.host ?? ''},}` : 'nil';
  return `&LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:${tcp},Sleep:nil,}`;
}

/**
 * killContainer's timeline from `from`, with `graceSeconds` (setTerminationGracePeriod): the
 * preStop handler first, for at most the grace period; the stop signal with what is left of it
 * (its elapsed whole seconds subtracted), never less than 2 s; SIGKILL at the end.
 */
export function killPlan(from: Millis, graceSeconds: number, preStop: HookRun | undefined): KillPlan {
  const grace = graceSeconds * 1000;
  const runs = preStop !== undefined && graceSeconds > 0;
  const spent = runs ? Math.min(preStop.takes, grace) : 0;
  const remaining = grace - Math.floor(spent / 1000) * 1000;
  const sigtermAt = from + spent;
  return { sigtermAt, sigkillAt: sigtermAt + Math.max(remaining, MINIMUM_GRACE), ...(runs ? { preStop } : {}) };
}

/** When a process being killed is gone: at SIGKILL if it ignores SIGTERM, else shortly after SIGTERM. */
export function stoppedAt(behavior: ContainerBehavior, plan: KillPlan, promptly: Millis = timings.stopOnSigterm): Millis {
  return behavior.ignoresSigterm ? plan.sigkillAt : Math.min(plan.sigtermAt + promptly, plan.sigkillAt);
}

/** What the hooks ask of the kubelet. */
export interface HookHost {
  event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Records a run's guesses against the container (kubelet.ts assumeFor). */
  assume(pod: KubeObject, c: ContainerRuntime, guesses: Guess[]): void;
  /** The container has stopped: exit code and reason as reported; restartPolicy decides the rest. */
  exited(pod: KubeObject, c: ContainerRuntime, at: Millis, exitCode: number, reason: string): void;
  /** Whether this pod's runtime is still the one that started `c` (events after a delay). */
  current(pod: KubeObject, c: ContainerRuntime): boolean;
}

/** The kubelet's hook runner: called from its start, sync and kill paths. */
export class LifecycleHooks {
  constructor(private readonly clock: Clock, private readonly images: readonly ImageBehavior[], private readonly host: HookHost) {}

  /** A container has just started (after its Started event): runs its postStart, if any. */
  started(pod: KubeObject, c: ContainerRuntime, spec: any, podIP: string, now: Millis): void {
    c.postStart = undefined;
    const handler = spec?.lifecycle?.postStart;
    if (!handler) return;
    const run = runHandler('postStart', handler, spec, c.behavior, pod, podIP, this.images);
    if (run.guesses?.length) this.host.assume(pod, c, run.guesses);
    c.postStart = { until: now + run.takes, ...(run.error !== undefined ? { error: run.error } : {}) };
  }

  /**
   * Moves a container's postStart on to `now`: at a failure, the events and the kill; at the
   * kill's end, the container stops with waiting reason PostStartHookError (the reason cache's
   * entry); when restartPolicy then backs off, CrashLoopBackOff shows from the next sync (1 s,
   * the PLEG relist). True when something changed.
   */
  advance(pod: KubeObject, c: ContainerRuntime, spec: any, podIP: string, now: Millis): boolean {
    const ps = c.postStart;
    if (ps?.backOffShownAt !== undefined && c.state !== 'running' && ps.backOffShownAt <= now) {
      c.waitingReason = ps.backOff!.reason;
      c.waitingMessage = ps.backOff!.message;
      c.postStart = undefined;
      return true;
    }
    if (c.state !== 'running' || ps?.error === undefined || ps.until > now) return false;
    if (ps.stopAt === undefined) {
      this.host.event(pod, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
      this.host.event(pod, 'Normal', 'Killing', 'FailedPostStartHook');
      const plan = this.kill(pod, c, spec, podIP, ps.until, graceOf(pod));
      c.postStart = { ...ps, stopAt: stoppedAt(c.behavior, plan), killed: c.behavior.ignoresSigterm };
      return true;
    }
    if (ps.stopAt > now) return false;
    const end = ps.killed ? { exitCode: 137, reason: 'Error' } : c.behavior.diesOnSigterm ? { exitCode: 143, reason: 'Error' } : { exitCode: 0, reason: 'Completed' };
    c.waitingReason = 'PostStartHookError';
    c.waitingMessage = ps.error;
    c.postStart = undefined;
    this.host.exited(pod, c, ps.stopAt, end.exitCode, end.reason);
    // The kill was the sync's own, so the PLEG's report of the exit syncs again and shows the
    // reason cache at once (crash-loop-display.ts keeps the terminated run only otherwise).
    c.waitingShownFrom = undefined;
    if (c.waitingReason !== 'PostStartHookError') {
      c.postStart = { until: ps.until, backOffShownAt: ps.stopAt + SYNC_AFTER_EXIT, backOff: { reason: c.waitingReason, message: c.waitingMessage ?? '' } };
      c.waitingReason = 'PostStartHookError';
      c.waitingMessage = ps.error;
    }
    return true;
  }

  /** When this container's hooks next need the kubelet. */
  wakeTimes(c: ContainerRuntime): Millis[] {
    const ps = c.postStart;
    if (!ps) return [];
    if (c.state !== 'running') return ps.backOffShownAt !== undefined ? [ps.backOffShownAt] : [];
    return [ps.until, ps.stopAt].filter((t): t is Millis => t !== undefined && t !== Infinity);
  }

  /**
   * A kill begins at `from` (deletion, probe kill, postStart failure): runs the container's
   * preStop (its guesses recorded, FailedPreStopHook when it fails within the grace period) and
   * returns when SIGTERM and SIGKILL come. A postStart still running is abandoned.
   */
  kill(pod: KubeObject, c: ContainerRuntime, spec: any, podIP: string, from: Millis, graceSeconds: number): KillPlan {
    c.postStart = undefined;
    const plan = this.plan(pod, c, spec, podIP, from, graceSeconds);
    const run = plan.preStop;
    if (run?.guesses?.length) this.host.assume(pod, c, run.guesses);
    if (run?.error !== undefined && run.takes <= graceSeconds * 1000) {
      const at = from + run.takes;
      const startedAt = c.startedAt;
      const say = () => this.host.event(pod, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
      if (at <= this.clock.now()) say();
      else this.clock.at(at, () => { if (this.host.current(pod, c) && c.startedAt === startedAt) say(); });
    }
    return plan;
  }

  /** The same timeline without side effects (for planning wake-ups). */
  plan(pod: KubeObject, c: ContainerRuntime, spec: any, podIP: string, from: Millis, graceSeconds: number): KillPlan {
    const handler = spec?.lifecycle?.preStop;
    const run = handler ? runHandler('preStop', handler, spec, c.behavior, pod, podIP, this.images) : undefined;
    return killPlan(from, graceSeconds, run);
  }
}

/** setTerminationGracePeriod for a kill that is not a probe's: the deletion's grace, else the pod's (default 30 s). */
export function graceOf(pod: KubeObject): number {
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
}
