/**
 * Jobs the inbox's parts hand each other (docs/inbox.md). Reading stores new items and queues their
 * classification in the same transaction; the replies side runs `classify_inbox_items`. Both import the
 * name and the payload from here.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';

/** Classifies new incoming items (sentiment, intent, priority, language) through the LLM gateway. */
export const CLASSIFY_INBOX_ITEMS_JOB = 'classify_inbox_items';

export const classifyInboxItemsPayload = z.object({
  workspaceId: z.string(),
  /** The new incoming items of one stored page, all in that workspace. */
  itemIds: z.array(z.uuid()).min(1),
});
export type ClassifyInboxItemsPayload = z.infer<typeof classifyInboxItemsPayload>;

/** Reads one account's inbox (queued by the `queue_inbox_reads` cron, keyed `read_inbox:<account>`). */
export const READ_INBOX_JOB = 'read_inbox';
export const readInboxPayload = z.object({ accountId: z.uuid() });

/** Queues the classification of `itemIds` in the caller's transaction (nothing when there are none). */
export async function queueClassifyInboxItems(tx: Pick<Database, 'execute'>, payload: ClassifyInboxItemsPayload) {
  if (payload.itemIds.length === 0) return;
  const body = JSON.stringify(classifyInboxItemsPayload.parse(payload));
  await tx.execute(sql`SELECT graphile_worker.add_job(${CLASSIFY_INBOX_ITEMS_JOB}, ${body}::json, max_attempts => 5)`);
}
