import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, ConversationDetail } from '@plume/contract/inbox/inbox-schemas';
import { auditEvents } from '@plume/db/schema/audit';
import { inboxItems, inboxReplies, inboxTags } from '@plume/db/schema/inbox';
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
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let accountId: string;
const base = () => `/api/v1/workspaces/${workspace.id}/inbox/conversations`;

beforeAll(async () => {
  t = await createTestApp({}, { providers: [mastodonWithInbox] });
  owner = await createUser(t.app, t.db, { name: 'Olive Owner' });
  editor = await createUser(t.app, t.db, { name: 'Eddie Editor' });
  viewer = await createUser(t.app, t.db, { name: 'Vera Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Otto Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  await createWorkspaceAs(t.app, outsider);
  await addMember(t.app, workspace, owner, editor, 'editor');
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  accountId = await insertInboxAccount(t.db, workspace.id);
});

afterAll(async () => {
  await t.close();
});

const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: user.headers });
const patch = (user: TestUser, id: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url: `${base()}/${id}`, headers: user.headers, payload });
const seed = (text: string, minutes: number, overrides = {}) =>
  insertConversation(t.db, { workspaceId: workspace.id, accountId }, [{ text, at: minutesAgo(minutes) }], overrides);

async function list(user: TestUser, query = ''): Promise<{ items: Conversation[]; nextCursor: string | null }> {
  const response = await get(user, `${base()}?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the conversation list', () => {
  it('pages through every conversation newest first without losing or repeating one, even on equal times', async () => {
    const other = await createWorkspaceAs(t.app, owner);
    const otherAccount = await insertInboxAccount(t.db, other.id);
    await insertConversation(t.db, { workspaceId: other.id, accountId: otherAccount }, [
      { text: 'elsewhere', at: new Date() },
    ]);
    const same = minutesAgo(500);
    const seeded: string[] = [];
    for (let index = 0; index < 7; index++) seeded.push((await seed(`page ${index}`, 400 + index)).conversationId);
    for (let index = 0; index < 4; index++)
      seeded.push(
        (await insertConversation(t.db, { workspaceId: workspace.id, accountId }, [{ text: 'tie', at: same }]))
          .conversationId,
      );
    const seen: Conversation[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(viewer, `q=${encodeURIComponent('')}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    const ids = seen.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(seeded));
    expect(seen.some((item) => item.preview === 'elsewhere')).toBe(false);
    const times = seen.map((item) => Date.parse(item.lastItemAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters on status (a passed snooze counts as open), assignee, tag, unread and words', async () => {
    const passed = await seed('snooze is over', 1, { status: 'snoozed', snoozedUntil: minutesAgo(5) });
    const waiting = await seed('still snoozed', 2, { status: 'snoozed', snoozedUntil: minutesAgo(-60) });
    const mine = await seed('assigned to Eddie, tagged', 3, {
      assigneeId: editor.id,
      tags: ['billing'],
      unreadCount: 0,
    });
    const open = await list(editor, 'status=open&limit=100');
    expect(open.items.find((item) => item.id === passed.conversationId)).toMatchObject({
      status: 'open',
      snoozedUntil: null,
    });
    expect(open.items.map((item) => item.id)).not.toContain(waiting.conversationId);
    const snoozed = await list(editor, 'status=snoozed');
    expect(snoozed.items.map((item) => item.id)).toEqual([waiting.conversationId]);
    expect((await list(editor, 'assignee=me')).items.map((item) => item.id)).toEqual([mine.conversationId]);
    expect((await list(owner, `assignee=${editor.id}&tag=billing`)).items).toHaveLength(1);
    expect((await list(owner, 'tag=billing&unread=true')).items).toHaveLength(0);
    expect((await list(owner, 'assignee=none&limit=100')).items.map((item) => item.id)).not.toContain(
      mine.conversationId,
    );
    const found = await list(owner, `q=${encodeURIComponent('TAGGED')}`);
    expect(found.items.map((item) => item.id)).toEqual([mine.conversationId]);
    expect((await list(owner, `q=${encodeURIComponent('100%_')}`)).items).toHaveLength(0);
    expect(found.items[0]).toMatchObject({
      assigneeName: 'Eddie Editor',
      tags: ['billing'],
      accountHandle: expect.any(String),
    });
  });

  it('refuses a cursor it did not issue at query/cursor, and hides the list from other workspaces', async () => {
    const forged = await get(owner, `${base()}?cursor=${Buffer.from('2026-01-01_x').toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('query/cursor');
    expect((await get(outsider, base())).statusCode).toBe(404);
  });
});

describe('one conversation', () => {
  it('shows its items oldest first with what may be done to each, its notes and its replies', async () => {
    const { conversationId, itemIds } = await insertConversation(t.db, { workspaceId: workspace.id, accountId }, [
      { text: 'Is the shop open on Sunday?', at: minutesAgo(30) },
      { text: 'Yes, from ten.', at: minutesAgo(20), direction: 'out' },
      { text: 'Thanks!', at: minutesAgo(10) },
    ]);
    await t.db
      .update(inboxItems)
      .set({ moderation: 'hidden' })
      .where(eq(inboxItems.id, itemIds[2] ?? ''));
    await t.db.insert(inboxReplies).values({
      workspaceId: workspace.id,
      conversationId,
      itemId: itemIds[0] ?? '',
      text: 'Yes, from ten.',
      state: 'sent',
      origin: 'person',
      idempotencyKey: 'k-1',
    });
    const note = await t.app.inject({
      method: 'POST',
      url: `${base()}/${conversationId}/notes`,
      headers: editor.headers,
      payload: { text: '  Regular customer.  ' },
    });
    expect(note.statusCode, note.body).toBe(201);
    const response = await get(viewer, `${base()}/${conversationId}`);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<ConversationDetail>();
    expect(detail.items.map((item) => [item.text, item.direction, item.actions])).toEqual([
      // Mastodon answers comments but has no moderation of others' replies.
      ['Is the shop open on Sunday?', 'in', ['reply']],
      ['Yes, from ten.', 'out', []],
      ['Thanks!', 'in', ['reply']],
    ]);
    expect(detail.notes).toMatchObject([
      { text: 'Regular customer.', authorName: 'Eddie Editor', authorId: editor.id },
    ]);
    expect(detail.replies).toMatchObject([{ state: 'sent', origin: 'person', itemId: itemIds[0] }]);
    expect(detail.post).toBeNull();
    expect((await get(outsider, `${base()}/${conversationId}`)).statusCode).toBe(404);
    const foreign = await createWorkspaceAs(t.app, outsider);
    expect(
      (await get(outsider, `/api/v1/workspaces/${foreign.id}/inbox/conversations/${conversationId}`)).statusCode,
    ).toBe(404);
  });
});

describe('changing a conversation', () => {
  it('snoozes only until a future time, with the reason at body/snoozedUntil', async () => {
    const { conversationId } = await seed('snooze me', 5);
    for (const [payload, message] of [
      [{ status: 'snoozed' }, /Choose when/],
      [{ status: 'snoozed', snoozedUntil: minutesAgo(1).toISOString() }, /in the future/],
      [{ status: 'done', snoozedUntil: minutesAgo(-60).toISOString() }, /Only a snoozed/],
    ] as const) {
      const response = await patch(editor, conversationId, payload);
      expect(response.statusCode, response.body).toBe(400);
      const problem = response.json<{ errors: { path: string; message: string }[] }>();
      expect(problem.errors[0]).toMatchObject({ path: 'body/snoozedUntil', message: expect.stringMatching(message) });
    }
    const until = minutesAgo(-120).toISOString();
    const snoozed = await patch(editor, conversationId, { status: 'snoozed', snoozedUntil: until });
    expect(snoozed.json<Conversation>()).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    const done = await patch(editor, conversationId, { status: 'done' });
    expect(done.json<Conversation>()).toMatchObject({ status: 'done', snoozedUntil: null });
    expect((await patch(viewer, conversationId, { status: 'open' })).statusCode).toBe(403);
  });

  it('assigns only members (400 at body/assigneeId), records tags for the filter and audits each change', async () => {
    const { conversationId } = await seed('assign me', 6);
    const stranger = await patch(editor, conversationId, { assigneeId: outsider.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/assigneeId');
    const changed = await patch(editor, conversationId, { assigneeId: viewer.id, tags: ['VIP', 'vip', 'refund'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Conversation>()).toMatchObject({
      assigneeId: viewer.id,
      assigneeName: 'Vera Viewer',
      tags: ['VIP', 'refund'],
    });
    const tags = await t.db
      .select({ name: inboxTags.name })
      .from(inboxTags)
      .where(eq(inboxTags.workspaceId, workspace.id));
    expect(tags.map((row) => row.name)).toEqual(expect.arrayContaining(['VIP', 'refund']));
    await patch(editor, conversationId, { assigneeId: null });
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, conversationId));
    expect(audit.map((row) => row.action).sort()).toEqual(['inbox.assigned', 'inbox.assigned', 'inbox.tagged']);
    expect(audit.every((row) => row.actorId === editor.id)).toBe(true);
  });

  it('marks every item read', async () => {
    const { conversationId } = await insertConversation(t.db, { workspaceId: workspace.id, accountId }, [
      { text: 'one', at: minutesAgo(3) },
      { text: 'two', at: minutesAgo(2) },
    ]);
    const read = await t.app.inject({
      method: 'POST',
      url: `${base()}/${conversationId}/read`,
      headers: editor.headers,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Conversation>().unreadCount).toBe(0);
    const detail = (await get(viewer, `${base()}/${conversationId}`)).json<ConversationDetail>();
    expect(detail.items.every((item) => item.read)).toBe(true);
  });
});

describe('notes', () => {
  it('are deleted by their author or an admin, not another editor', async () => {
    const { conversationId } = await seed('noted', 7);
    const add = async (user: TestUser) =>
      (
        await t.app.inject({
          method: 'POST',
          url: `${base()}/${conversationId}/notes`,
          headers: user.headers,
          payload: { text: 'n' },
        })
      ).json<{ id: string }>().id;
    const owners = await add(owner);
    const editors = await add(editor);
    const remove = (user: TestUser, noteId: string) =>
      t.app.inject({ method: 'DELETE', url: `${base()}/${conversationId}/notes/${noteId}`, headers: user.headers });
    expect((await remove(editor, owners)).statusCode).toBe(403);
    expect((await remove(editor, editors)).statusCode).toBe(204);
    expect((await remove(owner, editors)).statusCode).toBe(404);
    expect((await remove(owner, owners)).statusCode).toBe(204);
    const empty = await t.app.inject({
      method: 'POST',
      url: `${base()}/${conversationId}/notes`,
      headers: editor.headers,
      payload: { text: '   ' },
    });
    expect(empty.json<{ errors: { path: string; message: string }[] }>().errors[0]).toMatchObject({
      path: 'body/text',
      message: 'Write the note',
    });
    const audit = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, conversationId), eq(auditEvents.action, 'inbox.note_deleted')));
    expect(audit).toHaveLength(2);
  });
});
