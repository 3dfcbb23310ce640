/**
 * Connecting Telegram with a bot token and a channel: getMe (is the token valid), getChat (does the
 * channel exist, and its numeric id), getChatMember for the bot (may it post there: in a channel it
 * must be an administrator with `can_post_messages`). Bot tokens do not expire, so there is no refresh.
 * Docs: core.telegram.org/bots/api#getme, #getchat, #getchatmember, #chatmemberadministrator
 */
import { z } from 'zod';
import type { ConnectedIdentity, CredentialOperations, NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { telegramMethod, telegramWebUrl } from './client.ts';
import { telegramCredentialsSchema } from './manifest.ts';

const botSchema = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean(),
  first_name: z.string(),
  username: z.string().optional(),
});
const chatSchema = z.looseObject({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
  username: z.string().optional(),
});
const memberSchema = z.looseObject({
  status: z.enum(['creator', 'administrator', 'member', 'restricted', 'left', 'kicked']),
  can_post_messages: z.boolean().optional(),
  can_send_messages: z.boolean().optional(),
});

/** `@name`, `name`, `https://t.me/name` → `@name`; numeric ids stay as they are. */
export function normalizeChannel(input: string): string {
  const trimmed = input.trim();
  if (/^-?\d+$/.test(trimmed)) return trimmed;
  const fromLink = /^(?:https?:\/\/)?(?:t\.me|telegram\.me)\/([\w]+)\/?$/i.exec(trimmed)?.[1];
  return `@${(fromLink ?? trimmed).replace(/^@/, '')}`;
}

function assertMayPost(chat: z.infer<typeof chatSchema>, member: z.infer<typeof memberSchema>, botName: string): void {
  const where = chat.title ?? chat.username ?? String(chat.id);
  if (chat.type === 'private')
    throw new Permanent('That is a person, not a channel or group. Enter the channel the bot should post to.');
  if (member.status === 'creator') return;
  if (chat.type === 'channel') {
    if (member.status === 'administrator' && member.can_post_messages === true) return;
    throw new Permanent(
      `${botName} is not allowed to post in “${where}”. In the channel settings, make it an administrator with “Post messages” turned on.`,
    );
  }
  const mayWrite =
    member.status === 'administrator' ||
    member.status === 'member' ||
    (member.status === 'restricted' && member.can_send_messages === true);
  if (!mayWrite)
    throw new Permanent(
      `${botName} is not a member of “${where}” (or may not write there). Add it to the group first.`,
    );
}

/**
 * Checks the bot may post in the chat and returns the chat as a Plume identity.
 * Used by connect and by health.
 */
export async function verifyTelegramChat(
  context: NetworkContext,
  token: string,
  channel: string,
): Promise<ConnectedIdentity> {
  const bot = await telegramMethod(context, {
    token,
    method: 'getMe',
    payload: {},
    schema: botSchema,
    what: 'check the bot',
    write: false,
  });
  const chat = await telegramMethod(context, {
    token,
    method: 'getChat',
    payload: { chat_id: channel },
    schema: chatSchema,
    what: 'find the channel',
    write: false,
  });
  const member = await telegramMethod(context, {
    token,
    method: 'getChatMember',
    payload: { chat_id: chat.id, user_id: bot.id },
    schema: memberSchema,
    what: "check the bot's rights in the channel",
    write: false,
  });
  assertMayPost(chat, member, bot.username === undefined ? 'The bot' : `@${bot.username}`);
  const title = chat.title ?? chat.username ?? String(chat.id);
  return {
    externalId: String(chat.id),
    handle: chat.username === undefined ? title : `@${chat.username}`,
    displayName: title,
    kind: chat.type === 'channel' ? 'channel' : 'group',
    ...(chat.username === undefined ? {} : { profileUrl: `${telegramWebUrl(context)}/${chat.username}` }),
    metadata: {
      chatId: String(chat.id),
      chatType: chat.type,
      ...(chat.username === undefined ? {} : { username: chat.username }),
      botId: String(bot.id),
      ...(bot.username === undefined ? {} : { botUsername: bot.username }),
    },
  };
}

/** Connect with a bot token and a channel. */
export const telegramCredentials: CredentialOperations = {
  async connect(context, credentials) {
    const parsed = telegramCredentialsSchema.safeParse(credentials);
    if (!parsed.success) throw new Permanent(parsed.error.issues[0]?.message ?? 'Enter the bot token and the channel.');
    const { botToken } = parsed.data;
    try {
      const identity = await verifyTelegramChat(context, botToken, normalizeChannel(parsed.data.channel));
      return { tokens: { accessToken: botToken }, identity };
    } catch (error) {
      // At connect time a rejected token is a typo, not an expired session.
      if (error instanceof AuthExpired)
        throw new Permanent('Telegram did not accept this bot token. Copy it again from @BotFather.', { cause: error });
      throw error;
    }
  },
};
