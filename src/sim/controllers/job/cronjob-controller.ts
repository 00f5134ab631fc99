import type { Clock, Millis } from '../../clock.ts';
import { rfc3339 } from '../../clock.ts';
import type { EventRecorder } from '../../events.ts';
import { controllerRef } from '../../pod-status.ts';
import { thaw } from '../../store/freeze.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../controller.ts';
import { CronSchedule } from '../../../kube/cron-schedule.ts';

const COMPONENT = 'cronjob-controller';
const SCHEDULED = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** The controller wakes this long after each schedule time (nextScheduleDelta). */
const NEXT_SCHEDULE_DELTA: Millis = 100;

/**
 * The CronJob controller (reference/workloads.md §6), after
 * pkg/controller/cronjob/cronjob_controllerv2.go: starts only the most recent missed time,
 * honours startingDeadlineSeconds and concurrencyPolicy (Allow, Forbid, Replace), names jobs
 * `<cronjob>-<minutes since epoch>`, keeps status.active/lastScheduleTime/lastSuccessfulTime,
 * and trims finished jobs to the history limits.
 */
export class CronJobController implements Controller {
  readonly name = 'CronJob';

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const cj = this.store.get('CronJob', key);
    if (!cj || cj.metadata.deletionTimestamp) return {};
    const now = this.clock.now();
    const status = thaw(cj.status ?? {});
    // getJobsToBeReconciled (cronjob_controllerv2.go): every Job whose controllerRef names this CronJob.
    const jobs = this.store.list('Job', { namespace: cj.metadata.namespace, ownerUid: cj.metadata.uid })
      .filter((j) => j.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'CronJob' && r.name === cj.metadata.name));
    this.syncActive(cj, status, jobs);
    this.cleanupHistory(cj, jobs);

    let schedule: CronSchedule;
    try {
      schedule = CronSchedule.parse(cj.spec.schedule, cj.spec.timeZone ?? 'UTC');
    } catch (e) {
      this.events.record(COMPONENT, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${(e as Error).message}`);
      this.write(cj, status);
      return {};
    }
    const next = (): ReconcileResult => ({ requeueAfter: schedule.nextAfter(now) - now + NEXT_SCHEDULE_DELTA });
    if (cj.spec.suspend) {
      this.write(cj, status);
      return {};
    }
    let earliest = Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp);
    if (cj.spec.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - cj.spec.startingDeadlineSeconds * 1000);
    const { count, mostRecent } = schedule.missed(earliest, now);
    if (count > 100) {
      this.events.record(COMPONENT, cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    if (mostRecent === undefined) {
      this.write(cj, status);
      return next();
    }
    if (cj.spec.startingDeadlineSeconds !== undefined && mostRecent + cj.spec.startingDeadlineSeconds * 1000 < now) {
      this.events.record(COMPONENT, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(mostRecent)}`);
      this.write(cj, status);
      return next();
    }
    const active: any[] = status.active ?? [];
    if (cj.spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.events.record(COMPONENT, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      this.write(cj, status);
      return next();
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const ref of active) {
        const job = this.store.get('Job', { namespace: cj.metadata.namespace, name: ref.name });
        if (job) this.deleteJob(cj, job);
      }
      status.active = [];
    }
    const job = this.createJob(cj, mostRecent);
    if (job) status.active = [...(status.active ?? []), { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion }];
    status.lastScheduleTime = rfc3339(mostRecent);
    this.write(cj, status);
    return next();
  }

  /** Drops finished or vanished jobs from status.active and records the last success. */
  private syncActive(cj: KubeObject, status: any, jobs: KubeObject[]): void {
    const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
    const active: any[] = status.active ?? [];
    for (const ref of active) {
      const job = byUid.get(ref.uid);
      if (!job) this.events.record(COMPONENT, cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    }
    status.active = active.filter((ref) => byUid.has(ref.uid));
    for (const job of jobs) {
      const finished = finishedCondition(job);
      const listed = status.active.some((r: any) => r.uid === job.metadata.uid);
      // syncCronJob (cronjob_controllerv2.go): an unfinished Job it controls that status.active
      // does not list (`kubectl create job --from=cronjob/…`, or a crash between create and status
      // write) is reported on every sync, and only reported: v1.32 does not add it to active.
      if (!finished && !listed) this.events.record(COMPONENT, cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
      if (finished && listed) {
        status.active = status.active.filter((r: any) => r.uid !== job.metadata.uid);
        this.events.record(COMPONENT, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${finished}`);
      }
      if (finished === 'Complete' && job.status?.completionTime && (!status.lastSuccessfulTime || job.status.completionTime > status.lastSuccessfulTime)) {
        status.lastSuccessfulTime = job.status.completionTime;
      }
    }
    if (status.active.length === 0) delete status.active;
  }

  private createJob(cj: KubeObject, scheduled: Millis): KubeObject | undefined {
    const name = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
    const existing = this.store.get('Job', { namespace: cj.metadata.namespace, name });
    if (existing) return existing.metadata.ownerReferences?.some((r) => r.uid === cj.metadata.uid) ? existing : undefined;
    const template = thaw(cj.spec.jobTemplate ?? {});
    try {
      const job = this.store.create({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name,
          namespace: cj.metadata.namespace,
          labels: template.metadata?.labels,
          annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED]: rfc3339(scheduled) },
          ownerReferences: [controllerRef(cj)],
        },
        spec: template.spec,
      });
      this.events.record(COMPONENT, cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
      return job;
    } catch (e) {
      this.events.record(COMPONENT, cj, 'Warning', 'FailedCreate', `Error creating job: ${(e as Error).message}`);
      throw e;
    }
  }

  private deleteJob(cj: KubeObject, job: KubeObject): void {
    this.store.delete('Job', job.metadata, { propagationPolicy: 'Background' });
    this.events.record(COMPONENT, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  }

  /** cleanupFinishedJobs: oldest finished jobs beyond successful/failed history limits go. */
  private cleanupHistory(cj: KubeObject, jobs: KubeObject[]): void {
    const byStart = (a: KubeObject, b: KubeObject) => (a.status?.startTime ?? a.metadata.creationTimestamp).localeCompare(b.status?.startTime ?? b.metadata.creationTimestamp);
    for (const [kind, limit] of [['Complete', cj.spec.successfulJobsHistoryLimit], ['Failed', cj.spec.failedJobsHistoryLimit]] as const) {
      if (limit === undefined) continue;
      const finished = jobs.filter((j) => finishedCondition(j) === kind && !j.metadata.deletionTimestamp).sort(byStart);
      for (const job of finished.slice(0, Math.max(0, finished.length - limit))) this.deleteJob(cj, job);
    }
  }

  private write(cj: KubeObject, status: any): void {
    const latest = this.store.get('CronJob', cj.metadata)!;
    if (JSON.stringify(status) !== JSON.stringify(latest.status ?? {})) this.store.updateStatus({ ...latest, status });
  }
}

function finishedCondition(job: KubeObject): 'Complete' | 'Failed' | undefined {
  const c = (job.status?.conditions ?? []).find((x: any) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.type;
}

/** Go's time.RFC1123Z in UTC: "Mon, 02 Jan 2006 15:04:05 +0000". */
function rfc1123z(t: Millis): string {
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
