/**
 * Live inbox updates: whoever changes a conversation (ingestion, the API, a reply being sent) calls
 * `notifyInboxChanged` inside the transaction that made the change; Postgres delivers the signal at
 * commit to every process listening on INBOX_CHANNEL (inbox-hub.ts), which tells the workspace's open
 * streams which conversation to read again. The signal carries ids only, never content.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const INBOX_CHANNEL = 'inbox_changes';

export type InboxChange = { workspaceId: string; conversationId: string };

export async function notifyInboxChanged(
  db: Pick<Database, 'execute'>,
  workspaceId: string,
  conversationIds: string | readonly string[],
): Promise<void> {
  const ids = typeof conversationIds === 'string' ? [conversationIds] : [...new Set(conversationIds)];
  for (const conversationId of ids) {
    const payload = JSON.stringify({ workspaceId, conversationId } satisfies InboxChange);
    await db.execute(sql`SELECT pg_notify(${INBOX_CHANNEL}, ${payload})`);
  }
}

/** The change a notification carries, or null when the payload is not one. */
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
