/**
 * Live inbox updates (docs/inbox.md, "Reading inboxes"). Whatever changes a conversation (new items stored,
 * an edit, a status change) calls `notifyInboxChanged` in the same transaction; PostgreSQL delivers the
 * NOTIFY at commit, so a listener never hears of a change that was rolled back. The API's SSE stream
 * LISTENs on INBOX_CHANNEL (one connection per process, as the notification hub does) and reads each
 * payload with `parseInboxChange`; it checks the listener's workspace itself, the payload carries no text.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

/** The Postgres channel of inbox changes. */
export const INBOX_CHANNEL = 'plume_inbox';

/** One conversation changed: the SSE stream tells the workspace's open inboxes to read it again. */
export type InboxChange = { workspaceId: string; conversationId: string };

type Executor = Pick<Database, 'execute'>;

/**
 * Signals each changed conversation once (duplicates in `changes` are sent once), in one statement.
 * @example await notifyInboxChanged(tx, [{ workspaceId, conversationId }])
 */
export async function notifyInboxChanged(tx: Executor, changes: readonly InboxChange[]): Promise<void> {
  const payloads = [...new Set(changes.map((change) => JSON.stringify(change)))];
  if (payloads.length === 0) return;
  await tx.execute(
    sql`SELECT pg_notify(${INBOX_CHANNEL}, payload) FROM jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) AS payload`,
  );
}

/** The change a NOTIFY payload carries, or null when it is not one. */
export function parseInboxChange(payload: string | undefined): InboxChange | null {
  try {
    const value: unknown = JSON.parse(payload ?? '');
    if (typeof value !== 'object' || value === null) return null;
    const { workspaceId, conversationId } = value as Record<string, unknown>;
    return typeof workspaceId === 'string' && typeof conversationId === 'string'
      ? { workspaceId, conversationId }
      : null;
  } catch {
    return null;
  }
}
