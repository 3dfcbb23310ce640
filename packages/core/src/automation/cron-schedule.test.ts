import { describe, expect, it } from 'vitest';
import { checkCron, cronRunsBetween, nextCronRun, scheduleData } from './cron-schedule.ts';

describe('schedules in the workspace time zone', () => {
  it('reads "Mondays at 9:00" on the workspace clock, across a DST change', () => {
    // Paris is UTC+1 in winter and UTC+2 in summer.
    expect(nextCronRun('0 9 * * 1', 'Europe/Paris', new Date('2026-12-07T09:00:00Z'))?.toISOString()).toBe(
      '2026-12-14T08:00:00.000Z',
    );
    expect(nextCronRun('0 9 * * 1', 'Europe/Paris', new Date('2026-06-01T00:00:00Z'))?.toISOString()).toBe(
      '2026-06-01T07:00:00.000Z',
    );
    expect(nextCronRun('30 17 * * *', 'America/New_York', new Date('2026-12-07T00:00:00Z'))?.toISOString()).toBe(
      '2026-12-07T22:30:00.000Z',
    );
  });

  it('lists the firings of a window, oldest first', () => {
    const runs = cronRunsBetween(
      '0 8 * * *',
      'Asia/Tokyo',
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-04T00:00:00Z'),
      10,
    );
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-12-01T23:00:00.000Z',
      '2026-12-02T23:00:00.000Z',
      '2026-12-03T23:00:00.000Z',
    ]);
  });

  it('gives conditions the weekday and hour where the workspace is', () => {
    expect(scheduleData(new Date('2026-12-06T23:30:00Z'), 'Europe/Berlin')).toMatchObject({
      weekday: 'monday',
      hour: 0,
    });
    expect(scheduleData(new Date('2026-12-06T23:30:00Z'), 'UTC')).toMatchObject({ weekday: 'sunday', hour: 23 });
  });

  it('refuses an expression it cannot read, at the field', () => {
    expect(() => checkCron('every monday', 'UTC')).toThrow(/body\/trigger\/cron/);
    expect(() => checkCron('0 9 * * 1 2026', 'UTC')).toThrow(/five fields/);
    expect(() => checkCron('*/15 * * * *', 'UTC')).not.toThrow();
  });
});
