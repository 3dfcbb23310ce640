/**
 * The calendar words placement and the plan checks share, so both count days, weeks and quiet hours
 * the same way: a day and a week are the workspace's (its zone, weeks Monday to Sunday), and quiet
 * hours are wall-clock times that may wrap past midnight.
 */
import { addDays, utcToWall, type WallTime } from '../../scheduling/zoned-time.ts';
import type { QuietHours } from './placement-types.ts';

export type LocalInstant = {
  at: Date;
  /** `YYYY-MM-DD` of the local day, and of the Monday starting its week. */
  dayKey: string;
  weekKey: string;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  minuteOfDay: number;
};

const pad = (value: number) => String(value).padStart(2, '0');

export function dateKey(wall: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** Where an instant falls on the workspace's calendar. */
export function localInstant(zone: string, at: Date): LocalInstant {
  const wall = utcToWall(zone, at);
  const monday = addDays(wall, -((wall.weekday + 6) % 7));
  return {
    at,
    dayKey: dateKey(wall),
    weekKey: dateKey(monday),
    weekday: wall.weekday,
    hour: wall.hour,
    minuteOfDay: wall.hour * 60 + wall.minute,
  };
}

/** True when the wall-clock minute lies in any quiet period (`from` inclusive, `to` exclusive). */
export function isQuiet(quietHours: readonly QuietHours[], minuteOfDay: number): boolean {
  return quietHours.some(({ fromMinute, toMinute }) =>
    fromMinute <= toMinute
      ? minuteOfDay >= fromMinute && minuteOfDay < toMinute
      : minuteOfDay >= fromMinute || minuteOfDay < toMinute,
  );
}

/** `HH:mm–HH:mm` for messages. */
export function describeQuietHours(quietHours: readonly QuietHours[]): string {
  const time = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  return quietHours.map((quiet) => `${time(quiet.fromMinute)}–${time(quiet.toMinute)}`).join(', ');
}

/** The minimum gap in milliseconds; never under a minute, so two posts of one account never share a minute. */
export function minGapMs(minGapMinutes: number): number {
  return Math.max(1, minGapMinutes) * 60_000;
}
