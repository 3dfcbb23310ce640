/**
 * A reply's life before and after sending (docs/inbox.md, "Replies and moderation"): a person writes
 * one (or edits the AI's draft), approves it (which queues the exactly-once send, send-reply.ts),
 * discards it, or settles an `unconfirmed` one after looking at the network. Every change is checked
 * against the reply's state under a row lock and written with its audit event.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '@plume/db/client';
import { inboxConversations, inboxReplies } from '@plume/db/schema/inbox';
import type { ReplyState } from '@plume/contract/inbox/inbox-enums';
import { AppError } from '@plume/errors/app-error';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { enqueueSendReply } from '../inbox-jobs-contract.ts';
import { loadItem, replyRefusal, type LoadedItem } from './item-access.ts';
import { checkReplyLength } from './reply-text.ts';

export type ReplyRow = typeof inboxReplies.$inferSelect;
export type ReplyDeps = { db: Database; runtime: NetworkRuntime };
type Actor = AuditActor;

/** A new idempotency key: stable for one send, new after an edit of a refused reply. */
export function newIdempotencyKey(): string {
  return `plume-reply-${randomUUID()}`;
}

/** Checks the network lets this item be answered with this text; throws 409 or 400 in plain words. */
export function checkCanReply(runtime: NetworkRuntime, loaded: LoadedItem, text: string, path = 'text'): void {
  const provider = runtime.provider(loaded.account.network);
  const refusal = replyRefusal(provider, loaded.item);
  if (refusal !== null) throw new AppError('invalid_state', { detail: refusal });
  checkReplyLength({ provider, metadata: loaded.account.metadata, text, path });
}

/** A person's reply to one item of the conversation; `send` approves it at once. */
export async function createReply(
  deps: ReplyDeps,
  input: { workspaceId: string; conversationId: string; itemId: string; text: string; send: boolean; actor: Actor },
): Promise<ReplyRow> {
  return deps.db.transaction(async (tx) => {
    const loaded = await loadItemOfConversation(tx, input);
    checkCanReply(deps.runtime, loaded, input.text);
    const userId = userIdOf(input.actor);
    const now = new Date();
    const [reply] = await tx
      .insert(inboxReplies)
      .values({
        workspaceId: input.workspaceId,
        conversationId: input.conversationId,
        itemId: input.itemId,
        text: input.text,
        state: input.send ? 'approved' : 'draft',
        origin: 'person',
        createdBy: userId,
        ...(input.send ? { approvedBy: userId, approvedAt: now } : {}),
        idempotencyKey: newIdempotencyKey(),
      })
      .returning();
    if (reply === undefined) throw new Error('reply insert returned no row');
    await recordAudit(tx, input.workspaceId, input.actor, 'inbox.reply_created', 'inbox_reply', reply.id, {
      conversationId: input.conversationId,
      origin: 'person',
      approved: input.send,
    });
    if (input.send) await enqueueSendReply(tx, reply.id);
    return reply;
  });
}

/** The item, which must belong to the conversation (404 otherwise: ids of other workspaces are never confirmed). */
export async function loadItemOfConversation(
  tx: Tx,
  input: { workspaceId: string; conversationId: string; itemId: string },
): Promise<LoadedItem> {
  const loaded = await loadItem(tx, input.workspaceId, input.itemId);
  if (loaded.conversation.id !== input.conversationId)
    throw AppError.validation('itemId', 'This item belongs to another conversation.');
  return loaded;
}

/** The reply under a row lock; 404 when it is not the workspace's. */
export async function lockReply(tx: Tx, workspaceId: string, replyId: string): Promise<ReplyRow> {
  const [reply] = await tx
    .select()
    .from(inboxReplies)
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.workspaceId, workspaceId)))
    .for('update');
  if (reply === undefined) throw AppError.notFound('reply');
  return reply;
}

const stateWords: Record<ReplyState, string> = {
  draft: 'a draft',
  approved: 'approved and waiting to be sent',
  sending: 'being sent',
  sent: 'sent',
  failed: 'refused by the network',
  unconfirmed: 'unconfirmed (it may have been sent)',
  discarded: 'discarded',
};

function requireState(reply: ReplyRow, allowed: readonly ReplyState[], what: string): void {
  if (!allowed.includes(reply.state))
    throw new AppError('invalid_state', {
      detail: `This reply is ${stateWords[reply.state]}, so it cannot be ${what}.`,
    });
}

/** Changes the text of a draft or of a reply the network refused (which becomes a draft again). */
export async function updateReply(
  deps: ReplyDeps,
  input: { workspaceId: string; replyId: string; text: string; actor: Actor },
): Promise<ReplyRow> {
  return deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, input.workspaceId, input.replyId);
    requireState(reply, ['draft', 'failed'], 'edited');
    checkCanReply(deps.runtime, await loadItem(tx, input.workspaceId, reply.itemId), input.text);
    const refused = reply.state === 'failed';
    const [updated] = await tx
      .update(inboxReplies)
      .set({
        text: input.text,
        state: 'draft',
        error: null,
        updatedAt: new Date(),
        // The network said no to the old text; the edited one is a new request.
        ...(refused ? { idempotencyKey: newIdempotencyKey(), sendAttempts: 0 } : {}),
      })
      .where(eq(inboxReplies.id, reply.id))
      .returning();
    if (updated === undefined) throw new Error('reply update returned no row');
    await recordAudit(tx, input.workspaceId, input.actor, 'inbox.reply_edited', 'inbox_reply', reply.id, {
      conversationId: reply.conversationId,
    });
    return updated;
  });
}

/** Approves a draft (or a refused reply, to try again): it is queued to be sent once. */
export async function approveReply(
  deps: ReplyDeps,
  input: { workspaceId: string; replyId: string; actor: Actor },
): Promise<ReplyRow> {
  return deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, input.workspaceId, input.replyId);
    requireState(reply, ['draft', 'failed'], 'approved');
    checkCanReply(deps.runtime, await loadItem(tx, input.workspaceId, reply.itemId), reply.text);
    const now = new Date();
    const [updated] = await tx
      .update(inboxReplies)
      .set({ state: 'approved', approvedBy: userIdOf(input.actor), approvedAt: now, error: null, updatedAt: now })
      .where(eq(inboxReplies.id, reply.id))
      .returning();
    if (updated === undefined) throw new Error('reply update returned no row');
    await recordAudit(tx, input.workspaceId, input.actor, 'inbox.reply_approved', 'inbox_reply', reply.id, {
      conversationId: reply.conversationId,
      origin: reply.origin,
    });
    await enqueueSendReply(tx, reply.id);
    return updated;
  });
}

/** Discards a draft, a refused reply, or an approved one whose send has not started. */
export async function discardReply(
  deps: ReplyDeps,
  input: { workspaceId: string; replyId: string; actor: Actor },
): Promise<ReplyRow> {
  return deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, input.workspaceId, input.replyId);
    requireState(reply, ['draft', 'failed', 'approved'], 'discarded');
    const [updated] = await tx
      .update(inboxReplies)
      .set({ state: 'discarded', updatedAt: new Date() })
      .where(eq(inboxReplies.id, reply.id))
      .returning();
    if (updated === undefined) throw new Error('reply update returned no row');
    // The send job, if queued, finds the reply discarded and does nothing; removing it saves the run.
    if (reply.state === 'approved')
      await tx.execute(sql`SELECT graphile_worker.remove_job(${`inbox-reply:${reply.id}`})`);
    await recordAudit(tx, input.workspaceId, input.actor, 'inbox.reply_discarded', 'inbox_reply', reply.id, {
      conversationId: reply.conversationId,
      from: reply.state,
    });
    return updated;
  });
}

/**
 * Settles an `unconfirmed` reply with what a person saw on the network: `sent` (the conversation
 * counts as answered) or `not_sent` (it becomes `failed`, so it can be edited and approved again).
 */
export async function resolveReply(
  deps: ReplyDeps,
  input: { workspaceId: string; replyId: string; outcome: 'sent' | 'not_sent'; url?: string | undefined; actor: Actor },
): Promise<ReplyRow> {
  return deps.db.transaction(async (tx) => {
    const reply = await lockReply(tx, input.workspaceId, input.replyId);
    requireState(reply, ['unconfirmed'], 'resolved (only an unconfirmed reply is)');
    const now = new Date();
    const sent = input.outcome === 'sent';
    const [updated] = await tx
      .update(inboxReplies)
      .set(
        sent
          ? { state: 'sent', url: input.url ?? null, error: null, attemptFinishedAt: now, updatedAt: now }
          : {
              state: 'failed',
              error: 'Not sent: someone checked the network and did not find it. Edit it or approve it again.',
              updatedAt: now,
            },
      )
      .where(eq(inboxReplies.id, reply.id))
      .returning();
    if (updated === undefined) throw new Error('reply update returned no row');
    if (sent)
      await tx
        .update(inboxConversations)
        .set({ awaitingSince: null, updatedAt: now })
        .where(eq(inboxConversations.id, reply.conversationId));
    await recordAudit(tx, input.workspaceId, input.actor, 'inbox.reply_resolved', 'inbox_reply', reply.id, {
      conversationId: reply.conversationId,
      outcome: input.outcome,
    });
    return updated;
  });
}

function userIdOf(actor: Actor): string | null {
  return actor.type === 'user' ? actor.id : null;
}
