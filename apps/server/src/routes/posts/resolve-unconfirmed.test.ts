import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { publishTarget, type PublishDeps } from '@plume/core/publishing/publish-target';
import { postTargets } from '@plume/db/schema/publishing';
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

let testApp: TestApp;
let fake: MastodonFake;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let deps: PublishDeps;

type Post = {
  id: string;
  state: string;
  targets: { id: string; state: string; failureReason: string | null; remoteUrl: string | null }[];
};
type Resolved = { postId: string; ok: boolean; state?: string; code?: string; message?: string };

beforeAll(async () => {
  fake = await startMastodonFake();
  testApp = await createTestApp({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }, { providers: [mastodonProvider] });
  owner = await createUser(testApp.app, testApp.db, { name: 'Uma Owner' });
  editor = await createUser(testApp.app, testApp.db, { name: 'Ed Editor' });
  viewer = await createUser(testApp.app, testApp.db, { name: 'Vi Viewer' });
  workspace = await createWorkspaceAs(testApp.app, owner);
  await addMember(testApp.app, workspace, owner, editor, 'editor');
  await addMember(testApp.app, workspace, owner, viewer, 'viewer');
  accountId = await connectMastodon(testApp.app, fake, owner, workspace);
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
  await fake.close();
});

const base = () => `/api/v1/workspaces/${workspace.id}`;
const onNetwork = (text: string) =>
  [...fake.state.statuses.values()].filter((status) => status.text.includes(text)).length;
const getPost = async (postId: string) =>
  (await testApp.app.inject({ method: 'GET', url: `${base()}/posts/${postId}`, headers: editor.headers })).json<Post>();

/** A post whose publish call lost its connection: `stored` says whether the network kept it anyway. */
async function unconfirmedPost(text: string, stored: boolean): Promise<Post> {
  const created = await testApp.app.inject({
    method: 'POST',
    url: `${base()}/posts`,
    headers: owner.headers,
    payload: { content: { text }, targets: [{ accountId }], scheduledAt: new Date().toISOString(), submit: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const post = created.json<Post>();
  fake.server.dropNext({ match: (request) => request.path === '/api/v1/statuses', handle: stored });
  expect(await publishTarget(deps, post.targets[0]?.id ?? '')).toBe('unknown');
  const unconfirmed = await getPost(post.id);
  expect(unconfirmed.state).toBe('unconfirmed');
  return unconfirmed;
}

const resolve = (user: TestUser, payload: object) =>
  testApp.app.inject({ method: 'POST', url: `${base()}/posts/resolve-unconfirmed`, headers: user.headers, payload });

describe('an unconfirmed post', () => {
  it('names the actions that resolve it, and "not published — publish now" is one action', async () => {
    const post = await unconfirmedPost('Lost on the way', false);
    expect(post.targets[0]?.failureReason).toContain('“It was published”');
    expect(post.targets[0]?.failureReason).toContain('“Not published — publish now”');
    expect(post.targets[0]?.failureReason).not.toMatch(/retry/i);

    const republished = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts/${post.id}/actions`,
      headers: editor.headers,
      payload: { type: 'republish' },
    });
    expect(republished.statusCode, republished.body).toBe(200);
    expect(republished.json<Post>()).toMatchObject({
      state: 'scheduled',
      targets: [{ state: 'pending', failureReason: null }],
    });
    expect(await publishTarget(deps, post.targets[0]?.id ?? '')).toBe('published');
    expect((await getPost(post.id)).state).toBe('published');
    expect(onNetwork('Lost on the way')).toBe(1);

    const again = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts/${post.id}/actions`,
      headers: editor.headers,
      payload: { type: 'republish' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'invalid_state',
      detail: 'A post that is published cannot be published again.',
    });
  });

  it('is marked published with the link the person found', async () => {
    const post = await unconfirmedPost('Made it after all', true);
    const url = 'https://mastodon.example/@plume/1';
    const confirmed = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts/${post.id}/actions`,
      headers: editor.headers,
      payload: { type: 'confirm', published: true, url },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json<Post>()).toMatchObject({
      state: 'published',
      targets: [{ state: 'published', remoteUrl: url }],
    });
    expect(onNetwork('Made it after all')).toBe(1);
  });
});

describe('resolving many unconfirmed posts at once', () => {
  it('publishes the ones not on the network in one call, answering per post', async () => {
    const lost = [
      await unconfirmedPost('Bulk lost 1', false),
      await unconfirmedPost('Bulk lost 2', false),
      await unconfirmedPost('Bulk lost 3', false),
    ];
    const done = await unconfirmedPost('Bulk kept', true);
    await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts/${done.id}/actions`,
      headers: editor.headers,
      payload: { type: 'confirm', published: true },
    });
    const stranger = randomUUID();
    const ids = [...lost.map((post) => post.id), done.id, stranger, lost[0]?.id ?? ''];

    const response = await resolve(editor, { postIds: ids, resolution: 'republish' });
    expect(response.statusCode, response.body).toBe(200);
    const { results } = response.json<{ results: Resolved[] }>();
    expect(results).toEqual([
      ...lost.map((post) => ({ postId: post.id, ok: true, state: 'scheduled' })),
      {
        postId: done.id,
        ok: false,
        code: 'invalid_state',
        message: 'A post that is published cannot be published again.',
      },
      { postId: stranger, ok: false, code: 'not_found', message: 'The post does not exist or is not visible to you.' },
    ]);
    for (const post of lost) expect(await publishTarget(deps, post.targets[0]?.id ?? '')).toBe('published');
    expect(lost.map((_, index) => onNetwork(`Bulk lost ${index + 1}`))).toEqual([1, 1, 1]);
  });

  it('marks the ones found on the network published', async () => {
    const found = [await unconfirmedPost('Bulk found 1', true), await unconfirmedPost('Bulk found 2', true)];
    const response = await resolve(editor, { postIds: found.map((post) => post.id), resolution: 'published' });
    expect(response.json<{ results: Resolved[] }>().results).toEqual(
      found.map((post) => ({ postId: post.id, ok: true, state: 'published' })),
    );
    for (const post of found) {
      const [target] = await testApp.db
        .select()
        .from(postTargets)
        .where(eq(postTargets.id, post.targets[0]?.id ?? ''));
      expect(target?.state).toBe('published');
    }
    expect([onNetwork('Bulk found 1'), onNetwork('Bulk found 2')]).toEqual([1, 1]);
  });

  it('needs an editor and at least one post id', async () => {
    const post = await unconfirmedPost('Viewer cannot', false);
    expect((await resolve(viewer, { postIds: [post.id], resolution: 'republish' })).statusCode).toBe(403);
    expect((await getPost(post.id)).state).toBe('unconfirmed');
    const empty = await resolve(editor, { postIds: [], resolution: 'republish' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toContain('body/postIds');
  });
});
