import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLinkedInFake, type LinkedInFake } from '@plume/testing/fakes/linkedin';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { linkedinProvider } from './provider.ts';

const oauth = linkedinProvider.oauth!;
const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';

describe('LinkedIn connect and refresh', () => {
  let fake: LinkedInFake;
  let context: NetworkContext;

  beforeAll(async () => {
    fake = await startLinkedInFake();
    context = createTestNetworkContext(fake.endpoints, {
      app: { clientId: fake.state.clientId, clientSecret: fake.state.clientSecret },
    });
  });
  afterAll(async () => fake.close());
  beforeEach(() => {
    fake.server.reset();
    fake.state.grantsPageAccess = true;
    fake.state.refreshReturnsRefreshToken = true;
  });

  it('builds the authorization URL with state and scopes and, as LinkedIn web apps require, no PKCE', () => {
    expect(linkedinProvider.manifest.auth).toMatchObject({ kind: 'oauth2', pkce: false, refresh: 'reusable' });
    const url = oauth.authorizeUrl(context, { state: 'st4te', codeChallenge: 'challenge', redirectUri });
    expect(url.origin + url.pathname).toBe(fake.endpoints.authorize);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'li-client',
      redirect_uri: redirectUri,
      state: 'st4te',
      scope:
        'openid profile w_member_social r_organization_admin w_organization_social rw_organization_admin r_organization_social',
    });
  });

  it('exchanges the code for a 60-day token and a refresh token', async () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const tokens = await oauth.exchangeCode(
      { ...context, now: () => now },
      { code: fake.issueCode(redirectUri), codeVerifier: 'v', redirectUri },
    );
    expect(tokens.accessToken).toMatch(/^AQV-/);
    expect(tokens.refreshToken).toMatch(/^AQW-/);
    expect(tokens.expiresAt?.getTime()).toBe(now.getTime() + 5_184_000_000);
    expect(tokens.refreshExpiresAt?.getTime()).toBe(now.getTime() + 31_536_000_000);
    expect(tokens.scopes).toEqual(['openid', 'profile', 'w_member_social']);
    const form = fake.server.requests.at(-1)?.body as Record<string, string>;
    expect(form).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'li-client',
      client_secret: 'li-secret',
      redirect_uri: redirectUri,
    });
    expect(form['code_verifier']).toBeUndefined();
  });

  it('refreshes with the same refresh token, and keeps it when LinkedIn sends none', async () => {
    const first = await oauth.exchangeCode(context, {
      code: fake.issueCode(redirectUri),
      codeVerifier: 'v',
      redirectUri,
    });
    const refreshed = await oauth.refresh(context, first, {});
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    fake.state.refreshReturnsRefreshToken = false;
    const again = await oauth.refresh(context, refreshed, {});
    expect(again.refreshToken).toBe(first.refreshToken);
    expect(again.refreshExpiresAt).toEqual(refreshed.refreshExpiresAt);
  });

  it('treats a rejected or missing refresh token as AuthExpired', async () => {
    await expect(oauth.refresh(context, { accessToken: 'a', refreshToken: 'revoked' }, {})).rejects.toBeInstanceOf(
      AuthExpired,
    );
    await expect(oauth.refresh(context, { accessToken: 'a' }, {})).rejects.toBeInstanceOf(AuthExpired);
  });

  it('lists the member and the pages they administer', async () => {
    const tokens = { accessToken: fake.issueAccessToken() };
    const identities = await oauth.listIdentities(context, tokens, {});
    expect(identities).toEqual([
      {
        externalId: 'urn:li:person:abc123',
        handle: 'Ada Lovelace',
        displayName: 'Ada Lovelace',
        kind: 'profile',
        avatarUrl: 'https://media.licdn.com/ada.jpg',
        metadata: { authorUrn: 'urn:li:person:abc123', memberUrn: 'urn:li:person:abc123' },
      },
      {
        externalId: 'urn:li:organization:2414183',
        handle: 'analytical-engines',
        displayName: 'Analytical Engines Ltd',
        kind: 'organization',
        profileUrl: 'https://www.linkedin.com/company/analytical-engines/',
        metadata: { authorUrn: 'urn:li:organization:2414183', memberUrn: 'urn:li:person:abc123' },
      },
    ]);
    const acl = fake.server.requests.find((r) => r.path === '/rest/organizationAcls');
    expect(acl?.query.get('role')).toBe('ADMINISTRATOR');
    expect(acl?.query.get('state')).toBe('APPROVED');
    expect(fake.server.requests.find((r) => r.path === '/rest/organizations')?.query.get('ids')).toBe('List(2414183)');
  });

  it('lists only the member when the app has no page access', async () => {
    fake.state.grantsPageAccess = false;
    const identities = await oauth.listIdentities(context, { accessToken: fake.issueAccessToken() }, {});
    expect(identities.map((identity) => identity.kind)).toEqual(['profile']);
  });

  it('checks health of a member and of a page', async () => {
    const tokens = { accessToken: fake.issueAccessToken() };
    const member = await linkedinProvider.health(context, {
      externalId: 'urn:li:person:abc123',
      tokens,
      metadata: { authorUrn: 'urn:li:person:abc123' },
    });
    expect(member.externalId).toBe('urn:li:person:abc123');
    const page = await linkedinProvider.health(context, {
      externalId: 'urn:li:organization:2414183',
      tokens,
      metadata: { authorUrn: 'urn:li:organization:2414183' },
    });
    expect(page).toMatchObject({ kind: 'organization', displayName: 'Analytical Engines Ltd' });
    await expect(
      linkedinProvider.health(context, {
        externalId: 'urn:li:person:abc123',
        tokens: { accessToken: 'expired' },
        metadata: {},
      }),
    ).rejects.toBeInstanceOf(AuthExpired);
    await expect(
      linkedinProvider.health(context, {
        externalId: 'urn:li:organization:555',
        tokens,
        metadata: { authorUrn: 'urn:li:organization:555' },
      }),
    ).rejects.toThrow(/no longer an administrator/);
  });

  it('says plainly when the server has no LinkedIn app', () => {
    const bare = createTestNetworkContext(fake.endpoints);
    expect(() => oauth.authorizeUrl(bare, { state: 's', codeChallenge: 'c', redirectUri })).toThrow(Permanent);
    expect(() => oauth.authorizeUrl(bare, { state: 's', codeChallenge: 'c', redirectUri })).toThrow(
      /LINKEDIN_CLIENT_ID/,
    );
  });
});
