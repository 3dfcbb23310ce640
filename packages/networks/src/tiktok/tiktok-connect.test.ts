import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startTikTokFake, type TikTokFake } from '@plume/testing/fakes/tiktok/tiktok-fake';
import type { NetworkContext } from '../contract.ts';
import { createPkcePair } from '../shared/oauth2.ts';
import { tiktokChallenge } from './auth.ts';
import { tiktokProvider } from './provider.ts';
import { connectedAccount } from './test-support/tiktok-test-kit.ts';

const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';
const oauth = tiktokProvider.oauth!;

describe('TikTok connect', () => {
  let fake: TikTokFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startTikTokFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.rotateRefreshTokens = true;
  });

  it('builds the Login Kit URL with client_key, comma scopes, state and a hex S256 challenge', () => {
    const pkce = createPkcePair();
    const url = oauth.authorizeUrl(context, { state: 'state-1', codeChallenge: pkce.challenge, redirectUri });
    expect(`${url.origin}${url.pathname}`).toBe(fake.endpoints['authorize']);
    expect(url.searchParams.get('client_key')).toBe(fake.app.clientId);
    expect(url.searchParams.has('client_id')).toBe(false);
    expect(url.searchParams.get('scope')).toBe(
      'user.info.basic,user.info.profile,video.publish,video.upload,user.info.stats,video.list',
    );
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')).toBe('state-1');
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    // TikTok compares against the SHA-256 of the verifier written as hex, not base64url.
    expect(url.searchParams.get('code_challenge')).toBe(createHash('sha256').update(pkce.verifier).digest('hex'));
  });

  it('converts an RFC 7636 challenge to hex (RFC 7636 appendix B vector)', () => {
    expect(tiktokChallenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(
      '13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3',
    );
  });

  it('exchanges the code with the verifier and lists the one profile', async () => {
    const pkce = createPkcePair();
    const { code } = fake.approve(
      oauth.authorizeUrl(context, { state: 's', codeChallenge: pkce.challenge, redirectUri }),
    );
    const tokens = await oauth.exchangeCode(context, { code, codeVerifier: pkce.verifier, redirectUri });
    expect(tokens.accessToken).toMatch(/^act\./);
    expect(tokens.refreshToken).toMatch(/^rft\./);
    expect(tokens.scopes).toEqual([
      'user.info.basic',
      'user.info.profile',
      'video.publish',
      'video.upload',
      'user.info.stats',
      'video.list',
    ]);
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    expect(tokens.refreshExpiresAt!.getTime() - Date.now()).toBeGreaterThan(364 * 24 * 3600 * 1000);

    const sent = fake.server.requests.find((request) => request.path === '/v2/oauth/token/');
    expect(sent?.body).toMatchObject({
      client_key: fake.app.clientId,
      client_secret: fake.app.clientSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
    });

    const identities = await oauth.listIdentities(context, tokens, {});
    expect(identities).toEqual([
      {
        externalId: 'open-id-123',
        handle: 'plume.creator',
        displayName: 'Plume Creator',
        kind: 'profile',
        avatarUrl: fake.state.user.avatar_url,
        profileUrl: 'https://www.tiktok.com/@plume.creator',
        metadata: { openId: 'open-id-123', username: 'plume.creator', unionId: 'union-id-456' },
      },
    ]);
    const info = fake.server.requests.find((request) => request.path === '/v2/user/info/');
    expect(info?.query.get('fields')).toBe('open_id,union_id,avatar_url,display_name,username');
    expect(info?.headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
  });

  it('rejects a wrong verifier (TikTok answers 200 with an error body)', async () => {
    const pkce = createPkcePair();
    const { code } = fake.approve(
      oauth.authorizeUrl(context, { state: 's', codeChallenge: pkce.challenge, redirectUri }),
    );
    await expect(
      oauth.exchangeCode(context, { code, codeVerifier: 'x'.repeat(43), redirectUri }),
    ).rejects.toMatchObject({ kind: 'permanent', vendorCode: 'invalid_request' });
  });

  it('gets the username from creator_info when user.info.profile was declined', async () => {
    const account = connectedAccount(fake, ['user.info.basic', 'video.publish']);
    const identity = await tiktokProvider.health(context, account);
    expect(identity.handle).toBe('plume.creator');
    expect(fake.server.requests.map((request) => request.path)).toEqual([
      '/v2/user/info/',
      '/v2/post/publish/creator_info/query/',
    ]);
  });

  it('rotates the refresh token: the new one works, the old one is void', async () => {
    const account = connectedAccount(fake);
    const refreshed = await oauth.refresh(context, account.tokens, account.metadata);
    expect(refreshed.accessToken).not.toBe(account.tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(account.tokens.refreshToken);
    expect(fake.server.requests.at(-1)?.body).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: account.tokens.refreshToken,
      client_key: fake.app.clientId,
    });
    await expect(oauth.refresh(context, account.tokens, account.metadata)).rejects.toMatchObject({
      kind: 'auth_expired',
    });
    await expect(oauth.refresh(context, refreshed, account.metadata)).resolves.toMatchObject({
      accessToken: expect.stringMatching(/^act\./),
    });
  });

  it('keeps the old refresh token when TikTok sends none', async () => {
    const account = connectedAccount(fake);
    fake.server.failNext({
      status: 200,
      body: { access_token: 'act.new', expires_in: 86400, scope: 'video.publish', token_type: 'Bearer' },
    });
    const refreshed = await oauth.refresh(context, account.tokens, account.metadata);
    expect(refreshed).toMatchObject({
      accessToken: 'act.new',
      refreshToken: account.tokens.refreshToken,
      scopes: ['video.publish'],
    });
  });

  it('maps token endpoint failures', async () => {
    const account = connectedAccount(fake);
    fake.server.failNext({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'l' },
    });
    await expect(oauth.refresh(context, account.tokens, {})).rejects.toMatchObject({ kind: 'auth_expired' });
    fake.server.failNext({ status: 503 });
    await expect(oauth.refresh(context, account.tokens, {})).rejects.toMatchObject({ kind: 'retryable' });
    const wrongApp = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.app.clientId, clientSecret: 'wrong' },
    });
    await expect(oauth.refresh(wrongApp, account.tokens, {})).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'invalid_client',
      message: expect.stringContaining('TIKTOK_CLIENT_SECRET'),
    });
  });

  it('says TikTok is not set up when the app credentials are missing', () => {
    const bare = createTestNetworkContext(fake.endpoints);
    expect(() =>
      oauth.authorizeUrl(bare, { state: 's', codeChallenge: createPkcePair().challenge, redirectUri }),
    ).toThrow(/not set up on this server/);
  });

  it('health returns the identity; an expired token is AuthExpired', async () => {
    const account = connectedAccount(fake);
    await expect(tiktokProvider.health(context, account)).resolves.toMatchObject({
      externalId: 'open-id-123',
      handle: 'plume.creator',
    });
    const stale = connectedAccount(fake);
    fake.state.accessTokens.delete(stale.tokens.accessToken);
    await expect(tiktokProvider.health(context, stale)).rejects.toMatchObject({ kind: 'auth_expired' });
  });
});
