/**
 * Contract tests: the X adapter's real requests against Prism serving X's official OpenAPI (v2.167).
 * Prism validates paths, parameters, bodies and the bearer scheme; it invents its answers, so ids
 * it returns as "string" are swapped for numeric ones before the adapter uses them in a path.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startPrism, xApiSpecPath, type PrismServer } from '@plume/testing/peers/prism';
import { missingSharedSpecs, requireSharedSpecs } from '@plume/testing/peers/shared-specs';
import {
  describeExchanges,
  recordPrismExchanges,
  requestViolations,
  type PrismExchange,
} from '@plume/testing/peers/prism-recorder';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { xProvider } from './provider.ts';
import { testMedia, xRequest } from './test-support/x-test-bed.ts';

let prism: PrismServer;
let context: NetworkContext;
let exchanges: PrismExchange[];
const account: AccountAuth = {
  externalId: '2244994945',
  tokens: { accessToken: 'prism-user-token' },
  metadata: { username: 'plume_test' },
};

let nextId = 1_790_000_000_000_000_000n;
function numericIds(_url: URL, body: unknown): unknown {
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  if (data !== undefined && typeof data['id'] === 'string' && !/^\d{1,19}$/.test(data['id']))
    data['id'] = String((nextId += 1n));
  return body;
}

const usedPaths = [
  '/2/tweets',
  '/2/tweets/{id}',
  '/2/users/me',
  '/2/media/upload',
  '/2/media/upload/initialize',
  '/2/media/upload/{id}/append',
  '/2/media/upload/{id}/finalize',
  '/2/media/metadata',
  '/2/users/{id}/tweets',
  '/2/users/{id}/mentions',
  '/2/tweets/{tweet_id}/hidden',
];

// The spec lives in ../shared/specs: without it these tests skip, saying so (and fail in CI).
const missingSpecs = missingSharedSpecs([xApiSpecPath]);

beforeAll(async () => {
  if (missingSpecs === undefined) prism = await startPrism(xApiSpecPath, { paths: usedPaths, seed: 'plume' });
});

afterAll(async () => {
  await prism?.stop();
});

beforeEach((testContext) => {
  requireSharedSpecs(testContext, missingSpecs);
  const base = createTestNetworkContext({
    api: prism.url,
    authorize: `${prism.url}/i/oauth2/authorize`,
    token: `${prism.url}/2/oauth2/token`,
  });
  const recorder = recordPrismExchanges(base.http, { rewrite: numericIds });
  exchanges = recorder.exchanges;
  context = { ...base, http: recorder.http };
});

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

describe('X requests against the official OpenAPI (Prism)', () => {
  it('publish text is accepted', async () => {
    await xProvider.publish(
      context,
      account,
      xRequest([{ text: 'Hello from Plume', media: [] }], { settings: { replySettings: 'following' } }),
    );
    expectAccepted(['POST /2/tweets']);
  });

  it('a thread reply and the first comment are accepted', async () => {
    const result = await xProvider.publish(
      context,
      account,
      xRequest(
        [
          { text: 'One', media: [] },
          { text: 'Two', media: [] },
        ],
        { firstComment: 'Three' },
      ),
    );
    expectAccepted(['POST /2/tweets', 'POST /2/tweets', 'POST /2/tweets']);
    expect(result.extra).toHaveLength(2);
  });

  it('image upload (one request), alt text, AI label and attaching it are accepted', async () => {
    const image = testMedia({ kind: 'image', mimeType: 'image/png', altText: 'A quill', aiGenerated: true });
    await xProvider.publish(context, account, xRequest([{ text: 'Picture', media: [image] }]));
    expectAccepted(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets']);
  });

  it('chunked video upload (initialize, append, finalize) is accepted', async () => {
    const video = testMedia({ kind: 'video', mimeType: 'video/mp4', durationSec: 2 }, 64 * 1024);
    await xProvider.publish(context, account, xRequest([{ text: 'Clip', media: [video] }]));
    const id = exchanges[1]?.url.pathname.split('/')[4];
    expectAccepted([
      'POST /2/media/upload/initialize',
      `POST /2/media/upload/${id}/append`,
      `POST /2/media/upload/${id}/finalize`,
      'POST /2/tweets',
    ]);
  });

  it('delete and health are accepted', async () => {
    await xProvider.delete(context, account, '1790000000000000123');
    await xProvider.health(context, account);
    expectAccepted(['DELETE /2/tweets/1790000000000000123', 'GET /2/users/me']);
  });

  it('metrics reads (posts lookup, account counts, recent posts) are accepted', async () => {
    const ids = Array.from({ length: 100 }, (_, index) => String(1_790_000_000_000_000_000n + BigInt(index)));
    const readings = await xProvider.getPostMetrics!(context, account, ids);
    await xProvider.getAccountMetrics!(context, account);
    await xProvider.listRecentPosts!(context, account, { since: new Date('2026-01-01T00:00:00Z'), limit: 5 });
    expect(readings).toHaveLength(100);
    // Prism invents one post and the same next_token on every page: the second page (with the token) ends it.
    const timeline = `GET /2/users/${account.externalId}/tweets`;
    expectAccepted(['GET /2/tweets', 'GET /2/users/me', timeline, timeline]);
    expect(exchanges[3]?.url.searchParams.has('pagination_token')).toBe(true);
  });

  it('Prism rejects a body our code could get wrong (reply_settings "everyone", v1 media_ids) and a missing token', async () => {
    const post = (body: unknown, headers: Record<string, string> = { authorization: 'Bearer t' }) =>
      context.http.request(`${prism.url}/2/tweets`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const everyone = await post({ text: 'x', reply_settings: 'everyone' });
    const v1Media = await post({ text: 'x', media_ids: ['1'] });
    const anonymous = await post({ text: 'x' }, {});
    for (const response of [everyone, v1Media, anonymous]) await response.body?.cancel();
    expect([everyone.status, v1Media.status, anonymous.status], describeExchanges(exchanges)).toEqual([422, 422, 401]);
    expect(requestViolations(exchanges[0]!).map((violation) => violation.location.join('.'))).toContain(
      'request.body.reply_settings',
    );
  });
  it('inbox: mentions (first read and since_id), a reply and hiding it are accepted', async () => {
    // Prism's invented posts have ids like "string": the second read starts from a real-looking id.
    await xProvider.listInbox!(context, account, { cursor: null, limit: 100 });
    await xProvider.listInbox!(context, account, { cursor: '1790000000000000001', limit: 100 });
    const item = {
      remoteId: '1790000000000000009',
      kind: 'comment' as const,
      conversationKey: '1790000000000000009',
      parentRemoteId: null,
      postRemoteId: '1790000000000000008',
      authorId: '42',
      meta: {},
    };
    await xProvider.replyToInbox!(context, account, { item, text: 'Thanks!', idempotencyKey: 'r-1' });
    await xProvider.moderateInbox!(context, account, { item, action: 'hide' });
    const summary = describeExchanges(exchanges);
    const paths = exchanges.map((exchange) => `${exchange.method} ${exchange.url.pathname}`);
    expect(paths[0], summary).toBe('GET /2/users/2244994945/mentions');
    expect(paths.slice(-2), summary).toEqual(['POST /2/tweets', 'PUT /2/tweets/1790000000000000009/hidden']);
    for (const exchange of exchanges) {
      expect(exchange.status, summary).toBeLessThan(300);
      expect(requestViolations(exchange), summary).toEqual([]);
    }
    const mentions = exchanges.filter((exchange) => exchange.url.pathname.endsWith('/mentions'));
    expect(mentions[0]?.url.searchParams.has('start_time')).toBe(true);
    expect(mentions.at(-1)?.url.searchParams.has('since_id')).toBe(true);
  });
});
