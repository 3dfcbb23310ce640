import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { googleApiError } from '@plume/testing/fakes/youtube/google-token-routes';
import { startYoutubeFake, type YoutubeFake } from '@plume/testing/fakes/youtube/youtube-fake';
import type { NetworkContext, PublishRequest } from '../contract.ts';
import { RateLimited } from '../provider-errors.ts';
import { msUntilPacificMidnight } from './google-errors.ts';
import { youtubeManifest } from './manifest.ts';
import { youtubeProvider } from './provider.ts';

let fake: YoutubeFake;
let context: NetworkContext;
const now = new Date('2026-11-22T10:00:00Z'); // 02:00 PST

beforeAll(async () => {
  fake = await startYoutubeFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app, now: () => now });
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

const request: PublishRequest = {
  parts: [
    {
      text: 'A title',
      media: [
        {
          id: 'v',
          kind: 'video',
          mimeType: 'video/mp4',
          bytes: 4,
          aiGenerated: false,
          fileName: 'v.mp4',
          publicUrl: 'https://x/v',
          read: async () => new Uint8Array(4),
        },
      ],
    },
  ],
  settings: youtubeManifest.settings.parse({}),
  idempotencyKey: 'k',
};
const isSessionStart = { match: (r: { method: string }) => r.method === 'POST' };

function ytError(code: number, reason: string, message = reason): { status: number; body: unknown } {
  return { status: code, body: googleApiError(code, message, { reason, domain: 'youtube.quota' }) };
}

describe('youtube error mapping', () => {
  it('401 (expired token) is AuthExpired', async () => {
    const account = fake.account();
    fake.state.tokens.accessTokens.delete(account.tokens.accessToken);
    await expect(youtubeProvider.publish(context, account, request)).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('403 forbidden is Permanent with a plain reason', async () => {
    fake.server.failNext({ ...ytError(403, 'forbidden', 'Access forbidden.'), ...isSessionStart });
    await expect(youtubeProvider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'forbidden',
      reason: expect.stringContaining('Google refused access to this account'),
    });
  });

  it('a missing scope is Permanent and says to reconnect', async () => {
    const readOnly = fake.account(['https://www.googleapis.com/auth/youtube.readonly']);
    await expect(youtubeProvider.publish(context, readOnly, request)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'insufficientPermissions',
      reason: expect.stringContaining('Reconnect'),
    });
  });

  it('uploadLimitExceeded is Permanent: the channel hit its daily cap', async () => {
    fake.server.failNext({ ...ytError(400, 'uploadLimitExceeded'), ...isSessionStart });
    await expect(youtubeProvider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'uploadLimitExceeded',
      reason: expect.stringContaining('daily upload limit'),
    });
  });

  it('quotaExceeded (403) waits for the project quota to reset at midnight Pacific', async () => {
    fake.server.failNext({ ...ytError(403, 'quotaExceeded'), ...isSessionStart });
    const error = await youtubeProvider.publish(context, fake.account(), request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ retryAfterMs: 22 * 3600_000, scope: 'app' });
  });

  it('userRateLimitExceeded (403) throttles only this account; 429 honours Retry-After', async () => {
    fake.server.failNext({ ...ytError(403, 'userRateLimitExceeded'), ...isSessionStart });
    await expect(youtubeProvider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'rate_limited',
      scope: 'account',
      retryAfterMs: 60_000,
    });
    fake.server.failNext({ ...ytError(429, 'rateLimitExceeded'), headers: { 'retry-after': '30' }, ...isSessionStart });
    await expect(youtubeProvider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'rate_limited',
      scope: 'app',
      retryAfterMs: 30_000,
    });
  });

  it('5xx and a dropped connection while opening the session are Retryable: no video exists yet', async () => {
    fake.server.failNext({ ...ytError(503, 'backendError'), ...isSessionStart });
    await expect(youtubeProvider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'retryable',
    });
    fake.server.dropNext(isSessionStart);
    await expect(youtubeProvider.publish(context, fake.account(), request)).rejects.toMatchObject({
      kind: 'retryable',
    });
    expect(fake.state.videos.size).toBe(0);
  });

  it('a refused connection is Retryable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const offline = createTestNetworkContext(
      { ...fake.endpoints, upload: `${closed}/upload/youtube/v3`, api: `${closed}/youtube/v3` },
      { app: fake.app },
    );
    await expect(youtubeProvider.publish(offline, fake.account(), request)).rejects.toMatchObject({
      kind: 'retryable',
    });
    await expect(youtubeProvider.health(offline, fake.account())).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('a login without a channel is Permanent, not AuthExpired', async () => {
    fake.server.failNext({
      status: 401,
      body: googleApiError(401, 'Unauthorized', { reason: 'youtubeSignupRequired' }),
    });
    await expect(youtubeProvider.health(context, fake.account())).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'youtubeSignupRequired',
    });
  });

  it('an unreadable channel list is Retryable (a read can be repeated)', async () => {
    fake.server.malformNext();
    await expect(youtubeProvider.health(context, fake.account())).rejects.toMatchObject({ kind: 'retryable' });
  });
});

describe('midnight Pacific', () => {
  it('counts to the next midnight in Los Angeles, across daylight saving changes', () => {
    expect(msUntilPacificMidnight(new Date('2026-11-22T07:30:00Z'))).toBe(30 * 60_000); // 23:30 PST
    expect(msUntilPacificMidnight(new Date('2026-07-01T06:59:00Z'))).toBe(60_000); // 23:59 PDT
    // 2026-11-01 is a 25-hour day: 00:30 PDT → next midnight is 24.5 h away.
    expect(msUntilPacificMidnight(new Date('2026-11-01T07:30:00Z'))).toBe(24.5 * 3600_000);
    // 2026-03-08 is a 23-hour day.
    expect(msUntilPacificMidnight(new Date('2026-03-08T08:00:00Z'))).toBe(23 * 3600_000);
  });
});
