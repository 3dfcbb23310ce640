/**
 * Fake LinkedIn: OAuth token endpoint, OpenID userinfo, organization ACLs and lookups, the Images and
 * Videos upload flows, the versioned Posts API, comments and delete. It checks what LinkedIn checks
 * (bearer token, `LinkedIn-Version`, `X-Restli-Protocol-Version: 2.0.0`) and answers with LinkedIn's
 * error body `{status, serviceErrorCode, code, message}`.
 *
 * Follows:
 * - https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow
 * - https://learn.microsoft.com/en-us/linkedin/shared/authentication/programmatic-refresh-tokens
 * - https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api
 * - https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits
 * Uploads live in linkedin-media.ts, statistics reads in linkedin-stats.ts, posts by author and comments in
 * linkedin-comments.ts.
 */
import { randomBytes } from 'node:crypto';
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
} from './fake-network-server.ts';
import { linkedinMediaRoutes } from './linkedin-media.ts';
import { linkedinError as error, type LinkedInFakeKit, type LinkedInFakeState } from './linkedin-state.ts';
import { linkedinStatsRoutes } from './linkedin-stats.ts';
import { linkedinCommentRoutes } from './linkedin-comments.ts';

export type { LinkedInFakeComment, LinkedInFakePost, LinkedInFakeState, LinkedInPostStats } from './linkedin-state.ts';

export interface LinkedInFake {
  server: FakeNetworkServer;
  state: LinkedInFakeState;
  /** Endpoints to pass to the provider's context. */
  endpoints: Record<string, string>;
  /** Simulates the consent screen: returns a code valid for this redirect URI. */
  issueCode(redirectUri: string): string;
  /** A valid access token for direct use in tests. */
  issueAccessToken(): string;
  close(): Promise<void>;
}

/** Starts the fake; everything lives in memory until `close()`. */
export async function startLinkedInFake(): Promise<LinkedInFake> {
  const state: LinkedInFakeState = {
    clientId: 'li-client',
    clientSecret: 'li-secret',
    member: { sub: 'abc123', name: 'Ada Lovelace', picture: 'https://media.licdn.com/ada.jpg' },
    organizations: new Map([
      ['2414183', { localizedName: 'Analytical Engines Ltd', vanityName: 'analytical-engines' }],
    ]),
    accessTokens: new Set(),
    refreshTokens: new Set(),
    codes: new Map(),
    refreshReturnsRefreshToken: true,
    grantsPageAccess: true,
    posts: new Map(),
    deletedPosts: new Set(),
    images: new Map(),
    videos: new Map(),
    comments: [],
    supportedVersions: new Set(['202607', '202606', '202601']),
    postStats: new Map(),
    followers: new Map([['2414183', 5120]]),
    memberAnalyticsGranted: true,
  };
  let counter = 7_000_000_000_000_000_000n;
  const nextId = (): string => (counter += 1n).toString();
  const token = (prefix: string): string => `${prefix}-${randomBytes(12).toString('hex')}`;
  let baseUrl = '';

  const authorized = (request: FakeRequest): boolean =>
    request.bearer !== undefined && state.accessTokens.has(request.bearer);
  const unauthorized = (): FakeResponse => error(401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);

  /** Checks the headers every versioned /rest call needs. */
  const restCheck = (request: FakeRequest): FakeResponse | undefined => {
    if (!authorized(request)) return unauthorized();
    const version = request.headers['linkedin-version'];
    if (typeof version !== 'string')
      return error(
        400,
        'VERSION_MISSING',
        'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
      );
    if (!state.supportedVersions.has(version))
      return error(426, 'NONEXISTENT_VERSION', `Requested version ${version} is not active`);
    if (request.headers['x-restli-protocol-version'] !== '2.0.0')
      return error(400, 'PROTOCOL_VERSION', 'X-Restli-Protocol-Version 2.0.0 is required');
    return undefined;
  };

  const memberUrn = (): string => `urn:li:person:${state.member.sub}`;
  const mayActAs = (urn: unknown): boolean =>
    urn === memberUrn() ||
    (typeof urn === 'string' &&
      urn.startsWith('urn:li:organization:') &&
      state.organizations.has(urn.split(':')[3] ?? ''));

  const kit: LinkedInFakeKit = { state, restCheck, authorized, unauthorized, mayActAs, nextId, baseUrl: () => baseUrl };
  const server = await startFakeNetworkServer([
    {
      method: 'POST',
      path: '/oauth/v2/accessToken',
      handler: (request) => {
        const form = (request.body ?? {}) as Record<string, string>;
        if (form['client_id'] !== state.clientId || form['client_secret'] !== state.clientSecret) {
          return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
        }
        if (form['grant_type'] === 'authorization_code') {
          const redirect = state.codes.get(form['code'] ?? '');
          if (redirect === undefined || redirect !== form['redirect_uri']) {
            return {
              status: 400,
              body: { error: 'invalid_grant', error_description: 'The authorization code is invalid or expired' },
            };
          }
          state.codes.delete(form['code'] ?? '');
          const access = token('AQV');
          const refresh = token('AQW');
          state.accessTokens.add(access);
          state.refreshTokens.add(refresh);
          return {
            body: {
              access_token: access,
              expires_in: 5_184_000,
              refresh_token: refresh,
              refresh_token_expires_in: 31_536_000,
              scope: 'openid,profile,w_member_social',
            },
          };
        }
        if (form['grant_type'] === 'refresh_token') {
          const refresh = form['refresh_token'] ?? '';
          if (!state.refreshTokens.has(refresh)) {
            return {
              status: 400,
              body: { error: 'invalid_grant', error_description: 'The provided refresh token is invalid' },
            };
          }
          const access = token('AQV');
          state.accessTokens.add(access);
          return {
            body: {
              access_token: access,
              expires_in: 5_184_000,
              ...(state.refreshReturnsRefreshToken
                ? { refresh_token: refresh, refresh_token_expires_in: 30_000_000 }
                : {}),
            },
          };
        }
        return {
          status: 400,
          body: { error: 'unsupported_grant_type', error_description: 'grant_type is not supported' },
        };
      },
    },
    {
      method: 'GET',
      path: '/v2/userinfo',
      handler: (request) => {
        if (!authorized(request)) return unauthorized();
        return {
          body: {
            sub: state.member.sub,
            name: state.member.name,
            given_name: 'Ada',
            family_name: 'Lovelace',
            picture: state.member.picture,
            locale: { country: 'GB', language: 'en' },
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/rest/organizationAcls',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        if (!state.grantsPageAccess)
          return error(
            403,
            'ACCESS_DENIED',
            'Not enough permissions to access: organizationAcls.FINDER-roleAssignee.20240101',
            100,
          );
        const query = request.query;
        if (
          query.get('q') !== 'roleAssignee' ||
          query.get('role') !== 'ADMINISTRATOR' ||
          query.get('state') !== 'APPROVED'
        ) {
          return error(400, 'ILLEGAL_ARGUMENT', 'Unsupported finder parameters');
        }
        const elements = [...state.organizations.keys()].map((id) => ({
          roleAssignee: memberUrn(),
          state: 'APPROVED',
          role: 'ADMINISTRATOR',
          organization: `urn:li:organization:${id}`,
        }));
        return { body: { paging: { start: 0, count: 100, total: elements.length }, elements } };
      },
    },
    {
      method: 'GET',
      path: '/rest/organizations',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const ids = /^List\((.*)\)$/.exec(request.query.get('ids') ?? '')?.[1]?.split(',') ?? [];
        const results: Record<string, unknown> = {};
        for (const id of ids) {
          const organization = state.organizations.get(id);
          if (organization) results[id] = { id: Number(id), ...organization };
        }
        return { body: { results, statuses: {}, errors: {} } };
      },
    },
    ...linkedinMediaRoutes(kit),
    ...linkedinStatsRoutes(kit),
    {
      method: 'POST',
      path: '/rest/posts',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const body = request.body as Record<string, unknown> | undefined;
        if (
          !body ||
          typeof body['commentary'] !== 'string' ||
          body['lifecycleState'] !== 'PUBLISHED' ||
          typeof body['distribution'] !== 'object'
        ) {
          return error(422, 'UNPROCESSABLE_ENTITY', 'Field Value validation failed in REQUEST_BODY');
        }
        if (!mayActAs(body['author']))
          return error(
            403,
            'ACCESS_DENIED',
            'Not enough permissions to access: partnerApiPostsExternal.CREATE.20240101',
            100,
          );
        if (body['commentary'].length > 3000)
          return error(422, 'UNPROCESSABLE_ENTITY', 'commentary is longer than 3000 characters');
        const duplicate = [...state.posts.values()].find(
          (post) => post.body['commentary'] === body['commentary'] && body['commentary'] !== '',
        );
        if (duplicate) return error(422, 'DUPLICATE_POST', `Content is a duplicate of ${duplicate.urn}`);
        const urn = `urn:li:share:${nextId()}`;
        state.posts.set(urn, {
          urn,
          body,
          version: String(request.headers['linkedin-version']),
          createdAt: Date.now(),
        });
        return { status: 201, headers: { 'x-restli-id': urn } };
      },
    },
    {
      method: 'DELETE',
      path: '/rest/posts/:urn',
      handler: (request) => {
        const failed = restCheck(request);
        if (failed) return failed;
        const urn = request.params['urn'] ?? '';
        if (!state.posts.has(urn)) return error(404, 'NOT_FOUND', `Post ${urn} not found`);
        state.posts.delete(urn);
        state.deletedPosts.add(urn);
        return { status: 204 };
      },
    },
    ...linkedinCommentRoutes(kit),
  ]);
  baseUrl = server.url;

  return {
    server,
    state,
    endpoints: {
      api: server.url,
      authorize: `${server.url}/oauth/v2/authorization`,
      token: `${server.url}/oauth/v2/accessToken`,
    },
    issueCode(redirectUri) {
      const code = token('code');
      state.codes.set(code, redirectUri);
      return code;
    },
    issueAccessToken() {
      const access = token('AQV');
      state.accessTokens.add(access);
      return access;
    },
    close: () => server.close(),
  };
}
