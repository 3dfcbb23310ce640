/**
 * A fake Telegram Bot API server for adapter tests. Follows core.telegram.org/bots/api:
 * - #making-requests: `POST /bot<token>/<method>`, JSON or multipart/form-data parameters, answers
 *   `{ok: true, result}` or `{ok: false, error_code, description, parameters}` (status = error_code)
 * - #getupdates with the channel's discussion group, see telegram/discussion.ts
 * - #getme, #getchat (`linked_chat_id`), #getchatmember, #getchatmembercount, #sendmessage, #sendphoto, #sendvideo, #sendanimation,
 *   #sendmediagroup (2-10 items, `attach://<field>`), #deletemessage, #deletemessages
 * - #sending-files (multipart upload), text ≤ 4096 and captions ≤ 1024 UTF-16 units
 * - core.telegram.org/bots/faq (429 "Too Many Requests: retry after N" with parameters.retry_after)
 * A wrong token answers 401 Unauthorized; a chat the bot may not post in answers 403.
 */
import { startFakeNetworkServer, type FakeNetworkServer, type FakeResponse } from './fake-network-server.ts';
import {
  createDiscussionState,
  getUpdates,
  pushUpdate,
  type DiscussionState,
  type FakeTelegramUser,
} from './telegram/discussion.ts';

export type { FakeTelegramUser } from './telegram/discussion.ts';

export interface FakeTelegramChat {
  id: number;
  type: 'channel' | 'supergroup' | 'group' | 'private';
  title?: string;
  username?: string;
  /** The bot's membership in this chat. */
  bot: { status: string; can_post_messages?: boolean; can_delete_messages?: boolean };
  /** A channel's discussion group (getChat `linked_chat_id`). */
  linkedChatId?: number;
  /** What getChatMemberCount answers (subscribers of a channel, members of a group). */
  memberCount?: number;
}

export interface FakeTelegramMessage {
  chatId: number;
  messageId: number;
  method: string;
  text?: string;
  caption?: string;
  file?: { field: string; name: string; type: string; bytes: Buffer };
  mediaGroupId?: string;
  replyTo?: number;
  params: Record<string, unknown>;
}

export interface FakeTelegramState {
  bot: { id: number; token: string; username: string; first_name: string };
  chats: FakeTelegramChat[];
  messages: Map<string, FakeTelegramMessage>;
  /** Bot updates from the discussion group (telegram/discussion.ts). */
  discussion: DiscussionState;
}

export interface TelegramFake {
  server: FakeNetworkServer;
  state: FakeTelegramState;
  url: string;
  /** Messages in a chat, in the order they were sent. */
  messagesIn(chatId: number): FakeTelegramMessage[];
  /** Forwards channel post `postId` into the channel's discussion group, as Telegram does; returns the forward's id. */
  forwardToDiscussion(channelId: number, postId: number): number;
  /** Someone writes in the discussion group, replying to message `replyTo` (a forward or a comment); returns its id. */
  writeInDiscussion(input: { groupId: number; replyTo: number; text: string; from: FakeTelegramUser }): number;
  close(): Promise<void>;
}

const BOT_TOKEN = '7000001:AAHfakeTokenForPlumeTests_0123456789';

function fail(errorCode: number, description: string, parameters?: Record<string, unknown>): FakeResponse {
  return {
    status: errorCode,
    body: { ok: false, error_code: errorCode, description, ...(parameters === undefined ? {} : { parameters }) },
  };
}

function ok(result: unknown): FakeResponse {
  return { body: { ok: true, result } };
}

const SEND_METHODS: Readonly<Record<string, string>> = {
  sendPhoto: 'photo',
  sendVideo: 'video',
  sendAnimation: 'animation',
};

/** Starts the fake with a bot that administers the public channel @plume_news. */
export async function startTelegramFake(): Promise<TelegramFake> {
  const state: FakeTelegramState = {
    bot: { id: 7000001, token: BOT_TOKEN, username: 'plume_test_bot', first_name: 'Plume' },
    chats: [
      {
        id: -1001234567890,
        type: 'channel',
        title: 'Plume News',
        username: 'plume_news',
        bot: { status: 'administrator', can_post_messages: true },
        linkedChatId: -1003333333333,
      },
      {
        id: -1003333333333,
        type: 'supergroup',
        title: 'Plume News Chat',
        username: 'plume_news_chat',
        bot: { status: 'administrator', can_delete_messages: true },
      },
      {
        id: -1009876543210,
        type: 'channel',
        title: 'Private Notes',
        bot: { status: 'administrator', can_post_messages: true },
      },
      {
        id: -1005555555555,
        type: 'channel',
        title: 'Read Only',
        username: 'read_only',
        bot: { status: 'administrator', can_post_messages: false },
      },
      {
        id: -1004444444444,
        type: 'supergroup',
        title: 'Plume Chat',
        username: 'plume_chat',
        bot: { status: 'member' },
      },
    ],
    messages: new Map(),
    discussion: createDiscussionState(),
  };
  let nextId = 100;
  let nextGroup = 1;

  const findChat = (chatId: unknown): FakeTelegramChat | undefined =>
    state.chats.find(
      (chat) => String(chat.id) === String(chatId) || (chat.username !== undefined && `@${chat.username}` === chatId),
    );
  const mayPost = (chat: FakeTelegramChat): boolean =>
    chat.type === 'channel'
      ? chat.bot.status === 'creator' || chat.bot.can_post_messages === true
      : ['creator', 'administrator', 'member'].includes(chat.bot.status);
  const messageJson = (chat: FakeTelegramChat, message: FakeTelegramMessage): Record<string, unknown> => ({
    message_id: message.messageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chat.id, type: chat.type, title: chat.title, username: chat.username },
    ...(message.text === undefined ? {} : { text: message.text }),
    ...(message.caption === undefined ? {} : { caption: message.caption }),
    ...(message.mediaGroupId === undefined ? {} : { media_group_id: message.mediaGroupId }),
  });

  /** The checks every send method shares; returns the chat or the error answer. */
  const sendTarget = (params: Record<string, unknown>): FakeTelegramChat | FakeResponse => {
    const chat = findChat(params['chat_id']);
    if (chat === undefined) return fail(400, 'Bad Request: chat not found');
    if (!mayPost(chat)) return fail(403, 'Forbidden: bot is not a member of the channel chat');
    const reply = params['reply_parameters'];
    const parsedReply = (typeof reply === 'string' ? JSON.parse(reply) : reply) as { message_id?: number } | undefined;
    if (parsedReply?.message_id !== undefined && !state.messages.has(`${chat.id}:${parsedReply.message_id}`)) {
      return fail(400, 'Bad Request: message to be replied not found');
    }
    return chat;
  };
  const store = (
    chat: FakeTelegramChat,
    message: Omit<FakeTelegramMessage, 'chatId' | 'messageId'>,
  ): FakeTelegramMessage => {
    nextId += 1;
    const stored = { ...message, chatId: chat.id, messageId: nextId };
    state.messages.set(`${chat.id}:${nextId}`, stored);
    return stored;
  };
  const replyTo = (params: Record<string, unknown>): number | undefined => {
    const reply = params['reply_parameters'];
    return ((typeof reply === 'string' ? JSON.parse(reply) : reply) as { message_id?: number } | undefined)?.message_id;
  };
  const fileOf = async (value: FormDataEntryValue | undefined, field: string): Promise<FakeTelegramMessage['file']> => {
    if (!(value instanceof File)) return undefined;
    return { field, name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
  };

  const methods: Record<
    string,
    (params: Record<string, unknown>, form: FormData | undefined) => FakeResponse | Promise<FakeResponse>
  > = {
    getMe: () => ok({ id: state.bot.id, is_bot: true, first_name: state.bot.first_name, username: state.bot.username }),
    getChat: (params) => {
      const chat = findChat(params['chat_id']);
      return chat === undefined
        ? fail(400, 'Bad Request: chat not found')
        : ok({
            id: chat.id,
            type: chat.type,
            title: chat.title,
            username: chat.username,
            ...(chat.linkedChatId === undefined ? {} : { linked_chat_id: chat.linkedChatId }),
          });
    },
    getChatMemberCount: (params) => {
      const chat = findChat(params['chat_id']);
      return chat === undefined ? fail(400, 'Bad Request: chat not found') : ok(chat.memberCount ?? 1);
    },
    getChatMember: (params) => {
      const chat = findChat(params['chat_id']);
      if (chat === undefined) return fail(400, 'Bad Request: chat not found');
      if (Number(params['user_id']) !== state.bot.id) return fail(400, 'Bad Request: user not found');
      return ok({ user: { id: state.bot.id, is_bot: true, first_name: state.bot.first_name }, ...chat.bot });
    },
    sendMessage: (params) => {
      const target = sendTarget(params);
      if (!('id' in target)) return target;
      const text = typeof params['text'] === 'string' ? params['text'] : '';
      if (text.trim() === '') return fail(400, 'Bad Request: message text is empty');
      if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
      return ok(messageJson(target, store(target, { method: 'sendMessage', text, replyTo: replyTo(params), params })));
    },
    getUpdates: (params) => getUpdates(state.discussion, params),
    deleteMessage: (params) => {
      const chat = findChat(params['chat_id']);
      if (chat?.bot.can_delete_messages === false) return fail(400, "Bad Request: message can't be deleted");
      const key = `${findChat(params['chat_id'])?.id}:${String(params['message_id'])}`;
      if (!state.messages.delete(key)) return fail(400, 'Bad Request: message to delete not found');
      return ok(true);
    },
    deleteMessages: (params) => {
      const chat = findChat(params['chat_id']);
      for (const id of (params['message_ids'] as number[] | undefined) ?? [])
        state.messages.delete(`${chat?.id}:${id}`);
      return ok(true);
    },
    sendMediaGroup: async (params, form) => {
      const target = sendTarget(params);
      if (!('id' in target)) return target;
      const items = JSON.parse(typeof params['media'] === 'string' ? params['media'] : '[]') as {
        type: string;
        media: string;
        caption?: string;
      }[];
      if (items.length < 2 || items.length > 10) return fail(400, 'Bad Request: media group must contain 2-10 items');
      const group = String(nextGroup++);
      const sent: Record<string, unknown>[] = [];
      for (const item of items) {
        const field = item.media.replace(/^attach:\/\//, '');
        const file = await fileOf(form?.get(field) ?? undefined, field);
        if (file === undefined) return fail(400, 'Bad Request: wrong file identifier/HTTP URL specified');
        if ((item.caption ?? '').length > 1024) return fail(400, 'Bad Request: message caption is too long');
        const message = store(target, {
          method: 'sendMediaGroup',
          file,
          mediaGroupId: group,
          replyTo: replyTo(params),
          params: { ...params, item },
          ...(item.caption === undefined ? {} : { caption: item.caption }),
        });
        sent.push(messageJson(target, message));
      }
      return ok(sent);
    },
  };
  for (const [method, field] of Object.entries(SEND_METHODS)) {
    methods[method] = async (params, form) => {
      const target = sendTarget(params);
      if (!('id' in target)) return target;
      const file = await fileOf(form?.get(field) ?? undefined, field);
      if (file === undefined) return fail(400, `Bad Request: there is no ${field} in the request`);
      const caption = typeof params['caption'] === 'string' ? params['caption'] : undefined;
      if ((caption ?? '').length > 1024) return fail(400, 'Bad Request: message caption is too long');
      return ok(
        messageJson(
          target,
          store(target, {
            method,
            file,
            replyTo: replyTo(params),
            params,
            ...(caption === undefined ? {} : { caption }),
          }),
        ),
      );
    };
  }

  /** Discussion-group messages by id, as a reply's `reply_to_message` shows them (one level deep). */
  const forwards = new Map<number, Record<string, unknown>>();
  const written = new Map<number, Record<string, unknown>>();

  const server = await startFakeNetworkServer([
    {
      method: 'POST',
      path: '/:bot/:method',
      handler: async (request) => {
        if (request.params['bot'] !== `bot${state.bot.token}`) return fail(401, 'Unauthorized');
        const handler = methods[request.params['method'] ?? ''];
        if (handler === undefined) return fail(404, 'Not Found');
        const isForm = (request.headers['content-type'] ?? '').startsWith('multipart/form-data');
        const form = isForm ? await request.formData() : undefined;
        const params: Record<string, unknown> =
          form === undefined ? ((request.body ?? {}) as Record<string, unknown>) : {};
        form?.forEach((value, key) => {
          if (typeof value === 'string') params[key] = value;
        });
        return handler(params, form);
      },
    },
  ]);

  return {
    server,
    state,
    url: server.url,
    messagesIn: (chatId) => [...state.messages.values()].filter((message) => message.chatId === chatId),
    forwardToDiscussion(channelId, postId) {
      const channel = findChat(channelId)!;
      const group = findChat(channel.linkedChatId)!;
      const stored = store(group, { method: 'automaticForward', text: `post ${postId}`, params: {} });
      const forward = {
        ...messageJson(group, stored),
        sender_chat: { id: channel.id, type: 'channel', title: channel.title, username: channel.username },
        is_automatic_forward: true,
        forward_origin: { type: 'channel', chat: { id: channel.id, type: 'channel' }, message_id: postId, date: 0 },
      };
      forwards.set(stored.messageId, forward);
      pushUpdate(state.discussion, forward);
      return stored.messageId;
    },
    writeInDiscussion({ groupId, replyTo, text, from }) {
      const group = findChat(groupId)!;
      const parent = forwards.get(replyTo) ?? written.get(replyTo);
      if (parent === undefined) throw new Error(`no message ${replyTo} in the discussion group`);
      const thread = (parent['message_thread_id'] as number | undefined) ?? replyTo;
      const stored = store(group, { method: 'userMessage', text, replyTo, params: {} });
      const message = {
        ...messageJson(group, stored),
        from,
        message_thread_id: thread,
        reply_to_message: parent,
      };
      const { reply_to_message: _, ...withoutParent } = message;
      written.set(stored.messageId, withoutParent);
      pushUpdate(state.discussion, message);
      return stored.messageId;
    },
    close: () => server.close(),
  };
}
