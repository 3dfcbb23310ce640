import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@plume/db/schema/audit';
import { eq } from 'drizzle-orm';
import { createUser, createWorkspaceAs, type TestUser } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { insertAiItem, pngOf, upload } from '../../test-support/vault-kit.ts';

type Item = {
  id: string;
  fileName: string;
  source: string;
  approval: string;
  tags: string[];
  usedIn: number;
  fileUrl: string;
  provenance: { prompt: string | null } | null;
};

let t: TestApp;
let owner: TestUser;
let workspaceId: string;
let base: string;
let beach: string;
let logo: string;
let pending: string;

async function list(query = ''): Promise<{ items: Item[]; nextCursor: string | null }> {
  const response = await t.app.inject({ method: 'GET', url: `${base}/media${query}`, headers: owner.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function createPost(mediaIds: string[], state?: 'scheduled'): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `${base}/posts`,
    headers: owner.headers,
    payload: { content: { text: 'Sunset at the beach', mediaIds } },
  });
  expect(response.statusCode, response.body).toBe(201);
  const postId = response.json<{ id: string }>().id;
  if (state !== undefined) await t.db.$client.query('UPDATE posts SET state = $1 WHERE id = $2', [state, postId]);
  return postId;
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.app, t.db);
  workspaceId = (await createWorkspaceAs(t.app, owner)).id;
  base = `/api/v1/workspaces/${workspaceId}`;
  beach = (await upload(t.app, owner, workspaceId, { name: 'beach-sunset.png', bytes: pngOf(10), altText: 'Waves' }))
    .body.id;
  logo = (await upload(t.app, owner, workspaceId, { name: 'logo.png', bytes: pngOf(20) })).body.id;
  pending = await insertAiItem(t.db, workspaceId, { fileName: 'ai-1.png', prompt: 'A fox in the snow', tags: ['fox'] });
});
afterAll(async () => t?.close());

describe('the vault list', () => {
  it('lists newest first with source, approval, provenance and a file address', async () => {
    const { items } = await list();
    expect(items.map((item) => item.id)).toEqual([pending, logo, beach]);
    expect(items[0]).toMatchObject({ source: 'ai', approval: 'pending', provenance: { prompt: 'A fox in the snow' } });
    expect(items[2]).toMatchObject({ source: 'upload', approval: 'approved', provenance: null, usedIn: 0 });
    const file = await t.app.inject({ method: 'GET', url: items[2]?.fileUrl ?? '', headers: owner.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.rawPayload, pngOf(10))).toBe(0);
  });

  it('filters by source and approval, and searches names, alt text, prompts and tags', async () => {
    expect((await list('?source=ai')).items.map((item) => item.id)).toEqual([pending]);
    expect((await list('?approval=approved')).items.map((item) => item.id)).toEqual([logo, beach]);
    expect((await list('?q=SUNSET')).items.map((item) => item.id)).toEqual([beach]);
    expect((await list('?q=waves')).items.map((item) => item.id)).toEqual([beach]);
    expect((await list('?q=fox%20snow')).items.map((item) => item.id)).toEqual([pending]);
    expect((await list('?q=100%25')).items).toEqual([]);
    expect((await list('?tag=fox')).items.map((item) => item.id)).toEqual([pending]);
  });

  it('pages with a cursor and filters by date', async () => {
    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((item) => item.id)).toEqual([beach]);
    expect(second.nextCursor).toBeNull();
    expect((await list('?to=2000-01-01T00:00:00Z')).items).toEqual([]);
    const backwards = await t.app.inject({
      method: 'GET',
      url: `${base}/media?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z`,
      headers: owner.headers,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('query/to');
  });

  it('counts the posts using an item and filters used or unused', async () => {
    const postId = await createPost([beach]);
    const { items } = await list('?usage=used');
    expect(items.map((item) => item.id)).toEqual([beach]);
    expect(items[0]?.usedIn).toBe(1);
    expect((await list('?usage=unused')).items.map((item) => item.id)).toEqual([pending, logo]);
    const detail = await t.app.inject({ method: 'GET', url: `${base}/media/${beach}`, headers: owner.headers });
    expect(detail.json<{ usage: { postId: string }[] }>().usage.map((use) => use.postId)).toEqual([postId]);
  });
});

describe('uploading the same bytes again', () => {
  it('stores nothing new and answers with the item already there', async () => {
    const again = await upload(t.app, owner, workspaceId, { name: 'copy.png', bytes: pngOf(10) });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: beach, duplicate: true, fileName: 'beach-sunset.png' });
    expect((await list()).items).toHaveLength(3);
  });

  it('lists the files stored twice (made before detection, or by generation)', async () => {
    await insertAiItem(t.db, workspaceId, { fileName: 'twin-a.png', prompt: 'x', sha256: 'same' });
    await insertAiItem(t.db, workspaceId, { fileName: 'twin-b.png', prompt: 'x', sha256: 'same' });
    const response = await t.app.inject({ method: 'GET', url: `${base}/media/duplicates`, headers: owner.headers });
    const groups = response.json<{ groups: { sha256: string; items: Item[] }[] }>().groups;
    expect(groups.map((group) => [group.sha256, group.items.length])).toEqual([['same', 2]]);
    await t.app.inject({
      method: 'POST',
      url: `${base}/media/batch`,
      headers: owner.headers,
      payload: { action: 'delete', mediaIds: groups[0]?.items.map((item) => item.id) },
    });
  });
});

describe('editing items', () => {
  it('sets tags (trimmed, lower-cased, each once) and finds items by them', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `${base}/media/${logo}/tags`,
      headers: owner.headers,
      payload: { tags: [' Brand ', 'brand', 'summer sale'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Item>().tags).toEqual(['brand', 'summer sale']);
    expect((await list('?tag=summer%20sale')).items.map((item) => item.id)).toEqual([logo]);
    expect((await list('?q=summer')).items.map((item) => item.id)).toEqual([logo]);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `${base}/media/${logo}/tags`,
      headers: owner.headers,
      payload: { tags: ['a/b'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { path: string }[] }>().errors[0]?.path).toBe('body/tags/0');
  });

  it('approves and rejects one item, and batches with an answer per item', async () => {
    const approved = await t.app.inject({
      method: 'POST',
      url: `${base}/media/${pending}/approve`,
      headers: owner.headers,
    });
    expect(approved.json<Item>().approval, approved.body).toBe('approved');
    const missing = '00000000-0000-4000-8000-000000000000';
    const batch = await t.app.inject({
      method: 'POST',
      url: `${base}/media/batch`,
      headers: owner.headers,
      payload: { action: 'reject', mediaIds: [pending, missing] },
    });
    expect(batch.json()).toEqual({
      results: [
        { mediaId: pending, ok: true, reason: null },
        { mediaId: missing, ok: false, reason: 'No such media file in this workspace.' },
      ],
    });
    expect((await list('?approval=rejected')).items.map((item) => item.id)).toEqual([pending]);
  });
});

describe('downloads and deletes', () => {
  it('streams the chosen files as one zip', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `${base}/media/archive?ids=${beach},${logo}`,
      headers: owner.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual(['beach-sunset.png', 'logo.png']);
    expect(Buffer.compare(Buffer.from(files['logo.png'] ?? []), pngOf(20))).toBe(0);
  });

  it('refuses to delete what a scheduled post uses, deletes the rest and records it in the audit log', async () => {
    const scheduled = await createPost([logo], 'scheduled');
    const extra = (await upload(t.app, owner, workspaceId, { name: 'extra.png', bytes: pngOf(30) })).body.id;
    const response = await t.app.inject({
      method: 'POST',
      url: `${base}/media/batch`,
      headers: owner.headers,
      payload: { action: 'delete', mediaIds: [logo, extra] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [kept, deleted] = response.json<{ results: { ok: boolean; reason: string | null }[] }>().results;
    expect(kept).toEqual({
      mediaId: logo,
      ok: false,
      reason: 'A post waiting to be published uses it ("Sunset at the beach"). Remove it from that post first.',
    });
    expect(deleted).toEqual({ mediaId: extra, ok: true, reason: null });
    const single = await t.app.inject({ method: 'DELETE', url: `${base}/media/${logo}`, headers: owner.headers });
    expect(single.statusCode).toBe(409);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, extra));
    expect(audit.map((event) => event.action)).toEqual(['media.deleted']);
    const file = await t.app.inject({ method: 'GET', url: `${base}/media/${extra}/file`, headers: owner.headers });
    expect(file.statusCode).toBe(404);
    expect(scheduled).toBeTruthy();
  });

  it('reports storage use by kind and by source', async () => {
    const response = await t.app.inject({ method: 'GET', url: `${base}/media/storage`, headers: owner.headers });
    const use = response.json<{ count: number; bySource: { source: string; count: number }[] }>();
    expect(use.count).toBe(3);
    expect(use.bySource).toEqual([
      { source: 'ai', bytes: 1234, count: 1 },
      { source: 'upload', bytes: pngOf(10).length + pngOf(20).length, count: 2 },
    ]);
  });
});

describe("another workspace's items", () => {
  it('are not found', async () => {
    const other = await createUser(t.app, t.db);
    const theirs = (await createWorkspaceAs(t.app, other)).id;
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${theirs}/media`,
      headers: other.headers,
    });
    expect(mine.json<{ items: unknown[] }>().items).toEqual([]);
    for (const url of [
      `/api/v1/workspaces/${theirs}/media/${beach}`,
      `/api/v1/workspaces/${theirs}/media/${beach}/file`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: other.headers });
      expect(response.statusCode, url).toBe(404);
    }
    const zip = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${theirs}/media/archive?ids=${beach}`,
      headers: other.headers,
    });
    expect(zip.statusCode).toBe(404);
  });
});
