import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@plume/db/schema/audit';
import { posts } from '@plume/db/schema/publishing';
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

let t: TestApp;
let fake: MastodonFake;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let foreignAccountId: string;

type RowReport = {
  row: number;
  line: number;
  ok: boolean;
  errors: { path: string; message: string }[];
  postId?: string;
};
type Report = { dryRun: boolean; ok: boolean; rows: RowReport[]; postIds: string[] };
type Rejected = Report & { code: string; detail: string; errors: { path: string; message: string }[] };
type PostView = {
  id: string;
  state: string;
  scheduledAt: string | null;
  content: { text: string; hashtags: string[]; link?: string; title?: string; firstComment?: string };
  targets: { accountId: string }[];
};

beforeAll(async () => {
  fake = await startMastodonFake();
  t = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider] },
  );
  owner = await createUser(t.app, t.db, { name: 'Ivy Importer' });
  editor = await createUser(t.app, t.db, { name: 'Ed Editor' });
  viewer = await createUser(t.app, t.db, { name: 'Vi Viewer' });
  outsider = await createUser(t.app, t.db, { name: 'Ola Outsider' });
  workspace = await createWorkspaceAs(t.app, owner);
  await addMember(t.app, workspace, owner, editor, 'editor');
  await addMember(t.app, workspace, owner, viewer, 'viewer');
  accountId = await connectMastodon(t.app, fake, owner, workspace);
  foreignAccountId = await connectMastodon(t.app, fake, outsider, await createWorkspaceAs(t.app, outsider));
});

afterAll(async () => {
  await t.close();
  await fake.close();
});

const importUrl = () => `/api/v1/workspaces/${workspace.id}/posts/import`;
const send = (csv: string, dryRun: boolean, user = editor) =>
  t.app.inject({ method: 'POST', url: importUrl(), headers: user.headers, payload: { csv, dryRun } });
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const csvOf = (header: string, rows: string[]) => [header, ...rows].join('\n');

async function postCount(): Promise<number> {
  const [row] = await t.db.select({ value: count() }).from(posts).where(eq(posts.workspaceId, workspace.id));
  return row?.value ?? 0;
}

async function getPost(id: string): Promise<PostView> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/workspaces/${workspace.id}/posts/${id}`,
    headers: owner.headers,
  });
  return response.json<PostView>();
}

describe('importing posts from CSV', () => {
  it('creates every post of a good file, scheduled and drafted as asked, with one audit entry', async () => {
    const before = await postCount();
    const csv = csvOf('text,accounts,scheduled_at,hashtags,link,title,first_comment,submit', [
      `Launch day,${accountId},${future(2)},#launch|plume,https://example.com/launch,,,true`,
      `Second post,${accountId},2031-07-01 09:00,,,,,true`,
      `Just a draft,${accountId},,,,,,false`,
    ]);
    const response = await send(csv, false);
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json<Report>();
    expect(report).toMatchObject({ dryRun: false, ok: true });
    expect(report.postIds).toHaveLength(3);
    expect(report.rows.map((row) => [row.row, row.ok, row.postId])).toEqual(
      report.postIds.map((id, index) => [index + 1, true, id]),
    );
    expect(await postCount()).toBe(before + 3);
    const [launch, second, draft] = await Promise.all(report.postIds.map(getPost));
    expect(launch).toMatchObject({
      state: 'scheduled',
      content: { text: 'Launch day', hashtags: ['#launch', '#plume'], link: 'https://example.com/launch' },
      targets: [{ accountId }],
    });
    // 09:00 on the workspace's clock (Europe/Berlin, summer) is 07:00 UTC.
    expect(second).toMatchObject({ state: 'scheduled', scheduledAt: '2031-07-01T07:00:00.000Z' });
    expect(draft).toMatchObject({ state: 'draft', scheduledAt: null });
    const audit = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, 'post.imported')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'Ed Editor', data: { rows: 3, posts: 3 } });
  });

  it('checks a dry run like a real one and saves nothing', async () => {
    const before = await postCount();
    const csv = csvOf('text,accounts,scheduled_at,submit', [
      `Dry one,${accountId},${future(1)},true`,
      `Dry two,${accountId},${future(3)},true`,
    ]);
    const response = await send(csv, true);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Report>()).toEqual({
      dryRun: true,
      ok: true,
      postIds: [],
      rows: [
        { row: 1, line: 2, ok: true, errors: [] },
        { row: 2, line: 3, ok: true, errors: [] },
      ],
    });
    expect(await postCount()).toBe(before);
  });

  it('reports exactly rows 2 and 5 of a file with two bad rows, and saves none of it for real', async () => {
    const csv = csvOf('text,accounts,scheduled_at,submit', [
      `Row one,${accountId},${future(1)},true`,
      `${'x'.repeat(501)},${accountId},${future(1)},true`,
      `Row three,${accountId},${future(1)},true`,
      `Row four,${accountId},,false`,
      `Row five,${accountId},2020-01-01T09:00:00Z,true`,
      `Row six,${accountId},${future(2)},true`,
    ]);
    const dry = await send(csv, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const report = dry.json<Report>();
    expect(report.ok).toBe(false);
    expect(report.rows.filter((row) => !row.ok).map((row) => row.row)).toEqual([2, 5]);
    expect(report.rows[1]?.errors).toEqual([
      {
        path: 'text',
        message: 'The text is 501 characters as Mastodon counts them; Mastodon allows 500. Shorten it by 1.',
      },
    ]);
    expect(report.rows[4]?.errors).toEqual([{ path: 'scheduled_at', message: 'This time is in the past.' }]);

    const before = await postCount();
    const real = await send(csv, false);
    expect(real.statusCode, real.body).toBe(422);
    expect(real.headers['content-type']).toMatch(/^application\/problem\+json/);
    const rejected = real.json<Rejected>();
    expect(rejected.code).toBe('import_rejected');
    expect(rejected.detail).toContain('rows 2, 5');
    expect(rejected.errors.map((error) => error.path)).toEqual(['rows/2/text', 'rows/5/scheduled_at']);
    expect(rejected.rows).toEqual(report.rows);
    expect(await postCount()).toBe(before);
  });

  it('checks a draft row against the network limits too', async () => {
    const response = await send(csvOf('text,accounts', [`${'y'.repeat(600)},${accountId}`]), true);
    expect(response.json<Report>().rows[0]?.errors).toEqual([
      {
        path: 'text',
        message: expect.stringContaining('The text is 600 characters as Mastodon counts them; Mastodon allows 500.'),
      },
    ]);
  });

  it('keeps quoted commas, quotes and newlines, and reads a file with a BOM and CRLF', async () => {
    const text = 'Hello, "friends"\nSecond line, still the same post';
    const csv = `\uFEFFtext,accounts,submit\r\n"${text.replaceAll('"', '""')}",${accountId},false\r\n`;
    const response = await send(csv, false);
    expect(response.statusCode, response.body).toBe(201);
    const [postId] = response.json<Report>().postIds;
    expect((await getPost(postId ?? '')).content.text).toBe(text);
  });

  it("reads local times in the workspace's zone and refuses one in the spring-forward gap", async () => {
    const csv = csvOf('text,accounts,scheduled_at,submit', [
      `Before the gap,${accountId},2031-03-30 01:30,true`,
      `In the gap,${accountId},2031-03-30 02:30,true`,
      `Twice that night,${accountId},2031-10-26 02:30,true`,
    ]);
    const report = (await send(csv, true)).json<Report>();
    expect(report.rows.map((row) => row.errors.map((error) => error.path))).toEqual([[], ['scheduled_at'], []]);
    expect(report.rows[1]?.errors[0]?.message).toContain('2031-03-30 02:30 does not exist in Europe/Berlin');
  });

  it("treats another workspace's account exactly like an id that does not exist", async () => {
    const csv = csvOf('text,accounts', [
      `Theirs,${foreignAccountId}`,
      `Nobody's,00000000-0000-4000-8000-000000000000`,
      `Both,${accountId}|${foreignAccountId}`,
    ]);
    const report = (await send(csv, true)).json<Report>();
    const noSuch = { message: 'No such account in this workspace.' };
    expect(report.rows.map((row) => row.errors)).toEqual([
      [{ path: 'accounts/0', ...noSuch }],
      [{ path: 'accounts/0', ...noSuch }],
      [{ path: 'accounts/1', ...noSuch }],
    ]);
  });

  it('refuses unknown columns with their names, and files over the row cap', async () => {
    const unknown = await send('text,acount\nHi,x\n', true);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Rejected>().errors).toEqual([
      { path: 'body/csv', message: expect.stringContaining('"acount"') },
    ]);
    const tooMany = await send(
      ['text', ...Array.from({ length: 1001 }, (_, index) => `Post ${index}`)].join('\n'),
      true,
    );
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json<Rejected>().code).toBe('payload_too_large');
    const huge = await send(`text\n${'z'.repeat(6 * 1024 * 1024)}\n`, true);
    expect(huge.statusCode).toBe(413);
  });

  it('needs the editor role: a viewer is refused, an outsider sees nothing', async () => {
    const csv = csvOf('text,accounts', [`Viewer try,${accountId}`]);
    const before = await postCount();
    expect((await send(csv, false, viewer)).statusCode).toBe(403);
    expect((await send(csv, true, viewer)).statusCode).toBe(403);
    expect((await send(csv, true, outsider)).statusCode).toBe(404);
    expect(await postCount()).toBe(before);
  });
});
