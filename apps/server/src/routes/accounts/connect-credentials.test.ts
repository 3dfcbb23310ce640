import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { startMastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

type Problem = { code: string; detail: string; errors?: { path: string; message: string }[] };
type NetworkItem = {
  id: string;
  credentialFields: { properties: Record<string, { title?: string; description?: string }> } | null;
};

/** One app per policy: the default (private hosts refused) and one that allows loopback. */
async function appWith(
  env: Record<string, string>,
): Promise<{ t: TestApp; owner: TestUser; workspace: TestWorkspace }> {
  const t = await createTestApp(env);
  const owner = await createUser(t.app, t.db);
  const workspace = await createWorkspaceAs(t.app, owner);
  return { t, owner, workspace };
}

let strict: Awaited<ReturnType<typeof appWith>>;
let loopback: Awaited<ReturnType<typeof appWith>>;

beforeAll(async () => {
  strict = await appWith({});
  loopback = await appWith({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
});

afterAll(async () => {
  await strict?.t.close();
  await loopback?.t.close();
});

function connectBluesky(target: typeof strict, service: string) {
  return target.t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${target.workspace.id}/accounts/credentials`,
    headers: target.owner.headers,
    payload: { network: 'bluesky', credentials: { identifier: 'ada.test', password: 'abcd-efgh-ijkl-mnop', service } },
  });
}

describe('connecting with credentials when the server cannot be reached', () => {
  it('says this server could not look the host up, at the field the person typed it in, instead of blaming Bluesky', async () => {
    const response = await connectBluesky(strict, 'https://nonexistent.invalid');
    expect(response.statusCode, response.body).toBe(502);
    const problem = response.json<Problem>();
    expect(problem.detail).toBe('Plume could not reach nonexistent.invalid from this server (DNS lookup failed).');
    expect(problem.errors).toEqual([{ path: 'body/credentials/service', message: problem.detail }]);
    expect(problem.detail).not.toMatch(/Bluesky had a temporary problem|ENOTFOUND/);
  });

  it('says the connection was refused when nothing listens there', async () => {
    const port = await freePort();
    const response = await connectBluesky(loopback, `http://127.0.0.1:${port}`);
    expect(response.statusCode, response.body).toBe(502);
    expect(response.json<Problem>().detail).toBe(
      'Plume could not reach 127.0.0.1 from this server (connection refused).',
    );
  });

  it('names HTTP_ALLOW_PRIVATE_HOSTS when the address is private and not allowed', async () => {
    const port = await freePort();
    const response = await connectBluesky(strict, `http://127.0.0.1:${port}`);
    expect(response.statusCode, response.body).toBe(502);
    const { detail } = response.json<Problem>();
    expect(detail).toContain(
      'Plume did not connect to 127.0.0.1: 127.0.0.1 is a private, loopback or link-local address',
    );
    expect(detail).toContain('add it to HTTP_ALLOW_PRIVATE_HOSTS');
  });
});

describe('checking an account whose server went away', () => {
  it('stores why in plain words, naming the host this server could not reach', async () => {
    const fake = await startMastodonFake();
    const accountId = await connectMastodon(loopback.t.app, fake, loopback.owner, loopback.workspace);
    const host = new URL(fake.instanceUrl).hostname;
    await fake.close();
    const checked = await loopback.t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${loopback.workspace.id}/accounts/${accountId}/health`,
      headers: loopback.owner.headers,
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json<{ healthError: string | null }>().healthError).toBe(
      `Plume could not reach ${host} from this server (connection refused).`,
    );
  });
});

describe('the connect forms’ guidance', () => {
  it('asks Bluesky for an app password (where to make one) with an optional server, and says where Discord and Telegram credentials come from', async () => {
    const response = await strict.t.app.inject({
      method: 'GET',
      url: '/api/v1/networks',
      headers: strict.owner.headers,
    });
    const fields = (id: string) =>
      response.json<{ items: NetworkItem[] }>().items.find((item) => item.id === id)?.credentialFields?.properties ??
      {};
    const bluesky = fields('bluesky');
    expect(bluesky.password).toMatchObject({
      title: 'App password',
      description: expect.stringContaining('Settings → Privacy and security → App passwords'),
    });
    expect(bluesky.service).toMatchObject({
      title: 'Server (optional)',
      description: expect.stringContaining('your own PDS'),
    });
    expect(fields('discord').webhookUrl?.description).toContain('Settings → Integrations → Webhooks');
    expect(fields('telegram').botToken?.description).toContain('@BotFather');
    expect(fields('telegram').channel?.description).toContain('administrator with the right to post messages');
  });
});
