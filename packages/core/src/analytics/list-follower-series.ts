import { sql } from 'drizzle-orm';
import type { FollowersSeries } from '@plume/contract/analytics/analytics-schemas';
import type { Database } from '@plume/db/client';
import { endOfRange, rangeViewOf, startOfDay, type AnalyticsScope } from './analytics-scope.ts';
import { listWorkspaceAccounts } from './list-workspace-accounts.ts';

type PointRow = { account_id: string; day: string; followers: number };

/**
 * Followers over the range per account: the last reading of each day on the workspace's clock. Reads
 * the account snapshots through their (account, taken_at) index; an account whose network gives no
 * follower count has no points.
 */
export async function listFollowerSeries(db: Database, scope: AnalyticsScope): Promise<FollowersSeries> {
  const accounts = await listWorkspaceAccounts(db, scope.workspaceId);
  const points = new Map<string, { date: string; followers: number }[]>(
    accounts.map((account) => [account.accountId, []]),
  );
  if (accounts.length > 0) {
    // An array literal rather than a JSON list unpacked in SQL: the planner then knows how many accounts
    // it reads, and reads each one's range through the (account, taken_at) index instead of every
    // account's readings of the range through the BRIN index.
    const ids = `{${accounts.map((account) => account.accountId).join(',')}}`;
    const { rows } = await db.execute<PointRow>(sql`
      SELECT DISTINCT ON (account_id, day) account_id, day, followers
      FROM (
        SELECT account_id, to_char(taken_at AT TIME ZONE ${scope.timezone}, 'YYYY-MM-DD') AS day,
               followers::float8 AS followers, taken_at
        FROM account_metric_snapshots
        WHERE account_id = ANY(${ids}::uuid[])
          AND taken_at >= ${startOfDay(scope.from, scope.timezone)} AND taken_at < ${endOfRange(scope)}
          AND followers IS NOT NULL
      ) AS readings
      ORDER BY account_id, day, taken_at DESC`);
    for (const row of rows) points.get(row.account_id)?.push({ date: row.day, followers: row.followers });
  }
  return {
    range: rangeViewOf(scope),
    accounts: accounts.map((account) => ({ ...account, points: points.get(account.accountId) ?? [] })),
  };
}
