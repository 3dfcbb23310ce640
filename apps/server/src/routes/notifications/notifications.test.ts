import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '@plume/core/notifications/notify';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let t: TestApp;
let owner: TestUser;
let editor: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
/** Another connection, as a worker process would have. */
let worker: Database;

beforeAll(async () => {
  t = await createTestApp();
  worker = createDatabase(t.config.DATABASE_URL ?? '', { poolSize: 1 });
  owner = await createUser(t.app, t.db, { name: 'Owner' });
  editor = await createUser(t.app, t.db, { name: 'Eddie' });
  outsider = await createUser(t.app, t.db, { name: 'Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, editor, 'editor');
});
afterAll(async () => {
  await closeDatabase(worker);
  await t.close();
});

const base = () => `/api/v1/workspaces/${workspace.id}/notifications`;
const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
const post = (user: TestUser, url: string) => t.app.inject({ method: 'POST', url, headers: user.headers });
type Item = { id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null };

const failure = (title: string) =>
  worker.transaction((tx) =>
    notify(tx, {
      workspaceId: workspace.id,
      kind: 'post_failed',
      audience: { type: 'managers' },
      title,
      body: 'The network refused the text.',
      link: `/w/${workspace.id}/posts`,
    }),
  );

describe('notifications', () => {
  it('asks the owner to approve a post the editor submitted, and the editor hears nothing of it', async () => {
    const settings = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workspaces/${workspace.id}/publishing-settings`,
      headers: owner.headers,
      payload: { approvalMode: 'any_admin', approverIds: [] },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const [account] = await t.db
      .insert(socialAccounts)
      .values({
        workspaceId: workspace.id,
        network: 'mastodon',
        externalId: 'n-1',
        handle: '@bakery@example.test',
        displayName: 'Bakery',
        kind: 'profile',
        tokensCiphertext: 'unused',
      })
      .returning();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/posts`,
      headers: editor.headers,
      payload: { content: { text: 'Rye loaves are back' }, targets: [{ accountId: account!.id }], submit: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const postId = created.json<{ id: string }>().id;

    const list = await get(owner, base());
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Item[] }>().items).toEqual([
      expect.objectContaining({
        kind: 'approval_requested',
        title: 'A post waits for your approval: “Rye loaves are back”',
        link: `/w/${workspace.id}/posts/${postId}`,
        readAt: null,
      }),
    ]);
    expect((await get(editor, base())).json<{ items: Item[] }>().items).toEqual([]);
  });

  it('counts, pages, filters and marks read; nobody else can see or mark them', async () => {
    await failure('First failure');
    await failure('Second failure');
    expect((await get(owner, `${base()}/unread-count`)).json()).toEqual({ unread: 3 });
    const first = (await get(owner, `${base()}?limit=2`)).json<{ items: Item[]; nextCursor: string }>();
    expect(first.items.map((item) => item.title)).toEqual(['Second failure', 'First failure']);
    const rest = (await get(owner, `${base()}?limit=2&cursor=${first.nextCursor}`)).json<{ items: Item[] }>();
    expect(rest.items.map((item) => item.kind)).toEqual(['approval_requested']);

    const target = first.items[0]!;
    // Another member, and an outsider, cannot mark or even find it.
    expect((await post(editor, `${base()}/${target.id}/read`)).statusCode).toBe(404);
    expect((await get(outsider, base())).statusCode).toBe(404);
    const read = await post(owner, `${base()}/${target.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Item>().readAt).not.toBeNull();
    const unread = (await get(owner, `${base()}?unread=true`)).json<{ items: Item[] }>();
    expect(unread.items.map((item) => item.title)).not.toContain('Second failure');
    expect((await post(owner, `${base()}/read-all`)).json()).toEqual({ marked: 2 });
    expect((await get(owner, `${base()}/unread-count`)).json()).toEqual({ unread: 0 });
  });

  it('keeps per-kind preferences per person, defaults filled in', async () => {
    const defaults = await get(editor, '/api/v1/me/notification-preferences');
    expect(defaults.json<{ kinds: unknown[] }>().kinds).toContainEqual({
      kind: 'viral_alert',
      inApp: true,
      mail: false,
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: editor.headers,
      payload: { kinds: [{ kind: 'post_failed', inApp: false, mail: false }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const kinds = put.json<{ kinds: Array<{ kind: string }> }>().kinds;
    expect(kinds).toContainEqual({ kind: 'post_failed', inApp: false, mail: false });
    expect(kinds).toContainEqual({ kind: 'weekly_report', inApp: true, mail: true });
    const owners = await get(owner, '/api/v1/me/notification-preferences');
    expect(owners.json<{ kinds: unknown[] }>().kinds).toContainEqual({ kind: 'post_failed', inApp: true, mail: true });
  });
});

describe('the live stream', () => {
  it('pushes a notification committed by another process to the signed-in browser, and ends on shutdown', async () => {
    const app = await createTestApp();
    try {
      const boss = await createUser(app.app, app.db, { name: 'Boss' });
      const place = await createWorkspaceAs(app.app, boss);
      const signIn = await app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in/email',
        payload: { email: boss.email, password: boss.password },
      });
      const setCookie = signIn.headers['set-cookie'];
      const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
        .map((line) => line.split(';')[0])
        .join('; ');
      await app.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.app.server.address() as AddressInfo;
      const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
        http
          .get(
            {
              host: '127.0.0.1',
              port,
              path: `/api/v1/workspaces/${place.id}/notifications/stream`,
              headers: { cookie },
            },
            resolve,
          )
          .on('error', reject);
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
      response.setEncoding('utf8');
      let received = '';
      const waitFor = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (!received.includes(text)) return;
            response.off('data', onData);
            resolve();
          };
          const onData = (chunk: string) => {
            received += chunk;
            check();
          };
          response.on('data', onData);
          check();
        });
      await waitFor('event: ready');

      const other = createDatabase(app.config.DATABASE_URL ?? '', { poolSize: 1 });
      await other.transaction((tx) =>
        notify(tx, {
          workspaceId: place.id,
          kind: 'account_disconnected',
          audience: { type: 'managers' },
          title: 'Reconnect @boss (mastodon)',
          body: 'The server refused the token.',
          link: `/w/${place.id}/accounts`,
        }),
      );
      await closeDatabase(other);
      await waitFor('event: notification');
      const data = /event: notification\ndata: (.*)\n/.exec(received)?.[1] ?? '{}';
      expect(JSON.parse(data)).toMatchObject({ kind: 'account_disconnected', title: 'Reconnect @boss (mastodon)' });

      const ended = new Promise<void>((resolve) => response.once('end', resolve));
      await app.app.close();
      await ended;
    } finally {
      await app.close();
    }
  });
});
