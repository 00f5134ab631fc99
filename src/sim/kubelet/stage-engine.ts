import type { Clock, Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { NETWORK_NOT_READY } from '../../kube/network-plugin.ts';
import { POD_STAGES, type ActionName, type Effect, type PodStage, type StageGroup, type StageName, type Template, type Termination, type VersionedText } from './pod-stages.ts';
import { CONDITIONS, type StageContext } from './stage-conditions.ts';
import { timings } from './timings.ts';
import { goDuration } from '../go-duration.ts';
import { crashLoopShownFrom } from './crash-loop-display.ts';
import { behaviour, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';

/** What the engine needs from the kubelet: events, the algorithmic steps by name, and failing a pod. */
export interface StageHost {
  clock: Clock;
  /** The release simulated: texts that changed between minors are read from its facts. */
  version: KubernetesVersion;
  /** An event about the pod, or about one of its containers (`fieldPath` spec.containers{name}). */
  event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** Whether `x.rt` is still the pod's runtime (a delayed event of a replaced pod is dropped). */
  current(x: StageContext): boolean;
  /** Kills the pod's containers (at once, or `graceful`ly as a deletion does) and fails it for good (kubelet.ts failPod). */
  failPod(x: StageContext, reason: string, message: string, graceful: boolean): void;
  /** Sets a condition the kubelet does not own (DisruptionTarget) to True on the pod's status at once. */
  podCondition(x: StageContext, condition: { type: string; reason: string; message: string }): void;
  actions: Record<ActionName, (x: StageContext, delay?: Millis) => void>;
}

/** A stage name the table does not have: a typo in the interpreter, never a user's mistake. */
export class UnknownStageError extends Error {
  constructor(name: string) {
    super(`no pod stage named "${name}" (pod-stages.ts has ${POD_STAGES.map((s) => s.name).join(', ')})`);
    this.name = 'UnknownStageError';
  }
}

/**
 * The interpreter of the stage table (pod-stages.ts): `step` fires the first stage of a group
 * whose conditions hold, `fire` a stage by name when its conditions hold; both apply the
 * stage's effects in order and return the stage (undefined: none applied).
 */
export class StageEngine {
  private readonly byName: Map<string, PodStage>;

  constructor(private readonly host: StageHost, private readonly stages: readonly PodStage[] = POD_STAGES) {
    this.byName = new Map(stages.map((s) => [s.name, s]));
  }

  /** The first stage of `group` whose conditions hold, applied; undefined when none holds. */
  step(group: StageGroup, x: StageContext): PodStage | undefined {
    const stage = this.stages.find((s) => s.group === group && holds(s, x));
    if (stage) this.apply(stage, x);
    return stage;
  }

  /** The named stage, applied if its conditions hold. An unknown name throws UnknownStageError. */
  fire(name: StageName, x: StageContext): PodStage | undefined {
    const stage = this.byName.get(name);
    if (!stage) throw new UnknownStageError(name);
    if (!holds(stage, x)) return undefined;
    this.apply(stage, x);
    return stage;
  }

  private apply(stage: PodStage, x: StageContext): void {
    for (const effect of stage.next) this.effect(effect, x);
  }

  private effect(e: Effect, x: StageContext): void {
    const c = x.c;
    if ('call' in e) {
      this.host.actions[e.call](x, e.delay === undefined ? undefined : timings[e.delay]);
    } else if ('event' in e) {
      if (e.onlyIf !== undefined && !CONDITIONS[e.onlyIf](x)) return;
      const [type, reason, template] = e.event;
      const message = render(template, x, this.host.version);
      const when = e.at === undefined ? undefined : x.facts[e.at];
      const fieldPath = c && !POD_LEVEL_REASONS.has(reason) ? `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}` : undefined;
      if (when === undefined || when <= this.host.clock.now()) this.host.event(x.pod, type, reason, message, fieldPath);
      else this.host.clock.at(when, () => { if (this.host.current(x)) this.host.event(x.pod, type, reason, message, fieldPath); });
    } else if ('failPod' in e) {
      this.host.failPod(x, e.failPod.reason, render(e.failPod.message, x, this.host.version), e.failPod.graceful === true);
    } else if ('podCondition' in e) {
      this.host.podCondition(x, { ...e.podCondition, message: render(e.podCondition.message, x, this.host.version) });
    } else if ('then' in e) {
      this.step(e.then, x);
    } else if (!c) {
      throw new Error(`a container effect (${JSON.stringify(e)}) in a stage without a container`);
    } else if ('waiting' in e) {
      c.waitingReason = e.waiting;
      c.waitingMessage = render(e.message, x, this.host.version);
      c.waitingShownFrom = e.shownFrom === undefined ? undefined : crashLoopShownFrom(this.host.version, c, x.facts.at ?? x.now, c.startAt ?? x.now);
    } else if ('terminated' in e) {
      terminate(x, e.terminated);
    } else if ('running' in e) {
      // A run after an earlier one: that one becomes lastState, and the restart is counted.
      if (c.state === 'terminated' || c.finishedAt !== undefined) {
        c.last = { startedAt: c.startedAt!, finishedAt: c.finishedAt!, exitCode: c.exitCode!, reason: c.terminatedReason! };
        c.restartCount++;
      }
      c.state = 'running';
      c.waitingMessage = c.waitingShownFrom = undefined;
      c.startedAt = x.facts.at ?? x.now;
      c.startAt = c.finishedAt = c.exitCode = undefined;
    } else if ('startAt' in e) {
      const at = x.facts.at ?? x.now;
      c.startAt = e.startAt === 'now' ? x.now : e.startAt === 'at' ? at : e.startAt === 'at + back-off' ? at + c.backoff! : e.startAt === 'pulledAt' ? x.facts.pulledAt : undefined;
    }
  }
}

/**
 * Events the kubelet records about the pod itself, not one container (no fieldPath): the sandbox,
 * volumes, network, eviction and the active deadline (pkg/kubelet/kubelet.go, volumemanager,
 * eviction_manager.go). The rest name a container reference (kuberuntime, images, prober).
 */
const POD_LEVEL_REASONS = new Set(['SandboxChanged', 'FailedMount', 'NetworkNotReady', 'Evicted', 'DeadlineExceeded', 'FailedCreatePodSandBox']);

/** Whether all of a stage's conditions hold. */
function holds(stage: PodStage, x: StageContext): boolean {
  // A loop, not every() with a closure: asked for each stage of each group at every sync.
  for (const name of stage.when) if (!CONDITIONS[name](x)) return false;
  return true;
}

/** The terminated state: when, exit code and reason; the facts the after-exit stages judge by. */
function terminate(x: StageContext, t: Termination): void {
  const c = x.c!;
  const at = t.at === 'stopAt' ? c.stopAt : x.facts[t.at];
  if (at === undefined) throw new Error(`stage termination at ${t.at}, which this step did not work out`);
  const exitCode = t.exitCode === 'own' ? c.behavior.exitCode : t.exitCode === 'reported' ? x.facts.exitCode! : t.exitCode;
  const reason = t.reason ?? (t.exitCode === 'reported' ? x.facts.reason : undefined);
  c.state = 'terminated';
  c.finishedAt = at;
  c.exitCode = exitCode;
  c.terminatedReason = reason ?? (exitCode === 0 ? 'Completed' : 'Error');
  x.facts.at = at;
  x.facts.since = t.judgedBy === 'the run before' ? c.last?.finishedAt ?? null : at;
}

/** The placeholders a template may use, and where each value comes from. */
const PLACEHOLDERS: Record<string, (x: StageContext) => string | number | undefined> = {
  container: (x) => x.c?.name,
  image: (x) => x.c?.image,
  pod: (x) => `${x.pod.metadata.name}_${x.pod.metadata.namespace}(${x.pod.metadata.uid})`,
  probe: (x) => x.facts.probe,
  Probe: (x) => (x.facts.probe ? `${x.facts.probe[0]!.toUpperCase()}${x.facts.probe.slice(1)}` : undefined),
  probeMessage: (x) => x.facts.probeMessage,
  // What prober.runProbe answers with an error: probe.Unknown ("unknown", pkg/probe/probe.go).
  probeResult: () => 'unknown',
  error: (x) => x.facts.error ?? x.facts.invalidImage ?? x.facts.pullError ?? x.facts.mountError,
  backoff: (x) => (x.c?.backoff === undefined ? undefined : goDuration(x.c.backoff)),
  took: (x) => x.facts.took,
  message: (x) => x.facts.message,
  networkError: () => NETWORK_NOT_READY,
};

/** The placeholders templates may use (for the table's unit test). */
export const PLACEHOLDER_NAMES: readonly string[] = Object.keys(PLACEHOLDERS);

/** A template with its placeholders filled; an unknown placeholder or a missing value throws. */
export function render(template: Template, x: StageContext, version: KubernetesVersion): string {
  const text = templateText(template, version);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = PLACEHOLDERS[name]?.(x);
    if (value === undefined) throw new Error(`template "${text}": no value for {${name}}`);
    return String(value);
  });
}

/** A template's text with its placeholders, for the simulated release. */
export function templateText(template: Template, version: KubernetesVersion): string {
  return typeof template === 'string' ? template : versionedTemplate(template.versioned, version);
}

/**
 * A versioned text in the table's placeholders: the facts write it with upstream's verbs
 * (%NAME the container, %IMAGE the image as %q quotes it, %PROBE the probe type, %RESULT the
 * result it counted as, %ERROR the error).
 */
function versionedTemplate(id: VersionedText, version: KubernetesVersion): string {
  // Rendered for every container start at scale: each text is worked out once per release.
  const key = `${id}@${version.minor}`;
  let text = versionedTexts.get(key);
  if (text === undefined) versionedTexts.set(key, (text = versionedTemplateOf(id, version)));
  return text;
}

const versionedTexts = new Map<string, string>();

function versionedTemplateOf(id: VersionedText, version: KubernetesVersion): string {
  const value = behaviour(version, id).value;
  if (typeof value !== 'string') throw new Error(`versioned text ${id} has no text on Kubernetes ${version.gitVersion}`);
  return value.replace('%NAME', '{container}').replace('%IMAGE', '"{image}"').replace('%PROBE', '{Probe}').replace('%RESULT', '{probeResult}').replace('%ERROR', '{error}');
}
