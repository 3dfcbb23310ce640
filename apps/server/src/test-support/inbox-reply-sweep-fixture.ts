/**
 * The route sweep's inbox replies: a conversation with one incoming comment on the fixture's account,
 * a draft reply and an unconfirmed one (so resolving succeeds). Routes that need the network to allow
 * replying or moderating skip their control call here; their 2xx is checked against the network fakes
 * in routes/inbox-replies/*.test.ts.
 */
import type { Database } from '@plume/db/client';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import type { RouteExample } from './route-sweep.ts';

export type InboxReplySweepIds = {
  conversationId: string;
  itemId: string;
  replyId: string;
  unconfirmedReplyId: string;
};

export async function insertInboxReplySweep(
  db: Database,
  workspaceId: string,
  accountId: string,
): Promise<InboxReplySweepIds> {
  const now = new Date();
  const [conversation] = await db
    .insert(inboxConversations)
    .values({
      workspaceId,
      accountId,
      network: 'mastodon',
      kind: 'comment',
      conversationKey: 'sweep-comment-1',
      contactId: 'sweep-contact',
      contactHandle: '@reader@example.test',
      contactName: 'Sweep Reader',
      lastItemAt: now,
      itemCount: 1,
      awaitingSince: now,
    })
    .returning({ id: inboxConversations.id });
  if (!conversation) throw new Error('conversation insert returned no row');
  const [item] = await db
    .insert(inboxItems)
    .values({
      workspaceId,
      conversationId: conversation.id,
      accountId,
      remoteId: 'sweep-comment-1',
      kind: 'comment',
      authorId: 'sweep-contact',
      authorHandle: '@reader@example.test',
      authorName: 'Sweep Reader',
      text: 'Do you open on Sundays?',
      remoteCreatedAt: now,
    })
    .returning({ id: inboxItems.id });
  if (!item) throw new Error('item insert returned no row');
  const reply = (state: 'draft' | 'unconfirmed', key: string) => ({
    workspaceId,
    conversationId: conversation.id,
    itemId: item.id,
    text: 'Yes, from 9 to 1.',
    state,
    origin: 'person' as const,
    idempotencyKey: key,
  });
  const rows = await db
    .insert(inboxReplies)
    .values([reply('draft', 'sweep-draft'), reply('unconfirmed', 'sweep-unconfirmed')])
    .returning({ id: inboxReplies.id, state: inboxReplies.state });
  const replyId = rows.find((row) => row.state === 'draft')?.id ?? '';
  const unconfirmedReplyId = rows.find((row) => row.state === 'unconfirmed')?.id ?? '';
  return { conversationId: conversation.id, itemId: item.id, replyId, unconfirmedReplyId };
}

export function inboxReplyExample(key: string, ids: InboxReplySweepIds): RouteExample | undefined {
  const inbox = 'POST /api/v1/workspaces/{workspaceId}/inbox';
  switch (key) {
    // The fixture's Mastodon account: whether its network answers or moderates comments is the adapter's.
    case `${inbox}/conversations/{conversationId}/replies`:
      return {
        params: { conversationId: ids.conversationId },
        body: { itemId: ids.itemId, text: 'Sweep reply' },
        skip: ['control'],
      };
    case `${inbox}/conversations/{conversationId}/draft-reply`:
      return { params: { conversationId: ids.conversationId }, body: { itemId: ids.itemId }, skip: ['control'] };
    case 'PATCH /api/v1/workspaces/{workspaceId}/inbox/replies/{replyId}':
      return { body: { text: 'Sweep edit' }, skip: ['control'] };
    case `${inbox}/replies/{replyId}/approve`:
      return { skip: ['control'] };
    case `${inbox}/replies/{replyId}/resolve`:
      return { params: { replyId: ids.unconfirmedReplyId }, body: { outcome: 'not_sent' } };
    case `${inbox}/items/{itemId}/moderate`:
      return { body: { action: 'hide' }, skip: ['control'] };
    default:
      return undefined;
  }
}
