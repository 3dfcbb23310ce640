/**
 * What the X fake remembers: the app's OAuth client, issued codes and tokens (refresh tokens rotate),
 * the signed-in user, posts and uploaded media. Tests read it back to assert what X received.
 */
import { randomBytes } from 'node:crypto';
import { createXFakeInbox, type XFakeInbox } from './inbox-state.ts';

export interface XFakeUser {
  id: string;
  username: string;
  name: string;
}

export interface XFakePost {
  id: string;
  authorId: string;
  text: string;
  mediaIds: string[];
  replyTo: string | undefined;
  madeWithAi: boolean;
  replySettings: string | undefined;
  createdAt: string;
  /** `public_metrics` as X answers them (docs' names: retweet_count…); absent keys are left out. */
  publicMetrics?: Record<string, number>;
  /** The author went private or the post was withheld: lookups answer not-authorized-for-resource. */
  private?: boolean;
}

export interface XFakeMedia {
  id: string;
  category: string;
  mediaType: string | undefined;
  totalBytes: number | undefined;
  segments: Map<number, Buffer>;
  /** Bytes received so far (one-shot uploads, or appended segments once finalized). */
  bytes: Buffer;
  state: 'uploading' | 'processing' | 'succeeded' | 'failed';
  /** Status polls left before a processing upload succeeds. */
  pollsLeft: number;
  altText: string | undefined;
}

export interface XFakeState {
  client: { clientId: string; clientSecret: string };
  user: XFakeUser;
  codes: Map<string, { codeChallenge: string; redirectUri: string; scope: string }>;
  accessTokens: Map<string, { userId: string; expiresAt: number }>;
  refreshTokens: Map<string, { userId: string; scope: string }>;
  posts: Map<string, XFakePost>;
  media: Map<string, XFakeMedia>;
  /** The user's `public_metrics` (followers_count, following_count, tweet_count, listed_count). */
  userMetrics: Record<string, number>;
  /** Polls a video stays `in_progress` after FINALIZE (0 = ready at once). */
  videoProcessingPolls: number;
  /** When set, bearer tokens are not looked up in `accessTokens`: this returns the user id a token acts as, or undefined. */
  resolveBearer: ((token: string) => Promise<string | undefined>) | undefined;
  /** Other people and hidden replies (inbox-routes.ts). */
  inbox: XFakeInbox;
  nextId(): string;
}

export function createXFakeState(): XFakeState {
  let counter = 1_790_000_000_000_000_000n;
  return {
    client: { clientId: 'x-client-id', clientSecret: 'x-client-secret' },
    user: { id: '2244994945', username: 'plume_test', name: 'Plume Test' },
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    posts: new Map(),
    media: new Map(),
    userMetrics: { followers_count: 0, following_count: 0, tweet_count: 0, listed_count: 0 },
    videoProcessingPolls: 1,
    resolveBearer: undefined,
    inbox: createXFakeInbox(),
    nextId() {
      counter += 1n;
      return counter.toString();
    },
  };
}

/** A random opaque token like X's. */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}
