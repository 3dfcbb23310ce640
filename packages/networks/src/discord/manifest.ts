/**
 * Discord through a channel webhook: the user creates a webhook in the channel's settings and pastes
 * its URL. Messages are sent with Execute Webhook (`?wait=true` so Discord answers with the message),
 * files as multipart `files[n]` + `payload_json`, and removed with Delete Webhook Message.
 * Limits follow discord.com/developers/docs/resources/webhook, …/resources/message and
 * …/reference#uploading-files.
 */
import { NO_INBOX } from '../inbox-contract.ts';
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

const MiB = 1024 * 1024;

/** Message `content`: up to 2,000 characters. */
export const DISCORD_CONTENT_LIMIT = 2000;
/** Up to 10 attachments per message; an attachment description (alt text) up to 1,024 characters. */
export const DISCORD_MAX_FILES = 10;
export const DISCORD_ALT_TEXT_LIMIT = 1024;
/** Default upload limit of a server without boosts; boosted servers allow 50 or 100 MiB. */
export const DISCORD_UPLOAD_BYTES = 10 * MiB;

/** What the user pastes: the webhook URL from Channel settings → Integrations → Webhooks. */
export const discordCredentialsSchema = z.object({
  webhookUrl: z
    .string()
    .trim()
    .min(1, 'Paste the webhook URL from the channel settings (Integrations → Webhooks).')
    .meta({
      title: 'Webhook URL',
      description:
        'In Discord, open the channel’s Settings → Integrations → Webhooks → New Webhook, then Copy Webhook URL (this needs the Manage Webhooks permission). Plume posts to that channel as the webhook.',
    }),
});

/** Per-target settings for Discord. */
export const discordSettingsSchema = z.object({
  /** Posts under this name instead of the webhook's own. */
  username: z.string().trim().min(1).max(80).optional(),
  /** Posts into an existing thread of the channel. */
  threadId: z.string().regex(/^\d+$/).optional(),
  /** In a forum or media channel: the title of the new post (required there). */
  threadName: z.string().trim().min(1).max(100).optional(),
  /** Lets @everyone, @here, role and user mentions in the text ping people. Off by default. */
  allowMentions: z.boolean().default(false),
  /** Hides link previews under the message. */
  suppressEmbeds: z.boolean().default(false),
});

/** Discord's capabilities and limits for an incoming webhook on a server without boosts. */
export const discordManifest: NetworkManifest = {
  id: 'discord',
  name: 'Discord',
  accountKinds: ['channel'],
  auth: { kind: 'credentials', fields: discordCredentialsSchema },
  // JavaScript string length is never less than Discord's count, so nothing we accept is refused.
  text: { limit: DISCORD_CONTENT_LIMIT, count: { kind: 'utf16_units' }, required: false },
  media: {
    rules: [
      { kind: 'image', mimeTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: DISCORD_UPLOAD_BYTES },
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: DISCORD_UPLOAD_BYTES },
      { kind: 'video', mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime'], maxBytes: DISCORD_UPLOAD_BYTES },
    ],
    maxItems: DISCORD_MAX_FILES,
    mixedKinds: true,
    required: false,
    altText: { supported: true, maxLength: DISCORD_ALT_TEXT_LIMIT },
    aiLabel: false,
    source: 'upload',
  },
  thread: { supported: false, maxParts: 1 },
  firstComment: false,
  link: { supported: true },
  hashtags: { recommendedMax: 0 },
  nativeScheduling: false,
  // A webhook can only post: it cannot read messages back, reactions or the channel's members.
  analytics: { post: null, account: null, recentPosts: null },
  // Reading a channel needs a bot token (GET /channels/{id}/messages); a webhook can only post and edit its own
  // messages. Accounts connect with a webhook URL, and the stored token set has no place for a second secret.
  inbox: {
    ...NO_INBOX,
    note: 'Discord accounts connect with a channel webhook, which can only post: reading and answering channel messages needs a bot (GET /channels/{id}/messages with a bot token), which Plume does not connect yet.',
  },
  rateLimits: [
    { scope: 'account', operation: 'any', limit: 5, windowSec: 2, note: 'requests per webhook' },
    { scope: 'account', operation: 'publish', limit: 30, windowSec: 60, note: 'webhook messages per channel' },
    { scope: 'app', operation: 'any', limit: 50, windowSec: 1, note: 'global limit per IP address' },
  ],
  publishConcurrency: 2,
  settings: discordSettingsSchema,
  endpoints: {
    /** REST API base; the pasted webhook URL only gives the webhook id and token. */
    api: 'https://discord.com/api/v10',
    /** Message links. */
    web: 'https://discord.com',
    /** Avatars. */
    cdn: 'https://cdn.discordapp.com',
  },
  docsUrl: 'https://discord.com/developers/docs/resources/webhook#execute-webhook',
};
