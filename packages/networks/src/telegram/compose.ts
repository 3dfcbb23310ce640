/**
 * What a Telegram message is sent with: the link is added to the end of the first part unless the
 * text already holds it, a post made of several messages (an album) is remembered as their ids
 * joined by commas, and links point at t.me (public chats) or t.me/c (private channels, members only).
 */
import type { AccountAuth, NetworkContext, PublishRequest } from '../contract.ts';
import { telegramWebUrl } from './client.ts';
import { telegramSettingsSchema } from './manifest.ts';
import { readSettings } from '../shared/read-settings.ts';

export type TelegramSettings = ReturnType<typeof telegramSettingsSchema.parse>;

/** Settings with defaults; settings that do not parse fail the post with a plain reason (`readSettings`). */
export function readTelegramSettings(request: PublishRequest): TelegramSettings {
  return readSettings('Telegram', telegramSettingsSchema, request.settings);
}

/** The text of part `index` as it will be sent. */
export function composedText(request: PublishRequest, index: number): string {
  const text = request.parts[index]?.text ?? '';
  const link = request.link;
  if (index > 0 || link === undefined || text.includes(link)) return text;
  return text.trim() === '' ? link : `${text.trimEnd()}\n\n${link}`;
}

/** Message ids → the remote id Plume stores (`"12"` or `"12,13,14"` for an album). */
export function encodeMessageIds(ids: readonly number[]): string {
  return ids.join(',');
}

/** The remote id → message ids; undefined when it is not ours. */
export function decodeMessageIds(remoteId: string): number[] | undefined {
  if (!/^\d+(,\d+)*$/.test(remoteId)) return undefined;
  return remoteId.split(',').map(Number);
}

/** `https://t.me/<username>/<id>` for public chats, `https://t.me/c/<id>/<id>` for private supergroups and channels. */
export function telegramMessageUrl(context: NetworkContext, account: AccountAuth, messageId: number): string | null {
  const username = account.metadata['username'];
  if (username) return `${telegramWebUrl(context)}/${username}/${messageId}`;
  const chatId = account.metadata['chatId'] ?? account.externalId;
  if (chatId.startsWith('-100')) return `${telegramWebUrl(context)}/c/${chatId.slice(4)}/${messageId}`;
  return null;
}
