/**
 * The channel's comments through the bot: `getUpdates` (`allowed_updates: ["message"]`, `offset` = the last
 * update_id + 1, which also confirms the earlier ones to Telegram) reads what arrived in the channel's linked
 * discussion group (getChat `linked_chat_id`). The bot must be an administrator of that group: only then does
 * it receive every message there (privacy mode) and may it delete them. Telegram keeps updates 24 hours;
 * getUpdates fails while a webhook is set for the bot. Updates are the bot's, not the channel's: a bot should
 * serve one Plume channel, as updates read for one account are gone for any other.
 * - Reply: `sendMessage` in the group with `reply_parameters.message_id` = the comment (stays in its thread).
 * - Delete: `deleteMessage` in the group; one already gone succeeds. Telegram has no hiding.
 *
 * Docs: https://core.telegram.org/bots/api#getupdates, https://core.telegram.org/bots/api#getchat,
 * https://core.telegram.org/bots/api#sendmessage, https://core.telegram.org/bots/api#deletemessage,
 * https://core.telegram.org/bots/features#privacy-mode
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishedItem } from '../../contract.ts';
import type {
  InboxItemReading,
  InboxItemRef,
  InboxPage,
  InboxReplyRequest,
  ModerationAction,
} from '../../inbox-contract.ts';
import { Permanent, isProviderError } from '../../provider-errors.ts';
import { messageSchema, telegramMethod, telegramWebUrl } from '../client.ts';
import { groupMessageSchema, readingOfMessage, type ThreadMemory } from './inbox-messages.ts';

const MAX_CALLS = 5;
const MEMORY = 1000;

const cursorSchema = z.object({
  offset: z.number(),
  group: z.number().nullable(),
  roots: z.array(z.tuple([z.number(), z.number()])),
  posts: z.array(z.tuple([z.number(), z.number()])),
});
type Cursor = z.output<typeof cursorSchema>;

function parseCursor(cursor: string | null): Cursor {
  const fresh: Cursor = { offset: 0, group: null, roots: [], posts: [] };
  if (cursor === null) return fresh;
  try {
    return cursorSchema.safeParse(JSON.parse(cursor)).data ?? fresh;
  } catch {
    return fresh;
  }
}

const updateSchema = z.looseObject({ update_id: z.number(), message: z.unknown().optional() });
const chatSchema = z.looseObject({ id: z.number(), linked_chat_id: z.number().optional() });

async function discussionGroup(context: NetworkContext, account: AccountAuth): Promise<number> {
  const chat = await telegramMethod(context, {
    token: account.tokens.accessToken,
    method: 'getChat',
    payload: { chat_id: account.metadata['chatId'] ?? account.externalId },
    schema: chatSchema,
    what: 'find the channel’s discussion group',
    write: false,
  });
  if (chat.linked_chat_id === undefined)
    throw new Permanent(
      'This channel has no discussion group, so it has no comments to read. Link one in the channel settings.',
      {
        vendorCode: 'no_discussion_group',
      },
    );
  return chat.linked_chat_id;
}

const lastEntries = (map: Map<number, number>): [number, number][] => [...map.entries()].slice(-MEMORY);

export async function listTelegramInbox(
  context: NetworkContext,
  account: AccountAuth,
  options: { cursor: string | null; limit: number },
): Promise<InboxPage> {
  const cursor = parseCursor(options.cursor);
  const group = cursor.group ?? (await discussionGroup(context, account));
  const memory: ThreadMemory = { roots: new Map(cursor.roots), posts: new Map(cursor.posts) };
  const view = {
    channelId: Number(account.metadata['chatId'] ?? account.externalId),
    channelUsername: account.metadata['username'],
    botId: Number(account.metadata['botId'] ?? 0),
    web: telegramWebUrl(context),
  };
  const limit = Math.max(1, Math.min(100, options.limit));
  const items: InboxItemReading[] = [];
  let offset = cursor.offset;
  let more = false;
  for (let call = 0; call < MAX_CALLS && items.length < limit; call += 1) {
    const want = limit - items.length;
    const updates = await telegramMethod(context, {
      token: account.tokens.accessToken,
      method: 'getUpdates',
      payload: { ...(offset > 0 ? { offset } : {}), limit: want, timeout: 0, allowed_updates: ['message'] },
      schema: z.array(updateSchema),
      what: 'read the discussion group',
      write: false,
    });
    for (const update of updates) {
      offset = Math.max(offset, update.update_id + 1);
      const message = groupMessageSchema.safeParse(update.message);
      if (!message.success || message.data.chat.id !== group) continue;
      const item = readingOfMessage(message.data, view, memory);
      if (item !== null) items.push(item);
    }
    // A full page may have more behind it; a short one emptied the queue.
    more = updates.length >= want;
    if (!more) break;
  }
  const next: Cursor = { offset, group, roots: lastEntries(memory.roots), posts: lastEntries(memory.posts) };
  return { items, cursor: JSON.stringify(next), more };
}

function messageRef(item: InboxItemRef): { chatId: string; messageId: number } {
  const chatId = item.meta['chatId'];
  const messageId = Number(item.meta['messageId']);
  if (chatId === undefined || !Number.isInteger(messageId))
    throw new Permanent('This is not a Telegram discussion message.');
  return { chatId, messageId };
}

export async function replyToTelegramInbox(
  context: NetworkContext,
  account: AccountAuth,
  request: InboxReplyRequest,
): Promise<PublishedItem> {
  const { chatId, messageId } = messageRef(request.item);
  const sent = await telegramMethod(context, {
    token: account.tokens.accessToken,
    method: 'sendMessage',
    payload: { chat_id: chatId, text: request.text, reply_parameters: { message_id: messageId } },
    schema: messageSchema,
    what: 'reply in the discussion group',
    write: true,
  });
  const username = account.metadata['username'];
  const post = request.item.postRemoteId;
  return {
    remoteId: `${chatId}:${sent.message_id}`,
    url:
      username === undefined || post === null
        ? null
        : `${telegramWebUrl(context)}/${username}/${post}?comment=${sent.message_id}`,
  };
}

export async function moderateTelegramInbox(
  context: NetworkContext,
  account: AccountAuth,
  input: { item: InboxItemRef; action: ModerationAction },
): Promise<void> {
  if (input.action !== 'delete')
    throw new Permanent('Telegram cannot hide a message; delete it instead.', { vendorCode: 'unsupported_moderation' });
  const { chatId, messageId } = messageRef(input.item);
  try {
    await telegramMethod(context, {
      token: account.tokens.accessToken,
      method: 'deleteMessage',
      payload: { chat_id: chatId, message_id: messageId },
      schema: z.boolean(),
      what: 'delete the comment',
      write: true,
    });
  } catch (error) {
    if (
      isProviderError(error) &&
      error.kind === 'permanent' &&
      /message to delete not found/i.test(error.vendorCode ?? '')
    )
      return;
    throw error;
  }
}
