import { describe, expect, it } from 'vitest';
import { nextFreeSlot, slotsOnDay, type Slot } from './next-slot.ts';

const at = (value: string) => new Date(value);
const minuteOf = (value: string) => Math.floor(Date.parse(value) / 60_000);
const slot = (weekday: number, time: string): Slot => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return { weekday, minuteOfDay: hours * 60 + minutes };
};
const query = (zone: string, slots: Slot[], after: string, occupied: string[] = []) =>
  nextFreeSlot({
    zone,
    slots,
    after: at(after),
    occupiedMinutes: new Set(occupied.map(minuteOf)),
    horizonDays: 56,
  })?.toISOString() ?? null;

describe('nextFreeSlot', () => {
  it('finds the next slot in the zone and answers in UTC', () => {
    // Thursday 2026-07-16 is weekday 4; 09:00 in Berlin in summer is 07:00 UTC.
    expect(query('Europe/Berlin', [slot(4, '09:00')], '2026-07-13T10:00:00Z')).toBe('2026-07-16T07:00:00.000Z');
    expect(query('America/New_York', [slot(4, '09:00')], '2026-07-13T10:00:00Z')).toBe('2026-07-16T13:00:00.000Z');
  });

  it('is strictly after `after` and takes a later slot the same day', () => {
    const slots = [slot(4, '09:00'), slot(4, '17:30')];
    expect(query('Europe/Berlin', slots, '2026-07-16T07:00:00Z')).toBe('2026-07-16T15:30:00.000Z');
    expect(query('Europe/Berlin', slots, '2026-07-16T06:59:00Z')).toBe('2026-07-16T07:00:00.000Z');
  });

  it('uses the local weekday, not the UTC one', () => {
    // Monday 00:30 in Berlin is still Sunday 22:30 UTC in summer.
    expect(query('Europe/Berlin', [slot(1, '00:30')], '2026-07-18T12:00:00Z')).toBe('2026-07-19T22:30:00.000Z');
  });

  it('skips occupied minutes, to the next slot or next week', () => {
    const slots = [slot(4, '09:00'), slot(4, '12:00')];
    expect(query('Europe/Berlin', slots, '2026-07-13T00:00:00Z', ['2026-07-16T07:00:00Z'])).toBe(
      '2026-07-16T10:00:00.000Z',
    );
    expect(
      query('Europe/Berlin', slots, '2026-07-13T00:00:00Z', ['2026-07-16T07:00:00Z', '2026-07-16T10:00:00Z']),
    ).toBe('2026-07-23T07:00:00.000Z');
  });

  it('keeps the wall time across a DST change: 09:00 stays 09:00 (Berlin, spring)', () => {
    const sundays = [slot(0, '09:00')];
    expect(query('Europe/Berlin', sundays, '2026-03-23T00:00:00Z')).toBe('2026-03-29T07:00:00.000Z');
    expect(query('Europe/Berlin', sundays, '2026-03-16T00:00:00Z')).toBe('2026-03-22T08:00:00.000Z');
  });

  it('moves a 02:30 slot forward by the gap on the spring-forward day (Berlin and New York)', () => {
    expect(query('Europe/Berlin', [slot(0, '02:30')], '2026-03-28T12:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(query('America/New_York', [slot(0, '02:30')], '2026-03-07T12:00:00Z')).toBe('2026-03-08T07:30:00.000Z');
    // The week after it is an ordinary 02:30 again.
    expect(query('Europe/Berlin', [slot(0, '02:30')], '2026-03-29T02:00:00Z')).toBe('2026-04-05T00:30:00.000Z');
  });

  it('uses a fall-back slot once, at its first occurrence', () => {
    const slots = [slot(0, '01:30')];
    expect(query('America/New_York', slots, '2026-10-31T12:00:00Z')).toBe('2026-11-01T05:30:00.000Z');
    // After the first 01:30 the second one (EST) is not offered: the next is a week later.
    expect(query('America/New_York', slots, '2026-11-01T05:30:00Z')).toBe('2026-11-08T06:30:00.000Z');
    expect(query('Europe/Berlin', [slot(0, '02:30')], '2026-10-24T12:00:00Z')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('returns null without slots, or when everything in the horizon is taken', () => {
    expect(query('Europe/Berlin', [], '2026-07-13T00:00:00Z')).toBeNull();
    const weekly = [slot(1, '10:00')];
    const taken = Array.from({ length: 10 }, (_, week) =>
      new Date(Date.parse('2026-07-13T08:00:00Z') + week * 7 * 86_400_000).toISOString(),
    );
    expect(query('Europe/Berlin', weekly, '2026-07-12T00:00:00Z', taken)).toBeNull();
  });
});

describe('slotsOnDay', () => {
  it('merges a slot shifted out of the gap with one already at that time', () => {
    const day = { year: 2026, month: 3, day: 29, hour: 0, minute: 0, weekday: 0 };
    const instants = slotsOnDay('Europe/Berlin', day, [slot(0, '02:30'), slot(0, '03:30'), slot(0, '01:00')]);
    expect(instants.map((value) => value.toISOString())).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });
});
