import { describe, expect, it } from 'vitest';
import { buildWeeklyReport } from './build-weekly-report.ts';
import type { HistoryRow, WeeklyReportData } from './weekly-report-data.ts';
import { lastFullWeek } from './generate-weekly-reports.ts';

const week = lastFullWeek(new Date('2026-12-07T09:00:00Z'), 'UTC');
const empty: WeeklyReportData = { measured: [], targets: [], followers: [], history: [] };

function historyRow(day: number, hasMedia: boolean, engagements: number): HistoryRow {
  return {
    account_id: 'acc-1',
    network: 'mastodon',
    handle: '@bakery@social.example',
    published_at: new Date(Date.UTC(2026, 6, 1) + day * 86_400_000 + (hasMedia ? 3_600_000 : 0)),
    text: 'Fresh bread today',
    likes: engagements,
    reposts: 0,
    replies: 0,
    impressions: null,
    has_media: hasMedia,
    has_link: false,
    is_thread: false,
  };
}

describe('buildWeeklyReport', () => {
  it('says what was learned only when the data clearly supports it', () => {
    // 120 days, a text post and a post with media each day; media posts get about 4× the engagement.
    const history = Array.from({ length: 120 }, (_, day) => [
      historyRow(day, false, 10 + (day % 7)),
      historyRow(day, true, 40 + (day % 9) * 2),
    ]).flat();
    const report = buildWeeklyReport({ ...empty, history }, week, 'UTC');
    expect(report.learned[0]).toMatch(/^Posts with media got \d+(\.\d)?× the engagement of text-only posts/);
    // The same account with no difference between the two: nothing to say.
    const flat = Array.from({ length: 120 }, (_, day) => [
      historyRow(day, false, 10 + (day % 7)),
      historyRow(day, true, 10 + ((day + 3) % 7)),
    ]).flat();
    expect(buildWeeklyReport({ ...empty, history: flat }, week, 'UTC').learned).toEqual([]);
  });

  it('is empty and says so when nothing was published, failed or measured', () => {
    const report = buildWeeklyReport(empty, week, 'UTC');
    expect(report.empty).toBe(true);
    expect(report.summary).toBe(
      "Nothing went out in the week of Mon, Nov 30 – Sun, Dec 6, 2026 (UTC): no post was published or measured, and none failed. Schedule a few posts and next Monday's report will compare them.",
    );
    expect(report.daily.map((day) => day.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
  });
});
