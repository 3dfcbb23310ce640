/**
 * The automation rules' trigger for new incoming inbox items (docs/automation.md). A rule may filter on
 * the item's intent and sentiment, which exist only once the item is classified, so the trigger fires
 * after classification: at the end of the `classify_inbox_items` job (whatever it managed to classify),
 * or at once when storing if the workspace turned classification off. The dedupe key makes the item fire
 * once, whichever path runs and however often a job is retried. Items the account wrote never fire.
 */
import { sql } from 'drizzle-orm';
import { fireAutomationTrigger } from '../../automation/fire-trigger.ts';
import type { Executor } from './ingest-types.ts';

type ItemTriggerRow = {
  id: string;
  conversation_id: string;
  network: string;
  kind: string;
  intent: string | null;
  sentiment: string | null;
  text: string;
  author_handle: string;
};

/** True when the workspace stores new items without classifying them (its inbox settings). */
export async function classificationIsOff(tx: Executor, workspaceId: string): Promise<boolean> {
  const result = await tx.execute<{ classify: boolean }>(
    sql`SELECT classify FROM inbox_settings WHERE workspace_id = ${workspaceId}`,
  );
  return result.rows[0]?.classify === false;
}

/** Fires `inbox.item_created` for each incoming item of `itemIds` (nothing when no enabled rule listens). */
export async function fireInboxItemTriggers(
  tx: Executor,
  workspaceId: string,
  itemIds: readonly string[],
): Promise<void> {
  if (itemIds.length === 0) return;
  const listening = await tx.execute<{ one: number }>(sql`
    SELECT 1 AS one FROM automation_rules
    WHERE workspace_id = ${workspaceId} AND enabled AND trigger_type = 'inbox.item_created' LIMIT 1`);
  if (listening.rows.length === 0) return;
  const rows = await tx.execute<ItemTriggerRow>(sql`
    SELECT i.id, i.conversation_id, c.network, i.kind, i.intent, i.sentiment, i.text, i.author_handle
    FROM inbox_items i JOIN inbox_conversations c ON c.id = i.conversation_id
    WHERE i.workspace_id = ${workspaceId} AND i.direction = 'in'
      AND i.id = ANY (${`{${itemIds.join(',')}}`}::uuid[])
    ORDER BY i.remote_created_at`);
  for (const row of rows.rows) {
    await fireAutomationTrigger(tx, {
      workspaceId,
      trigger: 'inbox.item_created',
      data: {
        itemId: row.id,
        conversationId: row.conversation_id,
        network: row.network,
        kind: row.kind,
        intent: row.intent,
        sentiment: row.sentiment,
        text: row.text,
        authorHandle: row.author_handle,
      },
      dedupeKey: `inbox:${row.id}`,
    });
  }
}
