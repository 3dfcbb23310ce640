/**
 * An inbox item as replying and moderating see it: the row (only within its workspace), its
 * conversation and account, and what the network's manifest lets a person do to it now.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { inboxConversations, inboxItems } from '@plume/db/schema/inbox';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import type { InboxItemRef, ModerationAction } from '@plume/networks/inbox-contract';
import type { NetworkProvider } from '@plume/networks/contract';

export type ItemRow = typeof inboxItems.$inferSelect;
export type ItemAction = 'reply' | ModerationAction;

export type LoadedItem = {
  item: ItemRow;
  conversation: typeof inboxConversations.$inferSelect;
  account: {
    id: string;
    network: string;
    externalId: string;
    handle: string;
    displayName: string;
    status: string;
    metadata: Record<string, string>;
  };
};

const kindWords: Record<ItemRow['kind'], string> = {
  comment: 'comments',
  reply: 'replies',
  mention: 'mentions',
  message: 'direct messages',
  review: 'reviews',
};

/** The item with its conversation and account; 404 when it is not the workspace's. */
export async function loadItem(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  itemId: string,
  lock = false,
): Promise<LoadedItem> {
  const query = db
    .select({
      item: inboxItems,
      conversation: inboxConversations,
      account: {
        id: socialAccounts.id,
        network: socialAccounts.network,
        externalId: socialAccounts.externalId,
        handle: socialAccounts.handle,
        displayName: socialAccounts.displayName,
        status: socialAccounts.status,
        metadata: socialAccounts.metadata,
      },
    })
    .from(inboxItems)
    .innerJoin(inboxConversations, eq(inboxConversations.id, inboxItems.conversationId))
    .innerJoin(socialAccounts, eq(socialAccounts.id, inboxItems.accountId))
    .where(and(eq(inboxItems.id, itemId), eq(inboxItems.workspaceId, workspaceId)));
  const [row] = lock ? await query.for('update', { of: inboxItems }) : await query;
  if (row === undefined) throw AppError.notFound('inbox item');
  return row;
}

/** Why a person cannot answer this item on its network, in plain words; null when they can. */
export function replyRefusal(provider: NetworkProvider, item: ItemRow): string | null {
  const { manifest } = provider;
  if (item.direction === 'out') return 'This is the account’s own message; answer the item it replied to instead.';
  if (item.moderation === 'deleted') return 'This item was deleted, so it cannot be answered.';
  if (provider.replyToInbox === undefined || !manifest.inbox.reply.includes(item.kind))
    return `${manifest.name} does not let Plume answer ${kindWords[item.kind]}; answer it in ${manifest.name} itself.`;
  return null;
}

/** Why this moderation is not possible on this item, in plain words; null when it is. */
export function moderationRefusal(provider: NetworkProvider, item: ItemRow, action: ModerationAction): string | null {
  const { manifest } = provider;
  if (item.direction === 'out') return 'This is the account’s own message; delete it in the network itself.';
  if (item.kind !== 'comment' && item.kind !== 'reply')
    return `Only comments and replies on the account’s own posts can be hidden or deleted, not ${kindWords[item.kind]}.`;
  if (provider.moderateInbox === undefined || !manifest.inbox.moderation.includes(action))
    return `${manifest.name} does not let Plume ${action} comments.`;
  if (item.moderation === 'deleted') return 'This comment is deleted already.';
  if (action === 'hide' && item.moderation === 'hidden') return 'This comment is hidden already.';
  return null;
}

/** What a person may do to the item now (the `actions` of the API's item). */
export function itemActions(provider: NetworkProvider, item: ItemRow): ItemAction[] {
  const actions: ItemAction[] = [];
  if (replyRefusal(provider, item) === null) actions.push('reply');
  for (const action of ['hide', 'delete'] as const)
    if (moderationRefusal(provider, item, action) === null) actions.push(action);
  return actions;
}

/** The stored item in the shape the provider's operations take. */
export function itemRef({ item, conversation }: Pick<LoadedItem, 'item' | 'conversation'>): InboxItemRef {
  return {
    remoteId: item.remoteId,
    kind: item.kind,
    conversationKey: conversation.conversationKey,
    parentRemoteId: item.parentRemoteId,
    postRemoteId: conversation.postRemoteId,
    authorId: item.authorId,
    meta: item.meta,
  };
}
