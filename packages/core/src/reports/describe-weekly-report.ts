/** The weekly report in plain words: the notification body and the mail both carry it. */
import type { WeeklyReportBody } from '@plume/contract/reports/weekly-report-schemas';

type Body = Omit<WeeklyReportBody, 'summary'>;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toLocaleString('en')}`;
const relative = (value: number | null) =>
  value === null ? '' : ` (${value >= 0 ? '+' : '−'}${Math.round(Math.abs(value) * 100)} % on the week before)`;

/** "Mon, Nov 30 – Sun, Dec 6, 2026 (Europe/Paris)": the week on the workspace's calendar, zone named (as the web app says it). */
export function weekLabel(weekStart: string, weekEnd: string, zone: string): string {
  const day = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' });
  const year = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric' });
  const last = new Date(new Date(weekEnd).getTime() - 1);
  return `${day.format(new Date(weekStart))} – ${day.format(last)}, ${year.format(last)} (${zone})`;
}

export function describeWeeklyReport(body: Body): string {
  const week = weekLabel(body.weekStart, body.weekEnd, body.timezone);
  if (body.empty)
    return `Nothing went out in the week of ${week}: no post was published or measured, and none failed. Schedule a few posts and next Monday's report will compare them.`;
  const lines: string[] = [];
  const accounts = body.published.byAccount.filter((row) => row.published > 0).length;
  const failed = body.published.failed > 0 ? `; ${plural(body.published.failed, 'post')} failed` : '; none failed';
  lines.push(
    `In the week of ${week}, Plume published ${plural(body.published.total, 'post')} on ${plural(accounts, 'account')}${failed}.`,
  );
  const { thisWeek, lastWeek, change } = body.results;
  if (thisWeek.engagements !== null) {
    const rate =
      thisWeek.engagementRate === null
        ? ''
        : ` Engagement rate ${percent(thisWeek.engagementRate)}${lastWeek.engagementRate === null ? '' : ` (was ${percent(lastWeek.engagementRate)})`}.`;
    lines.push(
      `${plural(thisWeek.posts, 'measured post')} earned ${plural(thisWeek.engagements, 'engagement')}${relative(change.engagements)}.${rate}`,
    );
  } else if (thisWeek.posts > 0)
    lines.push(`${plural(thisWeek.posts, 'post')} went out, but no network has given results for them yet.`);
  if (body.followers.change !== null)
    lines.push(
      `Followers ${signed(body.followers.change)}${body.followers.lastWeekChange === null ? '' : ` (the week before: ${signed(body.followers.lastWeekChange)})`}.`,
    );
  if (body.bestPost !== null) {
    const text = body.bestPost.text.replace(/\s+/g, ' ').trim();
    const quoted =
      text === '' ? 'a post without text' : `“${text.length > 80 ? `${text.slice(0, 79).trimEnd()}…` : text}”`;
    lines.push(
      `Best post: ${quoted} on ${body.bestPost.handle} (${body.bestPost.network}), ${plural(body.bestPost.engagements, 'engagement')}.`,
    );
  }
  if (body.learned.length > 0) lines.push(`What was learned: ${body.learned.join(' ')}`);
  return lines.join('\n');
}
