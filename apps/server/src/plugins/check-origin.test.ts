import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  createWorkspaceAs,
  uniqueEmail,
  type TestUser,
  type TestWorkspace,
} from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let user: TestUser;
let workspace: TestWorkspace;
let cookie: string;

/** Signs in as a browser does and keeps the session cookie it is given. */
async function sessionCookie(app: TestApp['app'], email: string, password: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in/email',
    payload: { email, password },
  });
  const setCookie = [response.headers['set-cookie'] ?? []].flat();
  const session = setCookie.find((line) => line.includes('session_token='));
  if (response.statusCode !== 200 || !session)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return session.split(';')[0] as string;
}

beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, user);
  cookie = await sessionCookie(t.app, user.email, user.password);
});
afterAll(async () => t.close());

const createBody = () => ({ name: `From a browser ${Math.random()}`, kind: 'brand', timezone: 'UTC', locale: 'en' });
const createWorkspace = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/workspaces', headers, payload: createBody() });

function pixelUpload(headers: Record<string, string>) {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const boundary = 'origin-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pixel.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/media`,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function mediaCount(): Promise<number> {
  const list = await t.app.inject({
    method: 'GET',
    url: `/api/v1/workspaces/${workspace.id}/media`,
    headers: user.headers,
  });
  return list.json().items.length as number;
}

function expectUntrusted(response: Awaited<ReturnType<typeof createWorkspace>>, detail: string | RegExp) {
  expect(response.statusCode, response.body).toBe(403);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json().code).toBe('untrusted_origin');
  expect(response.json().detail).toMatch(detail);
}

describe('cookie sessions and the origin of a request', () => {
  it('refuses a change from another site (JSON and multipart) before the handler runs', async () => {
    const foreign = { cookie, origin: 'https://evil.example' };
    expectUntrusted(
      await createWorkspace(foreign),
      'Open Plume at http://localhost:3000 — this page was opened at https://evil.example',
    );
    const before = await mediaCount();
    expectUntrusted(await pixelUpload(foreign), /evil\.example/);
    expect(await mediaCount()).toBe(before);
    expectUntrusted(
      await t.app.inject({ method: 'DELETE', url: `/api/v1/workspaces/${workspace.id}`, headers: foreign }),
      /evil\.example/,
    );
    expectUntrusted(
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: foreign, payload: {} }),
      /evil\.example/,
    );
    expectUntrusted(await createWorkspace({ cookie, origin: 'null' }), /this page was opened at null/);
  });

  it('refuses Sec-Fetch-Site cross-site without Origin, and a cookie request that says nothing', async () => {
    expectUntrusted(await createWorkspace({ cookie, 'sec-fetch-site': 'cross-site' }), /came from another site/);
    expectUntrusted(await createWorkspace({ cookie, referer: 'https://evil.example/page' }), /evil\.example/);
    expectUntrusted(await createWorkspace({ cookie }), /did not say where it came from/);
  });

  it("accepts Plume's own pages, on every loopback name when PUBLIC_URL is unset", async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect((await createWorkspace({ cookie, origin })).statusCode).toBe(201);
    }
    expect((await createWorkspace({ cookie, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await createWorkspace({ cookie, referer: 'http://127.0.0.1:3000/workspaces' })).statusCode).toBe(201);
    expect((await pixelUpload({ cookie, origin: 'http://127.0.0.1:3000' })).statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/workspaces',
          headers: { cookie, origin: 'https://evil.example' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('does not apply to bearer session tokens and API keys, from anywhere', async () => {
    expect((await createWorkspace({ ...user.headers, origin: 'https://elsewhere.example' })).statusCode).toBe(201);
    const key = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/api-keys`,
      headers: user.headers,
      payload: { name: 'Script', scopes: ['read', 'write'] },
    });
    const apiKey = {
      authorization: `Bearer ${key.json().key as string}`,
      origin: 'https://elsewhere.example',
      'sec-fetch-site': 'cross-site',
    };
    // Accepted: the same pixel was uploaded above, so the vault answers 200 with the item it has (not 201).
    expect((await pixelUpload(apiKey)).statusCode).toBe(200);
  });

  it('lets a page on 127.0.0.1 sign up when PUBLIC_URL is unset', async () => {
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      headers: { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
      payload: { name: 'Loopback', email: uniqueEmail('loopback'), password: 'a-long-test-password' },
    });
    expect(signUp.statusCode, signUp.body).toBe(200);
  });
});

describe('with PUBLIC_URL set', () => {
  let publicApp: TestApp;
  beforeAll(async () => {
    publicApp = await createTestApp({ PUBLIC_URL: 'https://plume.example.com' });
  });
  afterAll(async () => publicApp.close());

  it('tells someone on another address which one to open (better-auth routes and Plume routes alike)', async () => {
    const signUp = await publicApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up/email',
      headers: { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
      payload: { name: 'Elsewhere', email: uniqueEmail('elsewhere'), password: 'a-long-test-password' },
    });
    expectUntrusted(signUp, 'Open Plume at https://plume.example.com — this page was opened at http://127.0.0.1:3000');
    const reset = await publicApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/request-password-reset',
      headers: { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' },
      payload: { email: uniqueEmail('forgetful'), redirectTo: 'http://127.0.0.1:3000/reset-password' },
    });
    expectUntrusted(reset, 'Open Plume at https://plume.example.com — this page was opened at http://127.0.0.1:3000');

    const member = await createUser(publicApp.app, publicApp.db);
    const memberCookie = await sessionCookie(publicApp.app, member.email, member.password);
    const created = await publicApp.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie: memberCookie, origin: 'http://localhost:3000' },
      payload: createBody(),
    });
    expectUntrusted(created, 'Open Plume at https://plume.example.com — this page was opened at http://localhost:3000');
    const fromPublicUrl = await publicApp.app.inject({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { cookie: memberCookie, origin: 'https://plume.example.com' },
      payload: createBody(),
    });
    expect(fromPublicUrl.statusCode, fromPublicUrl.body).toBe(201);
  });
});
