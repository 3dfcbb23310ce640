import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { AppError } from '@plume/errors/app-error';
import { rejectionOf } from '@plume/testing/rejection-of';
import { findBestTimes } from './best-times.ts';
import { predictEngagement } from './predict-engagement.ts';
import { recordTargetPredictions, targetComparisons } from './record-predictions.ts';
import { whatWorks } from './what-works.ts';

const HOUR = 3_600_000;
const zone = 'Europe/Paris';
const now = new Date();
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

async function workspace(): Promise<string> {
  const id = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id, name: 'Insights', slug: id, timezone: zone });
  return id;
}

async function account(workspaceId: string): Promise<string> {
  const [row] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network: 'mastodon',
      externalId: randomUUID(),
      handle: `@a${randomUUID().slice(0, 6)}@example.test`,
      displayName: 'Account',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  if (!row) throw new Error('no account');
  return row.id;
}

/** A deterministic wobble around 1 (×0.5 … ×1.5), so results vary like real ones but tests repeat. */
const wobble = (i: number) => 0.5 + ((i * 7919) % 101) / 100;

type Seed = { count: number; level: number; media?: (i: number) => boolean; mediaLift?: number };

/** `count` measured posts, one every 11 hours up to 2 days ago, around `level` engagements. */
async function seed(workspaceId: string, accountId: string, options: Seed): Promise<void> {
  if (options.count === 0) return;
  const rows = Array.from({ length: options.count }, (_, i) => {
    const hasMedia = options.media?.(i) ?? false;
    const lift = hasMedia ? (options.mediaLift ?? 1) : 1;
    return {
      workspaceId,
      accountId,
      network: 'mastodon' as const,
      remoteId: `r${i}`,
      source: 'backfill' as const,
      publishedAt: new Date(now.getTime() - 48 * HOUR - i * 11 * HOUR),
      text: `Post number ${i} about the garden`,
      hasMedia,
      engagements: Math.round(options.level * lift * wobble(i)),
    };
  });
  await db.insert(measuredPosts).values(rows);
}

const draft = { text: 'A new post about the garden', at: new Date(now.getTime() + 24 * HOUR) };

describe('predictEngagement', () => {
  it("follows the account's level: the same draft expects more on the busier account", async () => {
    const ws = await workspace();
    const [busy, quiet] = [await account(ws), await account(ws)];
    await seed(ws, busy, { count: 120, level: 400 });
    await seed(ws, quiet, { count: 120, level: 12 });
    const [onBusy, onQuiet] = await predictEngagement(db, { workspaceId: ws, zone, accountIds: [busy, quiet], draft });
    if (onBusy?.status !== 'predicted' || onQuiet?.status !== 'predicted') throw new Error('expected predictions');
    expect(onBusy.expected).toBeGreaterThan(200);
    expect(onBusy.expected).toBeLessThan(800);
    expect(onQuiet.expected).toBeLessThan(30);
    expect(onBusy.low).toBeLessThanOrEqual(onBusy.expected);
    expect(onBusy.high).toBeGreaterThanOrEqual(onBusy.expected);
    expect(onBusy.historyPosts).toBe(120);
    expect(onBusy.model).toBe('insights-ridge-v1');
  });

  it('says "not enough history" for an account with few measured posts, and 404 for another workspace', async () => {
    const ws = await workspace();
    const fresh = await account(ws);
    await seed(ws, fresh, { count: 3, level: 50 });
    const [result] = await predictEngagement(db, { workspaceId: ws, zone, accountIds: [fresh], draft });
    expect(result).toMatchObject({ status: 'not_enough_history', historyPosts: 3, needed: 10 });
    const other = await workspace();
    const error = await rejectionOf(
      predictEngagement(db, { workspaceId: other, zone, accountIds: [fresh], draft }),
      AppError,
    );
    expect(error).toMatchObject({ code: 'not_found' });
  });
});

describe('findBestTimes', () => {
  it('falls back to the public prior with low confidence when there is no history', async () => {
    const ws = await workspace();
    const id = await account(ws);
    const best = await findBestTimes(db, {
      workspaceId: ws,
      zone,
      accountId: id,
      from: now,
      to: new Date(now.getTime() + 7 * 24 * HOUR),
    });
    expect(best.historyPosts).toBe(0);
    expect(best.confidence).toBe(0);
    expect(best.confidenceLabel).toBe('low');
    expect(best.prior?.source).toMatch(/Klout/);
    expect(best.suggestions).toHaveLength(5);
    for (const item of best.suggestions) expect(item.local).toMatch(/^\d{4}-\d\d-\d\d \d\d:00$/);
  });

  it('never suggests a time within an hour of a scheduled post of the account', async () => {
    const ws = await workspace();
    const id = await account(ws);
    const window = { workspaceId: ws, zone, accountId: id, from: now, to: new Date(now.getTime() + 7 * 24 * HOUR) };
    const first = await findBestTimes(db, window);
    const taken = first.suggestions.slice(0, 2).map((item) => item.at);
    for (const at of taken) {
      const [post] = await db
        .insert(posts)
        .values({
          workspaceId: ws,
          content: { text: 'Busy', mediaIds: [], thread: [], hashtags: [] },
          scheduledAt: at,
          state: 'scheduled',
        })
        .returning({ id: posts.id });
      await db
        .insert(postTargets)
        .values({ postId: post?.id ?? '', workspaceId: ws, accountId: id, network: 'mastodon' });
    }
    const second = await findBestTimes(db, window);
    expect(second.suggestions).toHaveLength(5);
    for (const item of second.suggestions)
      for (const at of taken) expect(Math.abs(item.at.getTime() - at.getTime())).toBeGreaterThanOrEqual(HOUR);
  });
});

describe('whatWorks', () => {
  it('reports a supported effect with its interval, and nothing without enough posts', async () => {
    const ws = await workspace();
    const id = await account(ws);
    await seed(ws, id, { count: 120, level: 40, media: (i) => i % 2 === 0, mediaLift: 3 });
    const result = await whatWorks(db, { workspaceId: ws, zone, accountId: id });
    const media = result.findings.find((finding) => finding.factor === 'media');
    expect(media?.isClear).toBe(true);
    expect(media?.effect).toBeGreaterThan(2);
    expect(media?.low).toBeGreaterThan(1);
    expect(media?.summary).toMatch(/Posts with media/);
    const empty = await workspace();
    await account(empty);
    expect(await whatWorks(db, { workspaceId: empty, zone })).toMatchObject({ postsAnalysed: 0, findings: [] });
  });
});

describe('predicted vs actual', () => {
  it('stores the prediction when scheduled and shows the measured result only after 24 h', async () => {
    const ws = await workspace();
    const id = await account(ws);
    await seed(ws, id, { count: 60, level: 100 });
    const scheduledAt = new Date(now.getTime() - 30 * HOUR);
    const [post] = await db
      .insert(posts)
      .values({
        workspaceId: ws,
        content: { text: 'Predicted post about the garden', mediaIds: [], thread: [], hashtags: [] },
        scheduledAt,
      })
      .returning();
    if (!post) throw new Error('no post');
    const [target] = await db
      .insert(postTargets)
      .values({ postId: post.id, workspaceId: ws, accountId: id, network: 'mastodon' })
      .returning({ id: postTargets.id });
    const targetId = target?.id ?? '';
    await db.transaction((tx) => recordTargetPredictions(tx, post, scheduledAt));
    const [before] = await targetComparisons(db, [targetId]);
    expect(before).toMatchObject({ targetId, actual: null, verdict: null, historyPosts: 60 });
    expect(before?.expected).toBeGreaterThan(30);
    await db.insert(measuredPosts).values({
      workspaceId: ws,
      accountId: id,
      network: 'mastodon',
      remoteId: 'published-1',
      targetId,
      source: 'plume',
      publishedAt: scheduledAt,
      engagements: 100_000,
      lastMeasuredAt: now,
    });
    const [after] = await targetComparisons(db, [targetId]);
    expect(after).toMatchObject({ actual: 100_000, verdict: 'above' });
    const [early] = await targetComparisons(db, [targetId], new Date(scheduledAt.getTime() + 2 * HOUR));
    expect(early).toMatchObject({ actual: null, verdict: null });
  });
});
