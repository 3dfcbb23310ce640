import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyInboxChanged } from '@plume/core/inbox/inbox-live';
import type { InboxStats, SavedReply } from '@plume/contract/inbox/inbox-schemas';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { inboxCursors, inboxReplies } from '@plume/db/schema/inbox';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import {
  insertConversation,
  insertInboxAccount,
  mastodonWithInbox,
  minutesAgo,
} from '../../test-support/inbox-fixture.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
const base = () => `/api/v1/workspaces/${workspace.id}/inbox`;

beforeAll(async () => {
  t = await createTestApp({}, { providers: [mastodonWithInbox] });
  owner = await createUser(t.app, t.db, { name: 'Olive Owner' });
  viewer = await createUser(t.app, t.db, { name: 'Vera Viewer' });
  outsider = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, owner);
  await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, viewer, 'viewer');
});

afterAll(async () => {
  await t.close();
});

const send = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });

describe('saved replies', () => {
  it('are listed by title, changed and deleted; a title used twice is a 409 at body/title', async () => {
    const created = await send(owner, 'POST', `${base()}/saved-replies`, {
      title: 'Opening hours',
      text: 'Ten to six.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<SavedReply>().id;
    await send(owner, 'POST', `${base()}/saved-replies`, { title: 'Delivery', text: 'Two days.' });
    const again = await send(owner, 'POST', `${base()}/saved-replies`, { title: 'Opening hours', text: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/title');
    const renamed = await send(owner, 'PATCH', `${base()}/saved-replies/${id}`, { title: 'Delivery' });
    expect(renamed.statusCode).toBe(409);
    const listed = await send(viewer, 'GET', `${base()}/saved-replies`);
    expect(listed.json<{ items: SavedReply[] }>().items.map((item) => item.title)).toEqual([
      'Delivery',
      'Opening hours',
    ]);
    expect((await send(viewer, 'POST', `${base()}/saved-replies`, { title: 'V', text: 'v' })).statusCode).toBe(403);
    const changed = await send(owner, 'PATCH', `${base()}/saved-replies/${id}`, { text: 'Ten to seven.' });
    expect(changed.json<SavedReply>()).toMatchObject({ title: 'Opening hours', text: 'Ten to seven.' });
    const foreign = await createWorkspaceAs(t.app, outsider);
    const probe = await send(outsider, 'DELETE', `/api/v1/workspaces/${foreign.id}/inbox/saved-replies/${id}`);
    expect(probe.statusCode).toBe(404);
    expect((await send(owner, 'DELETE', `${base()}/saved-replies/${id}`)).statusCode).toBe(204);
    expect((await send(owner, 'DELETE', `${base()}/saved-replies/${id}`)).statusCode).toBe(404);
  });
});

describe('per-account figures', () => {
  it('count what waits and the median minutes to our first answer over 30 days', async () => {
    const place = await createWorkspaceAs(t.app, owner);
    const accountId = await insertInboxAccount(t.db, place.id, 'mastodon', '@shop@example.test');
    await insertInboxAccount(t.db, place.id, 'tiktok', '@shop'); // no inbox: not listed
    const scope = { workspaceId: place.id, accountId };
    // Answered by an item of ours 40 minutes later.
    await insertConversation(t.db, scope, [
      { text: 'q1', at: minutesAgo(100) },
      { text: 'a1', at: minutesAgo(60), direction: 'out' },
    ]);
    // Answered by a reply Plume sent 20 minutes later (and done).
    const second = await insertConversation(t.db, scope, [{ text: 'q2', at: minutesAgo(80) }], { status: 'done' });
    await t.db.insert(inboxReplies).values({
      workspaceId: place.id,
      conversationId: second.conversationId,
      itemId: second.itemIds[0] ?? '',
      text: 'a2',
      state: 'sent',
      origin: 'person',
      idempotencyKey: 'stats-1',
      attemptFinishedAt: minutesAgo(60),
    });
    // Waiting, and one that began 40 days ago (outside the window although answered).
    await insertConversation(t.db, scope, [{ text: 'q3', at: minutesAgo(10) }], { tags: ['vip'] });
    await insertConversation(t.db, scope, [
      { text: 'old', at: minutesAgo(40 * 24 * 60) },
      { text: 'old answer', at: minutesAgo(40 * 24 * 60 - 5), direction: 'out' },
    ]);
    await t.db
      .insert(inboxCursors)
      .values({ accountId, workspaceId: place.id, lastReadAt: minutesAgo(3), lastError: 'The server said 503.' });
    await send(owner, 'POST', `/api/v1/workspaces/${place.id}/inbox/conversations/${second.conversationId}/read`);
    const tagged = await send(owner, 'GET', `/api/v1/workspaces/${place.id}/inbox/conversations?tag=vip`);
    const vipId = tagged.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    await send(owner, 'PATCH', `/api/v1/workspaces/${place.id}/inbox/conversations/${vipId}`, {
      tags: ['vip', 'Follow-up'],
    });
    const response = await send(owner, 'GET', `/api/v1/workspaces/${place.id}/inbox/stats`);
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json<InboxStats>();
    expect(stats.accounts).toEqual([
      {
        accountId,
        network: 'mastodon',
        handle: '@shop@example.test',
        open: 3,
        unread: 3,
        answered: 2,
        medianResponseMinutes: 30,
        lastReadAt: expect.any(String),
        lastError: 'The server said 503.',
      },
    ]);
    expect(stats.tags).toEqual(['Follow-up', 'vip']);
  });
});

describe('the live stream', () => {
  it("tells the workspace's open streams which conversation changed, from this process or another, and no one else", async () => {
    const { conversationId } = await insertConversation(
      t.db,
      { workspaceId: workspace.id, accountId: await insertInboxAccount(t.db, workspace.id) },
      [{ text: 'live', at: new Date() }],
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: `${base()}/events`, headers: viewer.headers }, resolve)
        .on('error', reject);
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    response.setEncoding('utf8');
    let received = '';
    response.on('data', (chunk: string) => {
      received += chunk;
    });
    const waitFor = async (text: string) => {
      for (let attempt = 0; attempt < 200 && !received.includes(text); attempt++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(received).toContain(text);
    };
    await waitFor('event: ready');
    const other = createDatabase(t.config.DATABASE_URL ?? '', { poolSize: 1 });
    await notifyInboxChanged(other, [{ workspaceId: 'another-workspace', conversationId }]);
    await other.transaction((tx) => notifyInboxChanged(tx, [{ workspaceId: workspace.id, conversationId }]));
    await closeDatabase(other);
    await waitFor(`event: conversation\ndata: {"conversationId":"${conversationId}"}`);
    expect(received.split('event: conversation')).toHaveLength(2);
    await send(owner, 'PATCH', `${base()}/conversations/${conversationId}`, { status: 'done' });
    await waitFor('event: conversation');
    for (let attempt = 0; attempt < 200 && received.split('event: conversation').length < 3; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(received.split('event: conversation')).toHaveLength(3);
    response.destroy();
  });
});
