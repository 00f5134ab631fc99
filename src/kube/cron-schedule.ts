import { CronDate, CronExpressionParser, type CronExpression } from 'cron-parser';
import type { Millis } from './duration.ts';

/**
 * A CronJob schedule (reference/workloads.md §6): five fields or a macro, in `timeZone`
 * (default UTC, the usual controller-manager zone). cron-parser does the calendar work.
 */
export class CronSchedule {
  /** Parsed schedules by expression and zone: a CronJob is reconciled at every run, parsing is not free. */
  private static readonly parsed = new Map<string, CronSchedule>();
  private readonly iterator: CronExpression;
  /** Recent answers of nextAfter: a controller asks the same question at every sync of a run. */
  private readonly recent = new Map<Millis, Millis>();

  private constructor(private readonly expression: string, private readonly tz: string) {
    this.iterator = CronExpressionParser.parse(expression, { currentDate: new Date(0), tz });
  }

  /** Parses a schedule; throws with the parser's reason for a bad one. */
  static parse(expression: string, timeZone = 'UTC'): CronSchedule {
    if (/^\s*(CRON_)?TZ=/.test(expression)) throw new Error('CRON_TZ or TZ used in schedule is not supported, use spec.timeZone');
    const id = `${timeZone} ${expression}`;
    let s = CronSchedule.parsed.get(id);
    if (!s) {
      s = new CronSchedule(expression, timeZone);
      s.nextAfter(0);
      CronSchedule.parsed.set(id, s);
    }
    return s;
  }

  /** The first schedule time strictly after `t`. */
  nextAfter(t: Millis): Millis {
    let next = this.recent.get(t);
    if (next === undefined) {
      // reset() given a plain Date forgets the zone (cron-parser 5.5), so hand it a zoned date.
      this.iterator.reset(new CronDate(new Date(t), this.tz));
      next = this.iterator.next().getTime();
      if (this.recent.size >= 64) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(t, next);
    }
    return next;
  }

  /**
   * The schedule times in (from, to]: how many (capped at `cap` + 1) and the most recent one,
   * as mostRecentScheduleTime does.
   */
  missed(from: Millis, to: Millis, cap = 100): { count: number; mostRecent?: Millis } {
    let count = 0;
    let mostRecent: Millis | undefined;
    for (let t = this.nextAfter(from); t <= to; t = this.nextAfter(t)) {
      count++;
      mostRecent = t;
      if (count > cap) {
        // Too many to walk one by one: jump to the last time before `to`.
        const it = CronExpressionParser.parse(this.expression, { currentDate: new Date(to + 1), tz: this.tz });
        mostRecent = it.prev().getTime();
        break;
      }
    }
    return { count, mostRecent };
  }
}
