/**
 * Prism proxy conformance: `prism proxy` stands between the test and a real Plume listening on
 * loopback, and checks every answer against Plume's own OpenAPI document. The journey is the one a
 * person and an integrator take (sign up and in, a workspace, a Mastodon account connected, posts
 * written, edited and scheduled) plus the errors they meet (400, 401, 404, 409, 413, 415, 429); an
 * answer that breaks the document fails the test, with Prism's words for what broke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { startPrism, type PrismServer } from '@plume/testing/peers/prism';
import { createPrismClient } from '../../test-support/prism-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let fake: MastodonFake;
let prism: PrismServer;
let plumeUrl: string;
let client: ReturnType<typeof createPrismClient>;
let token: string;
let workspaceId: string;
let accountId: string;
let postId: string;
let apiKey: string;
const email = 'conformance@example.test';
const password = 'a-long-test-password';
const future = new Date(Date.now() + 3 * 86_400_000).toISOString();

beforeAll(async () => {
  fake = await startMastodonFake();
  t = await createTestApp({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  plumeUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<Record<string, unknown>>();
  prism = await startPrism(document, { proxyTo: plumeUrl, readyTimeoutMs: 80_000 });
  client = createPrismClient(prism.url);
}, 90_000);

afterAll(async () => {
  await prism?.stop();
  await t?.close();
  await fake?.close();
});

function expectConformance(): void {
  expect(client.takeViolations(), prism.output().slice(-3000)).toEqual([]);
}

describe('Plume behind a Prism proxy answers as its OpenAPI document says', () => {
  it('signing up, in and out of sessions', async () => {
    const { call } = client;
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/auth/sign-up/email',
          body: { name: 'Conny Conformance', email, password },
        })
      ).status,
    ).toBe(200);
    await call({ method: 'POST', path: '/api/v1/auth/sign-up/email', body: { name: 'Again', email, password } });
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/auth/sign-in/email',
          body: { email, password: 'not-the-password' },
        })
      ).status,
    ).toBe(401);
    const signedIn = await call({ method: 'POST', path: '/api/v1/auth/sign-in/email', body: { email, password } });
    expect(signedIn.status).toBe(200);
    token = signedIn.headers.get('set-auth-token') ?? '';
    expect((await call({ method: 'GET', path: '/api/v1/auth/get-session', token })).body).toMatchObject({
      user: { email },
    });
    expect((await call({ method: 'GET', path: '/api/v1/auth/get-session' })).body).toBeNull();
    expect((await call({ method: 'GET', path: '/api/v1/me', token })).status).toBe(200);
    expect((await call({ method: 'GET', path: '/api/v1/workspaces', breaksRequest: true })).status).toBe(401);
    expectConformance();
  });

  it('a workspace: created once per Idempotency-Key, read, and refused with 400, 404, 409, 413 and 415', async () => {
    const { call } = client;
    const body = { name: 'Conformance', kind: 'brand', timezone: 'Europe/Berlin', locale: 'en' };
    const created = await call({
      method: 'POST',
      path: '/api/v1/workspaces',
      token,
      body,
      headers: { 'idempotency-key': 'conformance-1' },
    });
    expect(created.status).toBe(201);
    workspaceId = (created.body as { id: string }).id;
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/workspaces',
          token,
          body,
          headers: { 'idempotency-key': 'conformance-1' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/workspaces',
          token,
          body: { ...body, name: 'Other' },
          headers: { 'idempotency-key': 'conformance-1' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/workspaces',
          token,
          body: { ...body, kind: 'planet' },
          breaksRequest: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/workspaces',
          token,
          raw: '<workspace/>',
          contentType: 'application/xml',
          breaksRequest: true,
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await call({
          method: 'POST',
          path: '/api/v1/workspaces',
          token,
          body: { ...body, name: 'x'.repeat(1_100_000) },
          breaksRequest: true,
        })
      ).status,
    ).toBe(413);
    expect((await call({ method: 'GET', path: `/api/v1/workspaces/${workspaceId}`, token })).status).toBe(200);
    expect((await call({ method: 'GET', path: '/api/v1/workspaces/not-a-member-of-this', token })).status).toBe(404);
    expect(
      (
        await call({
          method: 'PATCH',
          path: `/api/v1/workspaces/${workspaceId}`,
          token,
          body: { timezone: 'America/New_York' },
        })
      ).status,
    ).toBe(200);
    const key = await call({
      method: 'POST',
      path: `/api/v1/workspaces/${workspaceId}/api-keys`,
      token,
      body: { name: 'Conformance', scopes: ['read'] },
    });
    expect(key.status).toBe(201);
    apiKey = (key.body as { key: string }).key;
    for (const path of [
      '/api/v1/workspaces',
      '/api/v1/networks',
      `/api/v1/workspaces/${workspaceId}/api-keys`,
      '/api/v1/me/preferences',
      `/api/v1/workspaces/${workspaceId}/members`,
      `/api/v1/workspaces/${workspaceId}/checklist`,
      `/api/v1/workspaces/${workspaceId}/audit-log`,
    ]) {
      expect((await call({ method: 'GET', path, token })).status, path).toBe(200);
    }
    expectConformance();
  });

  it('connecting a Mastodon account, and a network this server has no app for (409)', async () => {
    const { call } = client;
    const start = await call({
      method: 'POST',
      path: `/api/v1/workspaces/${workspaceId}/accounts/oauth/start`,
      token,
      body: { network: 'mastodon', instanceUrl: fake.instanceUrl },
    });
    expect(start.status).toBe(200);
    const authorizeUrl = new URL((start.body as { authorizeUrl: string }).authorizeUrl);
    const param = (name: string) => authorizeUrl.searchParams.get(name) ?? '';
    const code = fake.authorize({
      clientId: param('client_id'),
      redirectUri: param('redirect_uri'),
      scope: param('scope'),
      codeChallenge: param('code_challenge'),
    });
    // Straight to Plume: Prism follows redirects, so it would check the web page the 302 leads to.
    const callback = await fetch(
      `${plumeUrl}/api/v1/accounts/oauth/callback?${new URLSearchParams({ state: param('state'), code }).toString()}`,
      { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' },
    );
    expect(callback.status).toBe(302);
    accountId = new URL(callback.headers.get('location') ?? '', plumeUrl).searchParams.get('connected') ?? '';
    const accounts = await call({ method: 'GET', path: `/api/v1/workspaces/${workspaceId}/accounts`, token });
    expect((accounts.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([accountId]);
    expect(
      (
        await call({
          method: 'POST',
          path: `/api/v1/workspaces/${workspaceId}/accounts/oauth/start`,
          token,
          body: { network: 'x' },
        })
      ).status,
    ).toBe(409);
    expectConformance();
  });

  it('posts: created, listed (also with an API key), edited, scheduled, and refused when stale, in the wrong state, unknown or out of scope', async () => {
    const { call } = client;
    const posts = `/api/v1/workspaces/${workspaceId}/posts`;
    const created = await call({
      method: 'POST',
      path: posts,
      token,
      body: { content: { text: 'Hello from the conformance test', hashtags: ['plume'] }, targets: [{ accountId }] },
    });
    expect(created.status).toBe(201);
    postId = (created.body as { id: string }).id;
    expect((await call({ method: 'GET', path: posts, token })).status).toBe(200);
    expect((await call({ method: 'GET', path: posts, token: apiKey })).status).toBe(200);
    expect(
      (await call({ method: 'POST', path: posts, token: apiKey, body: { content: { text: 'A read-only key' } } }))
        .status,
    ).toBe(403);
    expect((await call({ method: 'GET', path: `${posts}?state=draft&limit=10`, token })).status).toBe(200);
    const edited = await call({
      method: 'PATCH',
      path: `${posts}/${postId}`,
      token,
      body: { version: 1, content: { text: 'Edited' } },
    });
    expect(edited.status).toBe(200);
    expect(
      (
        await call({
          method: 'PATCH',
          path: `${posts}/${postId}`,
          token,
          body: { version: 1, content: { text: 'Stale' } },
        })
      ).status,
    ).toBe(409);
    expect(
      (await call({ method: 'POST', path: `${posts}/${postId}/actions`, token, body: { type: 'submit' } })).status,
    ).toBe(200);
    expect(
      (
        await call({
          method: 'POST',
          path: `${posts}/${postId}/actions`,
          token,
          body: { type: 'schedule', scheduledAt: future },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call({
          method: 'POST',
          path: `${posts}/${postId}/actions`,
          token,
          body: { type: 'confirm', published: true },
        })
      ).status,
    ).toBe(409);
    expect((await call({ method: 'GET', path: `${posts}/${postId}`, token })).status).toBe(200);
    expect((await call({ method: 'GET', path: `${posts}/00000000-0000-4000-8000-000000000000`, token })).status).toBe(
      404,
    );
    expect(
      (
        await call({
          method: 'POST',
          path: `/api/v1/workspaces/${workspaceId}/media`,
          token,
          body: { file: 'not multipart' },
          breaksRequest: true,
        })
      ).status,
    ).toBe(415);
    expectConformance();
  });

  it('signing out, then the auth routes rate limit (429)', async () => {
    const { call } = client;
    expect((await call({ method: 'POST', path: '/api/v1/auth/sign-out', token, body: {} })).status).toBe(200);
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 429; attempt += 1)
      status = (await call({ method: 'GET', path: '/api/v1/auth/get-session' })).status;
    expect(status).toBe(429);
    expectConformance();
  });
});
