/**
 * A fake of the Google Business Profile APIs + Google token endpoint on loopback. Follows:
 * - https://developers.google.com/my-business/reference/accountmanagement/rest/v1/accounts/list
 * - https://developers.google.com/my-business/reference/businessinformation/rest/v1/accounts.locations/list
 *   (`readMask` required; paged with `pageSize` / `pageToken` / `nextPageToken`) and locations/get
 * - https://developers.google.com/my-business/reference/rest/v4/accounts.locations.localPosts (create,
 *   delete; EVENT and OFFER need `event.title` + `event.schedule`; summary ≤ 1,500 characters)
 * - https://developers.google.com/my-business/reference/rest/v4/accounts.locations.reviews (list, reply),
 *   see google_business/reviews-routes.ts
 * - https://developers.google.com/my-business/content/limits (429 RESOURCE_EXHAUSTED)
 * - https://cloud.google.com/apis/design/errors (AIP-193 error bodies)
 * - youtube/google-token-routes.ts for the OAuth token endpoint.
 */
import { randomBytes } from 'node:crypto';
import type { AccountAuth } from '@plume/networks/contract';
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
  type FakeRoute,
} from './fake-network-server.ts';
import {
  aipError,
  checkGoogleBearer,
  createGoogleTokenState,
  googleTokenRoutes,
  issueGoogleTokens,
  type GoogleTokenState,
} from './youtube/google-token-routes.ts';
import { reviewRoutes, type FakeReview } from './google_business/reviews-routes.ts';

export type { FakeReview } from './google_business/reviews-routes.ts';

export const GOOGLE_BUSINESS_TEST_SCOPES = ['https://www.googleapis.com/auth/business.manage'];
const SCOPES = [...GOOGLE_BUSINESS_TEST_SCOPES, 'https://www.googleapis.com/auth/plus.business.manage'];
const ACTION_TYPES = new Set(['BOOK', 'ORDER', 'SHOP', 'LEARN_MORE', 'SIGN_UP', 'CALL', 'GET_OFFER']);

export interface FakeBusinessLocation {
  name: string;
  title: string;
  storefrontAddress?: { addressLines?: string[]; locality?: string; regionCode?: string; postalCode?: string };
}

export interface FakeBusinessAccount {
  name: string;
  accountName: string;
  type: string;
  locations: FakeBusinessLocation[];
}

export interface FakeLocalPost {
  name: string;
  body: Record<string, unknown>;
  deleted: boolean;
}

export interface GoogleBusinessFakeState {
  tokens: GoogleTokenState;
  accounts: FakeBusinessAccount[];
  posts: Map<string, FakeLocalPost>;
  /** Reviews by name (`accounts/…/locations/…/reviews/…`), see google_business/reviews-routes.ts. */
  reviews: Map<string, FakeReview>;
  /** Google may return fewer items than `pageSize`; tests lower this to exercise paging. */
  pageSizeCap: number;
}

export interface GoogleBusinessFake {
  server: FakeNetworkServer;
  state: GoogleBusinessFakeState;
  app: { clientId: string; clientSecret: string };
  endpoints: Record<string, string>;
  /** A connected account for the first location of the first account. */
  account(scopes?: readonly string[]): AccountAuth;
  close(): Promise<void>;
}

export async function startGoogleBusinessFake(
  options: { accounts?: FakeBusinessAccount[] } = {},
): Promise<GoogleBusinessFake> {
  const app = { clientId: 'test-client.apps.googleusercontent.com', clientSecret: 'GOCSPX-test-secret' };
  const state: GoogleBusinessFakeState = {
    tokens: createGoogleTokenState(app),
    accounts: options.accounts ?? [
      {
        name: 'accounts/1001',
        accountName: 'Plume Bakery',
        type: 'PERSONAL',
        locations: [
          {
            name: 'locations/2001',
            title: 'Plume Bakery',
            storefrontAddress: { addressLines: ['1 Main St'], locality: 'Springfield', regionCode: 'US' },
          },
        ],
      },
    ],
    posts: new Map(),
    reviews: new Map(),
    pageSizeCap: 100,
  };
  const server = await startFakeNetworkServer([...googleTokenRoutes(state.tokens), ...routes(state)]);
  return {
    server,
    state,
    app,
    endpoints: {
      authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
      token: `${server.url}/token`,
      accounts: `${server.url}/v1`,
      businessInformation: `${server.url}/v1`,
      posts: `${server.url}/v4`,
    },
    account(scopes = GOOGLE_BUSINESS_TEST_SCOPES) {
      const account = state.accounts[0]!;
      const location = account.locations[0]!;
      return {
        externalId: location.name,
        tokens: issueGoogleTokens(state.tokens, scopes),
        metadata: { account: account.name, location: location.name },
      };
    },
    close: () => server.close(),
  };
}

function invalid(field: string, message: string): FakeResponse {
  return {
    status: 400,
    body: {
      error: {
        code: 400,
        message: 'Request contains an invalid argument.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.mybusiness.v4.ValidationError',
            errorDetails: [{ code: 3, field, message }],
          },
        ],
      },
    },
  };
}

const notFound: FakeResponse = { status: 404, body: aipError(404, 'Requested entity was not found.', 'NOT_FOUND') };

/** Pages `items` the way Google does: `pageSize` (capped), an opaque `pageToken`, `nextPageToken`. */
function page<T>(request: FakeRequest, items: T[], max: number): { slice: T[]; nextPageToken?: string } {
  const size = Math.min(Number(request.query.get('pageSize') ?? 10) || 10, max);
  const start = Number(request.query.get('pageToken') ?? 0) || 0;
  const slice = items.slice(start, start + size);
  return start + size < items.length ? { slice, nextPageToken: String(start + size) } : { slice };
}

function routes(state: GoogleBusinessFakeState): FakeRoute[] {
  const guard = (request: FakeRequest): FakeResponse | undefined =>
    checkGoogleBearer(state.tokens, request, SCOPES, 'aip193');
  const findLocation = (name: string): FakeBusinessLocation | undefined =>
    state.accounts.flatMap((account) => account.locations).find((location) => location.name === name);
  return [
    {
      method: 'GET',
      path: '/v1/accounts',
      handler: (request) => {
        const { slice, nextPageToken } = page(request, state.accounts, Math.min(20, state.pageSizeCap));
        return (
          guard(request) ?? {
            body: {
              accounts: slice.map(({ locations: _, ...account }) => account),
              ...(nextPageToken ? { nextPageToken } : {}),
            },
          }
        );
      },
    },
    {
      method: 'GET',
      path: '/v1/accounts/:account/locations',
      handler: (request) => {
        const denied = guard(request);
        if (denied !== undefined) return denied;
        if (!request.query.get('readMask'))
          return { status: 400, body: aipError(400, 'Request contains an invalid argument.', 'INVALID_ARGUMENT') };
        const account = state.accounts.find((candidate) => candidate.name === `accounts/${request.params['account']}`);
        if (account === undefined) return notFound;
        const { slice, nextPageToken } = page(request, account.locations, state.pageSizeCap);
        return { body: { locations: slice, ...(nextPageToken ? { nextPageToken } : {}) } };
      },
    },
    {
      method: 'GET',
      path: '/v1/locations/:location',
      handler: (request) => {
        const denied = guard(request);
        if (denied !== undefined) return denied;
        if (!request.query.get('readMask'))
          return { status: 400, body: aipError(400, 'Request contains an invalid argument.', 'INVALID_ARGUMENT') };
        return findLocation(`locations/${request.params['location']}`) === undefined
          ? notFound
          : { body: findLocation(`locations/${request.params['location']}`) };
      },
    },
    {
      method: 'POST',
      path: '/v4/accounts/:account/locations/:location/localPosts',
      handler: (request) => guard(request) ?? createPost(state, request),
    },
    {
      method: 'DELETE',
      path: '/v4/accounts/:account/locations/:location/localPosts/:post',
      handler: (request) => {
        const denied = guard(request);
        if (denied !== undefined) return denied;
        const post = state.posts.get(request.path.slice('/v4/'.length));
        if (post === undefined || post.deleted) return notFound;
        post.deleted = true;
        return { body: {} };
      },
    },
    ...reviewRoutes(state.reviews, guard),
  ];
}

function createPost(state: GoogleBusinessFakeState, request: FakeRequest): FakeResponse {
  const account = state.accounts.find((candidate) => candidate.name === `accounts/${request.params['account']}`);
  const location = account?.locations.find((candidate) => candidate.name === `locations/${request.params['location']}`);
  if (location === undefined) return notFound;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const problem = checkPost(body);
  if (problem !== undefined) return problem;
  const id = String(Date.now()) + randomBytes(3).toString('hex');
  const name = `${account!.name}/${location.name}/localPosts/${id}`;
  const now = new Date().toISOString();
  const media = Array.isArray(body['media'])
    ? (body['media'] as Record<string, unknown>[]).map((item, index) => ({
        ...item,
        name: `${name}/media/${index}`,
        googleUrl: `https://lh3.googleusercontent.com/p/${id}-${index}`,
      }))
    : undefined;
  const created = {
    ...body,
    name,
    createTime: now,
    updateTime: now,
    state: 'LIVE',
    ...(media === undefined ? {} : { media }),
    searchUrl: `https://local.google.com/place?id=${location.name.split('/')[1]}&use=posts&lpsid=${id}`,
  };
  state.posts.set(name, { name, body: created, deleted: false });
  return { body: created };
}

function checkPost(body: Record<string, unknown>): FakeResponse | undefined {
  const topic = body['topicType'];
  if (typeof topic !== 'string' || !['STANDARD', 'EVENT', 'OFFER', 'ALERT'].includes(topic))
    return invalid('topic_type', 'Topic type is required.');
  const summary = typeof body['summary'] === 'string' ? body['summary'] : '';
  if ([...summary].length > 1500) return invalid('summary', 'Summary is too long.');
  if (topic === 'EVENT' || topic === 'OFFER') {
    const event = body['event'] as
      { title?: unknown; schedule?: { startDate?: unknown; endDate?: unknown } } | undefined;
    if (
      typeof event?.title !== 'string' ||
      event.schedule?.startDate === undefined ||
      event.schedule.endDate === undefined
    ) {
      return invalid('event', 'Event title and schedule are required.');
    }
  }
  const action = body['callToAction'] as { actionType?: unknown; url?: unknown } | undefined;
  if (action !== undefined) {
    if (typeof action.actionType !== 'string' || !ACTION_TYPES.has(action.actionType))
      return invalid('call_to_action.action_type', 'Invalid action type.');
    if (action.actionType !== 'CALL' && typeof action.url !== 'string')
      return invalid('call_to_action.url', 'URL is required.');
  }
  const media = body['media'];
  if (
    media !== undefined &&
    (!Array.isArray(media) ||
      media.some(
        (item: { sourceUrl?: unknown; mediaFormat?: unknown }) =>
          typeof item.sourceUrl !== 'string' || item.mediaFormat !== 'PHOTO',
      ))
  ) {
    return invalid('media', 'Each photo needs a sourceUrl.');
  }
  return undefined;
}
