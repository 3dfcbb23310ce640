import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpUrlMessage } from '@plume/contract/http-url-schema';
import { googleBusinessSettings } from '@plume/networks/google_business/manifest';
import { pinterestSettingsSchema } from '@plume/networks/pinterest/manifest';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let t: TestApp;
let user: TestUser;
let workspace: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  user = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, user);
});
afterAll(async () => t.close());

const badUrls = ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'];

function expectUrlError(response: Awaited<ReturnType<TestApp['app']['inject']>>, path: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.json().errors).toContainEqual({ path, message: httpUrlMessage });
}

describe('URL fields take web addresses only', () => {
  it.each(badUrls)('refuses %s as a profile image', async (image) => {
    expectUrlError(
      await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.headers, payload: { image } }),
      'body/image',
    );
  });

  it('keeps an https profile image', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: user.headers,
      payload: { image: 'https://example.com/me.png' },
    });
    expect(response.json().image).toBe('https://example.com/me.png');
  });

  it.each(badUrls)("refuses %s as the confirm action's url", async (url) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/posts/${randomUUID()}/actions`,
      headers: user.headers,
      payload: { type: 'confirm', published: true, url },
    });
    expectUrlError(response, 'body/url');
  });

  it("refuses a model provider's base URL and a post's link that are not http(s)", async () => {
    const provider = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workspaces/${workspace.id}/llm/providers/office-vllm`,
      headers: user.headers,
      payload: { kind: 'openai_compatible', baseUrl: 'file:///var/run/x' },
    });
    expectUrlError(provider, 'body/baseUrl');
    const post = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/posts`,
      headers: user.headers,
      payload: { content: { text: 'Hi', link: 'javascript:alert(1)' } },
    });
    expectUrlError(post, 'body/content/link');
  });

  it('refuses non-web links in network settings (Pinterest, Google Business Profile)', () => {
    expect(pinterestSettingsSchema.safeParse({ link: 'javascript:alert(1)' }).error?.issues[0]?.message).toBe(
      httpUrlMessage,
    );
    expect(pinterestSettingsSchema.safeParse({ cover_image_url: 'data:image/png;base64,AAAA' }).success).toBe(false);
    expect(googleBusinessSettings.safeParse({ redeem_online_url: 'javascript:alert(1)' }).success).toBe(false);
    expect(pinterestSettingsSchema.safeParse({ link: 'https://example.com/shop' }).success).toBe(true);
  });
});
