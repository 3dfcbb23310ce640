/**
 * Reading statuses (docs.joinmastodon.org/methods/statuses/#get, …/#index, …/methods/accounts/#statuses):
 * public and unlisted statuses need no token; a token that is sent must hold `read` or `read:statuses`
 * (403 otherwise, as Mastodon checks the scopes of any token it gets); followers-only and direct
 * statuses are 404 to anyone else. GET /api/v1/statuses exists from 4.3 on and leaves out what it
 * cannot show. GET /api/v1/accounts/lookup finds the local account by name (404 otherwise).
 * `rateLimitedReads` makes the next reads answer 429 with `X-RateLimit-Reset`.
 */
import type { FakeRequest, FakeResponse, FakeRoute } from '../fake-network-server.ts';
import { accountJson, hasScope, mastodonError, rateLimitHeaders, statusJson } from './responses.ts';
import type { MastodonFakeState, MastodonFakeStatus } from './state.ts';

const forbidden: FakeResponse = {
  status: 403,
  body: { error: 'This action is outside the authorized scopes' },
};

/** Why the request may not read statuses, or undefined when it may. */
function refusal(state: MastodonFakeState, request: FakeRequest): FakeResponse | undefined {
  if (state.rateLimitedReads > 0) {
    state.rateLimitedReads -= 1;
    const reset = new Date(Date.now() + 120_000).toISOString();
    return {
      status: 429,
      headers: { ...rateLimitHeaders(), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { error: 'Too many requests' },
    };
  }
  if (request.bearer === undefined) return undefined;
  if (!state.tokens.has(request.bearer)) return { status: 401, body: { error: 'The access token is invalid' } };
  return hasScope(state, request, 'read:statuses') ? undefined : forbidden;
}

function visible(state: MastodonFakeState, request: FakeRequest, status: MastodonFakeStatus | undefined): boolean {
  if (status === undefined) return false;
  if (status.visibility === 'public' || status.visibility === 'unlisted') return true;
  return request.bearer !== undefined && state.tokens.has(request.bearer);
}

function versionAtLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

export function statusReadRoutes(state: MastodonFakeState): FakeRoute[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/statuses/:id',
      handler: (request) => {
        const refused = refusal(state, request);
        if (refused !== undefined) return refused;
        const status = state.statuses.get(request.params['id'] ?? '');
        if (status === undefined || !visible(state, request, status)) return mastodonError(404, 'Record not found');
        return { status: 200, headers: rateLimitHeaders(), body: statusJson(state, status) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/statuses',
      handler: (request) => {
        if (!versionAtLeast(state.version, 4, 3)) return mastodonError(404, 'Not Found');
        const refused = refusal(state, request);
        if (refused !== undefined) return refused;
        const ids = [...new Set(request.query.getAll('id[]'))];
        if (ids.length > 20) return mastodonError(422, 'Too many ids');
        const found = ids
          .map((id) => state.statuses.get(id))
          .filter((status): status is MastodonFakeStatus => visible(state, request, status));
        return { status: 200, headers: rateLimitHeaders(), body: found.map((status) => statusJson(state, status)) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/accounts/lookup',
      handler: (request) => {
        const refused = refusal(state, request);
        if (refused !== undefined) return refused;
        const acct = (request.query.get('acct') ?? '').replace(/^@/, '');
        const host = new URL(state.origin).host;
        if (acct !== state.account.username && acct !== `${state.account.username}@${host}`)
          return mastodonError(404, 'Record not found');
        return { status: 200, headers: rateLimitHeaders(), body: accountJson(state) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/accounts/:id/statuses',
      handler: (request) => {
        const refused = refusal(state, request);
        if (refused !== undefined) return refused;
        if (request.params['id'] !== state.account.id) return mastodonError(404, 'Record not found');
        const limit = Math.min(40, Number(request.query.get('limit') ?? 20) || 20);
        const maxId = request.query.get('max_id');
        const page = [...state.statuses.values()]
          .filter((status) => visible(state, request, status))
          .filter((status) => request.query.get('exclude_replies') !== 'true' || status.inReplyToId === null)
          .filter((status) => maxId === null || BigInt(status.id) < BigInt(maxId))
          .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
          .slice(0, limit);
        return { status: 200, headers: rateLimitHeaders(), body: page.map((status) => statusJson(state, status)) };
      },
    },
  ];
}
