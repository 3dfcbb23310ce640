import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { issueGoogleCode } from '@plume/testing/fakes/youtube/google-token-routes';
import { startYoutubeFake, YOUTUBE_TEST_SCOPES, type YoutubeFake } from '@plume/testing/fakes/youtube/youtube-fake';
import type { NetworkContext, PublishMedia, PublishRequest } from '../contract.ts';
import { pkceChallenge } from '../shared/oauth2.ts';
import { youtubeManifest } from './manifest.ts';
import { publishYoutube } from './operations/publish.ts';
import { youtubeProvider } from './provider.ts';

let fake: YoutubeFake;
let context: NetworkContext;

beforeAll(async () => {
  fake = await startYoutubeFake();
  context = createTestNetworkContext(fake.endpoints, { app: fake.app });
});
afterAll(async () => fake.close());
beforeEach(() => fake.server.reset());

function video(overrides: Partial<PublishMedia> & { data?: Uint8Array } = {}): PublishMedia {
  const data = overrides.data ?? new Uint8Array(300 * 1024).fill(7);
  return {
    id: 'm1',
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: data.byteLength,
    width: 1920,
    height: 1080,
    durationSec: 30,
    aiGenerated: false,
    fileName: 'clip.mp4',
    publicUrl: 'https://plume.example/media/m1',
    read: async () => data,
    ...overrides,
  };
}

function post(overrides: Partial<PublishRequest> = {}, media: PublishMedia[] = [video()]): PublishRequest {
  return {
    parts: [{ text: 'Launch day\nWe shipped the thing.', media }],
    settings: youtubeManifest.settings.parse({}),
    idempotencyKey: 'target-1',
    ...overrides,
  };
}

describe('youtube connect', () => {
  it('builds a Google consent URL with PKCE S256, state, offline access and the YouTube scopes', () => {
    const url = youtubeProvider.oauth!.authorizeUrl(context, {
      state: 's-1',
      codeChallenge: 'c-1',
      redirectUri: 'https://plume.example/cb',
    });
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: fake.app.clientId,
      response_type: 'code',
      state: 's-1',
      code_challenge: 'c-1',
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      redirect_uri: 'https://plume.example/cb',
    });
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(YOUTUBE_TEST_SCOPES);
  });

  it('exchanges the code with the verifier and lists the channels of the login', async () => {
    fake.state.channels.push({ id: 'UCsecondchannel', title: 'Second Channel' });
    try {
      const verifier = 'v'.repeat(43);
      const redirectUri = 'https://plume.example/cb';
      const code = issueGoogleCode(fake.state.tokens, {
        redirectUri,
        codeChallenge: pkceChallenge(verifier),
        scopes: YOUTUBE_TEST_SCOPES,
      });
      const tokens = await youtubeProvider.oauth!.exchangeCode(context, { code, codeVerifier: verifier, redirectUri });
      expect(tokens.refreshToken).toMatch(/^1\/\//);
      expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
      const form = fake.server.requests.find((request) => request.path === '/token')!.body as Record<string, string>;
      expect(form).toMatchObject({
        grant_type: 'authorization_code',
        code_verifier: verifier,
        client_secret: fake.app.clientSecret,
      });

      const identities = await youtubeProvider.oauth!.listIdentities(context, tokens, {});
      expect(identities).toEqual([
        expect.objectContaining({
          externalId: 'UCfakechannel000000000001',
          handle: '@plumetest',
          displayName: 'Plume Test Channel',
          kind: 'channel',
          profileUrl: 'https://www.youtube.com/@plumetest',
          avatarUrl: 'https://yt3.ggpht.com/fake=s88',
          metadata: { channelId: 'UCfakechannel000000000001' },
        }),
        expect.objectContaining({
          externalId: 'UCsecondchannel',
          handle: 'UCsecondchannel',
          profileUrl: 'https://www.youtube.com/channel/UCsecondchannel',
        }),
      ]);
      const list = fake.server.requests.find((request) => request.path === '/youtube/v3/channels')!;
      expect(list.query.get('part')).toBe('snippet');
      expect(list.query.get('mine')).toBe('true');
    } finally {
      fake.state.channels.pop();
    }
  });

  it('refuses a login where the upload permission was unticked', async () => {
    const redirectUri = 'https://plume.example/cb';
    const code = issueGoogleCode(fake.state.tokens, { redirectUri, scopes: [YOUTUBE_TEST_SCOPES[1]!] });
    await expect(
      youtubeProvider.oauth!.exchangeCode(context, { code, codeVerifier: 'x', redirectUri }),
    ).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'scope_not_granted',
    });
  });

  it('says plainly when the Google app is not configured', () => {
    const bare = createTestNetworkContext(fake.endpoints);
    expect(() =>
      youtubeProvider.oauth!.authorizeUrl(bare, { state: 's', codeChallenge: 'c', redirectUri: 'https://x/cb' }),
    ).toThrow(/GOOGLE_CLIENT_ID/);
  });

  it('refreshes and keeps the old refresh token (Google sends none); a revoked one is AuthExpired', async () => {
    const account = fake.account();
    const refreshed = await youtubeProvider.oauth!.refresh(context, account.tokens, account.metadata);
    expect(refreshed.accessToken).not.toBe(account.tokens.accessToken);
    expect(refreshed.refreshToken).toBe(account.tokens.refreshToken);
    fake.state.tokens.refreshTokens.clear();
    await expect(youtubeProvider.oauth!.refresh(context, account.tokens, account.metadata)).rejects.toMatchObject({
      kind: 'auth_expired',
    });
  });
});

describe('youtube publish', () => {
  it('uploads the video with the metadata the docs describe and returns the watch URL', async () => {
    const account = fake.account();
    const settings = youtubeManifest.settings.parse({
      privacy: 'unlisted',
      tags: ['plume', 'launch day'],
      category_id: '28',
      notify_subscribers: false,
    });
    const result = await youtubeProvider.publish(context, account, post({ settings }, [video({ aiGenerated: true })]));

    expect(result.url).toBe(`https://www.youtube.com/watch?v=${result.remoteId}`);
    const stored = fake.state.videos.get(result.remoteId)!;
    expect(stored.bytes.equals(Buffer.alloc(300 * 1024, 7))).toBe(true);
    expect(stored.snippet).toMatchObject({
      title: 'Launch day',
      description: 'Launch day\nWe shipped the thing.',
      tags: ['plume', 'launch day'],
      categoryId: '28',
    });
    expect(stored.status).toMatchObject({
      privacyStatus: 'unlisted',
      selfDeclaredMadeForKids: false,
      containsSyntheticMedia: true,
    });
    expect(stored.notifySubscribers).toBe(false);

    const start = fake.server.requests.find(
      (request) => request.method === 'POST' && request.path === '/upload/youtube/v3/videos',
    )!;
    expect(start.query.get('uploadType')).toBe('resumable');
    expect(start.query.get('part')).toBe('snippet,status');
    expect(start.headers['x-upload-content-length']).toBe(String(300 * 1024));
    expect(start.headers['x-upload-content-type']).toBe('video/mp4');
    expect(start.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(start.bearer).toBe(account.tokens.accessToken);
    const put = fake.server.requests.find((request) => request.method === 'PUT')!;
    expect(put.headers['content-range']).toBe(`bytes 0-${300 * 1024 - 1}/${300 * 1024}`);
    expect(fake.server.unhandled).toEqual([]);
  });

  it('uses the explicit title, leaves the AI label off for camera footage, and publishes a Short under /shorts/', async () => {
    const settings = youtubeManifest.settings.parse({ short: true });
    const result = await youtubeProvider.publish(
      context,
      fake.account(),
      post({ title: 'My short', settings }, [video({ width: 1080, height: 1920, durationSec: 45 })]),
    );
    expect(result.url).toBe(`https://www.youtube.com/shorts/${result.remoteId}`);
    const stored = fake.state.videos.get(result.remoteId)!;
    expect(stored.snippet).toMatchObject({
      title: 'My short',
      description: 'Launch day\nWe shipped the thing.\n\n#Shorts',
    });
    expect(stored.status).toMatchObject({ privacyStatus: 'public' });
    expect(stored.status).not.toHaveProperty('containsSyntheticMedia');
  });

  it('validates before uploading: one video, a title, no angle brackets, a real Short', () => {
    expect(youtubeProvider.validate!(post({}, []))).toEqual([expect.objectContaining({ path: 'parts.0.media' })]);
    expect(youtubeProvider.validate!(post({ parts: [{ text: '', media: [video()] }] }))).toEqual([
      expect.objectContaining({ path: 'title' }),
    ]);
    expect(
      youtubeProvider.validate!(post({ parts: [{ text: 'a <b> tag', media: [video()] }] })).map((issue) => issue.path),
    ).toEqual(['title', 'parts.0.text']);
    const short = youtubeManifest.settings.parse({ short: true });
    expect(
      youtubeProvider.validate!(post({ settings: short }, [video({ durationSec: 200, width: 1080, height: 1920 })])),
    ).toEqual([expect.objectContaining({ path: 'settings.short' })]);
    expect(youtubeProvider.validate!(post())).toEqual([]);
  });

  it('refuses to upload an invalid post without calling YouTube', async () => {
    await expect(publishYoutube(context, fake.account(), post({}, []))).rejects.toMatchObject({ kind: 'permanent' });
    expect(fake.server.requests).toEqual([]);
  });
});

describe('youtube delete and health', () => {
  it('deletes a video; deleting it again succeeds', async () => {
    const account = fake.account();
    const { remoteId } = await youtubeProvider.publish(context, account, post());
    await youtubeProvider.delete(context, account, remoteId);
    expect(fake.state.videos.get(remoteId)!.deleted).toBe(true);
    const request = fake.server.requests.at(-1)!;
    expect([request.method, request.path, request.query.get('id')]).toEqual(['DELETE', '/youtube/v3/videos', remoteId]);
    await expect(youtubeProvider.delete(context, account, remoteId)).resolves.toBeUndefined();
  });

  it('reports the connected channel, or a plain reason when the login lost it', async () => {
    const account = fake.account();
    await expect(youtubeProvider.health(context, account)).resolves.toMatchObject({
      externalId: 'UCfakechannel000000000001',
      displayName: 'Plume Test Channel',
    });
    const other = { ...account, externalId: 'UCother', metadata: { channelId: 'UCother' } };
    await expect(youtubeProvider.health(context, other)).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'channel_not_found',
    });
  });
});
