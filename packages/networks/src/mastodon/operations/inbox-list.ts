/**
 * Reads a Mastodon account's inbox from two sources, each with its own position in our cursor
 * (`{"notifications": <id>, "conversations": <last status id>, "messagesAfter": <status id>}`):
 * - GET /api/v1/notifications?types[]=mention (80 a page): forward from the stored id with `min_id`
 *   (the page right after it), as the docs' pagination describes; the first read pages back with `max_id`
 *   until 7 days ago. Direct statuses are skipped here: they are read as conversations.
 * - GET /api/v1/conversations (40 a page), paged by the last status id with `min_id`; the first read starts
 *   at the snowflake id of 7 days ago (Mastodon status ids are milliseconds shifted 16 bits). Each changed
 *   conversation's statuses come from its last status's context, so no message between two reads is missed.
 * The next page's ids are the ones the `Link` header names (Mastodon builds it from the same ids).
 * A status whose context answers 404 was deleted since it was notified: it is handed over `gone`.
 * Docs: docs.joinmastodon.org/methods/notifications/#get, …/methods/conversations/#get,
 * …/methods/statuses/#context, …/api/guidelines/#pagination
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import type { InboxItemReading, InboxPage } from '../../inbox-contract.ts';
import { isProviderError } from '../../provider-errors.ts';
import { instanceUrlOf, mastodonJson } from '../client.ts';
import {
  compareIds,
  contextSchema,
  conversationsSchema,
  notificationsSchema,
  placeMention,
  readingOfStatus,
  type InboxStatus,
  type MastodonConversation,
  type MastodonNotification,
} from '../inbox-items.ts';
import { localAccountId } from './recent-posts.ts';

const NOTIFICATION_PAGE = 80;
const CONVERSATION_PAGE = 40;
const MAX_PAGES = 10;
const FIRST_READ_MS = 7 * 86_400_000;

const cursorSchema = z.object({
  notifications: z.string().optional(),
  conversations: z.string().optional(),
  /** Messages older than this were handed; it lags `conversations` while a read handed only part of a batch. */
  messagesAfter: z.string().optional(),
});
type Position = z.output<typeof cursorSchema>;

interface Reader {
  context: NetworkContext;
  account: AccountAuth;
  instanceUrl: string;
  me: string;
}

function readPosition(cursor: string | null): Position {
  if (cursor === null) return {};
  try {
    return cursorSchema.safeParse(JSON.parse(cursor)).data ?? {};
  } catch {
    return {};
  }
}

/** The snowflake id of a moment: no status created after it has a smaller id. */
export function snowflakeOf(at: Date): string {
  return (BigInt(at.getTime()) << 16n).toString();
}

function get<S extends z.ZodType>(reader: Reader, path: string, query: URLSearchParams, schema: S, what: string) {
  return mastodonJson(
    reader.context,
    reader.instanceUrl,
    reader.account.tokens,
    `${path}?${query.toString()}`,
    { method: 'GET' },
    schema,
    what,
  );
}

const ascending = <T>(items: readonly T[], id: (item: T) => string): T[] =>
  [...items].sort((a, b) => compareIds(id(a), id(b)));

/** New mention notifications, oldest first, and whether more wait beyond those read. */
async function readNotifications(
  reader: Reader,
  since: string | undefined,
  limit: number,
): Promise<{ found: MastodonNotification[]; more: boolean }> {
  const floor = reader.context.now().getTime() - FIRST_READ_MS;
  const found: MastodonNotification[] = [];
  let bound = since;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ 'types[]': 'mention', limit: String(NOTIFICATION_PAGE) });
    if (bound !== undefined) query.set(since === undefined ? 'max_id' : 'min_id', bound);
    const answer = await get(reader, '/api/v1/notifications', query, notificationsSchema, 'read notifications');
    const ids = answer.map((item) => item.id).sort(compareIds);
    if (since === undefined) {
      // First read: back in time until 7 days ago.
      const recent = answer.filter((item) => Date.parse(item.status?.created_at ?? '') >= floor);
      found.push(...recent);
      if (recent.length < answer.length || answer.length < NOTIFICATION_PAGE) break;
      bound = ids[0];
    } else {
      found.push(...answer);
      if (answer.length < NOTIFICATION_PAGE) break;
      if (found.length >= limit) return { found: ascending(found, (item) => item.id), more: true };
      bound = ids.at(-1);
    }
  }
  return { found: ascending(found, (item) => item.id), more: false };
}

/** The statuses before and after one, or undefined when the status is gone (404). */
async function contextOf(
  reader: Reader,
  statusId: string,
): Promise<{ ancestors: InboxStatus[]; descendants: InboxStatus[] } | undefined> {
  try {
    return await get(
      reader,
      `/api/v1/statuses/${encodeURIComponent(statusId)}/context`,
      new URLSearchParams(),
      contextSchema,
      'read the thread of a status',
    );
  } catch (error) {
    if (isProviderError(error) && error.kind === 'permanent' && /\(404\)/.test(error.message)) return undefined;
    throw error;
  }
}

async function readingOfNotification(reader: Reader, status: InboxStatus): Promise<InboxItemReading> {
  const thread = status.in_reply_to_id ? await contextOf(reader, status.id) : { ancestors: [] };
  const placement = placeMention(status, thread?.ancestors, reader.me);
  const mentions = status.account.id === reader.me ? [] : [status.account.acct];
  return readingOfStatus(status, placement, { me: reader.me, mentions, gone: thread === undefined });
}

/** Conversations whose last status is newer than `since`, oldest change first. */
async function readConversations(
  reader: Reader,
  since: string,
): Promise<{ found: MastodonConversation[]; more: boolean }> {
  const found: MastodonConversation[] = [];
  let bound = since;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: String(CONVERSATION_PAGE), min_id: bound });
    const answer = await get(reader, '/api/v1/conversations', query, conversationsSchema, 'read direct messages');
    found.push(...answer.filter((item) => item.last_status));
    const last = answer
      .map((item) => item.last_status?.id ?? '')
      .sort(compareIds)
      .at(-1);
    if (answer.length < CONVERSATION_PAGE || last === undefined) return { found: order(found), more: false };
    bound = last;
  }
  return { found: order(found), more: true };
}

const order = (items: MastodonConversation[]) => ascending(items, (item) => item.last_status?.id ?? '');

/** Every direct status of a conversation newer than `since` (from its last status's thread). */
async function messagesOf(
  reader: Reader,
  conversation: MastodonConversation,
  since: string,
): Promise<InboxItemReading[]> {
  const last = conversation.last_status;
  if (!last) return [];
  const thread = (await contextOf(reader, last.id)) ?? { ancestors: [], descendants: [] };
  const mentions = conversation.accounts.filter((person) => person.id !== reader.me).map((person) => person.acct);
  return ascending([...thread.ancestors, last, ...thread.descendants], (status) => status.id)
    .filter((status) => status.visibility === 'direct' && compareIds(status.id, since) > 0)
    .map((status) =>
      readingOfStatus(
        status,
        {
          kind: 'message',
          conversationKey: conversation.id,
          parentRemoteId: status.in_reply_to_id ?? null,
          postRemoteId: null,
        },
        { me: reader.me, mentions },
      ),
    );
}

/** The account's mentions, comments, replies and direct messages newer than `cursor`. */
export async function listMastodonInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const reader: Reader = {
    context,
    account,
    instanceUrl: instanceUrlOf(account.metadata),
    me: localAccountId(account.externalId),
  };
  const limit = Math.max(1, options.limit);
  const position = readPosition(options.cursor);
  const next: Position = { ...position };

  const notifications = await readNotifications(reader, position.notifications, limit);
  const handed = notifications.found.slice(0, limit);
  const items: InboxItemReading[] = [];
  for (const notification of handed) {
    const status = notification.status;
    if (status && status.visibility !== 'direct') items.push(await readingOfNotification(reader, status));
  }
  next.notifications = handed.at(-1)?.id ?? position.notifications;
  let more = notifications.more || notifications.found.length > handed.length;

  const floor = snowflakeOf(new Date(context.now().getTime() - FIRST_READ_MS));
  const since = position.conversations ?? floor;
  const after = position.messagesAfter ?? since;
  if (items.length < limit) {
    const conversations = await readConversations(reader, since);
    let taken = 0;
    for (const conversation of conversations.found) {
      const messages = await messagesOf(reader, conversation, after);
      // A conversation is handed whole (its position moves by whole conversations).
      if (items.length + messages.length > limit && taken > 0) break;
      items.push(...messages);
      taken += 1;
      next.conversations = conversation.last_status?.id ?? next.conversations;
    }
    const partly = conversations.more || taken < conversations.found.length;
    // Conversations not handed yet may hold messages older than the last one handed: keep their floor.
    next.messagesAfter = partly ? after : next.conversations;
    more ||= partly;
  } else more = true;
  next.conversations ??= since;
  next.messagesAfter ??= after;
  return { items, cursor: JSON.stringify(next), more };
}
