/**
 * Replies a stopped worker left `sending` (crash, kill, lost machine): the request may have reached
 * the network, so they become `unconfirmed` and wait for a person (never re-sent). Uses the worker
 * heartbeats the publishing sweep reads: a runner without a fresh heartbeat is gone.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { recordUnconfirmed } from './record-reply-outcome.ts';

export const INTERRUPTED_REPLY_REASON =
  'Sending was interrupted (the worker stopped) after the reply may have reached the network. Look at the conversation on the network: if the reply is there, mark it sent; if not, mark it not sent and approve it again.';

export async function sweepInboxReplies(deps: {
  db: Database;
  staleRunnerSeconds: number;
}): Promise<{ unconfirmed: number }> {
  const stale = await deps.db.execute<{ id: string; workspace_id: string; conversation_id: string }>(sql`
    SELECT r.id, r.workspace_id, r.conversation_id FROM inbox_replies r
    WHERE r.state = 'sending'
      AND r.attempt_started_at < now() - make_interval(secs => ${deps.staleRunnerSeconds})
      AND NOT EXISTS (
        SELECT 1 FROM worker_heartbeats h
        WHERE h.worker_id = r.runner_id AND h.last_seen_at > now() - make_interval(secs => ${deps.staleRunnerSeconds})
      )
    LIMIT 1000`);
  let unconfirmed = 0;
  for (const row of stale.rows) {
    const reply = { id: row.id, workspaceId: row.workspace_id, conversationId: row.conversation_id };
    if (await recordUnconfirmed(deps.db, { reply, from: ['sending'], reason: INTERRUPTED_REPLY_REASON }))
      unconfirmed += 1;
  }
  return { unconfirmed };
}
