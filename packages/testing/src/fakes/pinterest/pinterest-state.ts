/**
 * What the Pinterest fake remembers: the app, the user and their boards, issued codes and tokens,
 * Pins (with the body that created them) and registered video uploads.
 */
import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from '../fake-network-server.ts';

export interface PinterestFakeBoard {
  id: string;
  name: string;
  description: string;
  privacy: 'PUBLIC' | 'PROTECTED' | 'SECRET';
  sectionIds: string[];
}

export interface PinterestFakePin {
  id: string;
  boardId: string;
  /** The POST /v5/pins body as sent. */
  body: Record<string, unknown>;
  createdAt: string;
}

export interface PinterestFakeMedia {
  mediaId: string;
  key: string;
  status: 'registered' | 'processing' | 'succeeded' | 'failed';
  reads: number;
  /** The multipart field names in the order they arrived, and the uploaded file. */
  fieldOrder: string[];
  file: { name: string; type: string; bytes: Buffer } | undefined;
}

export interface PinterestFakeState {
  appId: string;
  appSecret: string;
  user: { id: string; username: string; account_type: string; business_name: string; profile_image: string };
  boards: Map<string, PinterestFakeBoard>;
  accessTokens: Map<string, { scopes: string[]; expiresAt: number }>;
  refreshTokens: Map<string, { scopes: string[] }>;
  codes: Map<string, { redirectUri: string; scopes: string[] }>;
  pins: Map<string, PinterestFakePin>;
  media: Map<string, PinterestFakeMedia>;
  /** Continuous refresh: refreshes answer with a new refresh token (and void the old one). */
  continuousRefresh: boolean;
  /** GET /v5/media/{id} answers "processing" this many times after the upload. */
  mediaReadsBeforeDone: number;
  /** Video processing ends `failed` instead of `succeeded`. */
  failMediaProcessing: boolean;
  /** Boards per page of GET /v5/boards (Pinterest's default is 25). */
  boardPageSize: number;
  nextId: bigint;
  /** Pin analytics summed over the asked range, by metric type (IMPRESSION, SAVE…); tests set them. */
  pinStats: Map<string, Record<string, number>>;
  /** Counts GET /v5/user_account gives besides pin_count. */
  userCounts: { follower_count?: number; following_count?: number };
}

/** A default state: a business account with three boards, one of them with a section. */
export function initialPinterestState(): PinterestFakeState {
  const boards: PinterestFakeBoard[] = [
    {
      id: '549755885175',
      name: 'Recipes',
      description: 'Things to cook',
      privacy: 'PUBLIC',
      sectionIds: ['5027630990032371535'],
    },
    { id: '549755885176', name: 'Travel', description: '', privacy: 'PUBLIC', sectionIds: [] },
    { id: '549755885177', name: 'Drafts', description: 'Only me', privacy: 'SECRET', sectionIds: [] },
  ];
  return {
    appId: '1485621',
    appSecret: 'fake-app-secret',
    user: {
      id: '549755885174',
      username: 'plumestudio',
      account_type: 'BUSINESS',
      business_name: 'Plume Studio',
      profile_image: 'https://i.pinimg.example/75x75_RS/plume.jpg',
    },
    boards: new Map(boards.map((board) => [board.id, board])),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    pins: new Map(),
    media: new Map(),
    continuousRefresh: true,
    mediaReadsBeforeDone: 1,
    failMediaProcessing: false,
    boardPageSize: 25,
    nextId: 813_744_226_420_795_884n,
    pinStats: new Map(),
    userCounts: { follower_count: 4200, following_count: 180 },
  };
}

export const randomToken = (prefix: string): string => `${prefix}-${randomBytes(16).toString('hex')}`;

/** Pinterest's error body: `{ code, message }`. */
export function pinterestError(status: number, code: number, message: string): FakeResponse {
  return { status, body: { code, message } };
}

/** Bearer check: 401 "Authentication failed." or 403 when a scope is missing. */
export function authorize(state: PinterestFakeState, request: FakeRequest, scope: string): FakeResponse | undefined {
  const grant = request.bearer === undefined ? undefined : state.accessTokens.get(request.bearer);
  if (grant === undefined || grant.expiresAt < Date.now()) return pinterestError(401, 2, 'Authentication failed.');
  if (!grant.scopes.includes(scope))
    return pinterestError(403, 3, `Not authorized to access the resource (missing scope ${scope}).`);
  return undefined;
}
