/**
 * What a Discord message is sent with: the link is added to the text unless it already holds it;
 * a message in a thread is remembered as `<thread id>:<message id>` because deleting it needs the
 * thread; message links need the server (guild) id, known from the webhook.
 */
import type { AccountAuth, NetworkContext, PublishRequest } from '../contract.ts';
import { readSettings } from '../shared/read-settings.ts';
import { discordSettingsSchema } from './manifest.ts';

export type DiscordSettings = ReturnType<typeof discordSettingsSchema.parse>;

/** Settings with defaults; settings that do not parse fail the post with a plain reason (`readSettings`). */
export function readDiscordSettings(request: PublishRequest): DiscordSettings {
  return readSettings('Discord', discordSettingsSchema, request.settings);
}

/** The message content as it will be sent. */
export function composedContent(request: PublishRequest): string {
  const text = request.parts[0].text;
  const link = request.link;
  if (link === undefined || text.includes(link)) return text;
  return text.trim() === '' ? link : `${text.trimEnd()}\n\n${link}`;
}

/** Where a message lives: its id, and the thread when it is not in the webhook's channel. */
export interface DiscordMessageRef {
  messageId: string;
  threadId?: string;
}

export function encodeMessageRef(ref: DiscordMessageRef): string {
  return ref.threadId === undefined ? ref.messageId : `${ref.threadId}:${ref.messageId}`;
}

export function decodeMessageRef(remoteId: string): DiscordMessageRef | undefined {
  const match = /^(?:(\d+):)?(\d+)$/.exec(remoteId);
  if (match === null) return undefined;
  return { messageId: match[2] ?? '', ...(match[1] === undefined ? {} : { threadId: match[1] }) };
}

/** `https://discord.com/channels/<guild>/<channel>/<message>` when the server is known. */
export function discordMessageUrl(
  context: NetworkContext,
  account: AccountAuth,
  channelId: string,
  messageId: string,
): string | null {
  const guildId = account.metadata['guildId'];
  if (guildId === undefined) return null;
  return `${(context.endpoints['web'] ?? 'https://discord.com').replace(/\/+$/, '')}/channels/${guildId}/${channelId}/${messageId}`;
}
