/**
 * Schedule triggers: 5-field cron expressions read in the workspace's time zone, with croner
 * (docs/decisions.md says why). A bad expression is a plain 400 at `body/trigger/cron`.
 */
import { Cron } from 'croner';
import { WEEKDAYS } from '@plume/contract/automation/automation-triggers';
import { AppError } from '@plume/errors/app-error';

function parse(expression: string, zone: string): Cron {
  return new Cron(expression, { timezone: zone, paused: true, mode: '5-part' });
}

/** Throws a 400 at `path` unless the expression is a valid 5-field cron expression. */
export function checkCron(expression: string, zone: string, path = 'body/trigger/cron'): void {
  try {
    if (parse(expression, zone).nextRun() === null) throw new Error('never runs');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw AppError.validation(
      path,
      `"${expression}" is not a schedule Plume can read (${reason}). Use five fields: minute hour day month weekday, like "0 9 * * 1" for Mondays at 9:00.`,
    );
  }
}

/** The first time after `after` the expression fires in `zone`, or null if it never does again. */
export function nextCronRun(expression: string, zone: string, after: Date): Date | null {
  return parse(expression, zone).nextRun(after);
}

/** Every firing in (from, to], oldest first, at most `limit`. */
export function cronRunsBetween(expression: string, zone: string, from: Date, to: Date, limit: number): Date[] {
  const cron = parse(expression, zone);
  const runs: Date[] = [];
  let cursor: Date | null = cron.nextRun(from);
  while (cursor !== null && cursor <= to && runs.length < limit) {
    runs.push(cursor);
    cursor = cron.nextRun(cursor);
  }
  return runs;
}

/** A schedule event's data: the weekday and hour where the workspace is, and the instant. */
export function scheduleData(at: Date, zone: string): Record<string, unknown> {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'long', hour: 'numeric', hourCycle: 'h23' })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  const weekday = WEEKDAYS.find((day) => day === parts.weekday?.toLowerCase()) ?? 'monday';
  return { weekday, hour: Number(parts.hour), scheduledFor: at.toISOString(), zone };
}
