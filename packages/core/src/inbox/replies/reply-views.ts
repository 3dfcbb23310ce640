/**
 * Rows as the API answers them (`inboxReplySchema`, `inboxItemSchema` of
 * packages/contract/src/inbox/inbox-schemas.ts).
 */
import type { NetworkProvider } from '@plume/networks/contract';
import { itemActions, type ItemAction, type ItemRow } from './item-access.ts';
import type { ReplyRow } from './manage-replies.ts';

export type ReplyView = Pick<
  ReplyRow,
  | 'id'
  | 'conversationId'
  | 'itemId'
  | 'text'
  | 'state'
  | 'origin'
  | 'disclosure'
  | 'createdBy'
  | 'approvedBy'
  | 'approvedAt'
  | 'url'
  | 'error'
  | 'createdAt'
  | 'updatedAt'
>;

export function toReplyView(row: ReplyRow): ReplyView {
  const { id, conversationId, itemId, text, state, origin, disclosure, createdBy, approvedBy, approvedAt } = row;
  return {
    id,
    conversationId,
    itemId,
    text,
    state,
    origin,
    disclosure,
    createdBy,
    approvedBy,
    approvedAt,
    url: row.url,
    error: row.error,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type ItemView = {
  id: string;
  remoteId: string;
  kind: ItemRow['kind'];
  direction: ItemRow['direction'];
  parentRemoteId: string | null;
  author: { id: string; handle: string; name: string; avatarUrl: string | null };
  text: string;
  url: string | null;
  rating: number | null;
  createdAt: Date;
  receivedAt: Date;
  read: boolean;
  moderation: ItemRow['moderation'];
  sentiment: ItemRow['sentiment'];
  intent: ItemRow['intent'];
  priority: ItemRow['priority'];
  language: string | null;
  actions: ItemAction[];
};

export function toItemView(row: ItemRow, provider: NetworkProvider): ItemView {
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
    actions: itemActions(provider, row),
  };
}
