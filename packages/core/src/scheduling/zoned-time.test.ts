import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatMinuteOfDay,
  isKnownZone,
  offsetMs,
  parseMinuteOfDay,
  utcToWall,
  wallToUtc,
} from './zoned-time.ts';

const wall = (text: string) => {
  const [date = '', time = ''] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0 };
};
const iso = (value: Date) => value.toISOString();

describe('wallToUtc', () => {
  it('converts ordinary times with the offset of the season', () => {
    expect(wallToUtc('Europe/Berlin', wall('2026-01-15 09:00'))).toEqual({
      kind: 'exact',
      at: new Date('2026-01-15T08:00:00Z'),
    });
    expect(wallToUtc('Europe/Berlin', wall('2026-07-15 09:00'))).toEqual({
      kind: 'exact',
      at: new Date('2026-07-15T07:00:00Z'),
    });
    expect(wallToUtc('America/New_York', wall('2026-07-15 09:00'))).toEqual({
      kind: 'exact',
      at: new Date('2026-07-15T13:00:00Z'),
    });
    expect(wallToUtc('UTC', wall('2026-07-15 09:00'))).toEqual({ kind: 'exact', at: new Date('2026-07-15T09:00:00Z') });
  });

  it('reports the spring-forward gap (Berlin 2026-03-29 02:00–03:00) with the time moved past it', () => {
    const result = wallToUtc('Europe/Berlin', wall('2026-03-29 02:30'));
    expect(result.kind).toBe('gap');
    if (result.kind === 'gap') expect(iso(result.shifted)).toBe('2026-03-29T01:30:00.000Z');
    expect(utcToWall('Europe/Berlin', new Date('2026-03-29T01:30:00Z'))).toMatchObject({ hour: 3, minute: 30 });
    // Either side of the gap is exact.
    expect(wallToUtc('Europe/Berlin', wall('2026-03-29 01:59'))).toEqual({
      kind: 'exact',
      at: new Date('2026-03-29T00:59:00Z'),
    });
    expect(wallToUtc('Europe/Berlin', wall('2026-03-29 03:00'))).toEqual({
      kind: 'exact',
      at: new Date('2026-03-29T01:00:00Z'),
    });
  });

  it('reports the spring-forward gap in New York (2026-03-08 02:00–03:00)', () => {
    const result = wallToUtc('America/New_York', wall('2026-03-08 02:15'));
    expect(result.kind).toBe('gap');
    if (result.kind === 'gap') expect(iso(result.shifted)).toBe('2026-03-08T07:15:00.000Z');
  });

  it('reports both occurrences of a fall-back time, daylight first', () => {
    expect(wallToUtc('Europe/Berlin', wall('2026-10-25 02:30'))).toEqual({
      kind: 'ambiguous',
      earlier: new Date('2026-10-25T00:30:00Z'),
      later: new Date('2026-10-25T01:30:00Z'),
    });
    expect(wallToUtc('America/New_York', wall('2026-11-01 01:30'))).toEqual({
      kind: 'ambiguous',
      earlier: new Date('2026-11-01T05:30:00Z'),
      later: new Date('2026-11-01T06:30:00Z'),
    });
  });

  it('round-trips every instant that is not in an overlap (property)', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Chatham',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
        (zone, minute) => {
          const instant = new Date(minute * 60_000);
          const resolved = wallToUtc(zone, utcToWall(zone, instant));
          if (resolved.kind === 'exact') expect(resolved.at.getTime()).toBe(instant.getTime());
          else if (resolved.kind === 'ambiguous')
            expect([resolved.earlier.getTime(), resolved.later.getTime()]).toContain(instant.getTime());
          else throw new Error(`a wall time read off a real instant cannot be in a gap (${zone} ${iso(instant)})`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('utcToWall and offsets', () => {
  it('reads the wall clock and weekday', () => {
    expect(utcToWall('Europe/Berlin', new Date('2026-03-28T23:30:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 0,
      minute: 30,
      weekday: 0,
    });
    expect(utcToWall('America/New_York', new Date('2026-03-29T02:00:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 28,
      hour: 22,
      minute: 0,
      weekday: 6,
    });
  });

  it('knows the offset either side of a transition', () => {
    expect(offsetMs('Europe/Berlin', Date.parse('2026-03-29T00:59:00Z'))).toBe(3_600_000);
    expect(offsetMs('Europe/Berlin', Date.parse('2026-03-29T01:00:00Z'))).toBe(7_200_000);
    expect(offsetMs('Asia/Kolkata', Date.parse('2026-03-29T01:00:00Z'))).toBe(19_800_000);
  });

  it('tells known zones from unknown ones', () => {
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('calendar helpers', () => {
  it('adds days across month and year ends with the right weekday', () => {
    expect(addDays(wall('2026-12-30 09:15'), 3)).toEqual({
      year: 2027,
      month: 1,
      day: 2,
      hour: 9,
      minute: 15,
      weekday: 6,
    });
    expect(addDays(wall('2028-02-28 00:00'), 1)).toMatchObject({ month: 2, day: 29 });
  });

  it('formats and parses HH:mm', () => {
    expect(formatMinuteOfDay(0)).toBe('00:00');
    expect(formatMinuteOfDay(9 * 60 + 5)).toBe('09:05');
    expect(formatMinuteOfDay(23 * 60 + 59)).toBe('23:59');
    expect(parseMinuteOfDay('09:05')).toBe(545);
    for (const bad of ['24:00', '9:05', '09:60', '09:05:00', '']) expect(parseMinuteOfDay(bad)).toBeNull();
  });
});
