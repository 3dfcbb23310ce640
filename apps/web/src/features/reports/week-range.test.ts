import { describe, expect, it } from 'vitest';
import { percentChange, weekRange } from './week-range.ts';

describe('weekRange', () => {
  it("names the week on the report zone's calendar, with the zone", () => {
    expect(weekRange('2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z', 'Europe/Paris')).toBe(
      'Mon, Nov 30 – Sun, Dec 6, 2026 (Europe/Paris)',
    );
    // A week across the year's end takes the year of its Sunday.
    expect(weekRange('2026-12-28T05:00:00.000Z', '2027-01-04T05:00:00.000Z', 'America/New_York')).toBe(
      'Mon, Dec 28 – Sun, Jan 3, 2027 (America/New York)',
    );
  });
});

describe('percentChange', () => {
  it('signs the change and says nothing without a week to compare with', () => {
    expect(percentChange(0.254)).toBe('+25 %');
    expect(percentChange(-0.1)).toBe('−10 %');
    expect(percentChange(0)).toBe('±0 %');
    expect(percentChange(null)).toBeNull();
  });
});
