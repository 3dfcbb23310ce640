/**
 * Starting an A/B test from a drafted brief (docs/planning.md "A/B tests in plans"): variant B is a
 * new brief of the same plan and account on a comparable slot (comparable-slot.ts), with its own draft
 * post — a second text written through the content studio (`text`), or A's text as it is (`time`).
 * Both posts then go through the normal approval. The decision is queued for 24 h after the later one.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { AbTestKind } from '@plume/contract/planning/ab-test-enums';
import { abTests, planBriefs } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import type { PostActor } from '../../posts/approval-settings.ts';
import { priorGrid } from '../placement/best-time-grid.ts';
import { localInstant } from '../placement/slot-calendar.ts';
import { daysOfWeek, weeksOfMonth, monthOf } from '../plans/plan-calendar.ts';
import type { DraftDeps, DraftWorkspace } from '../plans/draft-brief.ts';
import { findBrief, listBriefRows, type BriefRow, type PlanRow } from '../plans/plan-store.ts';
import { isLive, loadWorld, plannedPosts, type PlanDeps } from '../plans/plan-world.ts';
import { queueAbDecision } from './ab-test-queue.ts';
import { abTestRowOf, type AbTestRow } from './ab-test-store.ts';
import {
  checkComparableSlot,
  describeComparable,
  findComparableSlot,
  type ComparableInput,
} from './comparable-slot.ts';
import { writeVariantB } from './variant-b-post.ts';

export type StartAbTestInput = {
  plan: PlanRow;
  briefId: string;
  kind: AbTestKind;
  /** B's time; absent: the best comparable slot. */
  slot?: string | undefined;
  actor: PostActor;
  workspace: DraftWorkspace;
  now?: Date;
};

export type AbTestDeps = DraftDeps & Pick<PlanDeps, 'loadRules'>;

const TESTABLE_POSTS = ['draft', 'in_review', 'approved', 'scheduled'];
const DAY_MS = 86_400_000;

async function checkTestable(deps: AbTestDeps, plan: PlanRow, brief: BriefRow): Promise<{ at: Date; postId: string }> {
  if (!isLive(brief)) throw AppError.conflict('This brief was rejected or replaced; test its replacement instead.');
  if (brief.postId === null || brief.state === 'brief')
    throw AppError.conflict('This brief has no draft yet: generate its draft first, then start an A/B test.');
  if (brief.slot === null) throw AppError.conflict('This brief has no time yet: place the week first.');
  const [post] = await deps.db.select({ state: posts.state }).from(posts).where(eq(posts.id, brief.postId));
  if (!post || !TESTABLE_POSTS.includes(post.state))
    throw AppError.conflict(`Its post is ${post?.state ?? 'gone'}: only a post not yet out can be tested.`);
  const [taken] = await deps.db
    .select({ id: abTests.id })
    .from(abTests)
    .where(
      and(
        eq(abTests.planId, plan.id),
        inArray(abTests.state, ['running', 'decided', 'no_winner']),
        or(eq(abTests.briefAId, brief.id), eq(abTests.briefBId, brief.id)),
      ),
    );
  if (taken) throw AppError.conflict('This brief is in an A/B test already.');
  return { at: brief.slot, postId: brief.postId };
}

async function comparableInput(
  deps: AbTestDeps,
  plan: PlanRow,
  brief: BriefRow,
  kind: AbTestKind,
  now: Date,
): Promise<ComparableInput> {
  const briefs = (await listBriefRows(deps.db, plan.id)).filter(isLive);
  const at = brief.slot!;
  const range = { from: new Date(at.getTime() - 8 * DAY_MS), to: new Date(at.getTime() + 8 * DAY_MS) };
  const world = await loadWorld(deps, plan.workspaceId, briefs, range);
  const allowedDays = new Set(
    weeksOfMonth(plan.month)
      .flatMap(daysOfWeek)
      .filter((day) => monthOf(day) === plan.month),
  );
  return {
    kind,
    zone: world.zone,
    a: { id: brief.id, accountId: brief.accountId, network: brief.network, pillar: brief.pillar, at },
    // Placement's grid (the network's public prior), so "comparable" means what placement expects.
    grid: priorGrid(brief.network),
    allowedDays,
    now,
    rules: world.rules,
    planned: plannedPosts(briefs, () => ''),
    scheduled: world.scheduled,
  };
}

function chooseSlot(input: ComparableInput, slot: string | undefined): ChosenSlot {
  if (slot === undefined) {
    const found = findComparableSlot(input);
    if (found === null)
      throw AppError.conflict(
        `No comparable slot is free for variant B within 7 days of A in this plan's month (same account, same kind of day, ${
          input.kind === 'text' ? 'about the same hour and expected result' : 'at least 3 hours from A'
        }, within the cadence, daily cap, quiet hours and gap).`,
      );
    return found;
  }
  const at = new Date(slot);
  const problem = checkComparableSlot(input, at);
  if (problem !== null) throw AppError.validation('slot', problem);
  const liftOf = (when: Date) => {
    const local = localInstant(input.zone, when);
    return input.grid.lift[local.weekday]?.[local.hour] ?? 1;
  };
  return { at, lift: liftOf(at), liftA: liftOf(input.a.at) };
}

type ChosenSlot = { at: Date; lift: number; liftA: number };

async function insertTest(deps: AbTestDeps, input: StartAbTestInput, a: BriefRow, zone: string, slot: ChosenSlot) {
  return deps.db.transaction(async (tx) => {
    const [b] = await tx
      .insert(planBriefs)
      .values({
        planId: input.plan.id,
        workspaceId: input.plan.workspaceId,
        day: localInstant(zone, slot.at).dayKey,
        network: a.network,
        accountId: a.accountId,
        pillar: a.pillar,
        topic: a.topic,
        format: a.format,
        slot: slot.at,
        placementReason: describeComparable(input.kind, slot),
      })
      .returning();
    if (!b) throw new Error('variant B insert returned no row');
    const [test] = await tx
      .insert(abTests)
      .values({
        workspaceId: input.plan.workspaceId,
        planId: input.plan.id,
        kind: input.kind,
        briefAId: a.id,
        briefBId: b.id,
        createdBy: input.actor.userId,
      })
      .returning();
    if (!test) throw new Error('A/B test insert returned no row');
    return { b, test };
  });
}

/** @returns the test, running, with B drafted. A failure writing B's draft removes B and the test, then is thrown. */
export async function startAbTest(deps: AbTestDeps, input: StartAbTestInput): Promise<AbTestRow> {
  const now = input.now ?? new Date();
  const a = await findBrief(deps.db, input.plan, input.briefId);
  const { postId } = await checkTestable(deps, input.plan, a);
  const comparable = await comparableInput(deps, input.plan, a, input.kind, now);
  const slot = chooseSlot(comparable, input.slot);
  const { b, test } = await insertTest(deps, input, a, comparable.zone, slot);
  try {
    await writeVariantB(deps, { ...input, a, aPostId: postId, b });
  } catch (error) {
    await deps.db.transaction(async (tx) => {
      await tx.delete(abTests).where(eq(abTests.id, test.id));
      await tx.delete(planBriefs).where(eq(planBriefs.id, b.id));
    });
    throw error;
  }
  await queueAbDecision(deps.db, test.id, a.slot!, slot.at);
  return abTestRowOf(deps.db, input.plan.workspaceId, test.id);
}
