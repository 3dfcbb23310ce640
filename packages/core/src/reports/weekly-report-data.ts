/**
 * What a weekly report reads from the database for one workspace and week: the measured posts of the
 * week and the one before, the targets published or failed in the week, follower counts at the week
 * boundaries and the history "what works" learns from. Plain reads; the maths is elsewhere.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';

type Executor = Pick<Tx, 'execute'>;

export type MeasuredRow = {
  id: string;
  account_id: string;
  network: string;
  handle: string;
  post_id: string | null;
  text: string;
  remote_url: string | null;
  published_at: Date;
  engagements: number | null;
  impressions: number | null;
};

export type TargetRow = {
  account_id: string;
  network: string;
  handle: string;
  post_id: string;
  state: 'published' | 'failed';
  failure_reason: string | null;
  at: Date;
};

export type FollowerRow = {
  account_id: string;
  network: string;
  handle: string;
  before_last_week: number | null;
  at_start: number | null;
  at_end: number | null;
};

export type HistoryRow = {
  account_id: string;
  network: string;
  handle: string;
  published_at: Date;
  text: string;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  impressions: number | null;
  has_media: boolean;
  has_link: boolean;
  is_thread: boolean;
};

export type WeekWindow = { previousStart: Date; start: Date; end: Date };

/** How much history "what works" reads per workspace: a year, at most this many posts. */
export const HISTORY_LIMIT = 5000;

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const toNumber = (value: number | string | null) => (value === null ? null : Number(value));

export async function loadWeeklyReportData(db: Executor, workspaceId: string, week: WeekWindow) {
  const { previousStart, start, end } = week;
  const measured = await db.execute<MeasuredRow>(sql`
    SELECT m.id, m.account_id, m.network, a.handle, t.post_id, m.text, m.remote_url, m.published_at,
           m.engagements, m.impressions
    FROM measured_posts m
    JOIN social_accounts a ON a.id = m.account_id
    LEFT JOIN post_targets t ON t.id = m.target_id
    WHERE m.workspace_id = ${workspaceId}
      AND m.published_at >= ${previousStart.toISOString()} AND m.published_at < ${end.toISOString()}`);
  const targets = await db.execute<TargetRow>(sql`
    SELECT t.account_id, t.network, a.handle, t.post_id, t.state, t.failure_reason,
           CASE WHEN t.state = 'published' THEN t.published_at ELSE t.updated_at END AS at
    FROM post_targets t JOIN social_accounts a ON a.id = t.account_id
    WHERE t.workspace_id = ${workspaceId}
      AND ((t.state = 'published' AND t.published_at >= ${start.toISOString()} AND t.published_at < ${end.toISOString()})
        OR (t.state = 'failed' AND t.updated_at >= ${start.toISOString()} AND t.updated_at < ${end.toISOString()}))
    ORDER BY at`);
  const followerAt = (before: Date) => sql`(
    SELECT s.followers FROM account_metric_snapshots s
    WHERE s.account_id = a.id AND s.taken_at < ${before.toISOString()} AND s.followers IS NOT NULL
    ORDER BY s.taken_at DESC LIMIT 1)`;
  const followers = await db.execute<FollowerRow>(sql`
    SELECT a.id AS account_id, a.network, a.handle,
           ${followerAt(previousStart)} AS before_last_week, ${followerAt(start)} AS at_start, ${followerAt(end)} AS at_end
    FROM social_accounts a WHERE a.workspace_id = ${workspaceId} ORDER BY a.handle, a.id`);
  const history = await db.execute<HistoryRow>(sql`
    SELECT m.account_id, m.network, a.handle, m.published_at, m.text, m.likes, m.reposts, m.replies,
           m.impressions, m.has_media, m.has_link, m.is_thread
    FROM measured_posts m JOIN social_accounts a ON a.id = m.account_id
    WHERE m.workspace_id = ${workspaceId} AND m.status = 'active'
      AND m.published_at < ${end.toISOString()} AND m.published_at >= ${end.toISOString()}::timestamptz - interval '365 days'
      AND (m.likes IS NOT NULL OR m.reposts IS NOT NULL OR m.replies IS NOT NULL)
    ORDER BY m.published_at DESC LIMIT ${HISTORY_LIMIT}`);
  return {
    measured: measured.rows.map((row) => ({
      ...row,
      published_at: toDate(row.published_at),
      engagements: toNumber(row.engagements),
      impressions: toNumber(row.impressions),
    })),
    targets: targets.rows.map((row) => ({ ...row, at: toDate(row.at) })),
    followers: followers.rows.map((row) => ({
      ...row,
      before_last_week: toNumber(row.before_last_week),
      at_start: toNumber(row.at_start),
      at_end: toNumber(row.at_end),
    })),
    history: history.rows.map((row) => ({
      ...row,
      published_at: toDate(row.published_at),
      impressions: toNumber(row.impressions),
    })),
  };
}

export type WeeklyReportData = Awaited<ReturnType<typeof loadWeeklyReportData>>;
