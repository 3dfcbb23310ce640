import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLinkedInFake, type LinkedInFake } from '@plume/testing/fakes/linkedin';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext } from '../contract.ts';
import { linkedinProvider } from './provider.ts';

const errorBody = (status: number, code: string, message: string) => ({ status, serviceErrorCode: 0, code, message });

describe('LinkedIn metrics', () => {
  let fake: LinkedInFake;
  let context: NetworkContext;
  let organization: AccountAuth;
  let member: AccountAuth;
  const getPostMetrics = linkedinProvider.getPostMetrics!;
  const statsCalls = (): number =>
    fake.server.requests.filter((request) => request.path === '/rest/organizationalEntityShareStatistics').length;

  function addPost(urn: string, author: string): void {
    fake.state.posts.set(urn, { urn, body: { author, commentary: urn }, version: '202607' });
  }

  beforeAll(async () => {
    fake = await startLinkedInFake();
    context = createTestNetworkContext(fake.endpoints, { app: { clientId: 'li-client', clientSecret: 'li-secret' } });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.posts.clear();
    fake.state.postStats.clear();
    fake.state.memberAnalyticsGranted = true;
    const accessToken = fake.issueAccessToken();
    organization = {
      externalId: 'urn:li:organization:2414183',
      tokens: { accessToken },
      metadata: { authorUrn: 'urn:li:organization:2414183', memberUrn: 'urn:li:person:abc123' },
    };
    member = {
      externalId: 'urn:li:person:abc123',
      tokens: { accessToken },
      metadata: { authorUrn: 'urn:li:person:abc123' },
    };
  });

  it('reads organization posts 20 a call, shares and ugcPosts in the same call, with LinkedIn names mapped', async () => {
    const urns = [...Array.from({ length: 21 }, (_, index) => `urn:li:share:${7000 + index}`), 'urn:li:ugcPost:8000'];
    for (const urn of urns) addPost(urn, 'urn:li:organization:2414183');
    fake.state.postStats.set('urn:li:share:7000', {
      impressionCount: 900,
      uniqueImpressionsCount: 640,
      likeCount: 30,
      commentCount: 4,
      shareCount: 2,
      clickCount: 21,
    });
    const readings = await getPostMetrics(context, organization, urns);
    expect(readings).toHaveLength(22);
    expect(readings[0]).toEqual({
      remoteId: 'urn:li:share:7000',
      status: 'ok',
      metrics: { impressions: 900, reach: 640, likes: 30, replies: 4, reposts: 2, clicks: 21 },
    });
    expect(readings.map((reading) => reading.remoteId)).toEqual(urns);
    expect(statsCalls()).toBe(2);
    const second = fake.server.requests.find((request) => request.query.get('ugcPosts') !== null);
    expect(second?.query.get('ugcPosts')).toBe('List(urn:li:ugcPost:8000)');
    expect(second?.query.get('shares')).toBe('List(urn:li:share:7020)');
    expect(second?.headers['linkedin-version']).toBe('202607');
    expect(fake.server.unhandled).toEqual([]);
  });

  it('marks a deleted organization post gone after checking it is really missing', async () => {
    addPost('urn:li:share:1', 'urn:li:organization:2414183');
    const readings = await getPostMetrics(context, organization, ['urn:li:share:1', 'urn:li:share:404']);
    expect(readings[0]?.status).toBe('ok');
    expect(readings[1]).toEqual({ remoteId: 'urn:li:share:404', status: 'gone', reason: 'deleted' });
  });

  it('reads member posts through member post analytics, absent where LinkedIn has no count', async () => {
    addPost('urn:li:share:55', 'urn:li:person:abc123');
    fake.state.postStats.set('urn:li:share:55', { impressionCount: 300, likeCount: 12, commentCount: 1 });
    expect(await getPostMetrics(context, member, ['urn:li:share:55', 'urn:li:share:66'])).toEqual([
      { remoteId: 'urn:li:share:55', status: 'ok', metrics: { impressions: 300, likes: 12, replies: 1 } },
      { remoteId: 'urn:li:share:66', status: 'gone', reason: 'deleted' },
    ]);
    const types = fake.server.requests.slice(0, 5).map((request) => request.query.get('queryType'));
    expect(types).toEqual(['IMPRESSION', 'MEMBERS_REACHED', 'RESHARE', 'REACTION', 'COMMENT']);
    expect(fake.server.requests[0]?.query.get('entity')).toBe('(share:urn:li:share:55)');
  });

  it('maps 401, a missing r_member_postAnalytics (403), 429 with Retry-After and 5xx to the typed errors', async () => {
    addPost('urn:li:share:55', 'urn:li:person:abc123');
    await expect(
      getPostMetrics(context, { ...member, tokens: { accessToken: 'expired' } }, ['urn:li:share:55']),
    ).rejects.toMatchObject({ kind: 'auth_expired' });
    fake.state.memberAnalyticsGranted = false;
    await expect(getPostMetrics(context, member, ['urn:li:share:55'])).rejects.toMatchObject({ kind: 'permanent' });
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '90' },
      body: errorBody(
        429,
        'TOO_MANY_REQUESTS',
        'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      ),
    });
    await expect(getPostMetrics(context, organization, ['urn:li:share:55'])).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 90_000,
    });
    fake.server.failNext({ status: 504, body: errorBody(504, 'GATEWAY_TIMEOUT', 'timeout') });
    await expect(getPostMetrics(context, organization, ['urn:li:share:55'])).rejects.toMatchObject({
      kind: 'retryable',
    });
  });

  it('reads organization followers, and nothing for a member', async () => {
    expect(await linkedinProvider.getAccountMetrics!(context, organization)).toEqual({ followers: 5120 });
    expect(fake.server.requests[0]?.query.get('edgeType')).toBe('COMPANY_FOLLOWED_BY_MEMBER');
    expect(await linkedinProvider.getAccountMetrics!(context, member)).toEqual({});
  });
});
