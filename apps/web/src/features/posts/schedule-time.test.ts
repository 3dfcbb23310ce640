import { describe, expect, it } from 'vitest';
import { isoToZonedInput, offsetMinutes, zonedInputToIso } from './schedule-time.ts';

describe('offsetMinutes', () => {
  it('follows daylight saving time', () => {
    expect(offsetMinutes(new Date('2030-07-01T12:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(offsetMinutes(new Date('2030-01-15T12:00:00Z'), 'Europe/Paris')).toBe(60);
    expect(offsetMinutes(new Date('2030-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(new Date('2030-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(new Date('2030-01-15T12:00:00Z'), 'UTC')).toBe(0);
  });
});

describe('zonedInputToIso', () => {
  it('reads a datetime-local value on the workspace clock', () => {
    expect(zonedInputToIso('2030-07-01T09:00', 'Europe/Paris')).toBe('2030-07-01T09:00:00+02:00');
    expect(zonedInputToIso('2030-01-15T09:00', 'Europe/Paris')).toBe('2030-01-15T09:00:00+01:00');
    expect(zonedInputToIso('2030-01-15T09:00', 'America/New_York')).toBe('2030-01-15T09:00:00-05:00');
  });

  it('uses the offset of the day itself on the days clocks change', () => {
    // Paris: 2030-03-31 02:00 → 03:00; 2030-10-27 03:00 → 02:00.
    expect(zonedInputToIso('2030-03-31T01:30', 'Europe/Paris')).toBe('2030-03-31T01:30:00+01:00');
    expect(zonedInputToIso('2030-03-31T04:00', 'Europe/Paris')).toBe('2030-03-31T04:00:00+02:00');
    expect(zonedInputToIso('2030-10-27T04:00', 'Europe/Paris')).toBe('2030-10-27T04:00:00+01:00');
  });

  it('returns null for empty or malformed input', () => {
    expect(zonedInputToIso('', 'Europe/Paris')).toBeNull();
    expect(zonedInputToIso('2030-07-01 09:00', 'Europe/Paris')).toBeNull();
    expect(zonedInputToIso('tomorrow', 'Europe/Paris')).toBeNull();
  });
});

describe('isoToZonedInput', () => {
  it('shows an instant on the workspace clock', () => {
    expect(isoToZonedInput('2030-07-01T07:00:00Z', 'Europe/Paris')).toBe('2030-07-01T09:00');
    expect(isoToZonedInput('2030-01-01T03:30:00Z', 'America/New_York')).toBe('2029-12-31T22:30');
  });

  it('is empty for nothing or an invalid date', () => {
    expect(isoToZonedInput(null, 'UTC')).toBe('');
    expect(isoToZonedInput(undefined, 'UTC')).toBe('');
    expect(isoToZonedInput('not a date', 'UTC')).toBe('');
  });

  it('round-trips with zonedInputToIso outside clock changes', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Asia/Tokyo', 'Australia/Adelaide']) {
      for (const iso of ['2030-02-10T08:15:00Z', '2030-08-10T23:45:00Z']) {
        const back = zonedInputToIso(isoToZonedInput(iso, zone), zone);
        expect(new Date(back ?? '').toISOString()).toBe(new Date(iso).toISOString());
      }
    }
  });
});
