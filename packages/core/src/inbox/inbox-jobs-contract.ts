/**
 * The inbox's jobs, by name and payload, so the part that queues one (ingest, the API, automation) and
 * the part that runs it agree without importing each other. Queue them inside the transaction that
 * stored the items or changed the reply, so the queue and the rows never disagree.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';

type Executor = Pick<Database, 'execute'>;

/** Classifies new incoming items of one workspace (sentiment, intent, priority, language), one model call a batch. */
export const CLASSIFY_INBOX_ITEMS_JOB = 'classify_inbox_items';
export const classifyInboxItemsPayload = z.object({
  workspaceId: z.string().min(1),
  itemIds: z.array(z.uuid()).min(1).max(500),
});
/** Most items one classification job carries; a larger stored page is queued as several jobs. */
const CLASSIFY_BATCH_MAX = 500;
export type ClassifyInboxItemsPayload = z.infer<typeof classifyInboxItemsPayload>;

/** Reads one account's inbox (queued by the `queue_inbox_reads` cron, keyed `read_inbox:<account>`). */
export const READ_INBOX_JOB = 'read_inbox';
export const readInboxPayload = z.object({ accountId: z.uuid() });

/** Sends one approved reply, exactly once (docs/inbox.md, "Replies and moderation"). */
export const SEND_INBOX_REPLY_JOB = 'send_inbox_reply';
export const sendInboxReplyPayload = z.object({ replyId: z.uuid() });

/** graphile-worker retries a job whose handler threw (database trouble); network outcomes never throw. */
const MAX_JOB_ATTEMPTS = 5;

/** Queues classification of items just stored (no job when the list is empty). */
export async function enqueueClassifyItems(tx: Executor, payload: ClassifyInboxItemsPayload): Promise<void> {
  for (let start = 0; start < payload.itemIds.length; start += CLASSIFY_BATCH_MAX) {
    const batch = {
      workspaceId: payload.workspaceId,
      itemIds: payload.itemIds.slice(start, start + CLASSIFY_BATCH_MAX),
    };
    await tx.execute(
      sql`SELECT graphile_worker.add_job(${CLASSIFY_INBOX_ITEMS_JOB}, ${JSON.stringify(batch)}::json, max_attempts => ${MAX_JOB_ATTEMPTS})`,
    );
  }
}

/** Queues the send of one reply at `runAt` (now by default); keyed per reply, so a second approve replaces it. */
export async function enqueueSendReply(tx: Executor, replyId: string, runAt: Date = new Date()): Promise<void> {
  await tx.execute(sql`
    SELECT graphile_worker.add_job(${SEND_INBOX_REPLY_JOB}, json_build_object('replyId', ${replyId}::text),
      run_at => ${runAt.toISOString()}::timestamptz, max_attempts => ${MAX_JOB_ATTEMPTS}, job_key => ${`inbox-reply:${replyId}`})`);
}
