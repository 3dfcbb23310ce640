import { describe, expect, it } from 'vitest';
import { formatMinutes, snoozeChoices } from './inbox-time.ts';

describe('snooze choices', () => {
  it('mean 9:00 on the workspace clock, not the browser’s', () => {
    // Monday 14 July 2031, 23:30 in Paris (21:30 UTC).
    const choices = snoozeChoices(new Date('2031-07-14T21:30:00Z'), 'Europe/Paris');
    expect(choices.map((choice) => choice.until)).toEqual([
      '2031-07-15T00:30:00.000Z',
      '2031-07-15T07:00:00.000Z',
      '2031-07-21T07:00:00.000Z',
      '2031-07-21T21:30:00.000Z',
    ]);
  });

  it('count “tomorrow” from the workspace’s day', () => {
    // 01:00 UTC on 15 July is still 14 July in New York.
    const choices = snoozeChoices(new Date('2031-07-15T01:00:00Z'), 'America/New_York');
    expect(choices.find((choice) => choice.id === 'tomorrow')?.until).toBe('2031-07-15T13:00:00.000Z');
  });
});

describe('response times in words', () => {
  it('reads minutes, hours and days', () => {
    expect(formatMinutes(null)).toBe('—');
    expect(formatMinutes(0.2)).toBe('under a minute');
    expect(formatMinutes(42)).toBe('42 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(185)).toBe('3 h 5 min');
    expect(formatMinutes(3 * 1440 + 180)).toBe('3 d 3 h');
  });
});
