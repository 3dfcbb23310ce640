/**
 * What the Threads fake remembers: the Meta app, codes and tokens (short- and long-lived), the
 * profile, media containers with their processing status, and published posts.
 */
import { randomBytes } from 'node:crypto';

export interface ThreadsFakeContainer {
  id: string;
  mediaType: 'TEXT' | 'IMAGE' | 'VIDEO' | 'CAROUSEL';
  text: string | undefined;
  imageUrl: string | undefined;
  videoUrl: string | undefined;
  altText: string | undefined;
  children: string[];
  isCarouselItem: boolean;
  replyToId: string | undefined;
  replyControl: string | undefined;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
  errorMessage: string | undefined;
  pollsLeft: number;
}

export interface ThreadsFakePost {
  id: string;
  containerId: string;
  shortcode: string;
  /** ISO 8601 publish time (`timestamp`). */
  timestamp: string;
  /** Media insights by metric name; a post without them answers every metric as 0, absent keys are left out. */
  insights?: Record<string, number>;
  /** A repost of someone else's thread (`media_type: REPOST_FACADE` in the profile's list). */
  repost?: boolean;
}

/** Someone else's reply in one of the profile's threads. */
export interface ThreadsFakeReply {
  id: string;
  username: string;
  text: string;
  timestamp: string;
  repliedTo: string;
  rootPost: string;
  hidden: boolean;
}

export interface ThreadsFakeState {
  app: { clientId: string; clientSecret: string };
  user: { id: string; username: string; name: string };
  codes: Map<string, { redirectUri: string; scope: string }>;
  tokens: Map<string, { longLived: boolean; expiresAt: number }>;
  containers: Map<string, ThreadsFakeContainer>;
  posts: Map<string, ThreadsFakePost>;
  /** The profile's `followers_count` user insight. */
  followers: number;
  /** Status checks a video container answers IN_PROGRESS before FINISHED (or ERROR). */
  videoProcessingPolls: number;
  /** When set, video containers end in ERROR with this `error_message`. */
  videoError: string | undefined;
  /** Other people's replies to the profile's threads (reply-routes.ts). */
  replies: Map<string, ThreadsFakeReply>;
  nextId(): string;
}

export function createThreadsFakeState(): ThreadsFakeState {
  let counter = 17_900_000_000_000_000n;
  return {
    app: { clientId: '990602627938098', clientSecret: 'threads-app-secret' },
    user: { id: '26002416349392620', username: 'plume.test', name: 'Plume Test' },
    codes: new Map(),
    tokens: new Map(),
    containers: new Map(),
    posts: new Map(),
    followers: 0,
    videoProcessingPolls: 1,
    videoError: undefined,
    replies: new Map(),
    nextId() {
      counter += 1n;
      return counter.toString();
    },
  };
}

export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(30).toString('base64url')}`;
}
