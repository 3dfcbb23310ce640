import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@plume/core/audit/record-audit';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';

let t: TestApp;
let owner: TestUser;
let workspace: TestWorkspace;
let other: TestWorkspace;

const url = (workspaceId: string, query = '') => `/api/v1/workspaces/${workspaceId}/audit-log${query}`;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
  workspace = await createWorkspaceAs(t.app, owner);
  other = await createWorkspaceAs(t.app, owner);
  await t.db.execute(sql`DELETE FROM audit_events`);
  const actor = { type: 'user' as const, id: owner.id, name: 'Ada "quoted" Lovelace' };
  for (let n = 1; n <= 5; n += 1)
    await recordAudit(t.db, workspace.id, actor, `post.step_${n}`, 'post', `post_${n}`, {
      n,
      nested: { list: [n, 'x', null] },
    });
  await recordAudit(
    t.db,
    workspace.id,
    { type: 'system', id: null, name: null },
    'publishing.paused',
    'instance',
    null,
  );
  await recordAudit(t.db, other.id, actor, 'post.elsewhere', 'post', 'post_x');
  // Microseconds in the stored time: the answer carries milliseconds, cut, not rounded.
  await t.db.execute(
    sql`UPDATE audit_events SET created_at = '2026-03-04 05:06:07.891999+00' WHERE action = 'post.step_1'`,
  );
});
afterAll(async () => t.close());

describe('GET /api/v1/workspaces/:workspaceId/audit-log', () => {
  it("answers the workspace's events newest first, each with exactly the documented fields", async () => {
    const response = await t.app.inject({ method: 'GET', url: url(workspace.id), headers: owner.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = response.json<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>();
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((event) => event.action)).toEqual([
      'publishing.paused',
      'post.step_5',
      'post.step_4',
      'post.step_3',
      'post.step_2',
      'post.step_1',
    ]);
    const oldest = body.items.at(-1);
    expect(Object.keys(oldest ?? {})).toEqual([
      'id',
      'actorId',
      'actorType',
      'actorName',
      'action',
      'subjectType',
      'subjectId',
      'data',
      'createdAt',
    ]);
    expect(oldest).toMatchObject({
      actorId: owner.id,
      actorType: 'user',
      actorName: 'Ada "quoted" Lovelace',
      subjectType: 'post',
      subjectId: 'post_1',
    });
    expect(oldest?.data).toEqual({ n: 1, nested: { list: [1, 'x', null] } });
    expect(oldest?.createdAt).toBe('2026-03-04T05:06:07.891Z');
    expect(typeof oldest?.id).toBe('number');
    expect(body.items[0]).toMatchObject({
      actorId: null,
      actorType: 'system',
      actorName: null,
      subjectId: null,
      data: {},
    });
  });

  it('pages with a cursor, and gives none when the last page is exactly full', async () => {
    const first = (
      await t.app.inject({ method: 'GET', url: url(workspace.id, '?limit=4'), headers: owner.headers })
    ).json<{ items: Array<{ id: number }>; nextCursor: string | null }>();
    expect(first.items).toHaveLength(4);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await t.app.inject({
        method: 'GET',
        url: url(workspace.id, `?limit=2&cursor=${first.nextCursor}`),
        headers: owner.headers,
      })
    ).json<{ items: Array<{ id: number }>; nextCursor: string | null }>();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(6);
  });

  it('refuses a cursor it did not issue, and keeps other workspaces out', async () => {
    const forged = Buffer.from('1 OR 1=1').toString('base64url');
    const bad = await t.app.inject({
      method: 'GET',
      url: url(workspace.id, `?cursor=${forged}`),
      headers: owner.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ path: 'query/cursor' })]);
    const elsewhere = (await t.app.inject({ method: 'GET', url: url(other.id), headers: owner.headers })).json<{
      items: Array<{ action: string }>;
    }>();
    expect(elsewhere.items.map((event) => event.action)).toEqual(['post.elsewhere']);
    const stranger = await createUser(t.app, t.db);
    expect((await t.app.inject({ method: 'GET', url: url(workspace.id), headers: stranger.headers })).statusCode).toBe(
      404,
    );
  });
});
