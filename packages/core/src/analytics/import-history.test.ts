import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { allProviders } from '@plume/networks/registry';
import { AppError } from '@plume/errors/app-error';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { rejectionOf } from '@plume/testing/rejection-of';
import { importHistory, type ImportHistoryDeps } from './import-history.ts';

let database: TestDatabase;
let db: Database;
let deps: ImportHistoryDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
  const runtime = {
    provider: (id: string) => {
      const found = allProviders.find((provider) => provider.manifest.id === id);
      if (found === undefined) throw AppError.notFound('network');
      return found;
    },
  };
  deps = { db, runtime };
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

async function accountIn(network: 'x' | 'mastodon'): Promise<{ workspaceId: string; accountId: string }> {
  const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Import', slug: workspaceId, timezone: 'UTC' });
  const [row] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network,
      externalId: randomUUID(),
      handle: `@a${randomUUID().slice(0, 6)}`,
      displayName: 'Account',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  if (!row) throw new Error('no account');
  return { workspaceId, accountId: row.id };
}

const obama = [
  'created_at,text,url,replies,retweets,favorites,user',
  '10/16/17 22:59,"I\'m grateful to @SenJohnMcCain for his lifetime of service, John.",https://twitter.com/BarackObama/status/920061541986250758,17064,89916,641842,BarackObama',
  '9/30/17 2:22,Proud to cheer on Team USA. https://t.co/WBzcltmgqj #InvictusGames,https://twitter.com/BarackObama/status/913952069765271559,8476,60651,503255,BarackObama',
  '13/40/17 9:00,Not a date,https://twitter.com/BarackObama/status/1,1,1,1,BarackObama',
  '9/29/17 10:00,Minus,https://twitter.com/BarackObama/status/2,1,-4,1,BarackObama',
].join('\n');

const rowsOf = (accountId: string) => db.select().from(measuredPosts).where(eq(measuredPosts.accountId, accountId));

describe('importHistory', () => {
  it('dry run: counts, the rows as they would be stored and bad rows by line, writing nothing', async () => {
    const { workspaceId, accountId } = await accountIn('x');
    const report = await importHistory(deps, { workspaceId, accountId, csv: obama, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, format: 'fivethirtyeight', valid: 2, added: 2, errorCount: 2 });
    expect(report.errors).toEqual([
      { line: 4, message: 'created_at "13/40/17 9:00" is not a real date and time' },
      { line: 5, message: 'retweets must be a whole number ≥ 0, got "-4"' },
    ]);
    expect(report.preview[0]).toEqual({
      publishedAt: '2017-09-30T02:22:00.000Z',
      text: 'Proud to cheer on Team USA. https://t.co/WBzcltmgqj #InvictusGames',
      likes: 503255,
      reposts: 60651,
      replies: 8476,
      impressions: null,
      engagements: 503255 + 60651 + 8476,
      hasMedia: false,
      hasLink: true,
    });
    expect(await rowsOf(accountId)).toEqual([]);
  });

  it('imports as measured posts of the account, and importing again adds nothing', async () => {
    const { workspaceId, accountId } = await accountIn('x');
    const first = await importHistory(deps, { workspaceId, accountId, csv: obama, dryRun: false });
    expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    const rows = await rowsOf(accountId);
    expect(rows).toHaveLength(2);
    const invictus = rows.find((row) => row.text.includes('Invictus'));
    expect(invictus).toMatchObject({
      workspaceId,
      network: 'x',
      source: 'import',
      likes: 503255,
      engagements: 572382,
      hashtagCount: 1,
      hashtags: ['invictusgames'],
      hasLink: true,
      publishedAt: new Date('2017-09-30T02:22:00Z'),
    });
    // The tweet's own id, from the status URL: the id X's backfill reads it back under.
    expect(invictus?.remoteId).toBe('913952069765271559');
    const again = await importHistory(deps, { workspaceId, accountId, csv: obama, dryRun: false });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await rowsOf(accountId)).toHaveLength(2);
    const dry = await importHistory(deps, { workspaceId, accountId, csv: obama, dryRun: true });
    expect(dry).toMatchObject({ added: 0, unchanged: 2 });
    const newer = await importHistory(deps, {
      workspaceId,
      accountId,
      csv: obama.replace('17064,89916,641842', '17065,89916,641842'),
      dryRun: false,
    });
    expect(newer).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    expect((await rowsOf(accountId)).map((row) => row.replies).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      8476, 17065,
    ]);
  });

  it("lists another network's rows and repeats, and refuses an unreadable file in plain words", async () => {
    const { workspaceId, accountId } = await accountIn('mastodon');
    const generic = [
      'published_at,network,text,likes,reposts,replies,impressions',
      '2026-03-01T09:30:00Z,mastodon,Hello,5,1,2,300',
      '2026-03-01T09:30:00Z,mastodon,Hello,5,1,2,300',
      '2026-03-02T09:30:00Z,bluesky,Elsewhere,5,1,2,',
    ].join('\n');
    const report = await importHistory(deps, { workspaceId, accountId, csv: generic, dryRun: false });
    expect(report).toMatchObject({ format: 'generic', valid: 1, added: 1, duplicates: 1, errorCount: 1 });
    expect(report.errors[0]?.message).toBe(
      'The post of 2026-03-02T09:30:00.000Z is from bluesky; this account is on Mastodon.',
    );
    const [row] = await rowsOf(accountId);
    expect(row).toMatchObject({ impressions: 300, engagements: 8 });
    expect(row?.engagementRate).toBeCloseTo(8 / 300);
    const refused = await rejectionOf(
      importHistory(deps, { workspaceId, accountId, csv: 'a,b\n1,2', dryRun: true }),
      AppError,
    );
    expect(refused.errors?.[0]?.path).toBe('csv');
  });

  it('is the same row as the post read back from the network, keyed by its id; without an id, by time and text', async () => {
    const { workspaceId, accountId } = await accountIn('x');
    await db.insert(measuredPosts).values({
      workspaceId,
      accountId,
      network: 'x',
      remoteId: '920061541986250758',
      source: 'backfill',
      publishedAt: new Date('2017-10-16T22:59:00Z'),
      text: 'read back',
      likes: 700000,
    });
    const report = await importHistory(deps, { workspaceId, accountId, csv: obama, dryRun: false });
    expect(report).toMatchObject({ added: 1, unchanged: 1 });
    const rows = await rowsOf(accountId);
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.remoteId === '920061541986250758')).toMatchObject({
      source: 'backfill',
      likes: 700000,
    });

    const mastodon = await accountIn('mastodon');
    const generic = [
      'published_at,network,id,text,likes,reposts,replies',
      '2026-03-01T09:30:00Z,mastodon,113400000000000001,Hello,5,1,2',
      '2026-03-02T09:30:00Z,mastodon,,No id,1,0,0',
    ].join('\n');
    await importHistory(deps, { ...mastodon, csv: generic, dryRun: false });
    expect((await rowsOf(mastodon.accountId)).map((row) => row.remoteId).sort()).toEqual([
      '113400000000000001',
      expect.stringMatching(/^import:[0-9a-f]{32}$/),
    ]);
  });

  it("answers 404 for another workspace's account", async () => {
    const mine = await accountIn('x');
    const theirs = await accountIn('x');
    const error = await rejectionOf(
      importHistory(deps, { workspaceId: mine.workspaceId, accountId: theirs.accountId, csv: obama, dryRun: true }),
      AppError,
    );
    expect(error.code).toBe('not_found');
  });
});
