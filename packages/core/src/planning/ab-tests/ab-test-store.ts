/**
 * A/B tests as stored and as the API shows them: each with its two briefs' slots on the workspace
 * clock, their posts' states, the figures read at 24 h and the verdict in plain words.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { abTests, planBriefs } from '@plume/db/schema/planning';
import { posts, type PostState } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import type { PostActor } from '../../posts/approval-settings.ts';
import { formatWall, utcToWall } from '../../scheduling/zoned-time.ts';
import { withdrawPost } from '../plans/brief-posts.ts';
import type { PlanRow } from '../plans/plan-store.ts';
import type { PlanDeps } from '../plans/plan-world.ts';

export type AbTestRow = typeof abTests.$inferSelect;
type Db = Pick<Database, 'select'>;

export type AbVariantView = { briefId: string; slotLocal: string | null; postState: PostState | null };
export type AbTestView = Omit<
  AbTestRow,
  'workspaceId' | 'briefAId' | 'briefBId' | 'createdBy' | 'updatedAt' | 'reason'
> & {
  a: AbVariantView;
  b: AbVariantView;
  verdict: string;
};

/** Another workspace's test reads exactly like one that does not exist. */
export async function abTestRowOf(db: Db, workspaceId: string, testId: string, planId?: string): Promise<AbTestRow> {
  const [row] = await db
    .select()
    .from(abTests)
    .where(
      and(
        eq(abTests.workspaceId, workspaceId),
        eq(abTests.id, testId),
        planId === undefined ? undefined : eq(abTests.planId, planId),
      ),
    );
  if (!row) throw AppError.notFound('A/B test');
  return row;
}

const RUNNING = 'Running: decided 24 hours after the later of the two posts goes out.';

async function variantViews(db: Db, briefIds: readonly string[], zone: string): Promise<Map<string, AbVariantView>> {
  if (briefIds.length === 0) return new Map();
  const rows = await db
    .select({ id: planBriefs.id, slot: planBriefs.slot, postState: posts.state })
    .from(planBriefs)
    .leftJoin(posts, eq(posts.id, planBriefs.postId))
    .where(inArray(planBriefs.id, [...briefIds]));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        briefId: row.id,
        slotLocal: row.slot === null ? null : formatWall(utcToWall(zone, row.slot)),
        postState: row.postState ?? null,
      },
    ]),
  );
}

export function viewOf(row: AbTestRow, variants: ReadonlyMap<string, AbVariantView>): AbTestView {
  const { workspaceId: _w, briefAId, briefBId, createdBy: _c, updatedAt: _u, reason, ...rest } = row;
  const missing = (briefId: string): AbVariantView => ({ briefId, slotLocal: null, postState: null });
  return {
    ...rest,
    a: variants.get(briefAId) ?? missing(briefAId),
    b: variants.get(briefBId) ?? missing(briefBId),
    verdict: reason ?? RUNNING,
  };
}

export async function listAbTestViews(db: Db, planId: string, zone: string, testId?: string): Promise<AbTestView[]> {
  const rows = await db
    .select()
    .from(abTests)
    .where(and(eq(abTests.planId, planId), testId === undefined ? undefined : eq(abTests.id, testId)))
    .orderBy(asc(abTests.createdAt));
  const variants = await variantViews(
    db,
    rows.flatMap((row) => [row.briefAId, row.briefBId]),
    zone,
  );
  return rows.map((row) => viewOf(row, variants));
}

const OUT = ['publishing', 'published', 'failed', 'unconfirmed'];

/** Cancels a running test before B goes out: B's post is cancelled through the state machine, its brief set aside. */
export async function cancelAbTest(
  deps: PlanDeps,
  input: { plan: PlanRow; testId: string; actor: PostActor },
): Promise<AbTestRow> {
  const test = await abTestRowOf(deps.db, input.plan.workspaceId, input.testId, input.plan.id);
  if (test.state !== 'running') throw AppError.conflict(`This test is ${test.state.replace('_', ' ')} already.`);
  const [b] = await deps.db.select().from(planBriefs).where(eq(planBriefs.id, test.briefBId));
  const [post] =
    b?.postId == null ? [] : await deps.db.select({ state: posts.state }).from(posts).where(eq(posts.id, b.postId));
  if (post && OUT.includes(post.state))
    throw AppError.conflict(
      'Variant B has gone out already: the test can no longer be cancelled; it is decided at 24 h.',
    );
  if (b?.postId != null)
    await withdrawPost(deps, {
      workspaceId: input.plan.workspaceId,
      postId: b.postId,
      actor: input.actor,
      reason: 'A/B test cancelled.',
      canReject: false,
    });
  const reason = `Cancelled by ${input.actor.name ?? 'an API key'} before variant B went out; B's post was cancelled.`;
  return deps.db.transaction(async (tx) => {
    await tx
      .update(planBriefs)
      .set({ state: 'rejected', rejectionReason: 'A/B test cancelled.', updatedAt: new Date() })
      .where(eq(planBriefs.id, test.briefBId));
    await tx.execute(sql`SELECT graphile_worker.remove_job(${`ab-test:${test.id}`})`);
    const [row] = await tx
      .update(abTests)
      .set({ state: 'cancelled', reason, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(abTests.id, test.id))
      .returning();
    return row ?? test;
  });
}

/** `a|b` keys of the plan's A/B pairs still standing: two variants of one post read alike on purpose. */
export async function abPairKeys(db: Db, planId: string): Promise<Set<string>> {
  const rows = await db
    .select({ a: abTests.briefAId, b: abTests.briefBId })
    .from(abTests)
    .where(and(eq(abTests.planId, planId), inArray(abTests.state, ['running', 'decided', 'no_winner'])));
  return new Set(rows.flatMap((row) => [`${row.a}|${row.b}`, `${row.b}|${row.a}`]));
}
