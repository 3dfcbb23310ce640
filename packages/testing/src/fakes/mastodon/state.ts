/**
 * What the Mastodon fake remembers: registered apps, authorization codes (with their PKCE
 * challenge), tokens, the one local account, statuses, media and idempotency keys.
 */
import { randomBytes } from 'node:crypto';
import { createMastodonFakeInbox, type MastodonFakeInbox } from './inbox-routes.ts';

export interface MastodonFakeStatus {
  id: string;
  text: string;
  mediaIds: string[];
  inReplyToId: string | null;
  visibility: string;
  spoilerText: string;
  language: string | null;
  sensitive: boolean;
  idempotencyKey: string | undefined;
  createdAt: Date;
  /** Counters the analytics reads; tests set them (`favourites`, `reblogs`, `replies`, `quotes`). */
  counts: { favourites: number; reblogs: number; replies: number; quotes: number };
}

export interface MastodonFakeMedia {
  id: string;
  type: 'image' | 'gifv' | 'video';
  fileName: string;
  mimeType: string;
  bytes: Buffer;
  description: string | null;
  /** Status checks left that answer 206 before the attachment is ready. */
  pollsLeft: number;
}

export interface MastodonFakeState {
  origin: string;
  maxCharacters: number;
  charactersPerUrl: number;
  apps: Map<
    string,
    { clientSecret: string; redirectUris: string[]; scopes: string; name: string; website: string | null }
  >;
  codes: Map<string, { clientId: string; redirectUri: string; scope: string; codeChallenge: string | undefined }>;
  tokens: Map<string, { scope: string }>;
  account: { id: string; username: string; displayName: string };
  statuses: Map<string, MastodonFakeStatus>;
  media: Map<string, MastodonFakeMedia>;
  /** Idempotency-Key → status id (Mastodon keeps them for an hour). */
  idempotency: Map<string, string>;
  /** The account's follower counts (verify_credentials). */
  followers: { followers: number; following: number };
  /** The server's version (GET /api/v2/instance): below 4.3 it has no GET /api/v1/statuses. */
  version: string;
  /** Whether statuses carry `quotes_count` (Mastodon 4.5+). */
  quotes: boolean;
  /** Answers 429 to this many status reads before serving them again. */
  rateLimitedReads: number;
  /** 206 answers a video gets before it is processed. */
  videoProcessingPolls: number;
  /** Other people's statuses, notifications and direct conversations (inbox-routes.ts). */
  inbox: MastodonFakeInbox;
  nextId(): string;
}

export function createMastodonFakeState(): MastodonFakeState {
  let counter = 0n;
  return {
    origin: '',
    maxCharacters: 500,
    charactersPerUrl: 23,
    apps: new Map(),
    codes: new Map(),
    tokens: new Map(),
    account: { id: '109876543210', username: 'plume', displayName: 'Plume Test' },
    statuses: new Map(),
    media: new Map(),
    idempotency: new Map(),
    videoProcessingPolls: 1,
    followers: { followers: 0, following: 0 },
    version: '4.4.0',
    quotes: true,
    rateLimitedReads: 0,
    inbox: createMastodonFakeInbox(),
    nextId() {
      // Snowflakes, as Mastodon's status ids: milliseconds shifted 16 bits (never below the last one).
      const now = BigInt(Date.now()) << 16n;
      counter = now > counter ? now : counter + 1n;
      return counter.toString();
    },
  };
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
