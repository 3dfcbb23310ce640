/**
 * Telegram through the Bot API: the user creates a bot with @BotFather, makes it an administrator of
 * their channel (or a member of their group) and pastes its token and the channel here. Messages are
 * sent with sendMessage / sendPhoto / sendVideo / sendAnimation / sendMediaGroup (files uploaded as
 * multipart). Limits follow core.telegram.org/bots/api and core.telegram.org/bots/faq.
 */
import { z } from 'zod';
import type { NetworkManifest } from '../contract.ts';

const MB = 1024 * 1024;

/** sendMessage `text`: 1-4096 characters; media captions: 0-1024 (both in UTF-16 code units). */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
/** sendMediaGroup takes 2-10 photos and videos. */
export const TELEGRAM_MAX_MEDIA = 10;

/** What the user pastes: the bot token from @BotFather and the channel (@username, t.me link or numeric id). */
export const telegramCredentialsSchema = z.object({
  botToken: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, 'Paste the bot token @BotFather gave you, like 123456789:AAH…')
    .meta({
      title: 'Bot token',
      description:
        'In Telegram, message @BotFather, send /newbot and follow its steps: it answers with the token (like 123456789:AAH…).',
    }),
  channel: z.string().trim().min(1, 'Enter the channel, e.g. @my_channel or its numeric id').meta({
    title: 'Channel',
    description:
      'The channel’s @username, t.me link or numeric id. First add the bot to the channel as an administrator with the right to post messages.',
  }),
});

/** Per-target settings for Telegram. */
export const telegramSettingsSchema = z.object({
  /** Sends the message silently (subscribers get no sound). */
  disableNotification: z.boolean().default(false),
  /** Stops forwarding and saving of the message. */
  protectContent: z.boolean().default(false),
  /** Shows a preview of the post's link under a text message. */
  linkPreview: z.boolean().default(true),
});

/** Telegram's capabilities and limits for bots on the public Bot API server. */
export const telegramManifest: NetworkManifest = {
  id: 'telegram',
  name: 'Telegram',
  accountKinds: ['channel', 'group'],
  auth: { kind: 'credentials', fields: telegramCredentialsSchema },
  // With media the text is a caption: at most 1,024 (checked in validate()).
  text: { limit: TELEGRAM_TEXT_LIMIT, count: { kind: 'utf16_units' }, required: false },
  media: {
    rules: [
      // sendPhoto: at most 10 MB, width + height at most 10,000, aspect ratio at most 20.
      {
        kind: 'image',
        mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
        maxBytes: 10 * MB,
        minAspectRatio: 1 / 20,
        maxAspectRatio: 20,
      },
      // Bots may upload other files up to 50 MB; GIFs go through sendAnimation.
      { kind: 'gif', mimeTypes: ['image/gif'], maxBytes: 50 * MB },
      { kind: 'video', mimeTypes: ['video/mp4'], maxBytes: 50 * MB },
    ],
    maxItems: TELEGRAM_MAX_MEDIA,
    mixedKinds: true,
    required: false,
    altText: { supported: false },
    aiLabel: false,
    source: 'upload',
  },
  // Thread parts are sent as replies to the part before.
  thread: { supported: true, maxParts: 10 },
  firstComment: false,
  link: { supported: true },
  hashtags: { recommendedMax: 5 },
  nativeScheduling: false,
  // Bots cannot read a channel post's views or reactions, nor list past posts: only the member count.
  analytics: {
    post: null,
    account: {
      metrics: ['followers'],
      scopes: [],
      note: 'Subscribers of a channel or members of a group (getChatMemberCount).',
    },
    recentPosts: null,
  },
  // Comments in the channel's discussion group, read from the bot's updates (kept 24 hours by Telegram).
  inbox: {
    kinds: ['comment', 'reply'],
    reply: ['comment', 'reply'],
    moderation: ['delete'],
    delivery: 'poll',
    pageSize: 100,
    minPollSec: 60,
    scopes: [],
    note: 'Channels with a linked discussion group, where the bot is an administrator (to receive every message and delete them). The bot should serve this one channel and have no webhook: its updates are read once. Telegram keeps updates 24 hours.',
  },
  rateLimits: [
    {
      scope: 'account',
      operation: 'publish',
      limit: 20,
      windowSec: 60,
      note: 'messages per minute to one group or channel',
    },
    { scope: 'account', operation: 'publish', limit: 30, windowSec: 1, note: 'messages per second for one bot' },
  ],
  publishConcurrency: 4,
  settings: telegramSettingsSchema,
  endpoints: {
    /** Bot API server; a self-hosted telegram-bot-api server works too. */
    api: 'https://api.telegram.org',
    /** Public links to channels and messages. */
    web: 'https://t.me',
  },
  docsUrl: 'https://core.telegram.org/bots/api',
};
