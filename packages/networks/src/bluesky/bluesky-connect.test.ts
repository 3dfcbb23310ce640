import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { blueskyManifest } from './manifest.ts';
import { blueskyProvider } from './provider.ts';

let fake: BlueskyFake;
let context: NetworkContext;
const credentials = blueskyProvider.credentials;
if (credentials?.refresh === undefined) throw new Error('Bluesky signs in with credentials and refreshes sessions');
const { connect, refresh } = {
  connect: credentials.connect.bind(credentials),
  refresh: credentials.refresh.bind(credentials),
};

beforeEach(async () => {
  fake = await startBlueskyFake();
  context = createTestNetworkContext({ api: fake.url, web: 'https://bsky.app' });
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

describe('Bluesky connect', () => {
  it('declares app-password sign-in with handle, password and an optional host', () => {
    expect(blueskyManifest.auth.kind).toBe('credentials');
    if (blueskyManifest.auth.kind !== 'credentials') return;
    expect(Object.keys(blueskyManifest.auth.fields.shape)).toEqual(['identifier', 'password', 'service']);
  });

  it('opens a session with createSession and saves DID, handle and the PDS from the DID document', async () => {
    const { tokens, identity } = await connect(context, { identifier: '@alice.test', password: 'app-pass-1234' });

    const request = fake.server.requests.find((entry) => entry.path === '/xrpc/com.atproto.server.createSession');
    expect(request?.method).toBe('POST');
    expect(request?.body).toEqual({ identifier: 'alice.test', password: 'app-pass-1234' });
    expect(fake.state.accessTokens.get(tokens.accessToken)).toBe('did:plc:alice123');
    expect(fake.state.refreshTokens.get(tokens.refreshToken ?? '')).toBe('did:plc:alice123');
    expect(tokens.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 60 * 60 * 1000);
    expect(tokens.refreshExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 80 * 24 * 60 * 60 * 1000);
    expect(identity).toEqual({
      externalId: 'did:plc:alice123',
      handle: 'alice.test',
      displayName: 'Alice',
      kind: 'profile',
      profileUrl: 'https://bsky.app/profile/alice.test',
      metadata: { did: 'did:plc:alice123', handle: 'alice.test', pdsUrl: fake.url, service: fake.url },
    });
  });

  it('uses the host the user names instead of the default', async () => {
    const elsewhere = createTestNetworkContext({ api: 'http://127.0.0.1:9', web: 'https://bsky.app' });
    const { identity } = await connect(elsewhere, {
      identifier: 'alice.test',
      password: 'app-pass-1234',
      service: `${fake.url}/`,
    });
    expect(identity.metadata?.['service']).toBe(fake.url);
  });

  it('says in plain words when the handle or app password is wrong', async () => {
    const attempt = connect(context, { identifier: 'alice.test', password: 'wrong' });
    await expect(attempt).rejects.toBeInstanceOf(Permanent);
    await expect(connect(context, { identifier: 'alice.test', password: 'wrong' })).rejects.toThrow(
      /handle and app password/,
    );
    await expect(connect(context, { identifier: '', password: 'x' })).rejects.toThrow(/handle/);
  });

  it('tells the user to use an app password when the account asks for an email code', async () => {
    fake.server.failNext({
      status: 401,
      body: { error: 'AuthFactorTokenRequired', message: 'A sign in code has been sent to your email address' },
    });
    await expect(connect(context, { identifier: 'alice.test', password: 'main-password' })).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('app password'),
      vendorCode: 'AuthFactorTokenRequired',
    });
  });

  it('refuses a deactivated account', async () => {
    fake.server.failNext({
      status: 200,
      match: (request) => request.path.endsWith('createSession'),
      body: {
        accessJwt: 'a',
        refreshJwt: 'r',
        handle: 'alice.test',
        did: 'did:plc:alice123',
        active: false,
        status: 'deactivated',
      },
    });
    await expect(connect(context, { identifier: 'alice.test', password: 'app-pass-1234' })).rejects.toMatchObject({
      kind: 'permanent',
      vendorCode: 'deactivated',
    });
  });
});

describe('Bluesky session refresh', () => {
  it('renews with refreshSession (refresh JWT as bearer); the old refresh JWT is revoked', async () => {
    const { tokens, identity } = await connect(context, { identifier: 'alice.test', password: 'app-pass-1234' });
    const metadata = identity.metadata ?? {};

    const renewed = await refresh(context, tokens, metadata);

    const request = fake.server.requests.find((entry) => entry.path === '/xrpc/com.atproto.server.refreshSession');
    expect(request?.method).toBe('POST');
    expect(request?.bearer).toBe(tokens.refreshToken);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    expect(fake.state.accessTokens.has(renewed.accessToken)).toBe(true);
    await expect(refresh(context, tokens, metadata)).rejects.toBeInstanceOf(AuthExpired);
    expect((await refresh(context, renewed, metadata)).accessToken).toBeTruthy();
  });

  it('asks for a reconnect when there is no refresh token', async () => {
    await expect(refresh(context, { accessToken: 'a' }, {})).rejects.toBeInstanceOf(AuthExpired);
  });
});

describe('Bluesky health', () => {
  it('reads the session and profile', async () => {
    const { tokens, identity } = await connect(context, { identifier: 'alice.test', password: 'app-pass-1234' });
    const account = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };

    const current = await blueskyProvider.health(context, account);

    expect(current.handle).toBe('alice.test');
    expect(current.displayName).toBe('Alice');
    const request = fake.server.requests.find((entry) => entry.path === '/xrpc/com.atproto.server.getSession');
    expect(request?.bearer).toBe(tokens.accessToken);
  });

  it('reports an expired access token (400 ExpiredToken) as AuthExpired', async () => {
    const { tokens, identity } = await connect(context, { identifier: 'alice.test', password: 'app-pass-1234' });
    fake.state.expiredTokens.add(tokens.accessToken);
    const account = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
    await expect(blueskyProvider.health(context, account)).rejects.toBeInstanceOf(AuthExpired);
  });

  it('falls back to the handle when the account has no profile record', async () => {
    fake.state.accounts.push({ did: 'did:plc:bob', handle: 'bob.test', password: 'pw' });
    const { identity } = await connect(context, { identifier: 'bob.test', password: 'pw' });
    expect(identity.displayName).toBe('bob.test');
  });
});
