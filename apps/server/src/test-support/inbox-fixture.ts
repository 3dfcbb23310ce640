/**
 * Inbox rows as ingestion leaves them, for the inbox API's tests and the route sweep: an account, a
 * conversation with its items (incoming unread, our own answers read), a saved reply.
 */
import { randomUUID } from 'node:crypto';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { inboxConversations, inboxItems, inboxNotes, savedReplies } from '@plume/db/schema/inbox';
import type { RouteExample } from './route-sweep.ts';
import { socialAccounts } from '@plume/db/schema/social';
import type { NetworkProvider } from '@plume/networks/contract';
import { mastodonProvider } from '@plume/networks/mastodon/provider';

/** Mastodon reading and answering comments and replies only (its adapter reads mentions and messages too). */
export const mastodonWithInbox: NetworkProvider = {
  ...mastodonProvider,
  manifest: {
    ...mastodonProvider.manifest,
    inbox: {
      ...mastodonProvider.manifest.inbox,
      kinds: ['comment', 'reply'],
      reply: ['comment', 'reply'],
    },
  },
};

export async function insertInboxAccount(
  db: Database,
  workspaceId: string,
  network: NetworkId = 'mastodon',
  handle = `@inbox-${randomUUID().slice(0, 8)}@example.test`,
): Promise<string> {
  const [account] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network,
      externalId: randomUUID(),
      handle,
      displayName: 'Inbox',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  if (!account) throw new Error('account insert returned no row');
  return account.id;
}

export type SeedItem = { text: string; at: Date; direction?: 'in' | 'out'; kind?: 'comment' | 'reply' | 'message' };
type ConversationOverrides = Partial<typeof inboxConversations.$inferInsert>;

/** A conversation of `items` (oldest first); its list fields follow from them unless overridden. */
export async function insertConversation(
  db: Database,
  scope: { workspaceId: string; accountId: string; network?: NetworkId },
  items: SeedItem[],
  overrides: ConversationOverrides = {},
): Promise<{ conversationId: string; itemIds: string[] }> {
  const last = items.at(-1);
  if (last === undefined) throw new Error('a conversation has at least one item');
  const incoming = items.filter((item) => (item.direction ?? 'in') === 'in');
  const [conversation] = await db
    .insert(inboxConversations)
    .values({
      workspaceId: scope.workspaceId,
      accountId: scope.accountId,
      network: scope.network ?? 'mastodon',
      kind: items[0]?.kind ?? 'comment',
      conversationKey: randomUUID(),
      contactId: 'contact-1',
      contactHandle: '@ada@example.test',
      contactName: 'Ada Lovelace',
      preview: last.text.slice(0, 140),
      lastItemAt: last.at,
      unreadCount: incoming.length,
      itemCount: items.length,
      awaitingSince: last.direction === 'out' ? null : (incoming[0]?.at ?? null),
      ...overrides,
    })
    .returning({ id: inboxConversations.id });
  if (!conversation) throw new Error('conversation insert returned no row');
  const rows = await db
    .insert(inboxItems)
    .values(
      items.map((item, index) => {
        const direction = item.direction ?? 'in';
        return {
          workspaceId: scope.workspaceId,
          conversationId: conversation.id,
          accountId: scope.accountId,
          remoteId: `${conversation.id}-${index}`,
          kind: item.kind ?? (index === 0 ? 'comment' : 'reply'),
          direction,
          authorId: direction === 'in' ? 'contact-1' : 'us',
          authorHandle: direction === 'in' ? '@ada@example.test' : '@us@example.test',
          authorName: direction === 'in' ? 'Ada Lovelace' : 'Us',
          text: item.text,
          remoteCreatedAt: item.at,
          readAt: direction === 'in' ? null : item.at,
        };
      }),
    )
    .returning({ id: inboxItems.id, at: inboxItems.remoteCreatedAt });
  return { conversationId: conversation.id, itemIds: rows.map((row) => row.id) };
}

export const minutesAgo = (minutes: number, from = Date.now()) => new Date(from - minutes * 60_000);

/** The route sweep's inbox: one conversation with a note by the owner. */
export async function insertSweepInbox(
  db: Database,
  workspaceId: string,
  accountId: string,
  ownerId: string,
): Promise<{ conversationId: string; noteId: string }> {
  const { conversationId } = await insertConversation(db, { workspaceId, accountId }, [
    { text: 'Sweep comment', at: new Date() },
  ]);
  const [note] = await db
    .insert(inboxNotes)
    .values({ workspaceId, conversationId, authorId: ownerId, authorName: 'Sweep Owner', text: 'Sweep note' })
    .returning({ id: inboxNotes.id });
  if (!note) throw new Error('note insert returned no row');
  return { conversationId, noteId: note.id };
}

/** A saved reply of the sweep's workspace. */
export async function insertSweepSavedReply(db: Database, workspaceId: string): Promise<string> {
  const [row] = await db
    .insert(savedReplies)
    .values({ workspaceId, title: 'Sweep answer', text: 'Thanks for writing!' })
    .returning({ id: savedReplies.id });
  if (!row) throw new Error('saved reply insert returned no row');
  return row.id;
}

export function inboxExample(key: string): RouteExample | undefined {
  // The live stream never ends by itself; its 200 is read over real HTTP in inbox-more.test.ts.
  if (key === 'GET /api/v1/workspaces/{workspaceId}/inbox/events') return { skip: ['control'] };
  return undefined;
}
