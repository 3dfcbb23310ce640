import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearModelCache } from '@plume/core/insights/account-models';
import { measuredPosts } from '@plume/db/schema/analytics';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

const HOUR = 3_600_000;
let t: TestApp;
let fake: MastodonFake;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let otherAccountId: string;

type Problem = { code: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  fake = await startMastodonFake();
  t = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider] },
  );
  owner = await createUser(t.app, t.db, { name: 'Ina Insights' });
  viewer = await createUser(t.app, t.db, { name: 'Vic Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  const otherWorkspace = await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  accountId = await connectMastodon(t.app, fake, owner, workspace);
  otherAccountId = await connectMastodon(t.app, fake, outsider, otherWorkspace);
  const now = Date.now();
  await t.db.insert(measuredPosts).values(
    Array.from({ length: 80 }, (_, i) => ({
      workspaceId: workspace.id,
      accountId,
      network: 'mastodon' as const,
      remoteId: `seed-${i}`,
      source: 'backfill' as const,
      publishedAt: new Date(now - 48 * HOUR - i * 13 * HOUR),
      text: `Seeded post ${i} about the garden`,
      hasMedia: i % 2 === 0,
      engagements: (i % 2 === 0 ? 150 : 50) + ((i * 37) % 40),
    })),
  );
  clearModelCache();
});

afterAll(async () => {
  await t.close();
  await fake.close();
});

const base = () => `/api/v1/workspaces/${workspace.id}`;
const predict = (payload: object, user = owner) =>
  t.app.inject({ method: 'POST', url: `${base()}/insights/predict`, headers: user.headers, payload });
const get = (path: string, user = owner) =>
  t.app.inject({ method: 'GET', url: `${base()}${path}`, headers: user.headers });

describe('POST …/insights/predict', () => {
  it('answers the expected range per account, and a viewer may ask', async () => {
    const response = await predict({ accountIds: [accountId], text: 'A post about the garden', mediaCount: 1 }, viewer);
    expect(response.statusCode, response.body).toBe(200);
    const [result] = response.json<{ accounts: Array<Record<string, unknown>> }>().accounts;
    expect(result).toMatchObject({ accountId, status: 'predicted', historyPosts: 80, coverage: 0.8 });
    expect(Number(result?.['low'])).toBeLessThanOrEqual(Number(result?.['expected']));
    expect(Number(result?.['expected'])).toBeLessThanOrEqual(Number(result?.['high']));
  });

  it("is 404 for another workspace's account and 400 with the field path for bad input", async () => {
    expect((await predict({ accountIds: [otherAccountId], text: 'x' })).statusCode).toBe(404);
    const empty = await predict({ accountIds: [], text: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<Problem>().errors).toEqual([
      { path: 'body/accountIds', message: 'Choose at least one account.' },
    ]);
    const badTime = await predict({ accountIds: [accountId], text: 'x', scheduledAt: 'tomorrow' });
    expect(badTime.json<Problem>().errors?.[0]?.path).toBe('body/scheduledAt');
  });
});

describe('GET …/insights/best-times', () => {
  it('ranks free hours with the confidence and labelled local times', async () => {
    const response = await get(`/insights/best-times?accountId=${accountId}`, viewer);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      timezone: string;
      suggestions: { at: string; local: string }[];
      historyPosts: number;
    }>();
    expect(body.timezone).toBe('Europe/Berlin');
    expect(body.historyPosts).toBe(80);
    expect(body.suggestions.length).toBeGreaterThan(0);
  });

  it("refuses an end before the start at the field, and another workspace's account", async () => {
    const from = new Date(Date.now() + 48 * HOUR).toISOString();
    const to = new Date(Date.now() + 24 * HOUR).toISOString();
    const response = await get(`/insights/best-times?accountId=${accountId}&from=${from}&to=${to}`);
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().errors).toEqual([{ path: 'query/to', message: 'Choose an end after the start.' }]);
    expect((await get(`/insights/best-times?accountId=${otherAccountId}`)).statusCode).toBe(404);
  });
});

describe('GET …/insights/what-works', () => {
  it('finds the media effect on the account and on the workspace', async () => {
    for (const path of [`/insights/what-works?accountId=${accountId}`, '/insights/what-works']) {
      const response = await get(path, viewer);
      expect(response.statusCode, response.body).toBe(200);
      const media = response
        .json<{ findings: { factor: string; effect: number; isClear: boolean }[] }>()
        .findings.find((finding) => finding.factor === 'media');
      expect(media?.isClear).toBe(true);
      expect(media?.effect).toBeGreaterThan(1.5);
    }
  });
});

describe('post detail', () => {
  it('holds the prediction stored when the post was scheduled', async () => {
    const scheduledAt = new Date(Date.now() + 5 * 24 * HOUR).toISOString();
    const created = await t.app.inject({
      method: 'POST',
      url: `${base()}/posts`,
      headers: owner.headers,
      payload: {
        content: { text: 'Scheduled post about the garden' },
        targets: [{ accountId }],
        scheduledAt,
        submit: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json<{ id: string; state: string; targets: { id: string }[] }>();
    expect(post.state).toBe('scheduled');
    const detail = await get(`/posts/${post.id}`, viewer);
    const [prediction] = detail.json<{ predictions: Array<Record<string, unknown>> }>().predictions;
    expect(prediction).toMatchObject({ targetId: post.targets[0]?.id, historyPosts: 80, actual: null, verdict: null });
  });
});
