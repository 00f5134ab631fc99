import { check, fail, KubespecAssertionError, pass, type StepSpec, type TimelineEntry } from '../src/step-kit.ts';
import { CronSchedule } from '../src/kube/cron-schedule.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'a Job {string} that runs {string}',
    example: 'Given a Job "pi" that runs "sleep 5"',
    area: 'jobs',
    doc: 'Applies a one-pod Job of busybox running the shell command, restartPolicy Never.',
    async run({ args: [name, command] }) {
      const manifest = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: name as string },
        spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sh', '-c', command as string] }] } } },
      };
      this.applied.push(manifest);
      await this.driver.apply([manifest]);
    },
  },
  {
    pattern: 'Job {string} completes',
    example: 'Then Job "pi" completes within 2 minutes',
    area: 'jobs',
    doc: 'The Job has condition Complete=True.',
    eventual: 'optional',
    async run({ args: [name], within }) {
      await check(this.driver, `Job "${name}" to complete`, within, async () => {
        const job = await this.driver.get({ kind: 'Job', name: name as string });
        if (!job) return fail(`Job "${name}" not found`);
        const done = (job.status?.conditions ?? []).find((c: any) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
        if (done?.type === 'Complete') return pass;
        const s = job.status ?? {};
        return fail(done ? `Job "${name}" failed: ${done.reason}: ${done.message}` : `Job "${name}" is not finished (active ${s.active ?? 0}, succeeded ${s.succeeded ?? 0}, failed ${s.failed ?? 0})`);
      });
    },
  },
  {
    pattern: 'Job {string} fails with reason {word}',
    example: 'Then Job "flaky" fails with reason BackoffLimitExceeded within 5 minutes',
    area: 'jobs',
    doc: 'The Job has condition Failed=True with that reason.',
    eventual: 'optional',
    async run({ args: [name, reason], within }) {
      await check(this.driver, `Job "${name}" to fail with ${reason}`, within, async () => {
        const job = await this.driver.get({ kind: 'Job', name: name as string });
        if (!job) return fail(`Job "${name}" not found`);
        const failed = (job.status?.conditions ?? []).find((c: any) => c.type === 'Failed' && c.status === 'True');
        if (failed?.reason === reason) return pass;
        return fail(failed ? `Job "${name}" failed with ${failed.reason}` : `Job "${name}" has not failed (conditions: ${(job.status?.conditions ?? []).map((c: any) => `${c.type}=${c.status}`).join(', ') || 'none'})`);
      });
    },
  },
  {
    pattern: 'at most {int} pods of Job {string} run at the same time until it completes within {duration}',
    example: 'Then at most 3 pods of Job "batch" run at the same time until it completes within 10 minutes',
    area: 'jobs',
    doc: 'Watches the Job to completion and fails as soon as more pods than allowed are running or pending at once.',
    async run({ args: [most, name, within] }) {
      await this.driver.waitFor(`Job "${name}" to complete`, async () => {
        const job = await this.driver.get({ kind: 'Job', name: name as string });
        if (!job) return undefined;
        const pods = (await this.driver.list('Pod', { labelSelector: `batch.kubernetes.io/job-name=${name}` }))
          .filter((p) => !p.metadata.deletionTimestamp && (p.status?.phase === 'Running' || p.status?.phase === 'Pending'));
        if (pods.length > (most as number)) throw new KubespecAssertionError(`Job "${name}" had ${pods.length} pods at once: ${pods.map((p) => p.metadata.name).join(', ')}`);
        return (job.status?.conditions ?? []).some((c: any) => c.type === 'Complete' && c.status === 'True') ? true : undefined;
      }, within as number);
    },
  },
  {
    pattern: 'CronJob {string} has {int} job(s)',
    example: 'Then CronJob "report" has 3 jobs',
    area: 'jobs',
    doc: 'Counts the Jobs owned by the CronJob.',
    eventual: 'optional',
    async run({ args: [name, count], within }) {
      await check(this.driver, `CronJob "${name}" to have ${count} jobs`, within, async () => {
        const cj = await this.driver.get({ kind: 'CronJob', name: name as string });
        if (!cj) return fail(`CronJob "${name}" not found`);
        const jobs = (await this.driver.list('Job')).filter((j) => j.metadata.ownerReferences?.some((r) => r.uid === cj.metadata.uid) && !j.metadata.deletionTimestamp);
        return jobs.length === count ? pass : fail(`CronJob "${name}" has ${jobs.length} jobs: ${jobs.map((j) => j.metadata.name).join(', ') || 'none'}`);
      });
    },
  },
  {
    pattern: 'CronJob {string} has started {int} Job(s), one at each scheduled time',
    example: 'Then CronJob "report" has started 30 Jobs, one at each scheduled time',
    area: 'jobs',
    doc: "Reads the Jobs the CronJob started from the pods the run saw created (a Job's name ends in its scheduled minute), kept or long deleted: exactly that many, the first at the first schedule time after the CronJob was created, each next one at the next schedule time: none skipped, none doubled, no drift.",
    async run({ args: [name, count] }) {
      const cronJob = await this.driver.get({ kind: 'CronJob', name: name as string });
      if (!cronJob) throw new KubespecAssertionError(`CronJob "${name}" not found`);
      const started = scheduledTimesOfStartedJobs(this.driver.timeline(), name as string);
      const schedule = CronSchedule.parse(cronJob.spec.schedule, cronJob.spec.timeZone);
      const problems: string[] = [];
      let expected = schedule.nextAfter(Date.parse(cronJob.metadata.creationTimestamp!));
      for (const at of started) {
        if (at !== expected) problems.push(`a Job for ${iso(at)} where the schedule's next time was ${iso(expected)}`);
        expected = schedule.nextAfter(at);
      }
      if (started.length !== count) problems.unshift(`${started.length} Jobs started, not ${count} (last for ${started.length ? iso(started.at(-1)!) : 'none'})`);
      if (problems.length) throw new KubespecAssertionError(`CronJob "${name}" (${cronJob.spec.schedule}): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` and ${problems.length - 5} more` : ''}`);
    },
  },
];

/** The scheduled times, in order, of the CronJob's Jobs whose pods the timeline saw created. */
function scheduledTimesOfStartedJobs(timeline: readonly TimelineEntry[], cronJob: string): number[] {
  const pattern = new RegExp(`^${cronJob.replace(/[.]/g, '\\.')}-(\\d+)$`);
  const minutes = new Set<number>();
  for (const e of timeline) {
    const match = e.transition === 'created' ? pattern.exec(e.labels?.['batch.kubernetes.io/job-name'] ?? '') : null;
    if (match) minutes.add(Number(match[1]));
  }
  return [...minutes].sort((a, b) => a - b).map((m) => m * 60_000);
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
