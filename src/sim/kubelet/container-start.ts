import { createHash } from 'node:crypto';
import type { Guess } from '../../kube/assumptions.ts';
import { bytes } from '../../kube/quantity.ts';
import type { Clock, Millis } from '../clock.ts';
import { containerSpec } from '../pod-status.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import { imageUserOf, type ImageBehavior } from './container-behavior.ts';
import { resolveEnvironment, type ObjectLookup } from './environment.ts';
import { entrypointVerdict, refusalLines, refusedRun } from './image-entrypoint.ts';
import { volumeFiles } from '../../kube/volume-files.ts';
import type { EvictionManager } from './eviction-manager.ts';
import { DISK, MEMORY } from './node-pressure.ts';
import type { ContainerRuntime } from './pod-runtime.ts';
import { probeHealth, type OutsideFiles } from './probe-targets.ts';
import { probeTimeline, type ProbeKind, type ProbeTimeline } from './probes.ts';
import type { StageName } from './pod-stages.ts';
import { checksImageUser, nonRootViolation } from './run-as-non-root.ts';
import type { Facts, StageContext } from './stage-conditions.ts';

/** What starting a container needs from the kubelet. */
export interface StartHost {
  store: ObjectStore;
  clock: Clock;
  images: readonly ImageBehavior[];
  eviction: EvictionManager;
  assume<T extends { guesses?: Guess[] }>(pod: KubeObject, container: any, init: boolean, value: T): T;
  lookup(pod: KubeObject): ObjectLookup;
  /** The pod's IP, as its runtime has it. */
  podIP(pod: KubeObject): string | undefined;
  /** Fires a stage of pod-stages.ts about this container, now (stage-engine.ts). */
  fire(stage: StageName, pod: KubeObject, c: ContainerRuntime, facts: Facts): void;
  /** Files put into this pod's volumes from outside (kubectl exec), for a run starting now. */
  outsideFiles(pod: KubeObject, spec: any, restartCount: number): OutsideFiles;
}

/**
 * Creating and starting one container run (kuberuntime_container.go startContainer) as the
 * create stages of pod-stages.ts use it: `prepare` works out the run's configuration (a
 * runAsNonRoot violation or an unresolvable environment is a CreateContainerConfigError) and
 * whether the image's entrypoint will refuse it; `setUp` gives the new run what it carries:
 * environment, what its process does, subPath files, id, probe timeline, OOM time, and the
 * eviction manager's and prober's future looks at it.
 */
export class ContainerStarter {
  constructor(private readonly host: StartHost) {}

  /** The run's configuration: Facts.error when it cannot be made, else Facts.env. */
  prepare(pod: KubeObject, c: ContainerRuntime): Facts {
    const spec = containerSpec(pod, c.name);
    const alwaysPull = spec?.imagePullPolicy === 'Always';
    const imageUser = imageUserOf(c.image, this.host.images);
    if (imageUser.guess && checksImageUser(pod, spec ?? {})) this.host.assume(pod, spec ?? c, c.init, { guesses: [imageUser.guess] });
    const userError = nonRootViolation(pod, spec ?? {}, imageUser.user);
    if (userError) return { error: userError, alwaysPull };
    const { store } = this.host;
    const services = [
      ...store.list('Service', { namespace: pod.metadata.namespace }),
      ...(pod.metadata.namespace === 'default' ? [] : store.list('Service', { namespace: 'default' }).filter((s) => s.metadata.name === 'kubernetes')),
    ];
    const env = resolveEnvironment(pod, spec ?? {}, this.host.lookup(pod), services);
    if ('error' in env) return { error: env.error, alwaysPull };
    // The entrypoint reads the environment the run starts with: a Secret fixed since the last run counts.
    const verdict = entrypointVerdict(pod, spec ?? {}, env.env, this.host.images);
    if (verdict.guesses) this.host.assume(pod, spec ?? c, c.init, { guesses: verdict.guesses });
    return { env: env.env, alwaysPull, ...(verdict.refusal ? { refusal: verdict.refusal } : {}) };
  }

  /** A run that has just become running (the stage's `running` effect) gets what it carries. */
  setUp(x: StageContext): void {
    const { pod } = x;
    const c = x.c!;
    const now = x.facts.at ?? x.now;
    const spec = containerSpec(pod, c.name) ?? {};
    const { clock, eviction } = this.host;
    c.env = x.facts.env;
    this.judgeEntrypoint(x, now);
    c.subPathFiles = volumeFiles(pod, { volumeMounts: (spec.volumeMounts ?? []).filter((m: any) => m.subPath) }, this.host.lookup(pod));
    // containerd's ids are random; these are derived from the pod and run, so runs repeat.
    c.containerID = `containerd://${createHash('sha256').update(`${pod.metadata.uid}/${c.name}/${c.restartCount}`).digest('hex')}`;
    c.waitedUntil = undefined;
    // A new run has no probe failure reported and no probe kill begun yet.
    c.killNoticedAt = c.killFailureReportedAt = undefined;
    // Files an earlier run left in its volumes are there from the start.
    c.outsideFiles = this.host.outsideFiles(pod, spec, c.restartCount);
    c.probes = this.probesOf(pod, c, spec, now);
    const limit = spec.resources?.limits?.memory;
    c.oomAt = c.behavior.memory && limit !== undefined && c.behavior.memory.bytes > bytes(limit) ? now + c.behavior.memory.after : undefined;
    const node = pod.spec.nodeName as string;
    // Writes past an ephemeral-storage limit or an emptyDir sizeLimit get the pod evicted.
    if (c.behavior.disk) {
      clock.at(now + c.behavior.disk.after, () => {
        eviction.checkLocalStorage(pod.metadata);
        eviction.checkPressure(DISK, node);
      });
    }
    // Growth within the limit can still exhaust the node: the eviction manager looks then.
    if (c.behavior.memory && c.oomAt === undefined) clock.at(now + c.behavior.memory.after, () => eviction.checkPressure(MEMORY, node));
    this.scheduleProbeEvents(pod, c, now);
  }

  /**
   * This run's process: the planned one, or, when the image's entrypoint refused (prepare), one
   * that exits at once having printed the entrypoint's log. Output of the run before stays for
   * `kubectl logs --previous`.
   */
  private judgeEntrypoint(x: StageContext, startedAt: Millis): void {
    const c = x.c!;
    const { refusal } = x.facts;
    const planned = c.planned ?? c.behavior;
    c.behavior = refusal ? refusedRun(refusal) : planned;
    c.planned = refusal ? planned : undefined;
    const kept = (c.entrypointOutput ?? []).filter((o) => o.startedAt === c.last?.startedAt);
    if (refusal) kept.push({ startedAt, lines: refusalLines(refusal, startedAt) });
    c.entrypointOutput = kept.length ? kept : undefined;
  }

  /**
   * What a container's probes do over its run from `startedAt`, judged against the pod's IP
   * (probe-targets.ts); a probe taken to pass without knowing is recorded against the pod.
   */
  probesOf(pod: KubeObject, c: ContainerRuntime, spec: any, startedAt: Millis): ProbeTimeline {
    const lookup = this.host.lookup(pod);
    const filledMounts = (spec.volumeMounts ?? []).filter((m: any) => {
      const v = (pod.spec?.volumes ?? []).find((x: any) => x.name === m.name);
      return !m.subPath && ((v?.configMap && lookup('ConfigMap', v.configMap.name)) || (v?.secret && lookup('Secret', v.secret.secretName)));
    }).map((m: any) => String(m.mountPath));
    const found = probeHealth(spec, c.behavior, this.host.images, { podIP: this.host.podIP(pod), outsideFiles: c.outsideFiles, volumeFiles: volumeFiles(pod, spec, lookup), filledMounts });
    this.host.assume(pod, spec, c.init, found);
    return probeTimeline(spec, c.behavior, startedAt, found.health);
  }

  /**
   * The prober's Unhealthy events of this run, at their times (the prober stages of
   * pod-stages.ts): the first error and failure of each probe, and the readiness failure that
   * makes it unready, each only while the run it belongs to goes on.
   */
  private scheduleProbeEvents(pod: KubeObject, c: ContainerRuntime, startedAt: Millis): void {
    const { clock } = this.host;
    const report = (stage: 'probe-errored' | 'probe-failed' | 'readiness-probe-failed', at: Millis, probe: string, error?: string) => {
      clock.at(at, () => {
        const facts = { at: startedAt, probe, probeMessage: c.probes?.messages?.[probe as ProbeKind] ?? '', ...(error !== undefined ? { error } : {}) };
        this.host.fire(stage, pod, c, facts);
      });
    };
    for (const e of c.probes?.errors ?? []) report('probe-errored', e.at, e.kind, e.error);
    for (const f of c.probes?.failures ?? []) report('probe-failed', f.at, f.kind);
    if (c.probes?.unreadyAt !== undefined) report('readiness-probe-failed', c.probes.unreadyAt, 'readiness');
  }
}
