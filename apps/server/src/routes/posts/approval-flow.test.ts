import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { posts } from '@plume/db/schema/publishing';
import { startMastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import { addMember, createUser, type TestUser } from '../../test-support/factories.ts';
import {
  base,
  editor,
  owner,
  setUpPublishingFlow,
  testApp,
  workspace,
  accountId,
  type PostDetail,
} from '../../test-support/publishing-flow-fixture.ts';

setUpPublishingFlow();

describe('approval', () => {
  it('names approvers only among the workspace members, at least one', async () => {
    const put = (payload: object) =>
      testApp.app.inject({ method: 'PUT', url: `${base()}/publishing-settings`, headers: owner.headers, payload });
    const none = await put({ approvalMode: 'specific', approverIds: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({
      errors: [{ path: 'body/approverIds', message: 'Name at least one approver.' }],
    });
    const stranger = await put({ approvalMode: 'specific', approverIds: [owner.id, 'user_nobody'] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({
      errors: [{ path: 'body/approverIds', message: 'Not members of this workspace: user_nobody.' }],
    });
    const named = await put({ approvalMode: 'specific', approverIds: [owner.id] });
    expect(named.json()).toEqual({ approvalMode: 'specific', approverIds: [owner.id] });
    const anyAdmin = await put({ approvalMode: 'any_admin', approverIds: [owner.id] });
    expect(anyAdmin.json()).toEqual({ approvalMode: 'any_admin', approverIds: [] });
  });

  it('needs an admin when the workspace says so, and sends an edited approved post back to review', async () => {
    const settings = await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'any_admin' },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const at = new Date(Date.now() + 3600_000).toISOString();
    const created = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts`,
      headers: editor.headers,
      payload: { content: { text: 'Needs a look' }, targets: [{ accountId }], scheduledAt: at, submit: true },
    });
    const post = created.json<PostDetail>();
    expect(post.state).toBe('in_review');
    const act = (user: TestUser, payload: object) =>
      testApp.app.inject({ method: 'POST', url: `${base()}/posts/${post.id}/actions`, headers: user.headers, payload });
    const self = await act(editor, { type: 'approve' });
    expect(self.statusCode).toBe(403);
    const approved = await act(owner, { type: 'approve' });
    expect(approved.json<PostDetail>().state).toBe('scheduled');
    const version = approved.json<PostDetail>().version;
    const edit = (payload: object, v: number) =>
      testApp.app.inject({
        method: 'PATCH',
        url: `${base()}/posts/${post.id}`,
        headers: editor.headers,
        payload: { version: v, ...payload },
      });
    // Hashtags and a 20-minute move keep the approval.
    const small = await edit(
      {
        content: { text: 'Needs a look', hashtags: ['news'] },
        scheduledAt: new Date(Date.parse(at) + 20 * 60_000).toISOString(),
      },
      version,
    );
    expect(small.statusCode, small.body).toBe(200);
    expect(small.json<PostDetail>().state).toBe('scheduled');
    const stale = await edit({ content: { text: 'Changed words' } }, version);
    expect(stale.statusCode).toBe(409);
    const changed = await edit({ content: { text: 'Changed words' } }, small.json<PostDetail>().version);
    expect(changed.json<PostDetail>().state).toBe('in_review');
    await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'none' },
    });
  });

  it('lists in every post the actions its caller may take: approvers approve, viewers only look', async () => {
    const viewer = await createUser(testApp.app, testApp.db, { name: 'Vera Viewer' });
    await addMember(testApp.app, workspace, owner, viewer, 'viewer');
    await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'any_admin' },
    });
    const created = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts`,
      headers: editor.headers,
      payload: {
        content: { text: 'Who may do what' },
        targets: [{ accountId }],
        scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
        submit: true,
      },
    });
    expect(created.json<{ actions: string[] }>().actions).toEqual(['edit', 'cancel']);
    const postId = created.json<PostDetail>().id;
    const actionsOf = async (user: TestUser) =>
      (await testApp.app.inject({ method: 'GET', url: `${base()}/posts/${postId}`, headers: user.headers })).json<{
        actions: string[];
      }>().actions;
    expect(await actionsOf(owner)).toEqual(['edit', 'approve', 'reject', 'request_changes', 'cancel']);
    expect(await actionsOf(viewer)).toEqual([]);
    const list = await testApp.app.inject({
      method: 'GET',
      url: `${base()}/posts?state=in_review`,
      headers: owner.headers,
    });
    expect(
      list.json<{ items: { id: string; actions: string[] }[] }>().items.find((item) => item.id === postId)?.actions,
    ).toContain('approve');
    await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'none' },
    });
  });

  it('treats a reschedule beyond 30 minutes as an edit: back to review, unless an approver moves it', async () => {
    await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'any_admin' },
    });
    const at = Date.now() + 3 * 3600_000;
    const created = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts`,
      headers: editor.headers,
      payload: {
        content: { text: 'Moving around' },
        targets: [{ accountId }],
        scheduledAt: new Date(at).toISOString(),
        submit: true,
      },
    });
    const post = created.json<PostDetail>();
    const act = (user: TestUser, payload: object) =>
      testApp.app.inject({ method: 'POST', url: `${base()}/posts/${post.id}/actions`, headers: user.headers, payload });
    expect((await act(owner, { type: 'approve' })).json<PostDetail>().state).toBe('scheduled');
    const near = await act(editor, { type: 'schedule', scheduledAt: new Date(at + 25 * 60_000).toISOString() });
    expect(near.json<PostDetail>().state).toBe('scheduled');
    // The owner may approve: moving it an hour earlier approves the new time.
    const byOwner = await act(owner, { type: 'schedule', scheduledAt: new Date(at - 3600_000).toISOString() });
    expect(byOwner.json<PostDetail>().state).toBe('scheduled');
    const [relocked] = await testApp.db.select().from(posts).where(eq(posts.id, post.id));
    expect(relocked?.approvedScheduledAt?.getTime()).toBe(at - 3600_000);
    // The editor may not: moving it two hours later needs a new review.
    const byEditor = await act(editor, { type: 'schedule', scheduledAt: new Date(at + 3600_000).toISOString() });
    expect(byEditor.json<PostDetail>().state).toBe('in_review');
    await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'none' },
    });
  });

  it('rejects a post that breaks the network limits before it is submitted, naming the field', async () => {
    const created = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts`,
      headers: editor.headers,
      payload: { content: { text: 'x'.repeat(501) }, targets: [{ accountId }], submit: true },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({
      path: 'body/targets/0/text',
      message: 'The text is 501 characters as Mastodon counts them; Mastodon allows 500. Shorten it by 1.',
    });
  });

  it("counts against each Mastodon server's own limit, read when the account was connected", async () => {
    const roomy = await startMastodonFake();
    try {
      roomy.state.maxCharacters = 1000;
      const roomyAccountId = await connectMastodon(testApp.app, roomy, owner, workspace);
      const submit = (targetAccountId: string, length: number) =>
        testApp.app.inject({
          method: 'POST',
          url: `${base()}/posts`,
          headers: editor.headers,
          payload: { content: { text: 'y'.repeat(length) }, targets: [{ accountId: targetAccountId }], submit: true },
        });
      expect((await submit(roomyAccountId, 900)).statusCode).toBe(201);
      const tooLong = await submit(roomyAccountId, 1001);
      expect(tooLong.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({
        path: 'body/targets/0/text',
        message: expect.stringContaining('The text is 1001 characters as Mastodon counts them; Mastodon allows 1000.'),
      });
      const defaultServer = await submit(accountId, 900);
      expect(defaultServer.statusCode, defaultServer.body).toBe(400);
      expect(defaultServer.json<{ errors: { message: string }[] }>().errors[0]?.message).toContain(
        'The text is 900 characters as Mastodon counts them; Mastodon allows 500.',
      );
    } finally {
      await roomy.close();
    }
  });
});
