import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let fake: MastodonFake;
let owner: TestUser;
let workspace: TestWorkspace;
let accountId: string;

type Problem = { code: string; detail: string; errors: { path: string; message: string }[] };
type PostDetail = {
  id: string;
  state: string;
  version: number;
  events: { type: string; toState: string | null; detail: Record<string, unknown> }[];
};

beforeAll(async () => {
  fake = await startMastodonFake();
  t = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider] },
  );
  owner = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, owner);
  accountId = await connectMastodon(t.app, fake, owner, workspace);
});

afterAll(async () => {
  await t.close();
  await fake.close();
});

const postsUrl = () => `/api/v1/workspaces/${workspace.id}/posts`;
const create = (payload: object) => t.app.inject({ method: 'POST', url: postsUrl(), headers: owner.headers, payload });

describe('what a post must hold', () => {
  it('refuses a draft with nothing in any field, at the text field, in plain words', async () => {
    const empty = await create({ content: { text: '   ' }, targets: [{ accountId }] });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json<Problem>().errors).toEqual([
      { path: 'body/content/text', message: 'Write some text or add media before saving.' },
    ]);
    const list = await t.app.inject({ method: 'GET', url: postsUrl(), headers: owner.headers });
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('keeps a draft that says something somewhere (hashtags only, or one account’s own text)', async () => {
    expect((await create({ content: { text: '', hashtags: ['coffee'] } })).statusCode).toBe(201);
    expect(
      (await create({ content: { text: '' }, targets: [{ accountId, override: { text: 'Only on Mastodon' } }] }))
        .statusCode,
    ).toBe(201);
  });

  it('refuses an edit that empties a draft', async () => {
    const draft = (await create({ content: { text: 'Beans' } })).json<PostDetail>();
    const emptied = await t.app.inject({
      method: 'PATCH',
      url: `${postsUrl()}/${draft.id}`,
      headers: owner.headers,
      payload: { version: draft.version, content: { text: '' } },
    });
    expect(emptied.statusCode, emptied.body).toBe(400);
    expect(emptied.json<Problem>().errors[0]?.path).toBe('body/content/text');
  });

  it('records the time a submit scheduled the post when no review was needed, for the history', async () => {
    const at = new Date(Date.now() + 3_600_000);
    at.setUTCSeconds(0, 0);
    const created = await create({
      content: { text: 'Fresh beans' },
      targets: [{ accountId }],
      scheduledAt: at.toISOString(),
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const post = created.json<PostDetail>();
    expect(post.state).toBe('scheduled');
    expect(post.events.find((event) => event.type === 'submit')).toMatchObject({
      toState: 'scheduled',
      detail: { scheduledAt: at.toISOString() },
    });
  });
});
