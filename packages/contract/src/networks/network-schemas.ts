/** `GET /networks`: what each network can do, its limits and settings, and whether this server is set up for it. */
import { z } from 'zod';
import { CONNECT_KINDS, MEDIA_KINDS, NETWORK_IDS } from './network-enums.ts';
import { ACCOUNT_METRICS, POST_METRICS } from '../analytics/metrics.ts';
import type { Wire } from '../wire.ts';
import { INBOX_KINDS, MODERATION_ACTIONS } from '../inbox/inbox-enums.ts';

/** What one kind of media must satisfy on a network. Absent limits are not checked. */
export const mediaRuleSchema = z.object({
  kind: z.enum(MEDIA_KINDS),
  mimeTypes: z.array(z.string()).readonly(),
  maxBytes: z.number(),
  minDurationSec: z.number().optional(),
  maxDurationSec: z.number().optional(),
  minAspectRatio: z.number().optional().describe('width ÷ height, inclusive'),
  maxAspectRatio: z.number().optional(),
  minWidth: z.number().optional(),
  maxWidth: z.number().optional(),
  maxHeight: z.number().optional(),
});
export type MediaRule = z.infer<typeof mediaRuleSchema>;

export const mediaCapabilitiesSchema = z.object({
  rules: z.array(mediaRuleSchema).readonly(),
  maxItems: z.number().describe('Most media items on one post (or one thread part); 0 = text only'),
  mixedKinds: z.boolean().describe('Whether images and videos may be mixed on one post'),
  required: z.boolean().describe('The network cannot publish a post without media'),
  altText: z.object({ supported: z.boolean(), maxLength: z.number().optional() }),
  aiLabel: z.boolean(),
  source: z.enum(['upload', 'public_url']),
});
export type MediaCapabilities = z.infer<typeof mediaCapabilitiesSchema>;

const weightedConfigSchema = z.object({
  maxWeightedLength: z.number(),
  scale: z.number(),
  defaultWeight: z.number(),
  transformedUrlLength: z.number(),
  emojiParsingEnabled: z.boolean(),
  ranges: z.array(z.object({ start: z.number(), end: z.number(), weight: z.number() })).readonly(),
});

/** How a network measures post text (see `@plume/networks/text/count-text`). */
export const countMethodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('graphemes') }),
  z.object({ kind: z.literal('utf8_bytes') }),
  z.object({ kind: z.literal('utf16_units') }),
  z.object({ kind: z.literal('emoji_utf8') }),
  z.object({ kind: z.literal('mastodon'), urlLength: z.number().optional(), spoilerText: z.string().optional() }),
  z.object({ kind: z.literal('weighted'), config: weightedConfigSchema.optional() }),
]);

/** One field of a form as JSON Schema describes it (the parts the web app reads; the rest passes through). */
const jsonSchemaField = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  format: z.string().optional(),
  enum: z.array(z.unknown()).optional(),
  default: z.unknown().optional(),
  writeOnly: z.boolean().optional(),
});

/** A form (credential fields, per-target settings) as the JSON Schema of an object: its fields, one level deep. */
export const jsonSchemaSchema = jsonSchemaField.extend({
  properties: z.record(z.string(), jsonSchemaField).optional(),
  required: z.array(z.string()).optional(),
});
export type JsonSchema = z.infer<typeof jsonSchemaSchema>;

export const rateLimitSchema = z.object({
  scope: z.enum(['account', 'app']),
  operation: z.enum(['publish', 'read', 'any']),
  limit: z.number(),
  windowSec: z.number(),
  note: z.string().optional(),
});

/** What the network's official API lets Plume measure; null parts are not available on that network. */
export const networkAnalyticsSchema = z.object({
  post: z
    .object({
      metrics: z.array(z.enum(POST_METRICS)).readonly().describe('Exactly the post metrics the network reports'),
      batchSize: z.number().describe('Most posts one call can read'),
      scopes: z.array(z.string()).readonly().describe('Permissions the metrics need beyond publishing'),
      note: z.string().optional(),
    })
    .nullable(),
  account: z
    .object({
      metrics: z.array(z.enum(ACCOUNT_METRICS)).readonly(),
      scopes: z.array(z.string()).readonly(),
      note: z.string().optional(),
    })
    .nullable(),
  recentPosts: z
    .object({ maxPosts: z.number(), maxAgeDays: z.number() })
    .nullable()
    .describe('How far back past posts can be read (backfill)'),
});

/** What the network's official API lets the unified inbox read and do (docs/inbox.md); empty lists where nothing. */
export const networkInboxSchema = z.object({
  kinds: z
    .array(z.enum(INBOX_KINDS))
    .readonly()
    .describe('What Plume reads: comments, replies, mentions, messages, reviews'),
  reply: z.array(z.enum(INBOX_KINDS)).readonly().describe('Kinds Plume can answer'),
  moderation: z.array(z.enum(MODERATION_ACTIONS)).readonly().describe('What Plume can do to a comment on our post'),
  delivery: z.enum(['poll', 'push']).describe('`push`: the network also calls Plume’s webhook'),
  pageSize: z.number(),
  minPollSec: z.number().describe('Least seconds between two reads of one account'),
  scopes: z.array(z.string()).readonly().describe('Permissions the inbox needs beyond publishing'),
  note: z.string().optional(),
});

export const networkSchema = z.object({
  id: z.enum(NETWORK_IDS),
  name: z.string(),
  ready: z.boolean(),
  missing: z.array(z.string()).describe('Configuration keys to set before the network can be used'),
  setupGuide: z.string(),
  docsUrl: z.string(),
  connect: z.enum(CONNECT_KINDS),
  credentialFields: jsonSchemaSchema.nullable(),
  accountKinds: z.array(z.string()).describe('What a connected account is on this network: profile, page, channel…'),
  text: z.object({
    limit: z.number(),
    count: countMethodSchema,
    required: z.boolean(),
    titleLimit: z.number().nullable(),
    titleRequired: z.boolean(),
  }),
  media: mediaCapabilitiesSchema,
  thread: z.object({ supported: z.boolean(), maxParts: z.number() }),
  firstComment: z.boolean(),
  link: z.boolean(),
  hashtags: z.object({ recommendedMax: z.number() }),
  settings: jsonSchemaSchema,
  rateLimits: z.array(rateLimitSchema).readonly(),
  analytics: networkAnalyticsSchema,
  inbox: networkInboxSchema,
});

export type Network = Wire<typeof networkSchema>;
export type CountMethodView = Wire<typeof countMethodSchema>;
