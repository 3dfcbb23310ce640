/**
 * Contract tests: the Mastodon adapter's real requests against Prism serving the Mastodon 4.7
 * OpenAPI (abraham/mastodon-openapi), loaded with two fixes Prism needs (see loadMastodonSpec).
 * App registration is left out: the spec says `redirect_uris` is an array, but servers before 4.3
 * only accept a string, which is what the adapter sends (and what the docs allow).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { loadMastodonSpec, mastodonSpecPath, startPrism, type PrismServer } from '@plume/testing/peers/prism';
import { missingSharedSpecs, requireSharedSpecs } from '@plume/testing/peers/shared-specs';
import {
  describeExchanges,
  recordPrismExchanges,
  requestViolations,
  type PrismExchange,
} from '@plume/testing/peers/prism-recorder';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { Retryable } from '../provider-errors.ts';
import { mastodonProvider } from './provider.ts';
import { mastodonRequest, testMedia } from './test-support/mastodon-test-bed.ts';

let prism: PrismServer;
let exchanges: PrismExchange[];
let account: AccountAuth;
const usedPaths = [
  '/api/v1/statuses',
  '/api/v1/statuses/{id}',
  '/api/v2/media',
  '/api/v1/media/{id}',
  '/api/v1/accounts/verify_credentials',
  '/api/v2/instance',
  '/api/v1/accounts/{id}/statuses',
  '/api/v1/notifications',
  '/api/v1/conversations',
  '/api/v1/statuses/{id}/context',
];

// The spec lives in ../shared/specs: without it these tests skip, saying so (and fail in CI).
const missingSpecs = missingSharedSpecs([mastodonSpecPath]);

beforeAll(async () => {
  if (missingSpecs === undefined)
    prism = await startPrism(await loadMastodonSpec(), { paths: usedPaths, seed: 'plume' });
});

afterAll(async () => {
  await prism?.stop();
});

beforeEach((testContext) => {
  requireSharedSpecs(testContext, missingSpecs);
  account = { externalId: '1', tokens: { accessToken: 'prism-user-token' }, metadata: { instanceUrl: prism.url } };
});

/** A context whose client records Prism's verdicts; `prefer: 'dynamic=true'` for schema-made answers. */
function contextFor(prefer?: string | ((method: string, url: URL) => string | undefined)): NetworkContext {
  const base = createTestNetworkContext({});
  const recorder = recordPrismExchanges(base.http, prefer === undefined ? {} : { prefer });
  exchanges = recorder.exchanges;
  return { ...base, http: recorder.http };
}

function expectAccepted(expected: string[]): void {
  const summary = describeExchanges(exchanges);
  expect(
    exchanges.map((exchange) => `${exchange.method} ${exchange.url.pathname}`),
    summary,
  ).toEqual(expected);
  for (const exchange of exchanges) {
    expect(exchange.status, summary).toBeGreaterThanOrEqual(200);
    expect(exchange.status, summary).toBeLessThan(300);
    expect(requestViolations(exchange), summary).toEqual([]);
  }
}

describe('Mastodon requests against the OpenAPI (Prism)', () => {
  it('publish text with an Idempotency-Key and every setting is accepted', async () => {
    const settings = { visibility: 'unlisted', spoilerText: 'CW', language: 'en', sensitive: true };
    await mastodonProvider.publish(
      contextFor(),
      account,
      mastodonRequest([{ text: 'Hello', media: [] }], { settings }),
    );
    expectAccepted(['POST /api/v1/statuses']);
  });

  it('a thread reply and the first comment are accepted', async () => {
    await mastodonProvider.publish(
      contextFor(),
      account,
      mastodonRequest(
        [
          { text: 'One', media: [] },
          { text: 'Two', media: [] },
        ],
        { firstComment: 'Three' },
      ),
    );
    expectAccepted(['POST /api/v1/statuses', 'POST /api/v1/statuses', 'POST /api/v1/statuses']);
  });

  it('media upload with a description, then a status with text and media, are accepted', async () => {
    const image = testMedia({ kind: 'image', mimeType: 'image/png', altText: 'A quill' });
    await mastodonProvider.publish(contextFor(), account, mastodonRequest([{ text: 'Picture', media: [image] }]));
    expectAccepted(['POST /api/v2/media', 'POST /api/v1/statuses']);
  });

  it('a video upload answered 202, the processing check, then the status are accepted', async () => {
    const context = contextFor((method, url) =>
      method === 'POST' && url.pathname === '/api/v2/media' ? 'code=202' : undefined,
    );
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4', durationSec: 2 });
    await mastodonProvider.publish(context, account, mastodonRequest([{ text: 'Clip', media: [video] }]));
    expect(exchanges[0]?.status).toBe(202);
    expectAccepted([
      'POST /api/v2/media',
      `GET /api/v1/media/${exchanges[1]?.url.pathname.split('/').pop()}`,
      'POST /api/v1/statuses',
    ]);
  });

  it('delete and health (profile and server limits) are accepted', async () => {
    const context = contextFor('dynamic=true');
    await mastodonProvider.delete(context, account, '109876543210');
    const identity = await mastodonProvider.health(context, account);
    expect(identity.metadata?.['instanceUrl']).toBe(prism.url);
    expectAccepted([
      'DELETE /api/v1/statuses/109876543210',
      'GET /api/v1/accounts/verify_credentials',
      'GET /api/v2/instance',
    ]);
  });

  it('post metrics (several ids on 4.3+, one by one before), account counts and recent posts are accepted', async () => {
    const context = contextFor();
    // A token granted `read` goes along (the spec's security asks for one on these paths). Prism's
    // made-up statuses are not real ones (no counters, negative numbers): only the requests are checked.
    const reader = { ...account, tokens: { ...account.tokens, scopes: ['read'] } };
    const batch = { ...reader, metadata: { ...account.metadata, version: '4.4.0' } };
    const requestOnly = (call: Promise<unknown>) =>
      call.catch((error: unknown) => expect(error).toBeInstanceOf(Retryable));
    await requestOnly(mastodonProvider.getPostMetrics!(context, batch, ['109876543210', '109876543211']));
    await requestOnly(mastodonProvider.getPostMetrics!(context, reader, ['109876543210']));
    await requestOnly(mastodonProvider.getAccountMetrics!(context, account));
    await requestOnly(
      mastodonProvider.listRecentPosts!(
        context,
        { ...reader, externalId: '42@mastodon.example' },
        {
          since: new Date(0),
          limit: 1,
        },
      ),
    );
    expectAccepted([
      'GET /api/v1/statuses',
      'GET /api/v1/statuses/109876543210',
      'GET /api/v1/accounts/verify_credentials',
      'GET /api/v1/accounts/42/statuses',
    ]);
    expect(exchanges[0]?.url.searchParams.getAll('id[]')).toEqual(['109876543210', '109876543211']);
    expect(exchanges[3]?.url.searchParams.get('exclude_reblogs')).toBe('true');
  });

  it('inbox reads (notifications, conversations, threads) and a direct reply are accepted', async () => {
    const base = createTestNetworkContext({});
    // Prism's made-up notifications hold a reply, which stops at its thread; none are served so the
    // conversations are read too. Only the requests are checked here.
    const recorder = recordPrismExchanges(base.http, {
      rewrite: (url, body) => {
        if (url.pathname === '/api/v1/notifications') return [];
        if (url.pathname !== '/api/v1/conversations') return body;
        const ada = { id: '5', username: 'ada', acct: 'ada@other.example' };
        const status = {
          id: '113500000000000001',
          created_at: '2026-12-01T10:00:00Z',
          visibility: 'direct',
          account: ada,
        };
        return [{ id: '7', accounts: [ada], last_status: status }];
      },
    });
    exchanges = recorder.exchanges;
    const context = { ...base, http: recorder.http };
    const reader = { ...account, tokens: { ...account.tokens, scopes: ['read'] } };
    await mastodonProvider.listInbox!(context, reader, {
      cursor: JSON.stringify({ notifications: '1000', conversations: '113500000000000000' }),
      limit: 40,
    }).catch((error: unknown) => expect(error).toBeInstanceOf(Retryable));
    const sent = await mastodonProvider.replyToInbox!(context, reader, {
      item: {
        remoteId: '109876543299',
        kind: 'message',
        conversationKey: '7',
        parentRemoteId: null,
        postRemoteId: null,
        authorId: '5',
        meta: { visibility: 'direct', mentions: 'ada@other.example' },
      },
      text: 'Thanks!',
      idempotencyKey: 'reply-1',
    });
    expect(sent.remoteId).not.toBe('');
    const paths = exchanges.map((exchange) => `${exchange.method} ${exchange.url.pathname.replace(/\d+/g, ':id')}`);
    expect(paths).toEqual([
      'GET /api/v:id/notifications',
      'GET /api/v:id/conversations',
      'GET /api/v:id/statuses/:id/context',
      'POST /api/v:id/statuses',
    ]);
    for (const exchange of exchanges) expect(requestViolations(exchange), describeExchanges(exchanges)).toEqual([]);
    expect(exchanges[0]?.url.searchParams.get('min_id')).toBe('1000');
    expect(exchanges[1]?.url.searchParams.get('min_id')).toBe('113500000000000000');
  });

  it('Prism rejects a body our code could get wrong (bad visibility, numeric status) and a missing token', async () => {
    const context = contextFor();
    const post = (body: unknown, headers: Record<string, string> = { authorization: 'Bearer t' }) =>
      context.http.request(`${prism.url}/api/v1/statuses`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const visibility = await post({ status: 'x', visibility: 'everyone' });
    const numeric = await post({ status: 42 });
    const anonymous = await post({ status: 'x' }, {});
    for (const response of [visibility, numeric, anonymous]) await response.body?.cancel();
    expect([visibility.status, numeric.status, anonymous.status], describeExchanges(exchanges)).toEqual([
      422, 422, 401,
    ]);
    expect(requestViolations(exchanges[0]!).map((violation) => violation.location.join('.'))).toContain(
      'request.body.visibility',
    );
  });
});
