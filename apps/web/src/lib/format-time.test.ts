import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, zoneLabel } from './format-time.ts';

describe('formatTime', () => {
  it('shows the instant on the given zone’s clock, labelled with the zone', () => {
    expect(formatTime('2030-07-01T07:00:00Z', 'Europe/Paris', { locale: 'en-US' })).toBe(
      'Jul 1, 2030, 9:00 AM (Europe/Paris)',
    );
    expect(formatTime('2030-07-01T07:00:00Z', 'America/New_York', { locale: 'en-US' })).toBe(
      'Jul 1, 2030, 3:00 AM (America/New York)',
    );
    expect(formatTime('2030-01-01T07:00:00Z', 'UTC', { locale: 'en-GB' })).toBe('1 Jan 2030, 07:00 (UTC)');
  });

  it('leaves the label out where the zone is said nearby, and reads missing times as a dash', () => {
    expect(formatTime('2030-07-01T07:00:00Z', 'Europe/Paris', { locale: 'en-US', withZone: false })).toBe(
      'Jul 1, 2030, 9:00 AM',
    );
    expect(formatTime(null, 'Europe/Paris')).toBe('—');
    expect(formatTime('not a time', 'Europe/Paris')).toBe('not a time');
  });

  it('gives the day on the zone’s clock, which may differ from UTC’s', () => {
    expect(formatDate('2030-07-01T23:30:00Z', 'Europe/Paris', { locale: 'en-US' })).toBe('Jul 2, 2030');
    expect(formatDate('2030-07-01T23:30:00Z', 'UTC', { locale: 'en-US' })).toBe('Jul 1, 2030');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos Aires');
  });
});
