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
  inboxItemSchema,
  inboxNoteSchema,
  inboxReplySchema,
} from '@plume/contract/inbox/inbox-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { inboxItems, inboxNotes, inboxReplies } from '@plume/db/schema/inbox';
import { inboxConversations as c } from '@plume/db/schema/inbox';
import { posts, postTargets } from '@plume/db/schema/publishing';
import type { InboxManifest } from '@plume/networks/inbox-contract';
import { findConversation } from './conversation-columns.ts';

export type ConversationDetailView = z.output<typeof conversationDetailSchema>;
type ItemView = z.output<typeof inboxItemSchema>;
type ItemAction = ItemView['actions'][number];
type ItemRow = typeof inboxItems.$inferSelect;

/** The network's inbox manifest (NO_INBOX for a network without one). */
export type InboxManifestOf = (network: NetworkId) => InboxManifest;

/**
 * What a person may do to an item now: answer an incoming item of a kind the network lets Plume answer
 * (not once it is deleted), hide a visible comment or reply, delete one not yet deleted, where the
 * network allows it. Our own items (`out`) and mentions, messages and reviews are never moderated.
 */
export function itemActions(
  item: Pick<ItemRow, 'kind' | 'direction' | 'moderation'>,
  manifest: InboxManifest,
): ItemAction[] {
  if (item.direction !== 'in' || item.moderation === 'deleted') return [];
  const actions: ItemAction[] = [];
  if (manifest.reply.includes(item.kind)) actions.push('reply');
  const moderatable = item.kind === 'comment' || item.kind === 'reply';
  if (moderatable && item.moderation === 'visible' && manifest.moderation.includes('hide')) actions.push('hide');
  if (moderatable && manifest.moderation.includes('delete')) actions.push('delete');
  return actions;
}

function toItem(row: ItemRow, manifest: InboxManifest): ItemView {
  return {
    id: row.id,
    remoteId: row.remoteId,
    kind: row.kind,
    direction: row.direction,
    parentRemoteId: row.parentRemoteId,
    author: { id: row.authorId, handle: row.authorHandle, name: row.authorName, avatarUrl: row.authorAvatarUrl },
    text: row.text,
    url: row.url,
    rating: row.rating,
    createdAt: row.remoteCreatedAt,
    receivedAt: row.receivedAt,
    read: row.readAt !== null,
    moderation: row.moderation,
    sentiment: row.sentiment,
    intent: row.intent,
    priority: row.priority,
    language: row.language,
    actions: itemActions(row, manifest),
  };
}

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
  deps: { db: Pick<Database, 'select'>; inboxManifestOf: InboxManifestOf },
  workspaceId: string,
  conversationId: string,
): Promise<ConversationDetailView> {
  const { db } = deps;
  const conversation = await findConversation(db, workspaceId, conversationId);
  const manifest = deps.inboxManifestOf(conversation.network);
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
  return { ...conversation, post, items: items.map((row) => toItem(row, manifest)), notes, replies };
}
