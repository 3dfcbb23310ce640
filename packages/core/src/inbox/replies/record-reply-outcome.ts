/**
 * Writes what became of a send, each in one transaction with its audit event. `sent` also stores the
 * reply as the account's own item (`direction: 'out'`) so the thread shows it, and clears the
 * conversation's `awaiting_since`. Every update names the states it may leave, so a reply that moved
 * on meanwhile (a person resolved it) is never overwritten with an older story.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import type { ReplyState } from '@plume/contract/inbox/inbox-enums';
import type { PublishedItem } from '@plume/networks/contract';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import { enqueueSendReply } from '../inbox-jobs-contract.ts';
import type { LoadedItem } from './item-access.ts';
import type { ReplyRow } from './manage-replies.ts';

export const INBOX_SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, name: 'Plume' };

const PREVIEW_CHARS = 280;

/** What settling a reply needs of it. */
export type ReplyRef = Pick<ReplyRow, 'id' | 'workspaceId' | 'conversationId'>;

/** The reply went out: sent, stored in the thread, the conversation answered. */
export async function recordSent(
  db: Database,
  input: { reply: ReplyRow; loaded: LoadedItem; result: PublishedItem },
): Promise<boolean> {
  const { reply, loaded, result } = input;
  return db.transaction(async (tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(inboxReplies)
      .set({
        state: 'sent',
        remoteId: result.remoteId,
        url: result.url,
        error: null,
        attemptFinishedAt: now,
        updatedAt: now,
      })
      // `unconfirmed` too: a sweep that wrongly thought this worker dead must not hide a reply we know went out.
      .where(and(eq(inboxReplies.id, reply.id), inArray(inboxReplies.state, ['sending', 'unconfirmed'])))
      .returning({ id: inboxReplies.id });
    if (updated === undefined) return false;
    const inserted = await tx
      .insert(inboxItems)
      .values({
        workspaceId: reply.workspaceId,
        conversationId: reply.conversationId,
        accountId: loaded.account.id,
        remoteId: result.remoteId,
        kind: loaded.item.kind === 'message' ? 'message' : 'reply',
        direction: 'out',
        parentRemoteId: loaded.item.remoteId,
        authorId: loaded.account.externalId,
        authorHandle: loaded.account.handle,
        authorName: loaded.account.displayName,
        text: reply.text,
        url: result.url,
        remoteCreatedAt: now,
        readAt: now,
      })
      // A read of the account may have stored our reply already (same remote id): once is enough.
      .onConflictDoNothing({ target: [inboxItems.accountId, inboxItems.remoteId] })
      .returning({ id: inboxItems.id });
    await tx
      .update(inboxConversations)
      .set({
        awaitingSince: null,
        updatedAt: now,
        ...(inserted.length > 0
          ? {
              itemCount: sql`${inboxConversations.itemCount} + 1`,
              lastItemAt: sql`greatest(${inboxConversations.lastItemAt}, ${now.toISOString()}::timestamptz)`,
              preview: reply.text.slice(0, PREVIEW_CHARS),
            }
          : {}),
      })
      .where(eq(inboxConversations.id, reply.conversationId));
    await recordAudit(tx, reply.workspaceId, INBOX_SYSTEM_ACTOR, 'inbox.reply_sent', 'inbox_reply', reply.id, {
      conversationId: reply.conversationId,
      network: loaded.account.network,
      remoteId: result.remoteId,
      origin: reply.origin,
    });
    return true;
  });
}

/** The network refused the reply (or it could not be sent at all): `failed`, with the reason in plain words. */
export async function recordFailed(
  db: Database,
  input: { reply: ReplyRef; from: readonly ReplyState[]; reason: string },
): Promise<boolean> {
  return settle(db, input, 'failed', 'inbox.reply_failed');
}

/** Nobody knows whether the network got it: `unconfirmed`, never re-sent by Plume; a person resolves it. */
export async function recordUnconfirmed(
  db: Database,
  input: { reply: ReplyRef; from: readonly ReplyState[]; reason: string },
): Promise<boolean> {
  return settle(db, input, 'unconfirmed', 'inbox.reply_unconfirmed');
}

async function settle(
  db: Database,
  input: { reply: ReplyRef; from: readonly ReplyState[]; reason: string },
  state: 'failed' | 'unconfirmed',
  action: string,
): Promise<boolean> {
  const { reply } = input;
  return db.transaction(async (tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(inboxReplies)
      .set({ state, error: input.reason, attemptFinishedAt: now, updatedAt: now })
      .where(and(eq(inboxReplies.id, reply.id), inArray(inboxReplies.state, [...input.from])))
      .returning({ id: inboxReplies.id });
    if (updated === undefined) return false;
    await recordAudit(tx, reply.workspaceId, INBOX_SYSTEM_ACTOR, action, 'inbox_reply', reply.id, {
      conversationId: reply.conversationId,
      reason: input.reason,
    });
    return true;
  });
}

/**
 * The network answered "not now" before accepting anything (429, a 5xx it guarantees did nothing):
 * approved again, its job due at `runAt`.
 */
export async function recordRetry(
  db: Database,
  input: { reply: ReplyRow; runAt: Date; reason: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(inboxReplies)
      .set({ state: 'approved', error: input.reason, attemptFinishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(inboxReplies.id, input.reply.id), eq(inboxReplies.state, 'sending')))
      .returning({ id: inboxReplies.id });
    if (updated === undefined) return false;
    await enqueueSendReply(tx, input.reply.id, input.runAt);
    return true;
  });
}
