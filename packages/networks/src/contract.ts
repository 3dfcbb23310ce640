/**
 * The provider contract: what every network folder exports. A network is a manifest (what it can do,
 * how it counts, what it needs) plus operations (connect, refresh, publish, delete, health). The
 * publishing engine and the web app only ever talk to networks through these types.
 *
 * Operations throw the typed errors of `provider-errors.ts` for every failure the network reports.
 * Anything else thrown from `publish` (a timeout or dropped connection after the request was sent) is
 * treated as "outcome unknown" and the target becomes `unconfirmed`; never retried automatically.
 */
import type { z } from 'zod';
import type { HttpClient } from '@plume/http/http-client';
import type { CountMethod } from './text/count-text.ts';
import type {
  InboxManifest,
  InboxPage,
  InboxReplyRequest,
  InboxItemRef,
  InboxWebhookOperations,
  ModerationAction,
} from './inbox-contract.ts';

// The network ids and media kinds are API words: they live in the contract, which the web app shares.
import { NETWORK_IDS, type MediaKind, type NetworkId } from '@plume/contract/networks/network-enums';
import type {
  AccountMetric,
  AccountMetricValues,
  PostMetric,
  PostMetricValues,
} from '@plume/contract/analytics/metrics';

export { NETWORK_IDS };
export type { MediaKind, NetworkId };

/** What one kind of media must satisfy on a network. Absent limits are not checked. */
export interface MediaRule {
  kind: MediaKind;
  mimeTypes: readonly string[];
  maxBytes: number;
  minDurationSec?: number;
  maxDurationSec?: number;
  /** width ÷ height, inclusive. */
  minAspectRatio?: number;
  maxAspectRatio?: number;
  minWidth?: number;
  maxWidth?: number;
  maxHeight?: number;
}

export interface MediaCapabilities {
  rules: readonly MediaRule[];
  /** Most media items on one post (or on one part of a thread). 0 = text only. */
  maxItems: number;
  /** Whether images and videos may be mixed on one post. */
  mixedKinds: boolean;
  /** The network cannot publish a post without media (Instagram, YouTube, TikTok, Pinterest). */
  required: boolean;
  altText: { supported: boolean; maxLength?: number };
  /** The network accepts a label that the media is AI-generated (we set it when it is). */
  aiLabel: boolean;
  /** `upload`: we send the bytes; `public_url`: the network fetches `publicUrl` itself. */
  source: 'upload' | 'public_url';
}

export interface RateLimitRule {
  scope: 'account' | 'app';
  operation: 'publish' | 'read' | 'any';
  limit: number;
  windowSec: number;
  note?: string;
}

/** Where app credentials come from: names of configuration keys (see packages/config). */
export interface AppCredentialKeys {
  clientId: string;
  clientSecret: string;
}

export type AuthManifest =
  /** OAuth 2.0 authorization code; `perInstance` apps are registered per server (Mastodon). */
  | {
      kind: 'oauth2';
      pkce: boolean;
      scopes: readonly string[];
      /** `rotating`: each refresh returns a new refresh token and voids the old one. */
      refresh: 'rotating' | 'reusable' | 'none';
      perInstance: boolean;
      /** Configuration keys holding the app's id and secret; absent for per-instance apps. */
      appCredentials?: AppCredentialKeys;
    }
  /** The user pastes credentials (Bluesky app password, Telegram bot token, Discord webhook URL). */
  | { kind: 'credentials'; fields: z.ZodObject };

/** How long a post's text may be and how the network counts it. */
/** A text limit for one account and target; `maxBytes` caps the UTF-8 size too (Bluesky's 3,000). */
export type TextRules = { limit: number; count: CountMethod; maxBytes?: number };

export interface NetworkManifest {
  id: NetworkId;
  name: string;
  /** What a connected account is on this network, e.g. `profile`, `page`, `channel`. */
  accountKinds: readonly string[];
  auth: AuthManifest;
  text: {
    /** Most characters in the post body, counted the network's way (`count`). */
    limit: number;
    count: CountMethod;
    /** A second cap on the same text in bytes of UTF-8 (Bluesky: 300 graphemes and 3,000 bytes). */
    maxBytes?: number;
    /** Text is mandatory (false for networks where a caption is optional). */
    required: boolean;
    /** Networks with a separate title (YouTube, Pinterest, Reddit): its limit. */
    titleLimit?: number;
    titleRequired?: boolean;
  };
  media: MediaCapabilities;
  thread: { supported: boolean; maxParts: number };
  firstComment: boolean;
  link: { supported: boolean };
  hashtags: { recommendedMax: number };
  /** The network can hold a post and publish it later itself. Plume schedules on its own either way. */
  nativeScheduling: boolean;
  /**
   * What the network's official API lets us measure. Each part is present only where the provider has
   * the operation behind it (`getPostMetrics`, `getAccountMetrics`, `listRecentPosts`); null otherwise.
   */
  analytics: {
    post: PostAnalyticsManifest | null;
    account: AccountAnalyticsManifest | null;
    /** Backfill of the account's own past posts at connect and on demand. */
    recentPosts: { maxPosts: number; maxAgeDays: number } | null;
    /** Reading other accounts' public posts (competitors) through `listPublicPosts`; absent where the API has none. */
    publicPosts?: PublicPostsManifest;
  };
  /** What the inbox operations read and do (`listInbox`, `replyToInbox`, `moderateInbox`); see inbox-contract.ts. */
  inbox: InboxManifest;
  rateLimits: readonly RateLimitRule[];
  /** How many publishes to this network may run at once across the instance. */
  publishConcurrency: number;
  /** Per-target settings (Pinterest board, Reddit subreddit, TikTok privacy…). Every field has a default or is optional. */
  settings: z.ZodObject;
  /** Default base URLs by name (`api`, `authorize`, `token`, `upload`…), overridable by configuration. */
  endpoints: Readonly<Record<string, string>>;
  /** The vendor's documentation this adapter follows. */
  docsUrl: string;
}

export interface PostAnalyticsManifest {
  /** Exactly the metrics the API reports for a post; a metric not listed is absent, never 0. */
  metrics: readonly PostMetric[];
  /** Most posts one call can read (Bluesky getPosts 25, X tweets lookup 100; 1 where there is no batch endpoint). */
  batchSize: number;
  /** OAuth scopes or permissions the metrics need beyond publishing's (empty when none). */
  scopes: readonly string[];
  /** Where some metrics apply only to some accounts or post kinds (e.g. video only, organization only). */
  note?: string;
}

/** What `listPublicPosts` can read of an account Plume is not connected to. */
export interface PublicPostsManifest {
  /** Exactly the counts the API gives on another account's post; a count not listed is absent, never 0. */
  metrics: readonly PostMetric[];
  /** Most posts one read returns (Plume reads at most this many per competitor and day). */
  maxPosts: number;
  /** How to name the account, shown under the handle field, e.g. `alice.bsky.social`. */
  handleHint: string;
  /** Configuration key of an API key the reads need (YouTube); absent when the reads are keyless. */
  apiKey?: string;
  note?: string;
}

export interface AccountAnalyticsManifest {
  metrics: readonly AccountMetric[];
  scopes: readonly string[];
  note?: string;
}

/** One post's metrics as read now; `gone` when the post was deleted or is no longer visible to us. */
export type PostMetricsReading =
  | { remoteId: string; status: 'ok'; metrics: PostMetricValues }
  | { remoteId: string; status: 'gone'; reason: 'deleted' | 'private' | 'not_found' };

/** A post the account published (by any means), for backfill. */
export interface RecentPost {
  remoteId: string;
  url: string | null;
  publishedAt: Date;
  text: string;
  hasMedia: boolean;
  hasLink: boolean;
  metrics: PostMetricValues;
}

/** Another account's public post, as read for competitor analysis. Its text is for hashtags and topics only. */
export interface PublicPost {
  remoteId: string;
  url: string | null;
  publishedAt: Date;
  text: string;
  /** Lower-case, without `#`, each once. */
  hashtags: readonly string[];
  hasMedia: boolean;
  hasLink: boolean;
  /** The public counts the API gave; a count it leaves out is absent, never 0. */
  metrics: PostMetricValues;
}

/** The account a handle names on the network. */
export interface PublicProfile {
  /** The network's stable id (DID, account id, channel id). */
  id: string;
  handle: string;
  displayName: string;
  url: string | null;
  followers?: number;
}

/** Tokens as the network issued them. Stored encrypted; never logged or returned by the API. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: Date;
  refreshExpiresAt?: Date;
  scopes?: readonly string[];
}

/** One account a login gives access to (a profile, or each page/organization/channel). */
export interface ConnectedIdentity {
  externalId: string;
  handle: string;
  displayName: string;
  kind: string;
  avatarUrl?: string;
  profileUrl?: string;
  /** Identity-specific tokens, e.g. a Facebook page access token; otherwise the login's tokens apply. */
  tokens?: TokenSet;
  /** Non-secret facts the operations need later (instance URL, DID, channel id…). */
  metadata?: Readonly<Record<string, string>>;
}

/** What the operations get for a connected account. */
export interface AccountAuth {
  externalId: string;
  tokens: TokenSet;
  metadata: Readonly<Record<string, string>>;
}

/** Per-call environment: the guarded HTTP client, resolved endpoints and app credentials. */
export interface NetworkContext {
  http: HttpClient;
  endpoints: Readonly<Record<string, string>>;
  app?: { clientId: string; clientSecret: string };
  /** The API key of the manifest's `analytics.publicPosts.apiKey`, when configured. */
  apiKey?: string;
  now: () => Date;
}

export interface OAuthOperations {
  authorizeUrl: (
    context: NetworkContext,
    input: { state: string; codeChallenge: string; redirectUri: string; instanceUrl?: string },
  ) => URL;
  exchangeCode: (
    context: NetworkContext,
    input: { code: string; codeVerifier: string; redirectUri: string; instanceUrl?: string },
  ) => Promise<TokenSet>;
  /** Returns the new tokens; keeps the old refresh token when the network sends none. */
  refresh: (context: NetworkContext, tokens: TokenSet, metadata: Readonly<Record<string, string>>) => Promise<TokenSet>;
  /** Accounts the login can post as; several means the user picks (pages, organizations, channels). */
  listIdentities: (
    context: NetworkContext,
    tokens: TokenSet,
    metadata: Readonly<Record<string, string>>,
  ) => Promise<ConnectedIdentity[]>;
  /** Per-instance networks: registers Plume as an app on the server the user named. */
  registerApp?: (
    context: NetworkContext,
    input: { instanceUrl: string; redirectUri: string },
  ) => Promise<{ clientId: string; clientSecret: string }>;
}

export interface CredentialOperations {
  /** Checks the pasted credentials with the network and returns tokens + the identity they act as. */
  connect: (
    context: NetworkContext,
    credentials: Record<string, unknown>,
  ) => Promise<{ tokens: TokenSet; identity: ConnectedIdentity }>;
  /** Renews a session (e.g. Bluesky refreshSession); networks with static credentials omit it. */
  refresh?: (
    context: NetworkContext,
    tokens: TokenSet,
    metadata: Readonly<Record<string, string>>,
  ) => Promise<TokenSet>;
}

export interface PublishMedia {
  id: string;
  kind: MediaKind;
  mimeType: string;
  bytes: number;
  width?: number;
  height?: number;
  durationSec?: number;
  altText?: string;
  aiGenerated: boolean;
  fileName: string;
  /** Reachable by the network (for `source: 'public_url'` networks). */
  publicUrl: string;
  read: () => Promise<Uint8Array>;
}

export interface PublishPart {
  text: string;
  media: readonly PublishMedia[];
}

export interface PublishRequest {
  /** First part is the post; the rest are replies in a thread (only when the manifest supports threads). */
  parts: readonly [PublishPart, ...PublishPart[]];
  title?: string;
  link?: string;
  firstComment?: string;
  /** Already validated against the manifest's settings schema. */
  settings: Readonly<Record<string, unknown>>;
  /** Stable per target; sent where the network supports idempotency keys. */
  idempotencyKey: string;
}

export interface PublishedItem {
  remoteId: string;
  url: string | null;
}

export interface PublishResult extends PublishedItem {
  /** Thread replies and the first comment, in order, when any were posted. */
  extra: readonly PublishedItem[];
}

export interface NetworkProvider {
  manifest: NetworkManifest;
  oauth?: OAuthOperations;
  credentials?: CredentialOperations;
  publish: (context: NetworkContext, account: AccountAuth, request: PublishRequest) => Promise<PublishResult>;
  /**
   * Loads what `publish` would load lazily on its first call (large libraries), so the first post of a
   * burst does not block the process: the publishing dispatcher calls it while preparing, before due.
   */
  warmUp?: () => Promise<void>;
  /** Deletes a published post; deleting one that is already gone succeeds. */
  delete: (context: NetworkContext, account: AccountAuth, remoteId: string) => Promise<void>;
  /** Verifies the account still works; returns its current identity or throws a typed error. */
  health: (context: NetworkContext, account: AccountAuth) => Promise<ConnectedIdentity>;
  /**
   * Reads the current metrics of up to `manifest.analytics.post.batchSize` posts of this account, in one
   * call where the network has a batch endpoint. Returns one reading per id asked (in the same order);
   * a deleted or private post is `gone`, not an error. Network failures throw the typed provider errors
   * (a 429 as `RateLimited` with its Retry-After).
   */
  getPostMetrics?: (
    context: NetworkContext,
    account: AccountAuth,
    remoteIds: readonly string[],
  ) => Promise<PostMetricsReading[]>;
  /**
   * How many posts one metrics call reads for this account, where it depends on the account (a Mastodon
   * server older than 4.3 reads one status a call); the manifest's `batchSize` when absent. Read budgets
   * count calls with it.
   */
  postMetricsPerCall?: (account: Pick<AccountAuth, 'metadata'>) => number;
  /** Reads the account's follower, following and post counts (those the network gives). */
  getAccountMetrics?: (context: NetworkContext, account: AccountAuth) => Promise<AccountMetricValues>;
  /** The account's own posts newer than `since`, newest first, at most `limit`, with their current metrics. */
  listRecentPosts?: (
    context: NetworkContext,
    account: AccountAuth,
    options: { since: Date; limit: number },
  ) => Promise<RecentPost[]>;
  /**
   * Another account's public posts newer than `since`, newest first, at most `limit`, with the public
   * counts the API gives. Needs no connected account. An unknown handle throws `ProfileNotFound`;
   * other failures throw the typed provider errors (a 429 as `RateLimited` with its Retry-After).
   */
  listPublicPosts?: (
    context: NetworkContext,
    input: { handle: string; since: Date; limit: number },
  ) => Promise<{ profile: PublicProfile; posts: PublicPost[] }>;
  /**
   * The text limit for one account and target where the manifest's cannot say it: a server's own
   * limit (a Mastodon instance's `max_characters`, from the metadata stored at connect) or a setting
   * that counts too (Mastodon's content warning). Without it, the manifest's limit applies.
   */
  textRulesFor?: (metadata: Readonly<Record<string, string>>, settings: Readonly<Record<string, unknown>>) => TextRules;
  /**
   * The account's inbox items newer than `cursor` (null: the first read, which looks back at most 7 days),
   * at most `limit`. Pagination is the adapter's: it returns the cursor to store and whether more is waiting.
   */
  listInbox?: (
    context: NetworkContext,
    account: AccountAuth,
    options: { cursor: string | null; limit: number },
  ) => Promise<InboxPage>;
  /** Posts a reply to an item; the result is the reply as published. */
  replyToInbox?: (context: NetworkContext, account: AccountAuth, request: InboxReplyRequest) => Promise<PublishedItem>;
  /** Hides or deletes a comment on the account's own post; one already gone succeeds. */
  moderateInbox?: (
    context: NetworkContext,
    account: AccountAuth,
    input: { item: InboxItemRef; action: ModerationAction },
  ) => Promise<void>;
  /** Networks that push inbox events to Plume (manifest `inbox.delivery: 'push'`). */
  inboxWebhook?: InboxWebhookOperations;
  /** Network-specific checks beyond the manifest (e.g. Reddit needs a subreddit). Messages in plain words. */
  validate?: (request: PublishRequest) => readonly { path: string; message: string }[];
}
