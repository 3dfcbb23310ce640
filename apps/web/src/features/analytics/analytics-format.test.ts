import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatRate, relativeChange, whyUnknown } from './analytics-format.ts';
import { lastDays, todayIn } from './analytics-range.ts';
import { toCsv } from './csv-export.ts';

describe('analytics numbers', () => {
  it('shows unknown as a dash and says why, never 0', () => {
    expect(formatCount(null)).toBe('—');
    expect(formatRate(null)).toBe('—');
    expect(formatCount(0)).toBe('0');
    expect(whyUnknown(['Mastodon'])).toBe('not reported by Mastodon');
    expect(whyUnknown(['Mastodon', 'Discord', 'Telegram'])).toBe('not reported by Mastodon, Discord or Telegram');
    expect(whyUnknown([])).toBe('not measured yet');
  });

  it('gives a change only when both periods are known and the previous one is not 0', () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 4)).toBeNull();
    expect(formatChange(0.2)).toBe('+20%');
    expect(formatChange(-0.054)).toBe('−5.4%');
    expect(formatChange(0.0001)).toBe('±0%');
  });

  it("reads today on the workspace's clock", () => {
    const now = new Date('2026-03-01T20:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-03-01');
    expect(todayIn('Pacific/Auckland', now)).toBe('2026-03-02');
    expect(lastDays(7, 'Pacific/Auckland', now)).toEqual({ from: '2026-02-24', to: '2026-03-02' });
  });
});

describe('CSV export', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(
      toCsv(
        ['text', 'likes'],
        [
          ['Hello, "world"', 3],
          ['=HYPERLINK("x")', null],
          ['line\nbreak', 0],
        ],
      ),
    ).toBe('text,likes\r\n"Hello, ""world""",3\r\n"\'=HYPERLINK(""x"")",\r\n"line\nbreak",0\r\n');
  });
});
