import { describe, expect, it } from 'vitest';
import {
  addSlots,
  DAY_CHOICES,
  earliestSlot,
  groupByWeekday,
  isSlotTime,
  removeSlot,
  sameSlots,
  sortSlots,
} from './slot-list.ts';

describe('isSlotTime', () => {
  it('takes HH:mm from 00:00 to 23:59 only', () => {
    for (const time of ['00:00', '09:05', '23:59']) expect(isSlotTime(time)).toBe(true);
    for (const time of ['24:00', '9:05', '09:60', '09:00:00', '']) expect(isSlotTime(time)).toBe(false);
  });
});

describe('addSlots', () => {
  it('adds one day, Monday to Friday, or every day', () => {
    expect(addSlots([], '3', '09:00')).toEqual([{ weekday: 3, time: '09:00' }]);
    expect(addSlots([], 'weekdays', '09:00').map((slot) => slot.weekday)).toEqual([1, 2, 3, 4, 5]);
    expect(addSlots([], 'every_day', '09:00').map((slot) => slot.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });

  it('never lists a slot twice (the API refuses that)', () => {
    const once = addSlots([{ weekday: 2, time: '09:00' }], 'weekdays', '09:00');
    expect(once).toHaveLength(5);
    expect(addSlots(once, '2', '09:00')).toEqual(once);
  });

  it('ignores a malformed time or day', () => {
    expect(addSlots([], 'weekdays', '9am')).toEqual([]);
    expect(addSlots([], '7', '09:00')).toEqual([]);
  });
});

describe('sortSlots and groupByWeekday', () => {
  const slots = [
    { weekday: 0, time: '18:00' },
    { weekday: 1, time: '12:00' },
    { weekday: 1, time: '08:30' },
    { weekday: 6, time: '10:00' },
  ];

  it('orders Monday first, then by time', () => {
    expect(sortSlots(slots)).toEqual([
      { weekday: 1, time: '08:30' },
      { weekday: 1, time: '12:00' },
      { weekday: 6, time: '10:00' },
      { weekday: 0, time: '18:00' },
    ]);
  });

  it('groups by day with names, leaving out empty days', () => {
    expect(groupByWeekday(slots)).toEqual([
      { weekday: 1, name: 'Monday', times: ['08:30', '12:00'] },
      { weekday: 6, name: 'Saturday', times: ['10:00'] },
      { weekday: 0, name: 'Sunday', times: ['18:00'] },
    ]);
  });

  it('removes exactly one slot', () => {
    expect(removeSlot(slots, { weekday: 1, time: '12:00' })).toHaveLength(3);
    expect(removeSlot(slots, { weekday: 2, time: '12:00' })).toHaveLength(4);
  });

  it('compares lists regardless of order', () => {
    expect(sameSlots(slots, [...slots].reverse())).toBe(true);
    expect(sameSlots(slots, slots.slice(1))).toBe(false);
  });
});

describe('DAY_CHOICES', () => {
  it('offers the two groups, then the seven days Monday first', () => {
    expect(DAY_CHOICES.map((choice) => choice.label)).toEqual([
      'Monday to Friday',
      'Every day',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });
});

describe('earliestSlot', () => {
  it('picks the earliest instant, skipping accounts without a slot', () => {
    const a = { at: '2030-07-01T09:00:00Z', id: 'a' };
    const b = { at: '2030-07-01T08:59:00Z', id: 'b' };
    expect(earliestSlot([null, a, b])).toBe(b);
    expect(earliestSlot([null, null])).toBeNull();
    expect(earliestSlot([])).toBeNull();
  });
});
