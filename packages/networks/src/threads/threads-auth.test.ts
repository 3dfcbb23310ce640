import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { threadsProvider } from './provider.ts';
import { startThreadsTestBed, type ThreadsTestBed } from './test-support/threads-test-bed.ts';

const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';
const oauth = threadsProvider.oauth!;
let bed: ThreadsTestBed;

beforeEach(async () => {
  bed = await startThreadsTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

describe('Threads connect', () => {
  it('builds the authorization window URL with state and comma-separated scopes (Threads takes no PKCE)', () => {
    const url = oauth.authorizeUrl(bed.context, { state: 'st', codeChallenge: 'ignored', redirectUri });
    expect(`${url.origin}${url.pathname}`).toBe(bed.fake.endpoints.authorize);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '990602627938098',
      redirect_uri: redirectUri,
      state: 'st',
      scope:
        'threads_basic,threads_content_publish,threads_manage_replies,threads_read_replies,threads_delete,threads_manage_insights',
    });
  });

  it('exchanges the code for a short-lived token, then for a 60-day one, and lists the profile', async () => {
    const code = bed.fake.authorize({ redirectUri, scope: 'threads_basic,threads_content_publish' });
    const tokens = await oauth.exchangeCode(bed.context, { code, codeVerifier: 'unused', redirectUri });

    expect(bed.fake.state.tokens.get(tokens.accessToken)?.longLived).toBe(true);
    expect(tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    expect(tokens.refreshToken).toBeUndefined();
    const [exchange, longLived] = bed.fake.server.requests;
    expect(`${exchange?.method} ${exchange?.path}`).toBe('POST /oauth/access_token');
    expect(exchange?.body).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: '990602627938098',
      client_secret: 'threads-app-secret',
    });
    expect(`${longLived?.method} ${longLived?.path}`).toBe('GET /access_token');
    expect(longLived?.query.get('grant_type')).toBe('th_exchange_token');
    expect(longLived?.query.get('client_secret')).toBe('threads-app-secret');

    const identities = await oauth.listIdentities(bed.context, tokens, {});
    expect(identities).toEqual([
      expect.objectContaining({
        externalId: bed.fake.state.user.id,
        handle: 'plume.test',
        metadata: { username: 'plume.test' },
      }),
    ]);
  });

  it('refuses a used code in plain words', async () => {
    const code = bed.fake.authorize({ redirectUri, scope: 'threads_basic' });
    await oauth.exchangeCode(bed.context, { code, codeVerifier: '', redirectUri });
    await expect(oauth.exchangeCode(bed.context, { code, codeVerifier: '', redirectUri })).rejects.toBeInstanceOf(
      Permanent,
    );
  });

  it('says plainly when the server has no Threads app configured', () => {
    const context = createTestNetworkContext(bed.fake.endpoints);
    expect(() => oauth.authorizeUrl(context, { state: 's', codeChallenge: 'c', redirectUri })).toThrow(
      /THREADS_APP_ID/,
    );
  });
});

describe('Threads token refresh', () => {
  it('refreshes the long-lived token itself (no refresh token) with a new expiry', async () => {
    const refreshed = await oauth.refresh(bed.context, bed.account.tokens, bed.account.metadata);
    expect(refreshed.accessToken).not.toBe(bed.account.tokens.accessToken);
    expect(refreshed.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    const request = bed.fake.server.requests[0];
    expect(`${request?.method} ${request?.path}`).toBe('GET /refresh_access_token');
    expect(request?.query.get('grant_type')).toBe('th_refresh_token');
    expect(request?.query.get('access_token')).toBe(bed.account.tokens.accessToken);
  });

  it('treats an expired or revoked token (code 190) as AuthExpired', async () => {
    await expect(oauth.refresh(bed.context, { accessToken: 'revoked' }, {})).rejects.toBeInstanceOf(AuthExpired);
  });
});
