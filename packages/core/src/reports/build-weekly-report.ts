/**
 * Turns what a week left in the database into the weekly report body: what went out, results against
 * the week before (insights' summarizeWeek), followers, the best post, the days of the week and what
 * was learned (insights' what-works findings, only the ones the data clearly supports).
 */
import type { WeeklyReportBody } from '@plume/contract/reports/weekly-report-schemas';
import { describeLearned, findWhatWorks, summarizeWeek, type HistoryPost } from '@plume/insights/index';
import { addDays, utcToWall } from '../scheduling/zoned-time.ts';
import { describeWeeklyReport } from './describe-weekly-report.ts';
import type { HistoryRow, WeeklyReportData, WeekWindow } from './weekly-report-data.ts';

/** An account needs this many measured posts before its findings are worth a sentence. */
const MIN_HISTORY_FOR_LEARNING = 40;
const MAX_FAILURES_LISTED = 10;

const dateOf = (zone: string, instant: Date) => {
  const wall = utcToWall(zone, instant);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
};

const changeOf = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);
const sumOrNull = (values: (number | null)[]) =>
  values.some((value) => value !== null) ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null;

function learned(history: readonly HistoryRow[], zone: string): string[] {
  const byAccount = new Map<string, HistoryRow[]>();
  for (const row of history) {
    const rows = byAccount.get(row.account_id) ?? [];
    rows.push(row);
    byAccount.set(row.account_id, rows);
  }
  const sentences: { text: string; strength: number }[] = [];
  for (const rows of byAccount.values()) {
    if (rows.length < MIN_HISTORY_FOR_LEARNING) continue;
    const posts: HistoryPost[] = rows.map((row) => ({
      publishedAt: row.published_at,
      network: row.network,
      text: row.text,
      likes: row.likes ?? 0,
      reposts: row.reposts ?? 0,
      replies: row.replies ?? 0,
      ...(row.impressions === null ? {} : { impressions: row.impressions }),
      hasMedia: row.has_media,
      hasLink: row.has_link,
      isThread: row.is_thread,
    }));
    const findings = findWhatWorks(posts, zone);
    const described = describeLearned(findings);
    const clear = findings.filter((finding) => finding.isClear);
    const where = rows.length < history.length ? `On ${rows[0]?.handle ?? ''} (${rows[0]?.network ?? ''}): ` : '';
    described.forEach((text, index) =>
      sentences.push({ text: `${where}${text}`, strength: Math.abs(Math.log(clear[index]?.effect ?? 1)) }),
    );
  }
  return sentences
    .sort((a, b) => b.strength - a.strength)
    .slice(0, 3)
    .map((sentence) => sentence.text);
}

export function buildWeeklyReport(data: WeeklyReportData, week: WeekWindow, zone: string): WeeklyReportBody {
  const summary = summarizeWeek(
    data.measured.map((row) => ({
      id: row.id,
      publishedAt: row.published_at,
      network: row.network,
      engagements: row.engagements,
      impressions: row.impressions,
    })),
    week.start,
  );
  const inWeek = data.measured.filter((row) => row.published_at >= week.start && row.published_at < week.end);
  const best = summary.bestPost === null ? undefined : inWeek.find((row) => row.id === summary.bestPost?.id);
  const accounts = new Map<
    string,
    { accountId: string; network: string; handle: string; published: number; failed: number }
  >();
  for (const target of data.targets) {
    const row = accounts.get(target.account_id) ?? {
      accountId: target.account_id,
      network: target.network,
      handle: target.handle,
      published: 0,
      failed: 0,
    };
    row[target.state] += 1;
    accounts.set(target.account_id, row);
  }
  const failed = data.targets.filter((target) => target.state === 'failed');
  const followerRows = data.followers.map((row) => ({
    accountId: row.account_id,
    network: row.network,
    handle: row.handle,
    followers: row.at_end,
    change: changeOf(row.at_start, row.at_end),
    lastWeekChange: changeOf(row.before_last_week, row.at_start),
  }));
  const startWall = utcToWall(zone, week.start);
  const daily = Array.from({ length: 7 }, (_, day) => {
    const wall = addDays(startWall, day);
    const date = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    const posts = inWeek.filter((row) => dateOf(zone, row.published_at) === date);
    return { date, posts: posts.length, engagements: posts.reduce((sum, row) => sum + (row.engagements ?? 0), 0) };
  });
  const body: Omit<WeeklyReportBody, 'summary'> = {
    version: 1,
    timezone: zone,
    weekStart: week.start.toISOString(),
    weekEnd: week.end.toISOString(),
    empty: data.targets.length === 0 && inWeek.length === 0,
    published: {
      total: data.targets.length - failed.length,
      failed: failed.length,
      byAccount: [...accounts.values()].sort((a, b) => b.published - a.published || a.handle.localeCompare(b.handle)),
    },
    failures: failed.slice(0, MAX_FAILURES_LISTED).map((target) => ({
      postId: target.post_id,
      network: target.network,
      handle: target.handle,
      reason: target.failure_reason ?? 'The network gave no reason.',
      at: target.at.toISOString(),
    })),
    results: {
      thisWeek: summary.thisWeek,
      lastWeek: summary.lastWeek,
      change: summary.change,
      byNetwork: summary.byNetwork,
    },
    followers: {
      change: sumOrNull(followerRows.map((row) => row.change)),
      lastWeekChange: sumOrNull(followerRows.map((row) => row.lastWeekChange)),
      byAccount: followerRows.filter((row) => row.followers !== null).map(({ lastWeekChange: _unused, ...row }) => row),
    },
    bestPost:
      best === undefined
        ? null
        : {
            measuredPostId: best.id,
            postId: best.post_id,
            network: best.network,
            handle: best.handle,
            text: best.text,
            url: best.remote_url,
            publishedAt: best.published_at.toISOString(),
            engagements: best.engagements ?? 0,
          },
    daily,
    learned: learned(data.history, zone),
  };
  return { ...body, summary: describeWeeklyReport(body) };
}
