import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startGoogleBusinessFake,
  GOOGLE_BUSINESS_TEST_SCOPES,
  type GoogleBusinessFake,
} from '@plume/testing/fakes/google_business';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { issueGoogleCode } from '@plume/testing/fakes/youtube/google-token-routes';
import type { NetworkContext, PublishMedia, PublishRequest } from '../contract.ts';
import { pkceChallenge } from '../shared/oauth2.ts';
import { google_businessManifest } from './manifest.ts';
import { google_businessProvider as provider } from './provider.ts';

let fake: GoogleBusinessFake;
let context: NetworkContext;

beforeAll(async () => {
  fake = await startGoogleBusinessFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

const photo: PublishMedia = {
  id: 'p1',
  kind: 'image',
  mimeType: 'image/jpeg',
  bytes: 120_000,
  width: 1200,
  height: 900,
  aiGenerated: false,
  fileName: 'bread.jpg',
  publicUrl: 'https://plume.example/media/p1.jpg',
  read: async () => new Uint8Array(0),
};

function post(settings: Record<string, unknown> = {}, overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    parts: [{ text: 'Fresh sourdough every morning.', media: [] }],
    settings: google_businessManifest.settings.parse(settings),
    idempotencyKey: 'target-1',
    ...overrides,
  };
}

describe('google business connect', () => {
  it('asks Google for business.manage with PKCE, offline access and state', () => {
    const url = provider.oauth!.authorizeUrl(context, {
      state: 'st',
      codeChallenge: 'ch',
      redirectUri: 'https://plume.example/cb',
    });
    expect(url.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/business.manage');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 'st',
      access_type: 'offline',
      prompt: 'consent',
    });
  });

  it('exchanges the code and lists every location of every account, paging, each location once', async () => {
    const [first] = fake.state.accounts;
    const extra = Array.from({ length: 12 }, (_, index) => ({ name: `locations/3${index}`, title: `Branch ${index}` }));
    first!.locations.push(...extra);
    fake.state.accounts.push({
      name: 'accounts/1002',
      accountName: 'Group',
      type: 'LOCATION_GROUP',
      locations: [first!.locations[0]!],
    });
    fake.state.pageSizeCap = 5;
    try {
      const verifier = 'w'.repeat(43);
      const code = issueGoogleCode(fake.state.tokens, {
        redirectUri: 'https://plume.example/cb',
        codeChallenge: pkceChallenge(verifier),
        scopes: GOOGLE_BUSINESS_TEST_SCOPES,
      });
      const tokens = await provider.oauth!.exchangeCode(context, {
        code,
        codeVerifier: verifier,
        redirectUri: 'https://plume.example/cb',
      });
      const identities = await provider.oauth!.listIdentities(context, tokens, {});
      expect(identities).toHaveLength(13);
      expect(identities[0]).toEqual({
        externalId: 'locations/2001',
        handle: 'Plume Bakery',
        displayName: 'Plume Bakery (Springfield)',
        kind: 'location',
        metadata: { account: 'accounts/1001', location: 'locations/2001' },
      });
      const listCalls = fake.server.requests.filter((request) => request.path === '/v1/accounts/1001/locations');
      expect(listCalls.map((request) => request.query.get('pageToken'))).toEqual([null, '5', '10']);
      expect(listCalls[0]!.query.get('readMask')).toBe('name,title,storefrontAddress');
    } finally {
      first!.locations.splice(1);
      fake.state.accounts.pop();
      fake.state.pageSizeCap = 100;
    }
  });

  it('refreshes keeping the refresh token; a login that manages nothing is told so', async () => {
    const account = fake.account();
    const refreshed = await provider.oauth!.refresh(context, account.tokens, account.metadata);
    expect(refreshed.refreshToken).toBe(account.tokens.refreshToken);
    const saved = fake.state.accounts.splice(0);
    try {
      await expect(provider.oauth!.listIdentities(context, account.tokens, {})).rejects.toMatchObject({
        kind: 'permanent',
        vendorCode: 'no_location',
      });
    } finally {
      fake.state.accounts.push(...saved);
    }
  });
});

describe('google business publish', () => {
  it('creates a STANDARD post with a photo and a LEARN_MORE button; the URL is searchUrl', async () => {
    const account = fake.account();
    const result = await provider.publish(
      context,
      account,
      post(
        {},
        { link: 'https://bakery.example/menu', parts: [{ text: 'Fresh sourdough every morning.', media: [photo] }] },
      ),
    );
    const request = fake.server.requests.find((candidate) => candidate.method === 'POST')!;
    expect(request.path).toBe('/v4/accounts/1001/locations/2001/localPosts');
    expect(request.bearer).toBe(account.tokens.accessToken);
    expect(request.body).toEqual({
      topicType: 'STANDARD',
      summary: 'Fresh sourdough every morning.',
      callToAction: { actionType: 'LEARN_MORE', url: 'https://bakery.example/menu' },
      media: [{ mediaFormat: 'PHOTO', sourceUrl: 'https://plume.example/media/p1.jpg' }],
    });
    expect(result.remoteId).toMatch(/^accounts\/1001\/locations\/2001\/localPosts\/\w+$/);
    expect(result.url).toMatch(/^https:\/\/local\.google\.com\/place\?id=2001&use=posts&lpsid=/);
    expect(fake.state.posts.get(result.remoteId)!.body['state']).toBe('LIVE');
  });

  it('creates an EVENT and an OFFER with their schedule and offer details', async () => {
    const account = fake.account();
    const event = { event_title: 'Bread class', event_start: '2026-12-05T10:00', event_end: '2026-12-05' };
    await provider.publish(
      context,
      account,
      post({ topic_type: 'EVENT', call_to_action: 'BOOK', ...event }, { link: 'https://bakery.example/book' }),
    );
    await provider.publish(
      context,
      account,
      post(
        { topic_type: 'OFFER', ...event, coupon_code: 'BREAD10', terms_conditions: 'One per customer' },
        { link: 'https://bakery.example/offer' },
      ),
    );
    const [eventBody, offerBody] = fake.server.requests
      .filter((candidate) => candidate.method === 'POST')
      .map((candidate) => candidate.body);
    expect(eventBody).toMatchObject({
      topicType: 'EVENT',
      callToAction: { actionType: 'BOOK', url: 'https://bakery.example/book' },
      event: {
        title: 'Bread class',
        schedule: {
          startDate: { year: 2026, month: 12, day: 5 },
          startTime: { hours: 10, minutes: 0 },
          endDate: { year: 2026, month: 12, day: 5 },
        },
      },
    });
    expect(offerBody).toMatchObject({
      topicType: 'OFFER',
      offer: {
        couponCode: 'BREAD10',
        redeemOnlineUrl: 'https://bakery.example/offer',
        termsConditions: 'One per customer',
      },
    });
    expect(offerBody).not.toHaveProperty('callToAction');
  });

  it('validates: something to show, a complete event, a link for the button', () => {
    expect(provider.validate!(post({}, { parts: [{ text: ' ', media: [] }] }))).toEqual([
      expect.objectContaining({ path: 'parts.0.text' }),
    ]);
    expect(
      provider.validate!(post({ topic_type: 'EVENT', event_start: '2026-12-05', event_end: '2026-12-04' })).map(
        (issue) => issue.path,
      ),
    ).toEqual(['settings.event_title', 'settings.event_end']);
    expect(provider.validate!(post({ call_to_action: 'ORDER' }))).toEqual([expect.objectContaining({ path: 'link' })]);
    expect(provider.validate!(post({ call_to_action: 'CALL' }))).toEqual([]);
  });
});

describe('google business delete and health', () => {
  it('deletes a post; deleting it again succeeds', async () => {
    const account = fake.account();
    const { remoteId } = await provider.publish(context, account, post());
    await provider.delete(context, account, remoteId);
    expect(fake.state.posts.get(remoteId)!.deleted).toBe(true);
    expect(fake.server.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/v4/${remoteId}` });
    await expect(provider.delete(context, account, remoteId)).resolves.toBeUndefined();
  });

  it('reads the location back for health', async () => {
    const account = fake.account();
    await expect(provider.health(context, account)).resolves.toMatchObject({
      externalId: 'locations/2001',
      displayName: 'Plume Bakery (Springfield)',
    });
    expect(fake.server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/locations/2001' });
  });
});
