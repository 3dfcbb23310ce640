/**
 * One conversation opened: its items oldest first, each with what a person may do to it on its network
 * now (the network's inbox manifest and the item's state), the post it belongs to, the team's notes and
 * the replies written so far (drafts, sent, failed…).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  conversationDetailSchema,
  conversationPostSchema,
  inboxNoteSchema,
  inboxReplySchema,
} from '@plume/contract/inbox/inbox-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { inboxItems, inboxNotes, inboxReplies } from '@plume/db/schema/inbox';
import { inboxConversations as c } from '@plume/db/schema/inbox';
import { posts, postTargets } from '@plume/db/schema/publishing';
import type { InboxManifest } from '@plume/networks/inbox-contract';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { findConversation } from './conversation-columns.ts';
import { toItemView } from './replies/reply-views.ts';

export type ConversationDetailView = z.output<typeof conversationDetailSchema>;

/** The network's inbox manifest (NO_INBOX for a network without one). */
export type InboxManifestOf = (network: NetworkId) => InboxManifest;

async function findPost(
  db: Pick<Database, 'select'>,
  conversationId: string,
): Promise<z.output<typeof conversationPostSchema> | null> {
  const [row] = await db
    .select({
      postId: posts.id,
      targetId: postTargets.id,
      content: posts.content,
      override: postTargets.override,
      url: postTargets.remoteUrl,
      publishedAt: postTargets.publishedAt,
    })
    .from(c)
    .innerJoin(postTargets, eq(postTargets.id, c.postTargetId))
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(eq(c.id, conversationId));
  if (row === undefined) return null;
  const { content, override, ...post } = row;
  return { ...post, text: override.text ?? content.text };
}

async function listNotes(
  db: Pick<Database, 'select'>,
  conversationId: string,
): Promise<z.output<typeof inboxNoteSchema>[]> {
  return db
    .select({
      id: inboxNotes.id,
      authorId: inboxNotes.authorId,
      authorName: inboxNotes.authorName,
      text: inboxNotes.text,
      createdAt: inboxNotes.createdAt,
    })
    .from(inboxNotes)
    .where(eq(inboxNotes.conversationId, conversationId))
    .orderBy(asc(inboxNotes.createdAt), asc(inboxNotes.id));
}

async function listReplies(
  db: Pick<Database, 'select'>,
  conversationId: string,
): Promise<z.output<typeof inboxReplySchema>[]> {
  return db
    .select({
      id: inboxReplies.id,
      conversationId: inboxReplies.conversationId,
      itemId: inboxReplies.itemId,
      text: inboxReplies.text,
      state: inboxReplies.state,
      origin: inboxReplies.origin,
      disclosure: inboxReplies.disclosure,
      createdBy: inboxReplies.createdBy,
      approvedBy: inboxReplies.approvedBy,
      approvedAt: inboxReplies.approvedAt,
      url: inboxReplies.url,
      error: inboxReplies.error,
      createdAt: inboxReplies.createdAt,
      updatedAt: inboxReplies.updatedAt,
    })
    .from(inboxReplies)
    .where(eq(inboxReplies.conversationId, conversationId))
    .orderBy(asc(inboxReplies.createdAt), asc(inboxReplies.id));
}

export async function getConversationDetail(
  deps: { db: Pick<Database, 'select'>; runtime: Pick<NetworkRuntime, 'provider'> },
  workspaceId: string,
  conversationId: string,
): Promise<ConversationDetailView> {
  const { db } = deps;
  const conversation = await findConversation(db, workspaceId, conversationId);
  const provider = deps.runtime.provider(conversation.network);
  const [items, post, notes, replies] = await Promise.all([
    db
      .select()
      .from(inboxItems)
      .where(and(eq(inboxItems.conversationId, conversationId), eq(inboxItems.workspaceId, workspaceId)))
      .orderBy(asc(inboxItems.remoteCreatedAt), asc(inboxItems.id)),
    findPost(db, conversationId),
    listNotes(db, conversationId),
    listReplies(db, conversationId),
  ]);
  return { ...conversation, post, items: items.map((row) => toItemView(row, provider)), notes, replies };
}
