import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { publishTarget, type PublishDeps } from '@plume/core/publishing/publish-target';
import { auditEvents } from '@plume/db/schema/audit';
import { targetDeletions } from '@plume/db/schema/post-deletions';
import { webhookMessages } from '@plume/db/schema/webhooks';
import { blueskyProvider } from '@plume/networks/bluesky/provider';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
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

type Target = { id: string; network: string; state: string; remoteId: string | null };
type Detail = {
  id: string;
  targets: Target[];
  events: { type: string; targetId: string | null }[];
  deletions: { targetId: string; state: string; reason: string | null }[];
};
type Problem = { status: number; code: string; detail: string };

let testApp: TestApp;
let mastodon: MastodonFake;
let bluesky: BlueskyFake;
let owner: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;
let accounts: { mastodon: string; bluesky: string };
let deps: PublishDeps;
const base = () => `/api/v1/workspaces/${workspace.id}`;

beforeAll(async () => {
  [mastodon, bluesky] = await Promise.all([startMastodonFake(), startBlueskyFake()]);
  testApp = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider, blueskyProvider] },
  );
  owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
  viewer = await createUser(testApp.app, testApp.db, { name: 'Vera Viewer' });
  workspace = await createWorkspaceAs(testApp.app, owner);
  await addMember(testApp.app, workspace, owner, viewer, 'viewer');
  const connected = await testApp.app.inject({
    method: 'POST',
    url: `${base()}/accounts/credentials`,
    headers: owner.headers,
    payload: {
      network: 'bluesky',
      credentials: { identifier: 'alice.test', password: 'app-pass-1234', service: bluesky.url },
    },
  });
  expect(connected.statusCode, connected.body).toBe(201);
  accounts = {
    mastodon: await connectMastodon(testApp.app, mastodon, owner, workspace),
    bluesky: connected.json<{ id: string }>().id,
  };
  // Every event of the workspace goes to an endpoint, so the outbox writes `post.deleted` too.
  await testApp.app.inject({
    method: 'POST',
    url: `${base()}/webhooks`,
    headers: owner.headers,
    payload: { url: `${bluesky.url}/not-a-receiver`, eventTypes: ['post.published', 'post.deleted'] },
  });
  const { context } = testApp;
  deps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
    media: context.publishing.media,
    limiter: createNetworkLimiter(),
    runnerId: 'test-runner',
    staleRunnerSeconds: 60,
  };
});

afterAll(async () => {
  await testApp.close();
  await Promise.all([mastodon.close(), bluesky.close()]);
});

/** A post published on both networks through the real engine. */
async function publishedPost(text: string): Promise<Detail> {
  const created = await testApp.app.inject({
    method: 'POST',
    url: `${base()}/posts`,
    headers: owner.headers,
    payload: {
      content: { text },
      targets: [{ accountId: accounts.mastodon }, { accountId: accounts.bluesky }],
      scheduledAt: new Date().toISOString(),
      submit: true,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const post = created.json<Detail>();
  for (const target of post.targets) await publishTarget(deps, target.id);
  const detail = await readPost(post.id);
  expect(detail.targets.map((target) => target.state)).toEqual(['published', 'published']);
  return detail;
}

async function readPost(postId: string): Promise<Detail> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `${base()}/posts/${postId}`,
    headers: owner.headers,
  });
  return response.json<Detail>();
}

const deleteTarget = (postId: string, targetId: string, user: TestUser = owner) =>
  testApp.app.inject({
    method: 'POST',
    url: `${base()}/posts/${postId}/targets/${targetId}/delete`,
    headers: user.headers,
  });

const targetOn = (post: Detail, network: string): Target => {
  const target = post.targets.find((item) => item.network === network);
  if (target === undefined) throw new Error(`no ${network} target`);
  return target;
};

describe('deleting a published post from its network', () => {
  it('deletes it on Mastodon and Bluesky: target deleted, history, audit log and the post.deleted webhook', async () => {
    const post = await publishedPost('Going away soon');
    for (const network of ['mastodon', 'bluesky']) {
      const target = targetOn(post, network);
      const response = await deleteTarget(post.id, target.id);
      expect(response.statusCode, response.body).toBe(200);
      expect(targetOn(response.json<Detail>(), network).state).toBe('deleted');
    }
    expect(mastodon.state.statuses.has(targetOn(post, 'mastodon').remoteId ?? '')).toBe(false);
    expect(bluesky.state.records.has(targetOn(post, 'bluesky').remoteId ?? '')).toBe(false);
    const detail = await readPost(post.id);
    expect(detail.events.filter((event) => event.type === 'target_deleted')).toHaveLength(2);
    const audit = await testApp.db.select().from(auditEvents).where(eq(auditEvents.subjectId, post.id));
    expect(audit.filter((row) => row.action === 'post.target_deleted')).toHaveLength(2);
    const messages = await testApp.db.select().from(webhookMessages).where(eq(webhookMessages.type, 'post.deleted'));
    const deleted = messages.map((message) => (message.payload['data'] as { targetId: string }).targetId);
    expect(deleted).toEqual(expect.arrayContaining(post.targets.map((target) => target.id)));
  });

  it('a post the network no longer has (404) counts as deleted', async () => {
    const post = await publishedPost('Already gone on Mastodon');
    const target = targetOn(post, 'mastodon');
    mastodon.state.statuses.delete(target.remoteId ?? '');
    const response = await deleteTarget(post.id, target.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(targetOn(response.json<Detail>(), 'mastodon').state).toBe('deleted');
  });

  it('a 5xx keeps it published, says why, and the post shows the failed try', async () => {
    const post = await publishedPost('Stays up for now');
    for (const network of ['mastodon', 'bluesky'] as const) {
      const target = targetOn(post, network);
      const server = network === 'mastodon' ? mastodon.server : bluesky.server;
      const isDelete = (request: { method: string; path: string }) =>
        request.method === 'DELETE' || request.path.endsWith('deleteRecord');
      server.failNext({ status: 503, times: 5, match: isDelete });
      const response = await deleteTarget(post.id, target.id);
      server.reset();
      expect(response.statusCode, response.body).toBe(502);
      expect(response.json<Problem>().detail).toMatch(/did not delete it/);
      const detail = await readPost(post.id);
      expect(targetOn(detail, network).state).toBe('published');
      expect(detail.deletions).toContainEqual(expect.objectContaining({ targetId: target.id, state: 'failed' }));
    }
    // Once the network is back, deleting again works.
    const retried = await deleteTarget(post.id, targetOn(post, 'mastodon').id);
    expect(retried.statusCode).toBe(200);
    expect(retried.json<Detail>().deletions.map((item) => item.targetId)).not.toContain(targetOn(post, 'mastodon').id);
  });

  it('refuses a target that is not published (409), another workspace (404) and a viewer (403)', async () => {
    const post = await publishedPost('Delete twice');
    const target = targetOn(post, 'mastodon');
    expect((await deleteTarget(post.id, target.id)).statusCode).toBe(200);
    const again = await deleteTarget(post.id, target.id);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().detail).toMatch(/this one is deleted/);
    const other = await createUser(testApp.app, testApp.db);
    const otherWorkspace = await createWorkspaceAs(testApp.app, other);
    const outsider = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${otherWorkspace.id}/posts/${post.id}/targets/${targetOn(post, 'bluesky').id}/delete`,
      headers: other.headers,
    });
    expect(outsider.statusCode).toBe(404);
    expect((await deleteTarget(post.id, targetOn(post, 'bluesky').id, viewer)).statusCode).toBe(403);
  });

  it('an attempt whose process stopped before the answer shows as unknown, and deleting again is safe', async () => {
    const post = await publishedPost('Interrupted');
    const target = targetOn(post, 'bluesky');
    await testApp.db
      .insert(targetDeletions)
      .values({ targetId: target.id, actorName: 'Olive Owner', startedAt: new Date(Date.now() - 10 * 60_000) });
    expect((await readPost(post.id)).deletions).toEqual([
      expect.objectContaining({ targetId: target.id, state: 'unknown' }),
    ]);
    const response = await deleteTarget(post.id, target.id);
    expect(response.statusCode).toBe(200);
    expect(targetOn(response.json<Detail>(), 'bluesky').state).toBe('deleted');
  });
});
