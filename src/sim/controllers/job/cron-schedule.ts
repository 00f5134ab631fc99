import { CronExpressionParser } from 'cron-parser';
import type { Millis } from '../../clock.ts';

/**
 * A CronJob schedule (reference/workloads.md §6): five fields or a macro, in `timeZone`
 * (default UTC, the usual controller-manager zone). cron-parser does the calendar work.
 */
export class CronSchedule {
  private constructor(private readonly expression: string, private readonly tz: string) {}

  /** Parses a schedule; throws with the parser's reason for a bad one. */
  static parse(expression: string, timeZone = 'UTC'): CronSchedule {
    if (/^\s*(CRON_)?TZ=/.test(expression)) throw new Error('CRON_TZ or TZ used in schedule is not supported, use spec.timeZone');
    const s = new CronSchedule(expression, timeZone);
    s.nextAfter(0);
    return s;
  }

  /** The first schedule time strictly after `t`. */
  nextAfter(t: Millis): Millis {
    return CronExpressionParser.parse(this.expression, { currentDate: new Date(t), tz: this.tz }).next().getTime();
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
