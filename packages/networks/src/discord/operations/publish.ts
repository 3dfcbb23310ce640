/**
 * Publishes to Discord with Execute Webhook: `POST /webhooks/<id>/<token>?wait=true` (so Discord
 * answers with the message), JSON for text, multipart with `payload_json` + `files[n]` for files;
 * each file's alt text is its attachment `description`. Mentions are not parsed unless the
 * settings allow it, so a post can never ping @everyone by accident.
 * Docs: discord.com/developers/docs/resources/webhook#execute-webhook, …/reference#uploading-files,
 * …/resources/message#allowed-mentions-object
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext, PublishMedia, PublishRequest, PublishResult } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { discordJson, webhookUrl } from '../client.ts';
import {
  composedContent,
  discordMessageUrl,
  encodeMessageRef,
  readDiscordSettings,
  type DiscordSettings,
} from '../compose.ts';
import { DISCORD_ALT_TEXT_LIMIT } from '../manifest.ts';

const messageSchema = z.looseObject({ id: z.string().min(1), channel_id: z.string().min(1) });

/** MESSAGE_FLAGS.SUPPRESS_EMBEDS */
const SUPPRESS_EMBEDS = 1 << 2;

function payloadOf(
  request: PublishRequest,
  settings: DiscordSettings,
  media: readonly PublishMedia[],
): Record<string, unknown> {
  const content = composedContent(request);
  return {
    ...(content === '' ? {} : { content }),
    ...(settings.allowMentions ? {} : { allowed_mentions: { parse: [] } }),
    ...(settings.username === undefined ? {} : { username: settings.username }),
    ...(settings.threadName === undefined ? {} : { thread_name: settings.threadName }),
    ...(settings.suppressEmbeds ? { flags: SUPPRESS_EMBEDS } : {}),
    ...(media.length === 0
      ? {}
      : {
          attachments: media.map((item, index) => ({
            id: index,
            filename: item.fileName,
            ...(item.altText ? { description: item.altText.slice(0, DISCORD_ALT_TEXT_LIMIT) } : {}),
          })),
        }),
  };
}

/** JSON without files; with files, multipart (the HTTP client sets its Content-Type and boundary). */
async function bodyOf(
  payload: Record<string, unknown>,
  media: readonly PublishMedia[],
): Promise<{ body: string | FormData; headers: Record<string, string> }> {
  if (media.length === 0) return { body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } };
  const form = new FormData();
  form.set('payload_json', JSON.stringify(payload));
  for (const [index, item] of media.entries()) {
    form.set(`files[${index}]`, new Blob([(await item.read()).slice()], { type: item.mimeType }), item.fileName);
  }
  return { body: form, headers: {} };
}

/** Sends the message and returns its id and link. */
export async function publishToDiscord(
  context: NetworkContext,
  account: AccountAuth,
  request: PublishRequest,
): Promise<PublishResult> {
  if (request.parts.length > 1)
    throw new Permanent('Discord webhooks post single messages, not threads. Put everything in one part.');
  const settings = readDiscordSettings(request);
  const media = request.parts[0].media;
  const { body, headers } = await bodyOf(payloadOf(request, settings, media), media);
  const url = webhookUrl(context, {
    id: account.metadata['webhookId'] ?? account.externalId,
    token: account.tokens.accessToken,
  });
  url.searchParams.set('wait', 'true');
  if (settings.threadId !== undefined) url.searchParams.set('thread_id', settings.threadId);

  const message = await discordJson(
    context,
    url,
    { method: 'POST', headers, body },
    { schema: messageSchema, what: 'send the message' },
  );
  const home = account.metadata['channelId'] ?? message.channel_id;
  const threadId = message.channel_id === home ? undefined : message.channel_id;
  return {
    remoteId: encodeMessageRef({ messageId: message.id, ...(threadId === undefined ? {} : { threadId }) }),
    url: discordMessageUrl(context, account, message.channel_id, message.id),
    extra: [],
  };
}
