/**
 * What the YouTube fake remembers: the login's channels, upload sessions and the videos they made.
 */
import type { GoogleTokenState } from './google-token-routes.ts';

export interface FakeYoutubeChannel {
  id: string;
  title: string;
  /** `@handle`, returned as snippet.customUrl. */
  handle?: string;
  thumbnailUrl?: string;
  /** channels.list `statistics` (viewCount, subscriberCount, hiddenSubscriberCount, videoCount). */
  statistics?: Record<string, unknown>;
}

export interface FakeYoutubeVideo {
  id: string;
  channelId: string;
  snippet: Record<string, unknown>;
  status: Record<string, unknown>;
  bytes: Buffer;
  mimeType: string;
  notifySubscribers: boolean;
  deleted: boolean;
  /** videos.list `statistics` as strings; absent keys are left out (hidden likes, comments off). */
  statistics?: Record<string, string>;
}

export interface FakeUploadSession {
  id: string;
  channelId: string;
  resource: { snippet?: Record<string, unknown>; status?: Record<string, unknown> };
  total: number;
  mimeType: string;
  notifySubscribers: boolean;
  chunks: Buffer[];
  received: number;
  videoId?: string;
  /** Sessions expire after a week at Google; tests flip this to see a 404. */
  expired: boolean;
}

/** A comment or reply on a channel's video (the inbox); a thread's id is its top-level comment's. */
export interface FakeYoutubeComment {
  id: string;
  /** The channel the video belongs to. */
  channelId: string;
  videoId: string;
  /** The thread's top-level comment, for replies. */
  parentId?: string;
  authorChannelId: string;
  authorName: string;
  text: string;
  publishedSec: number;
  moderationStatus: 'published' | 'heldForReview' | 'rejected';
}

export interface YoutubeFakeState {
  tokens: GoogleTokenState;
  channels: FakeYoutubeChannel[];
  videos: Map<string, FakeYoutubeVideo>;
  sessions: Map<string, FakeUploadSession>;
  /** Keep only this many bytes of the next chunk, as Google may persist less than was sent. */
  keepOnlyOfNextChunk: number | undefined;
  /** Data API keys that may read public channels and videos (`?key=`) without a token. */
  apiKeys: Set<string>;
  /** Comments and replies by id (comment-routes.ts). */
  comments: Map<string, FakeYoutubeComment>;
}
