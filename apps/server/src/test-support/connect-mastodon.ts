/**
 * Connects a Mastodon account the way a user does: start OAuth through the API, let the fake
 * server's consent step issue a code, and come back through the callback.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import type { TestUser, TestWorkspace } from './factories.ts';

export async function connectMastodon(
  app: FastifyInstance,
  fake: MastodonFake,
  owner: TestUser,
  workspace: TestWorkspace,
): Promise<string> {
  const start = await app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/accounts/oauth/start`,
    headers: owner.headers,
    payload: { network: 'mastodon', instanceUrl: fake.instanceUrl },
  });
  expect(start.statusCode, start.body).toBe(200);
  const authorizeUrl = new URL(start.json<{ authorizeUrl: string }>().authorizeUrl);
  const param = (name: string) => authorizeUrl.searchParams.get(name) ?? '';
  const code = fake.authorize({
    clientId: param('client_id'),
    redirectUri: param('redirect_uri'),
    scope: param('scope'),
    codeChallenge: param('code_challenge'),
  });
  const callback = await app.inject({
    method: 'GET',
    url: `/api/v1/accounts/oauth/callback?${new URLSearchParams({ state: param('state'), code }).toString()}`,
    headers: owner.headers,
  });
  expect(callback.statusCode, callback.body).toBe(302);
  const landing = new URL(callback.headers.location ?? '', 'http://plume.test');
  const connected = landing.searchParams.get('connected');
  expect(connected, landing.toString()).toBeTruthy();
  return connected ?? '';
}
