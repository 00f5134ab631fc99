import type { Clock, Millis } from '../../clock.ts';
import { rfc3339 } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import { controllerRef, isPodReady } from '../../pod-status.ts';
import { thaw } from '../../store/freeze.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../controller.ts';
import { slowStart } from '../replicaset-controller.ts';
import { formatIndexes, podFailurePolicyVerdict } from './job-policies.ts';

const COMPONENT = 'job-controller';
const INDEX = 'batch.kubernetes.io/job-completion-index';
/** Failure backoff: 10s doubling, capped at 10 minutes (MaxJobPodFailureBackOff, job_controller.go v1.32). */
const BACKOFF_BASE: Millis = 10_000;
const BACKOFF_MAX: Millis = 600_000;

type Cond = { type: string; status: string; reason: string; message: string };

/** What the controller has counted for one Job (the real one keeps it with pod finalizers). */
interface Tally {
  counted: Set<string>;
  /** backoffLimitPerIndex: failures counted per completion index. */
  indexFailures: Map<number, number>;
  failuresSinceSuccess: number;
  lastFailureAt?: Millis;
}

/**
 * The Job controller (reference/workloads.md §5), from pkg/controller/job/job_controller.go
 * v1.32: NonIndexed and Indexed completion, parallelism, failure backoff (10s doubling, 10m cap),
 * backoffLimit (with OnFailure restarts counted), activeDeadlineSeconds, podFailurePolicy,
 * suspend/resume, pod replacement on termination, and the two-step terminal conditions
 * (SuccessCriteriaMet/FailureTarget at once, Complete/Failed when no pod is terminating).
 * Counted pods are remembered in memory rather than through the job-tracking finalizer.
 */
export class JobController implements Controller {
  readonly name = 'Job';
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const job = this.store.get('Job', key);
    if (!job || job.metadata.deletionTimestamp) return {};
    if (hasCondition(job, 'Complete') || hasCondition(job, 'Failed')) return {};
    const now = this.clock.now();
    const pods = this.store.list('Pod', { namespace: job.metadata.namespace, ownerUid: job.metadata.uid });
    const tally = this.tallyOf(job);
    const status = thaw(job.status ?? {});
    status.succeeded ??= 0;
    status.failed ??= 0;
    let failTarget: Cond | undefined = conditionOf(job, 'FailureTarget');
    const indexed = job.spec.completionMode === 'Indexed';

    for (const pod of pods) {
      const phase = pod.status?.phase;
      if ((phase !== 'Succeeded' && phase !== 'Failed') || tally.counted.has(pod.metadata.uid)) continue;
      tally.counted.add(pod.metadata.uid);
      if (phase === 'Succeeded') {
        status.succeeded++;
        tally.failuresSinceSuccess = 0;
        if (indexed) status.completedIndexes = formatIndexes([...parseIndexList(status.completedIndexes), Number(pod.metadata.annotations?.[INDEX])]);
        continue;
      }
      const verdict = podFailurePolicyVerdict(job, pod);
      if (verdict.action === 'Ignore') continue;
      if (verdict.action === 'FailJob' && !failTarget) failTarget = { type: 'FailureTarget', status: 'True', reason: 'PodFailurePolicy', message: verdict.message! };
      status.failed++;
      tally.failuresSinceSuccess++;
      tally.lastFailureAt = finishedAt(pod) ?? now;
      if (indexed && job.spec.backoffLimitPerIndex !== undefined) {
        const index = Number(pod.metadata.annotations?.[INDEX]);
        const n = (tally.indexFailures.get(index) ?? 0) + 1;
        tally.indexFailures.set(index, n);
        if (n > job.spec.backoffLimitPerIndex || verdict.action === 'FailIndex') {
          status.failedIndexes = formatIndexes([...parseIndexList(status.failedIndexes), index]);
        }
      }
    }
    if (indexed && job.spec.backoffLimitPerIndex !== undefined && !failTarget) {
      const failedCount = parseIndexList(status.failedIndexes).length;
      const done = failedCount + parseIndexList(status.completedIndexes).length;
      if (job.spec.maxFailedIndexes !== undefined && failedCount > job.spec.maxFailedIndexes) {
        failTarget = { type: 'FailureTarget', status: 'True', reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' };
      } else if (failedCount > 0 && done >= job.spec.completions) {
        failTarget = { type: 'FailureTarget', status: 'True', reason: 'FailedIndexes', message: 'Job has failed indexes' };
      }
    }

    const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
    const suspended = job.spec.suspend === true;
    if (!suspended && !status.startTime) status.startTime = rfc3339(now);
    const restarts = job.spec.template.spec.restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + maxRestarts(p), 0) : 0;
    const backoffLimit = job.spec.backoffLimit ?? 6;
    if (!failTarget && (status.failed > backoffLimit || (restarts > 0 && restarts >= backoffLimit))) {
      failTarget = { type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    }
    let requeueAfter: Millis | undefined;
    if (!failTarget && job.spec.activeDeadlineSeconds !== undefined && status.startTime && !suspended) {
      const left = Date.parse(status.startTime) + job.spec.activeDeadlineSeconds * 1000 - now;
      if (left <= 0) failTarget = { type: 'FailureTarget', status: 'True', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
      else requeueAfter = left;
    }
    const policyRule = !failTarget && indexed ? matchSuccessPolicy(job, parseIndexList(status.completedIndexes)) : undefined;
    const success = !failTarget && policyRule === undefined && this.succeeded(job, status, active.length);
    const finishing: Cond | undefined = failTarget
      ?? (policyRule !== undefined ? { type: 'SuccessCriteriaMet', status: 'True', reason: 'SuccessPolicy', message: `Matched rules at index ${policyRule}` } : undefined)
      ?? (success ? { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' } : conditionOf(job, 'SuccessCriteriaMet'));

    if (finishing) {
      for (const pod of active) this.deletePod(job, pod);
      setCondition(status, finishing, now);
      const terminating = this.store.list('Pod', { namespace: job.metadata.namespace, ownerUid: job.metadata.uid }).filter((p) => p.metadata.deletionTimestamp).length;
      if (terminating === 0) this.finish(job, status, finishing, now);
      return this.write(job, status, undefined);
    }
    if (suspended) {
      for (const pod of active) this.deletePod(job, pod);
      if (setCondition(status, { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }, now)) {
        this.events.record(COMPONENT, job, 'Normal', 'Suspended', 'Job suspended');
      }
      delete status.startTime;
      return this.write(job, status, undefined);
    }
    if (conditionOf(job, 'Suspended')?.status === 'True') {
      setCondition(status, { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' }, now);
      this.events.record(COMPONENT, job, 'Normal', 'Resumed', 'Job resumed');
    }
    const wait = this.backoffLeft(tally, now);
    if (wait > 0) requeueAfter = Math.min(requeueAfter ?? wait, wait);
    else this.manage(job, status, active);
    return this.write(job, status, requeueAfter);
  }

  private tallyOf(job: KubeObject): Tally {
    let t = this.tallies.get(job.metadata.uid);
    if (!t) this.tallies.set(job.metadata.uid, (t = { counted: new Set(), indexFailures: new Map(), failuresSinceSuccess: 0 }));
    return t;
  }

  private succeeded(job: KubeObject, status: any, active: number): boolean {
    const completions = job.spec.completions;
    if (job.spec.completionMode === 'Indexed') return parseIndexList(status.completedIndexes).length >= completions;
    if (completions === undefined || completions === null) return status.succeeded > 0 && active === 0;
    return status.succeeded >= completions;
  }

  private backoffLeft(t: Tally, now: Millis): Millis {
    if (t.failuresSinceSuccess === 0 || t.lastFailureAt === undefined) return 0;
    const delay = Math.min(BACKOFF_BASE * 2 ** (t.failuresSinceSuccess - 1), BACKOFF_MAX);
    return Math.max(0, t.lastFailureAt + delay - now);
  }

  /** manageJob: create or delete pods toward the wanted number of active pods. */
  private manage(job: KubeObject, status: any, active: KubeObject[]): void {
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions;
    if (job.spec.completionMode === 'Indexed') {
      const done = new Set([...parseIndexList(status.completedIndexes), ...parseIndexList(status.failedIndexes)]);
      const running = new Set(active.map((p) => Number(p.metadata.annotations?.[INDEX])));
      const missing = Array.from({ length: completions }, (_, i) => i).filter((i) => !done.has(i) && !running.has(i));
      const room = Math.max(0, parallelism - active.length);
      const toCreate = missing.slice(0, room);
      let next = 0;
      slowStart(toCreate.length, () => this.createPod(job, toCreate[next++]));
      return;
    }
    const want = completions === undefined || completions === null
      ? (status.succeeded > 0 ? active.length : parallelism)
      : Math.max(0, Math.min(parallelism, completions - status.succeeded));
    if (active.length > want) {
      const extra = [...active].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b))).slice(0, active.length - want);
      for (const pod of extra) this.deletePod(job, pod);
    } else if (active.length < want) {
      slowStart(want - active.length, () => this.createPod(job, undefined));
    }
  }

  private createPod(job: KubeObject, index: number | undefined): void {
    const template = thaw(job.spec.template);
    const labels = { ...(template.metadata?.labels ?? {}) };
    const annotations = { ...(template.metadata?.annotations ?? {}) };
    const spec = template.spec;
    if (index !== undefined) {
      labels[INDEX] = String(index);
      annotations[INDEX] = String(index);
      spec.hostname = `${job.metadata.name}-${index}`;
      for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
        c.env = [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.labels['${INDEX}']` } } }];
      }
    }
    try {
      const pod = this.store.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`,
          namespace: job.metadata.namespace,
          labels,
          annotations: Object.keys(annotations).length ? annotations : undefined,
          ownerReferences: [controllerRef(job)],
        },
        spec,
      });
      this.events.record(COMPONENT, job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    } catch (e) {
      this.events.record(COMPONENT, job, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
  }

  private deletePod(job: KubeObject, pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp) return;
    this.store.delete('Pod', pod.metadata);
    this.events.record(COMPONENT, job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }

  /** The terminal condition, completionTime and the event (recordJobFinished). */
  private finish(job: KubeObject, status: any, finishing: Cond, now: Millis): void {
    if (finishing.type === 'SuccessCriteriaMet') {
      setCondition(status, { ...finishing, type: 'Complete' }, now);
      status.completionTime = rfc3339(now);
      this.events.record(COMPONENT, job, 'Normal', 'Completed', 'Job completed');
    } else {
      setCondition(status, { ...finishing, type: 'Failed' }, now);
      this.events.record(COMPONENT, job, 'Warning', finishing.reason, finishing.message);
    }
  }

  private write(job: KubeObject, status: any, requeueAfter: Millis | undefined): ReconcileResult {
    const current = this.store.list('Pod', { namespace: job.metadata.namespace, ownerUid: job.metadata.uid });
    const running = current.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp);
    status.active = running.length;
    status.ready = running.filter(isPodReady).length;
    status.terminating = current.filter((p) => p.metadata.deletionTimestamp).length;
    status.uncountedTerminatedPods = {};
    // active, succeeded and failed are omitempty in the API; ready and terminating are pointers.
    for (const k of ['active', 'succeeded', 'failed']) if (!status[k]) delete status[k];
    const latest = this.store.get('Job', job.metadata)!;
    if (JSON.stringify(status) !== JSON.stringify(latest.status ?? {})) this.store.updateStatus({ ...latest, status });
    return requeueAfter === undefined ? {} : { requeueAfter };
  }
}

/** matchSuccessPolicy: the index of the first rule the succeeded indexes satisfy. */
function matchSuccessPolicy(job: KubeObject, succeeded: number[]): number | undefined {
  const rules: any[] = job.spec.successPolicy?.rules ?? [];
  if (succeeded.length === 0) return undefined;
  const done = new Set(succeeded);
  for (const [i, rule] of rules.entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexList(rule.succeededIndexes).filter((x) => x < job.spec.completions);
      if (required.length === 0) continue;
      const hit = required.filter((x) => done.has(x)).length;
      if (rule.succeededCount !== undefined ? hit >= rule.succeededCount : hit === required.length) return i;
    } else if (rule.succeededCount !== undefined && succeeded.length >= rule.succeededCount) {
      return i;
    }
  }
  return undefined;
}

function conditionOf(job: KubeObject, type: string): Cond | undefined {
  const c = (job.status?.conditions ?? []).find((x: any) => x.type === type && x.status === 'True');
  return c && { type: c.type, status: c.status, reason: c.reason, message: c.message };
}

function hasCondition(job: KubeObject, type: string): boolean {
  return conditionOf(job, type) !== undefined;
}

/** ensureJobConditionStatus: adds or updates; returns whether anything changed. */
function setCondition(status: any, c: Cond, now: Millis): boolean {
  const list: any[] = status.conditions ?? [];
  const existing = list.find((x) => x.type === c.type);
  if (existing && existing.status === c.status && existing.reason === c.reason && existing.message === c.message) return false;
  const t = rfc3339(now);
  const next = { type: c.type, status: c.status, lastProbeTime: t, lastTransitionTime: existing && existing.status === c.status ? existing.lastTransitionTime : t, reason: c.reason, message: c.message };
  status.conditions = existing ? list.map((x) => (x === existing ? next : x)) : [...list, next];
  return true;
}

function parseIndexList(text: string | undefined): number[] {
  if (!text) return [];
  return text.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
  });
}

function finishedAt(pod: KubeObject): Millis | undefined {
  const times = (pod.status?.containerStatuses ?? []).map((s: any) => Date.parse(s.state?.terminated?.finishedAt ?? '')).filter((t: number) => !Number.isNaN(t));
  return times.length ? Math.max(...times) : undefined;
}

function maxRestarts(p: KubeObject): number {
  return (p.status?.containerStatuses ?? []).reduce((n: number, s: any) => n + (s.restartCount ?? 0), 0);
}
