import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startTikTokFake, type TikTokFake } from '@plume/testing/fakes/tiktok/tiktok-fake';
import { freePort } from '@plume/testing/free-port';
import type { NetworkContext } from '../contract.ts';
import { isProviderError, RateLimited } from '../provider-errors.ts';
import { MalformedResponse } from '../shared/network-call.ts';
import { planChunks } from './operations/upload-video.ts';
import { createTikTokProvider, tiktokProvider } from './provider.ts';
import { bytesOf, connectedAccount, fastTikTok, media, request } from './test-support/tiktok-test-kit.ts';

const onInit = (sent: { path: string }) => sent.path === '/v2/post/publish/video/init/';
const apiError = (code: string, message = 'vendor says no') => ({
  data: {},
  error: { code, message, log_id: 'log-1' },
});

describe('TikTok error mapping', () => {
  let fake: TikTokFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startTikTokFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.publishes.clear();
  });

  const publishVideo = (size = 10) =>
    fastTikTok.publish(context, connectedAccount(fake), request('x', [media('video', bytesOf(size))]));
  const publishPhoto = () =>
    fastTikTok.publish(context, connectedAccount(fake), request('x', [media('image', bytesOf(10))]));

  it('401 access_token_invalid is AuthExpired', async () => {
    fake.server.failNext({ status: 401, body: apiError('access_token_invalid'), match: onInit });
    await expect(publishVideo()).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('403 codes become Permanent with plain words and the vendor code', async () => {
    fake.server.failNext({ status: 403, body: apiError('spam_risk_too_many_posts'), match: onInit });
    await expect(publishVideo()).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'spam_risk_too_many_posts',
      message: expect.stringContaining('reached its daily posting limit'),
    });
    fake.server.failNext({
      status: 403,
      body: apiError('unaudited_client_can_only_post_to_private_accounts'),
      match: onInit,
    });
    await expect(publishVideo()).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringContaining('"Only me"'),
    });
    fake.server.failNext({ status: 403, body: apiError('spam_risk_user_banned_from_posting'), match: onInit });
    await expect(publishVideo()).rejects.toMatchObject({
      message: expect.stringContaining('blocked this account from posting'),
    });
  });

  it('429 with Retry-After is RateLimited for that long', async () => {
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '42' },
      body: apiError('rate_limit_exceeded'),
      match: onInit,
    });
    const error: unknown = await publishVideo().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimited);
    expect(error).toMatchObject({ retryAfterMs: 42_000, scope: 'account' });
  });

  it('5xx before the post exists is Retryable', async () => {
    fake.server.failNext({ status: 500, body: apiError('internal_error'), match: onInit });
    await expect(publishVideo()).rejects.toMatchObject({ kind: 'retryable' });
    fake.server.failNext({ status: 502, match: (sent) => sent.path.includes('creator_info') });
    await expect(publishVideo()).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('a 200 answer carrying an error code is still that error', async () => {
    fake.server.failNext({ status: 200, body: apiError('privacy_level_option_mismatch'), match: onInit });
    await expect(publishVideo()).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'privacy_level_option_mismatch',
    });
  });

  it('a malformed 2xx on the create call (photo init) is not a typed error', async () => {
    fake.server.malformNext({ match: (sent) => sent.path === '/v2/post/publish/content/init/' });
    const error: unknown = await publishPhoto().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedResponse);
    expect(isProviderError(error)).toBe(false);
  });

  it('a dropped connection after TikTok received the photo post is not a typed error', async () => {
    fake.server.dropNext({ match: (sent) => sent.path === '/v2/post/publish/content/init/' });
    const error: unknown = await publishPhoto().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(isProviderError(error)).toBe(false);
    expect(fake.publishes()).toHaveLength(1);
  });

  it('a dropped connection on the last video chunk is not a typed error', async () => {
    fake.server.dropNext({ match: (sent) => sent.path === '/upload/video/' });
    const error: unknown = await publishVideo().catch((caught: unknown) => caught);
    expect(isProviderError(error)).toBe(false);
  });

  it('a dropped connection before the bytes are complete is Retryable (nothing can be published)', async () => {
    fake.server.dropNext({ match: onInit });
    await expect(publishVideo()).rejects.toMatchObject({ kind: 'retryable' });
    fake.state.minChunkBytes = 1000;
    const chunked = createTikTokProvider({ chunks: { singleChunkMaxBytes: 2000, chunkBytes: 1000, maxChunks: 1000 } });
    fake.server.dropNext({ match: (sent) => sent.path === '/upload/video/' });
    await expect(
      chunked.publish(context, connectedAccount(fake), request('x', [media('video', bytesOf(3500))])),
    ).rejects.toMatchObject({ kind: 'retryable' });
    fake.state.minChunkBytes = 5 * 1024 * 1024;
  });

  it('a refused upload chunk is Retryable', async () => {
    fake.server.failNext({ status: 503, match: (sent) => sent.path === '/upload/video/' });
    await expect(publishVideo()).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('connection refused is Retryable', async () => {
    const closed = createTestNetworkContext(
      { ...fake.endpoints, api: `http://127.0.0.1:${await freePort()}` },
      { app: fake.app },
    );
    await expect(
      fastTikTok.publish(closed, connectedAccount(fake), request('x', [media('video', bytesOf(10))])),
    ).rejects.toMatchObject({ kind: 'retryable' });
  });

  it('delete is Permanent in plain words and calls nothing', async () => {
    await expect(tiktokProvider.delete(context, connectedAccount(fake), '123')).rejects.toMatchObject({
      kind: 'permanent',
      message: 'TikTok does not let apps delete posts. Delete it in the TikTok app instead.',
    });
    expect(fake.server.requests).toHaveLength(0);
  });
});

describe('TikTok validate', () => {
  const validate = tiktokProvider.validate!;

  it('reports a missing privacy level for Direct Post only', () => {
    expect(validate(request('x', [], { privacy_level: undefined }))).toEqual([
      { path: 'settings.privacy_level', message: 'Choose who can see this TikTok post (privacy level).' },
    ]);
    expect(validate(request('x', [], { privacy_level: undefined, mode: 'inbox' }))).toEqual([]);
    expect(validate(request('x', []))).toEqual([]);
  });

  it('refuses private branded content and mixed media', () => {
    expect(validate(request('x', [], { privacy_level: 'SELF_ONLY', brand_content_toggle: true }))[0]?.message).toMatch(
      /Branded content cannot be private/,
    );
    expect(validate(request('x', [media('video', bytesOf(1)), media('video', bytesOf(1))]))[0]?.path).toBe('mediaIds');
  });
});

describe('TikTok chunk plan', () => {
  const MiB = 1024 * 1024;

  it('sends small files whole', () => {
    expect(planChunks(3 * MiB)).toMatchObject({ chunkSize: 3 * MiB, totalChunkCount: 1 });
    expect(planChunks(60 * MiB)).toMatchObject({ chunkSize: 60 * MiB, totalChunkCount: 1 });
  });

  it('splits large files into 10 MiB chunks, the remainder riding on the last', () => {
    const plan = planChunks(105 * MiB + 7);
    expect(plan).toMatchObject({ chunkSize: 10 * MiB, totalChunkCount: 10 });
    expect(plan.ranges.at(-1)).toEqual({ first: 90 * MiB, last: 105 * MiB + 6 });
    expect(plan.ranges.at(-1)!.last - plan.ranges.at(-1)!.first + 1).toBeLessThanOrEqual(128 * MiB);
  });

  it('never exceeds 1000 chunks', () => {
    const plan = planChunks(12_000 * MiB);
    expect(plan.totalChunkCount).toBeLessThanOrEqual(1000);
    expect(plan.chunkSize).toBeLessThanOrEqual(64 * MiB);
  });
});
