import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPinterestFake, type PinterestFake } from '@plume/testing/fakes/pinterest/pinterest-fake';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { createPkcePair } from '../shared/oauth2.ts';
import { listBoards, pinterestProvider } from './provider.ts';
import { connectedAccount } from './test-support/pinterest-test-kit.ts';

const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';
const oauth = pinterestProvider.oauth!;

describe('Pinterest connect', () => {
  let fake: PinterestFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startPinterestFake();
    context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.continuousRefresh = true;
    fake.state.boardPageSize = 25;
  });

  it('builds the authorize URL with client_id, comma scopes and state (Pinterest documents no PKCE)', () => {
    const url = oauth.authorizeUrl(context, {
      state: 'state-1',
      codeChallenge: createPkcePair().challenge,
      redirectUri,
    });
    expect(`${url.origin}${url.pathname}`).toBe(fake.endpoints['authorize']);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: fake.app.clientId,
      redirect_uri: redirectUri,
      state: 'state-1',
      scope: 'boards:read,pins:read,pins:write,user_accounts:read',
    });
    expect(pinterestProvider.manifest.auth).toMatchObject({ kind: 'oauth2', pkce: false });
  });

  it('exchanges the code with Basic client auth and lists the account', async () => {
    const { code } = fake.approve(oauth.authorizeUrl(context, { state: 's', codeChallenge: 'unused', redirectUri }));
    const tokens = await oauth.exchangeCode(context, { code, codeVerifier: 'unused', redirectUri });
    expect(tokens.accessToken).toMatch(/^pina-/);
    expect(tokens.refreshToken).toMatch(/^pinr-/);
    expect(tokens.scopes).toEqual(['boards:read', 'pins:read', 'pins:write', 'user_accounts:read']);
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);

    const sent = fake.server.requests.find((request) => request.path === '/v5/oauth/token');
    expect(sent?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${fake.app.clientId}:${fake.app.clientSecret}`).toString('base64')}`,
    );
    expect(sent?.body).toEqual({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });

    await expect(oauth.listIdentities(context, tokens, {})).resolves.toEqual([
      {
        externalId: '549755885174',
        handle: 'plumestudio',
        displayName: 'Plume Studio',
        kind: 'profile',
        avatarUrl: fake.state.user.profile_image,
        profileUrl: 'https://www.pinterest.com/plumestudio/',
        metadata: { username: 'plumestudio', accountType: 'BUSINESS' },
      },
    ]);
  });

  it('refreshes with continuous refresh: a new refresh token, the old one void', async () => {
    const account = connectedAccount(fake);
    const refreshed = await oauth.refresh(context, account.tokens, account.metadata);
    expect(refreshed.refreshToken).toBeDefined();
    expect(refreshed.refreshToken).not.toBe(account.tokens.refreshToken);
    expect(refreshed.refreshExpiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600 * 1000);
    expect(fake.server.requests.at(-1)?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: account.tokens.refreshToken,
    });
    await expect(oauth.refresh(context, account.tokens, {})).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('keeps the old refresh token when Pinterest sends none', async () => {
    fake.state.continuousRefresh = false;
    const account = connectedAccount(fake);
    const refreshed = await oauth.refresh(context, account.tokens, account.metadata);
    expect(refreshed.accessToken).not.toBe(account.tokens.accessToken);
    expect(refreshed.refreshToken).toBe(account.tokens.refreshToken);
  });

  it('maps token endpoint failures', async () => {
    const account = connectedAccount(fake);
    fake.server.failNext({ status: 503 });
    await expect(oauth.refresh(context, account.tokens, {})).rejects.toMatchObject({ kind: 'retryable' });
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { code: 8, message: 'Too many requests' },
    });
    await expect(oauth.refresh(context, account.tokens, {})).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 7000,
    });
    const bare = createTestNetworkContext(fake.endpoints);
    expect(() => oauth.authorizeUrl(bare, { state: 's', codeChallenge: 'c', redirectUri })).toThrow(
      /not set up on this server/,
    );
  });

  it('health returns the identity; a revoked token is AuthExpired', async () => {
    const account = connectedAccount(fake);
    await expect(pinterestProvider.health(context, account)).resolves.toMatchObject({
      externalId: '549755885174',
      handle: 'plumestudio',
    });
    fake.state.accessTokens.delete(account.tokens.accessToken);
    await expect(pinterestProvider.health(context, account)).rejects.toMatchObject({ kind: 'auth_expired' });
  });

  it('lists every board, following the bookmark', async () => {
    fake.state.boardPageSize = 2;
    const boards = await listBoards(context, connectedAccount(fake));
    expect(boards).toEqual([
      { id: '549755885175', name: 'Recipes', description: 'Things to cook', privacy: 'PUBLIC' },
      { id: '549755885176', name: 'Travel', privacy: 'PUBLIC' },
      { id: '549755885177', name: 'Drafts', description: 'Only me', privacy: 'SECRET' },
    ]);
    const pages = fake.server.requests.filter((request) => request.path === '/v5/boards');
    expect(pages).toHaveLength(2);
    expect(pages[0]!.query.has('bookmark')).toBe(false);
    expect(pages[1]!.query.get('bookmark')).toBeTruthy();
  });
});
