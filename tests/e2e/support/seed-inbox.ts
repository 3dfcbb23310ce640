/**
 * Inbox conversations written straight into the tables, as ingestion leaves them: for the inbox
 * journey, so it does not depend on a network's inbox being read first.
 */
import type { InboxIntent, InboxKind, InboxSentiment } from '@plume/contract/inbox/inbox-enums';
import type { Database } from '@plume/db/client';
import { inboxConversations, inboxItems } from '@plume/db/schema/inbox';
import type { NetworkId } from '@plume/contract/networks/network-enums';

export type SeedConversation = {
  handle: string;
  name: string;
  kind: InboxKind;
  text: string;
  minutesAgo: number;
  intent?: InboxIntent;
  sentiment?: InboxSentiment;
  /** The network's id of the item and what replying to it needs (as the network's `listInbox` leaves them). */
  remoteId: string;
  meta: Record<string, string>;
};

/** One conversation with one unread incoming item; answers the conversation's id. */
export async function seedConversation(
  db: Database,
  account: { workspaceId: string; accountId: string; network: NetworkId },
  input: SeedConversation,
): Promise<string> {
  const at = new Date(Date.now() - input.minutesAgo * 60_000);
  const { remoteId } = input;
  const [conversation] = await db
    .insert(inboxConversations)
    .values({
      workspaceId: account.workspaceId,
      accountId: account.accountId,
      network: account.network,
      kind: input.kind,
      conversationKey: `key-${remoteId}`,
      contactId: `id-${input.handle}`,
      contactHandle: input.handle,
      contactName: input.name,
      sentiment: input.sentiment ?? null,
      intent: input.intent ?? null,
      priority: 'normal',
      preview: input.text,
      lastItemAt: at,
      unreadCount: 1,
      itemCount: 1,
      awaitingSince: at,
    })
    .returning({ id: inboxConversations.id });
  if (!conversation) throw new Error('conversation insert returned no row');
  await db.insert(inboxItems).values({
    workspaceId: account.workspaceId,
    conversationId: conversation.id,
    accountId: account.accountId,
    remoteId,
    kind: input.kind,
    authorId: `id-${input.handle}`,
    authorHandle: input.handle,
    authorName: input.name,
    text: input.text,
    remoteCreatedAt: at,
    receivedAt: at,
    sentiment: input.sentiment ?? null,
    intent: input.intent ?? null,
    priority: 'normal',
    meta: input.meta,
  });
  return conversation.id;
}
