import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { createPkcePair } from '../shared/oauth2.ts';
import { mastodonProvider } from './provider.ts';
import { startMastodonTestBed, type MastodonTestBed } from './test-support/mastodon-test-bed.ts';

const redirectUri = 'https://plume.example/api/v1/accounts/oauth/callback';
const oauth = mastodonProvider.oauth!;
let bed: MastodonTestBed;

beforeEach(async () => {
  bed = await startMastodonTestBed();
});

afterEach(async () => {
  expect(bed.fake.server.unhandled).toEqual([]);
  await bed.fake.close();
});

describe('Mastodon connect', () => {
  it('registers Plume on the server with its redirect URI and scopes', async () => {
    const app = await oauth.registerApp!(bed.context, { instanceUrl: bed.fake.instanceUrl, redirectUri });

    expect(bed.fake.state.apps.get(app.clientId)).toMatchObject({
      clientSecret: app.clientSecret,
      redirectUris: [redirectUri],
    });
    const request = bed.fake.server.requests[0];
    expect(`${request?.method} ${request?.path}`).toBe('POST /api/v1/apps');
    expect(request?.body).toEqual({
      client_name: 'Plume',
      redirect_uris: redirectUri,
      scopes: 'read:accounts write:statuses write:media read:notifications read:statuses',
      website: 'https://plume.example',
    });
  });

  it('builds the authorize URL on the user’s server with PKCE S256, state and scopes', () => {
    const context = createTestNetworkContext({}, { app: { clientId: 'client-1', clientSecret: 'secret-1' } });
    const url = oauth.authorizeUrl(context, {
      state: 'st',
      codeChallenge: 'ch',
      redirectUri,
      instanceUrl: bed.fake.instanceUrl,
    });
    expect(`${url.origin}${url.pathname}`).toBe(`${bed.fake.instanceUrl}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: redirectUri,
      state: 'st',
      scope: 'read:accounts write:statuses write:media read:notifications read:statuses',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code with the PKCE verifier and lists the account with the server limits', async () => {
    const app = await oauth.registerApp!(bed.context, { instanceUrl: bed.fake.instanceUrl, redirectUri });
    const context = createTestNetworkContext({}, { app });
    const pkce = createPkcePair();
    const code = bed.fake.authorize({
      clientId: app.clientId,
      redirectUri,
      scope: 'read:accounts write:statuses write:media read:notifications read:statuses',
      codeChallenge: pkce.challenge,
    });

    const tokens = await oauth.exchangeCode(context, {
      code,
      codeVerifier: pkce.verifier,
      redirectUri,
      instanceUrl: bed.fake.instanceUrl,
    });
    expect(tokens.refreshToken).toBeUndefined();
    expect(tokens.expiresAt).toBeUndefined();
    expect(bed.fake.server.requests.at(-1)?.body).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: pkce.verifier,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });

    const identities = await oauth.listIdentities(context, tokens, { instanceUrl: bed.fake.instanceUrl });
    expect(identities).toHaveLength(1);
    expect(identities[0]?.metadata).toMatchObject({
      instanceUrl: bed.fake.instanceUrl,
      maxCharacters: '500',
      charactersPerUrl: '23',
    });
  });

  it('refuses a code exchanged with the wrong verifier', async () => {
    const app = await oauth.registerApp!(bed.context, { instanceUrl: bed.fake.instanceUrl, redirectUri });
    const code = bed.fake.authorize({
      clientId: app.clientId,
      redirectUri,
      scope: 'read:accounts',
      codeChallenge: createPkcePair().challenge,
    });
    const context = createTestNetworkContext({}, { app });
    await expect(
      oauth.exchangeCode(context, { code, codeVerifier: 'wrong', redirectUri, instanceUrl: bed.fake.instanceUrl }),
    ).rejects.toBeInstanceOf(AuthExpired);
  });

  it('explains a registration the server refuses', async () => {
    bed.fake.server.failNext({
      status: 422,
      body: { error: 'Validation failed: Redirect URI must be an absolute URI.' },
    });
    const error = await oauth.registerApp!(bed.context, { instanceUrl: bed.fake.instanceUrl, redirectUri }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Permanent);
    expect((error as Permanent).reason).toBe(
      'The network refused to register Plume on the Mastodon server (422): the Mastodon server said: Validation failed: Redirect URI must be an absolute URI.',
    );
  });
});

describe('Mastodon tokens', () => {
  it('has nothing to refresh: a rejected token means reconnecting', async () => {
    await expect(oauth.refresh(bed.context, bed.account.tokens, bed.account.metadata)).rejects.toBeInstanceOf(
      AuthExpired,
    );
  });

  it('asks to reconnect when the account has no server saved', async () => {
    await expect(mastodonProvider.health(bed.context, { ...bed.account, metadata: {} })).rejects.toBeInstanceOf(
      Permanent,
    );
  });
});
