/**
 * Publishes to a Telegram channel or group: a text part is a sendMessage, a part with media is a
 * media message or an album (send-media.ts). Thread parts reply to the part before
 * (`reply_parameters`). The Bot API has no idempotency key, so once the first message exists a later
 * failure is Permanent (never retried into a duplicate).
 * Docs: core.telegram.org/bots/api#sendmessage, #linkpreviewoptions, #replyparameters
 */
import type { AccountAuth, NetworkContext, PublishedItem, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { partlyPublished } from '../../shared/partly-published.ts';
import { messageSchema, telegramMethod } from '../client.ts';
import {
  composedText,
  encodeMessageIds,
  readTelegramSettings,
  telegramMessageUrl,
  type TelegramSettings,
} from '../compose.ts';
import { sendMedia, type SendOptions } from './send-media.ts';

function linkPreview(settings: TelegramSettings, link: string | undefined): Record<string, unknown> | undefined {
  if (!settings.linkPreview) return { is_disabled: true };
  return link === undefined ? undefined : { url: link };
}

async function sendPart(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
  index: number,
  replyTo: number | undefined,
): Promise<number[]> {
  const settings = readTelegramSettings(request);
  const media = request.parts[index]?.media ?? [];
  const options: SendOptions = {
    chatId: account.metadata['chatId'] ?? account.externalId,
    text: composedText(request, index),
    disableNotification: settings.disableNotification,
    protectContent: settings.protectContent,
    replyTo,
  };
  const token = account.tokens.accessToken;
  if (media.length > 0) return sendMedia(context, token, media, options);
  if (options.text.trim() === '') throw new Permanent('A Telegram message needs text or media.');
  const preview = linkPreview(settings, index === 0 ? request.link : undefined);
  const payload = {
    chat_id: options.chatId,
    text: options.text,
    ...(preview === undefined ? {} : { link_preview_options: preview }),
    ...(options.disableNotification ? { disable_notification: true } : {}),
    ...(options.protectContent ? { protect_content: true } : {}),
    ...(replyTo === undefined ? {} : { reply_parameters: { message_id: replyTo } }),
  };
  const sent = await telegramMethod(context, {
    token,
    method: 'sendMessage',
    payload,
    schema: messageSchema,
    what: 'send the message',
    write: true,
  });
  return [sent.message_id];
}

function itemOf(context: NetworkContext, account: AccountAuth, ids: readonly number[]): PublishedItem {
  return {
    remoteId: encodeMessageIds(ids),
    url: ids[0] === undefined ? null : telegramMessageUrl(context, account, ids[0]),
  };
}

/** Publishes the post and its thread parts, in order. */
export async function publishToTelegram(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  const rootIds = await sendPart(context, account, request, 0, undefined);
  const root = itemOf(context, account, rootIds);
  const extra: PublishedItem[] = [];
  let previous = rootIds[0];
  for (let index = 1; index < request.parts.length; index += 1) {
    try {
      const ids = await sendPart(context, account, request, index, previous);
      extra.push(itemOf(context, account, ids));
      previous = ids[0];
    } catch (error) {
      throw partlyPublished('Telegram', root, extra, `part ${index + 1} of the thread`, error);
    }
  }
  return { ...root, extra };
}
