/**
 * Deciding an A/B test at 24 h (docs/planning.md "A/B tests in plans"): once both variants' posts have
 * been out 24 hours, each one's analytics snapshot nearest 24 h (taken 20–48 h after it went out) is
 * read, and decideAbWinner (packages/insights) judges them with the account's post-to-post spread
 * learned from its posts before the test. A winner only beyond noise; otherwise `no_winner` with the
 * p-value and why. A variant that never went out (cancelled, rejected, failed) cancels the test.
 * Idempotent: only a running test is changed, so the job and the sweep may both run it.
 */
import { and, asc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { AbVariant } from '@plume/contract/planning/ab-test-enums';
import type { Database } from '@plume/db/client';
import { measuredPosts, postMetricSnapshots } from '@plume/db/schema/analytics';
import { abTests, planBriefs, type AbVariantReading } from '@plume/db/schema/planning';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { decideAbWinner, postToPostSpread } from '@plume/insights/index';
import { loadAccountHistory } from '../../insights/load-history.ts';
import type { AbTestRow } from './ab-test-store.ts';
import { verdictOf } from './ab-verdict.ts';

const HOUR_MS = 3_600_000;
/** The reading used is the one nearest 24 h among those taken 20–48 h after the post went out. */
export const READING_WINDOW_HOURS = { from: 20, to: 48 } as const;
const NEVER_OUT = ['cancelled', 'rejected', 'failed'];

type Variant =
  | { kind: 'never_out'; state: string }
  | { kind: 'waiting' }
  | { kind: 'out'; publishedAt: Date; measuredPostId: string | null; accountId: string };

async function variantOf(db: Database, briefId: string): Promise<Variant> {
  const [row] = await db
    .select({
      state: posts.state,
      publishedAt: measuredPosts.publishedAt,
      targetPublishedAt: postTargets.publishedAt,
      measuredPostId: measuredPosts.id,
      accountId: planBriefs.accountId,
    })
    .from(planBriefs)
    .leftJoin(posts, eq(posts.id, planBriefs.postId))
    .leftJoin(postTargets, eq(postTargets.postId, posts.id))
    .leftJoin(measuredPosts, eq(measuredPosts.targetId, postTargets.id))
    .where(eq(planBriefs.id, briefId));
  if (!row || row.state === null) return { kind: 'never_out', state: 'gone' };
  if (NEVER_OUT.includes(row.state)) return { kind: 'never_out', state: row.state };
  const publishedAt = row.publishedAt ?? row.targetPublishedAt;
  if (row.state !== 'published' || publishedAt === null) return { kind: 'waiting' };
  return { kind: 'out', publishedAt, measuredPostId: row.measuredPostId, accountId: row.accountId };
}

async function readingAt24h(
  db: Database,
  variant: Extract<Variant, { kind: 'out' }>,
): Promise<AbVariantReading | null> {
  if (variant.measuredPostId === null) return null;
  const at = (hours: number) => new Date(variant.publishedAt.getTime() + hours * HOUR_MS);
  const target = at(24).toISOString();
  const [row] = await db
    .select({
      engagements: postMetricSnapshots.engagements,
      impressions: postMetricSnapshots.impressions,
      takenAt: postMetricSnapshots.takenAt,
    })
    .from(postMetricSnapshots)
    .where(
      and(
        eq(postMetricSnapshots.measuredPostId, variant.measuredPostId),
        isNotNull(postMetricSnapshots.engagements),
        gte(postMetricSnapshots.takenAt, at(READING_WINDOW_HOURS.from)),
        lte(postMetricSnapshots.takenAt, at(READING_WINDOW_HOURS.to)),
      ),
    )
    .orderBy(
      sql`abs(extract(epoch from ${postMetricSnapshots.takenAt} - ${target}::timestamptz))`,
      asc(postMetricSnapshots.takenAt),
    )
    .limit(1);
  if (!row || row.engagements === null) return null;
  return {
    engagements: row.engagements,
    impressions: row.impressions,
    publishedAt: variant.publishedAt.toISOString(),
    takenAt: row.takenAt.toISOString(),
  };
}

async function settle(
  db: Database,
  testId: string,
  changes: Partial<typeof abTests.$inferInsert>,
): Promise<AbTestRow | null> {
  const [row] = await db
    .update(abTests)
    .set({ ...changes, decidedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(abTests.id, testId), eq(abTests.state, 'running')))
    .returning();
  return row ?? null;
}

/** The account's post-to-post spread from its measured posts before the test (null: too few, the prior applies). */
async function spreadBefore(db: Database, test: AbTestRow, accountId: string, before: Date): Promise<number | null> {
  const history = await loadAccountHistory(db, test.workspaceId, accountId);
  return postToPostSpread(history.filter((post) => post.publishedAt < before));
}

/** Decides one test when it is due; a test not yet due (or not running) is left as it is. @returns the row when it changed. */
export async function decideAbTest(db: Database, testId: string, now = new Date()): Promise<AbTestRow | null> {
  const [test] = await db.select().from(abTests).where(eq(abTests.id, testId));
  if (!test || test.state !== 'running') return null;
  const a = await variantOf(db, test.briefAId);
  const b = await variantOf(db, test.briefBId);
  for (const [variant, label] of [
    [a, 'A'],
    [b, 'B'],
  ] as const)
    if (variant.kind === 'never_out')
      return settle(db, test.id, {
        state: 'cancelled',
        reason: `Variant ${label}'s post was ${variant.state} before it went out: nothing to compare.`,
      });
  if (a.kind !== 'out' || b.kind !== 'out') return null;
  const later = Math.max(a.publishedAt.getTime(), b.publishedAt.getTime());
  if (now.getTime() < later + 24 * HOUR_MS) return null;
  const readings = { a: await readingAt24h(db, a), b: await readingAt24h(db, b) };
  const missing = (['a', 'b'] as const).filter((key) => readings[key] === null);
  if (missing.length > 0) {
    if (now.getTime() < later + READING_WINDOW_HOURS.to * HOUR_MS) return null;
    return settle(db, test.id, {
      state: 'no_winner',
      readingA: readings.a,
      readingB: readings.b,
      reason: `No clear winner: no reading near 24 hours for variant ${missing.map((key) => key.toUpperCase()).join(' and ')} (analytics could not read it in time).`,
    });
  }
  const measured = readings as Record<AbVariant, AbVariantReading>;
  const spread = await spreadBefore(
    db,
    test,
    a.accountId,
    new Date(Math.min(a.publishedAt.getTime(), b.publishedAt.getTime())),
  );
  const decision = decideAbWinner({
    a: { engagements: measured.a.engagements, impressions: measured.a.impressions },
    b: { engagements: measured.b.engagements, impressions: measured.b.impressions },
    ageHours: (now.getTime() - later) / HOUR_MS,
    postToPostSpread: spread,
  });
  return settle(db, test.id, {
    state: decision.outcome === 'winner' ? 'decided' : 'no_winner',
    winner: decision.outcome === 'winner' ? decision.winner : null,
    pValue: decision.pValue,
    method: decision.method,
    lift: decision.outcome === 'winner' ? decision.lift : null,
    spread,
    readingA: measured.a,
    readingB: measured.b,
    reason: verdictOf(decision, measured),
  });
}

/** The sweep: every running test, decided when due (a test not due is left for later). @returns how many changed. */
export async function decideDueAbTests(db: Database, now = new Date(), limit = 500): Promise<number> {
  const running = await db
    .select({ id: abTests.id })
    .from(abTests)
    .where(eq(abTests.state, 'running'))
    .orderBy(asc(abTests.createdAt))
    .limit(limit);
  let changed = 0;
  for (const test of running) if ((await decideAbTest(db, test.id, now)) !== null) changed += 1;
  return changed;
}
