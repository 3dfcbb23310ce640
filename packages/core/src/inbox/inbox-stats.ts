/**
 * Per connected account with an inbox: what waits (open conversations, unread items), how many
 * conversations were answered in the last 30 days and the median response time, when Plume last read
 * the account's inbox and the last error; plus every tag the workspace used.
 *
 * Response time, precisely: for each conversation whose first incoming item was written in the last 30
 * days, from that item's `remote_created_at` to the earliest answer after it, which is either an item of
 * ours (`direction = 'out'`, its `remote_created_at`) or a reply Plume sent (`state = 'sent'`, when the
 * send finished). A conversation with such an answer is `answered`; the median runs over those.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { inboxStatsSchema } from '@plume/contract/inbox/inbox-schemas';
import type { Database } from '@plume/db/client';
import { inboxCursors, inboxTags } from '@plume/db/schema/inbox';
import { socialAccounts } from '@plume/db/schema/social';
import type { InboxManifestOf } from './conversation-detail.ts';

export type InboxStatsView = z.output<typeof inboxStatsSchema>;

type Counts = { account_id: string; open: number; unread: number };
type Responses = { account_id: string; answered: number; median: number | null };

async function countWaiting(db: Pick<Database, 'execute'>, workspaceId: string): Promise<Map<string, Counts>> {
  const result = await db.execute<Counts>(sql`
    SELECT account_id,
           count(*) FILTER (WHERE status = 'open' OR (status = 'snoozed' AND (snoozed_until IS NULL OR snoozed_until <= now())))::int AS open,
           coalesce(sum(unread_count), 0)::int AS unread
    FROM inbox_conversations WHERE workspace_id = ${workspaceId}
    GROUP BY account_id`);
  return new Map(result.rows.map((row) => [row.account_id, row]));
}

async function measureResponses(db: Pick<Database, 'execute'>, workspaceId: string): Promise<Map<string, Responses>> {
  const result = await db.execute<Responses>(sql`
    WITH firsts AS (
      SELECT DISTINCT ON (i.conversation_id) i.conversation_id, i.account_id, i.remote_created_at AS asked_at
      FROM inbox_items i
      WHERE i.workspace_id = ${workspaceId} AND i.direction = 'in' AND i.remote_created_at >= now() - interval '30 days'
        AND NOT EXISTS (
          SELECT 1 FROM inbox_items e
          WHERE e.conversation_id = i.conversation_id AND e.direction = 'in' AND e.remote_created_at < now() - interval '30 days')
      ORDER BY i.conversation_id, i.remote_created_at
    ), answered AS (
      SELECT f.account_id, extract(epoch FROM (least(
               (SELECT min(o.remote_created_at) FROM inbox_items o
                WHERE o.conversation_id = f.conversation_id AND o.direction = 'out' AND o.remote_created_at >= f.asked_at),
               (SELECT min(coalesce(r.attempt_finished_at, r.updated_at)) FROM inbox_replies r
                WHERE r.conversation_id = f.conversation_id AND r.state = 'sent'
                  AND coalesce(r.attempt_finished_at, r.updated_at) >= f.asked_at)
             ) - f.asked_at)) / 60 AS minutes
      FROM firsts f
    )
    SELECT account_id, count(minutes)::int AS answered,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes))::float8 AS median
    FROM answered WHERE minutes IS NOT NULL GROUP BY account_id`);
  return new Map(result.rows.map((row) => [row.account_id, row]));
}

export async function getInboxStats(
  deps: { db: Pick<Database, 'select' | 'execute'>; inboxManifestOf: InboxManifestOf },
  workspaceId: string,
): Promise<InboxStatsView> {
  const { db } = deps;
  const [accounts, waiting, responses, tags] = await Promise.all([
    db
      .select({
        accountId: socialAccounts.id,
        network: socialAccounts.network,
        handle: socialAccounts.handle,
        lastReadAt: inboxCursors.lastReadAt,
        lastError: inboxCursors.lastError,
      })
      .from(socialAccounts)
      .leftJoin(inboxCursors, eq(inboxCursors.accountId, socialAccounts.id))
      .where(eq(socialAccounts.workspaceId, workspaceId))
      .orderBy(asc(socialAccounts.network), asc(socialAccounts.handle)),
    countWaiting(db, workspaceId),
    measureResponses(db, workspaceId),
    db
      .select({ name: inboxTags.name })
      .from(inboxTags)
      .where(eq(inboxTags.workspaceId, workspaceId))
      .orderBy(asc(inboxTags.name)),
  ]);
  return {
    accounts: accounts
      .filter((account) => deps.inboxManifestOf(account.network).kinds.length > 0)
      .map((account) => {
        const response = responses.get(account.accountId);
        const median = response?.median ?? null;
        return {
          ...account,
          open: waiting.get(account.accountId)?.open ?? 0,
          unread: waiting.get(account.accountId)?.unread ?? 0,
          answered: response?.answered ?? 0,
          medianResponseMinutes: median === null ? null : Math.round(median * 10) / 10,
        };
      }),
    tags: tags.map((tag) => tag.name),
  };
}
