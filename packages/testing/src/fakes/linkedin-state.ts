/**
 * What the LinkedIn fake remembers, its error body and the helpers its route files share.
 */
import type { FakeRequest, FakeResponse } from './fake-network-server.ts';

/** A post's statistics as the share statistics API counts them. */
export interface LinkedInPostStats {
  impressionCount?: number;
  uniqueImpressionsCount?: number;
  likeCount?: number;
  commentCount?: number;
  shareCount?: number;
  clickCount?: number;
}

export interface LinkedInFakePost {
  urn: string;
  body: Record<string, unknown>;
  version: string;
  /** Milliseconds since the epoch (`createdAt`); when the fake stored it if absent. */
  createdAt?: number;
}

/** A comment (or, with `parent`, a nested comment) on a post, as the Comments API keeps it. */
export interface LinkedInFakeComment {
  urn: string;
  /** The post URN it is on. */
  on: string;
  actor: string;
  text: string;
  /** Milliseconds since the epoch. */
  created?: number;
  /** The top-level comment a nested comment answers. */
  parent?: string;
  deleted?: boolean;
}

export interface LinkedInFakeState {
  clientId: string;
  clientSecret: string;
  member: { sub: string; name: string; picture: string };
  /** Organizations the member administers: id → names. */
  organizations: Map<string, { localizedName: string; vanityName: string }>;
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
  /** Codes issued by the (pretend) consent screen, with their redirect URI. */
  codes: Map<string, string>;
  /** Whether a refresh answer repeats the refresh token (LinkedIn's documented answer does). */
  refreshReturnsRefreshToken: boolean;
  /** Whether the login grants page access (false: `organizationAcls` answers 403). */
  grantsPageAccess: boolean;
  posts: Map<string, LinkedInFakePost>;
  deletedPosts: Set<string>;
  images: Map<string, { owner: string; bytes?: Buffer; contentType?: string }>;
  videos: Map<string, { owner: string; size: number; parts: Buffer[]; status: string; finalizedWith?: string[] }>;
  comments: LinkedInFakeComment[];
  supportedVersions: Set<string>;
  /** Lifetime statistics of posts by URN, set by tests; a post without them has none yet. */
  postStats: Map<string, LinkedInPostStats>;
  /** Follower counts of organizations by id (networkSizes). */
  followers: Map<string, number>;
  /** Whether tokens carry r_member_postAnalytics (false: memberCreatorPostAnalytics answers 403). */
  memberAnalyticsGranted: boolean;
}

/** LinkedIn's error body `{status, serviceErrorCode, code, message}`. */
export function linkedinError(status: number, code: string, message: string, serviceErrorCode = 0): FakeResponse {
  return { status, body: { status, serviceErrorCode, code, message } };
}

/** What route files need from the fake: its state and checks. */
export interface LinkedInFakeKit {
  state: LinkedInFakeState;
  /** The bearer, `LinkedIn-Version` and protocol checks of every `/rest` call. */
  restCheck: (request: FakeRequest) => FakeResponse | undefined;
  authorized: (request: FakeRequest) => boolean;
  unauthorized: () => FakeResponse;
  mayActAs: (urn: unknown) => boolean;
  nextId: () => string;
  baseUrl: () => string;
}
