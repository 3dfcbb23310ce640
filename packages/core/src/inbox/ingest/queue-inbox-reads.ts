/**
 * The every-minute sweep of inbox reads (docs/inbox.md, "Reading inboxes"): gives every connected account
 * whose network can list its inbox (and is configured) a cursor row, then claims the accounts whose read is
 * due and queues one `read_inbox` job each, keyed `read_inbox:<account>` so an account is never queued
 * twice. Claiming moves next_read_at a lease ahead; the job sets the real next time when it ends, and an
 * account whose job was lost (a crashed worker) is due again when the lease runs out.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { READ_INBOX_JOB } from '../inbox-jobs-contract.ts';
import { INBOX_CHANNEL } from '../inbox-live.ts';

/** How long a claimed account waits before it may be claimed again when its job never ends. */
export const READ_LEASE_SEC = 10 * 60;

/** Networks whose provider reads an inbox and whose app credentials are configured. */
export function inboxNetworks(runtime: NetworkRuntime): string[] {
  return runtime.providers
    .filter((provider) => provider.listInbox !== undefined && provider.manifest.inbox.kinds.length > 0)
    .map((provider) => provider.manifest.id)
    .filter((id) => runtime.status(id).ready);
}

export async function queueInboxReads(
  deps: { db: Database; runtime: NetworkRuntime },
  limit = 2000,
): Promise<{ queued: number }> {
  const networks = JSON.stringify(inboxNetworks(deps.runtime));
  if (networks === '[]') return { queued: 0 };
  await deps.db.execute(sql`
    INSERT INTO inbox_cursors (account_id, workspace_id)
    SELECT a.id, a.workspace_id FROM social_accounts a
    WHERE a.status = 'connected' AND a.network IN (SELECT jsonb_array_elements_text(${networks}::jsonb))
      AND NOT EXISTS (SELECT 1 FROM inbox_cursors c WHERE c.account_id = a.id)
    ON CONFLICT (account_id) DO NOTHING`);
  const queued = await deps.db.execute<{ account_id: string }>(sql`
    WITH due AS (
      SELECT c.account_id FROM inbox_cursors c JOIN social_accounts a ON a.id = c.account_id
      WHERE c.next_read_at <= now() AND a.status = 'connected'
        AND a.network IN (SELECT jsonb_array_elements_text(${networks}::jsonb))
      ORDER BY c.next_read_at LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED
    ),
    claimed AS (
      UPDATE inbox_cursors c SET next_read_at = now() + make_interval(secs => ${READ_LEASE_SEC})
      FROM due WHERE c.account_id = due.account_id
      RETURNING c.account_id
    )
    SELECT account_id, (graphile_worker.add_job(${READ_INBOX_JOB}, json_build_object('accountId', account_id),
      job_key => 'read_inbox:' || account_id, job_key_mode => 'preserve_run_at', max_attempts => 5)).id AS job_id
    FROM claimed`);
  return { queued: queued.rows.length };
}

/** Snoozed conversations whose time has come open again (every minute), each with its live signal. */
export async function wakeSnoozedConversations(db: Database): Promise<{ opened: number }> {
  const result = await db.execute<{ id: string }>(sql`
    WITH woken AS (
      UPDATE inbox_conversations SET status = 'open', snoozed_until = NULL, updated_at = now()
      WHERE status = 'snoozed' AND snoozed_until <= now()
      RETURNING id, workspace_id
    )
    SELECT id, pg_notify(${INBOX_CHANNEL}, json_build_object('workspaceId', workspace_id, 'conversationId', id)::text)
    FROM woken`);
  return { opened: result.rows.length };
}
