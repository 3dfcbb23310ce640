/**
 * What the TikTok fake remembers: the app, the signed-in user and their creator options, issued
 * codes and tokens, and every publish with the bytes or URLs it received.
 */
import { randomBytes } from 'node:crypto';
import type { FakeResponse } from '../fake-network-server.ts';

export interface TikTokFakeUser {
  open_id: string;
  union_id: string;
  username: string;
  display_name: string;
  avatar_url: string;
}

export interface TikTokFakeCreator {
  privacy_level_options: string[];
  comment_disabled: boolean;
  duet_disabled: boolean;
  stitch_disabled: boolean;
  max_video_post_duration_sec: number;
}

export interface TikTokFakePublish {
  publishId: string;
  /** Which init endpoint created it. */
  endpoint: 'video' | 'inbox_video' | 'photo';
  /** The init body as sent. */
  body: Record<string, unknown>;
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  /** Content-Range headers of the chunks, in arrival order. */
  ranges: string[];
  contentTypes: string[];
  received: Buffer[];
  uploadComplete: boolean;
  statusReads: number;
  postId: string | undefined;
}

/** A published video as the Display API shows it. */
export interface TikTokFakeVideo {
  id: string;
  /** Epoch seconds. */
  createTime: number;
  description: string;
  /** Counts TikTok reports; a key left out is not sent. */
  counts: { view_count?: number; like_count?: number; comment_count?: number; share_count?: number };
}

export interface TikTokFakeState {
  clientKey: string;
  clientSecret: string;
  user: TikTokFakeUser;
  creator: TikTokFakeCreator;
  /** Access tokens → granted scopes and expiry (epoch ms). */
  accessTokens: Map<string, { scopes: string[]; expiresAt: number }>;
  refreshTokens: Map<string, { scopes: string[] }>;
  codes: Map<string, { redirectUri: string; challenge: string; scopes: string[] }>;
  publishes: Map<string, TikTokFakePublish>;
  /** Status reads answered "processing" before the final status. */
  statusReadsBeforeDone: number;
  /** When set, posts end FAILED with this fail_reason. */
  failReason: string | undefined;
  /** Whether finished public posts get a publicaly_available_post_id. */
  givePostIds: boolean;
  /** URL prefixes TikTok may pull media from (verified domains). */
  verifiedUrlPrefixes: string[];
  /** Smallest chunk TikTok accepts (5 MB); tests may lower it to exercise several chunks. */
  minChunkBytes: number;
  /** Rotate refresh tokens on refresh (TikTok does). */
  rotateRefreshTokens: boolean;
  nextPostId: bigint;
  /** The user's videos for the Display API (tests add them). */
  videos: Map<string, TikTokFakeVideo>;
  /** user.info.stats fields. */
  userStats: { follower_count?: number; following_count?: number; video_count?: number; likes_count?: number };
}

/** A default state: one public creator who may post up to 10 minutes. */
export function initialTikTokState(): TikTokFakeState {
  return {
    clientKey: 'fake-client-key',
    clientSecret: 'fake-client-secret',
    user: {
      open_id: 'open-id-123',
      union_id: 'union-id-456',
      username: 'plume.creator',
      display_name: 'Plume Creator',
      avatar_url: 'https://p16.tiktokcdn.example/avatar.jpeg',
    },
    creator: {
      privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
      comment_disabled: false,
      duet_disabled: false,
      stitch_disabled: false,
      max_video_post_duration_sec: 600,
    },
    accessTokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    publishes: new Map(),
    statusReadsBeforeDone: 1,
    failReason: undefined,
    givePostIds: true,
    verifiedUrlPrefixes: ['https://media.plume.test/'],
    minChunkBytes: 5 * 1024 * 1024,
    rotateRefreshTokens: true,
    // Above 2^53, like real TikTok ids: a client that parses them as numbers loses digits.
    nextPostId: 7_345_678_901_234_567_891n,
    videos: new Map(),
    userStats: { follower_count: 2400, following_count: 31, video_count: 88, likes_count: 51_000 },
  };
}

export const token = (prefix: string): string => `${prefix}.${randomBytes(12).toString('hex')}`;

const logId = (): string => `2026${randomBytes(8).toString('hex').toUpperCase()}`;

/** An API v2 answer: `{ data, error: { code: "ok" } }`. */
export function ok(data: unknown): FakeResponse {
  return { status: 200, body: { data, error: { code: 'ok', message: '', log_id: logId() } } };
}

/** An API v2 error answer with TikTok's envelope. */
export function apiError(status: number, code: string, message: string): FakeResponse {
  return { status, body: { data: {}, error: { code, message, log_id: logId() } } };
}

/** An OAuth error body (TikTok answers these with HTTP 200). */
export function oauthError(error: string, description: string): FakeResponse {
  return { status: 200, body: { error, error_description: description, log_id: logId() } };
}
