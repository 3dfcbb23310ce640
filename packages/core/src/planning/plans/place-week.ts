/**
 * "Place the week": the week's briefs still without a draft, and drafted briefs still without a slot (the
 * Content agent drafts a week before it is placed; their draft post gets the slot), get the best free hour of their day
 * (placeBriefs, with the posts already scheduled and the plan's other placed briefs as conflicts,
 * and the rules' cadence, caps, quiet hours and gap), or the plain reason none is left; then the
 * plan checks over the month.
 */
import { eq, inArray } from 'drizzle-orm';
import { planBriefs } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import { abPairKeys } from '../ab-tests/ab-test-store.ts';
import { checkPlan } from '../checks/check-plan.ts';
import type { PlanViolation } from '../checks/plan-types.ts';
import { placeBriefs } from '../placement/place-briefs.ts';
import { describePlacement, loadAccountBestTimes, seedOf } from './account-best-times.ts';
import { daysOfWeek, isMonday, startOfDay, weekRange, weeksOfMonth, plusDays } from './plan-calendar.ts';
import { listBriefRows, type BriefRow, type PlanRow } from './plan-store.ts';
import { isLive, loadWorld, plannedPosts, zoneOf, type PlanDeps } from './plan-world.ts';
import type { PostActor } from '../../posts/approval-settings.ts';
import { movePost } from './brief-posts.ts';
import { adjustGrid, storedAdjustments } from '../../agents/learning/adjustments-source.ts';

export function checkWeek(plan: PlanRow, week: string): void {
  if (!isMonday(week) || !weeksOfMonth(plan.month).includes(week))
    throw AppError.validation('week', `Not the Monday of a week in ${plan.month}.`);
}

export type PlaceWeekResult = {
  placed: { briefId: string; slot: Date; local: string; reason: string }[];
  unplaced: { briefId: string; reason: string; message: string }[];
};

/** A brief placement may give a time: no draft yet, or a draft that never had a slot (and an actor to move its post). */
const placeable = (brief: BriefRow, actor: PostActor | null) =>
  brief.state === 'brief' || (actor !== null && brief.state === 'drafted' && brief.slot === null);

export async function placeWeek(
  deps: PlanDeps,
  plan: PlanRow,
  week: string,
  now = new Date(),
  actor: PostActor | null = null,
): Promise<PlaceWeekResult> {
  checkWeek(plan, week);
  const days = new Set(daysOfWeek(week));
  const briefs = (await listBriefRows(deps.db, plan.id)).filter(isLive);
  const toPlace = briefs.filter((brief) => days.has(brief.day) && placeable(brief, actor));
  const zone = await zoneOf(deps.db, plan.workspaceId);
  const range = weekRange(zone, week);
  const world = await loadWorld(deps, plan.workspaceId, briefs, range);
  const placing = new Set(toPlace.map((brief) => brief.id));
  const kept = briefs.filter((brief) => !placing.has(brief.id) && brief.slot !== null);
  const bestTimes = await loadAccountBestTimes(deps.db, { workspaceId: plan.workspaceId, zone, accounts: toPlace });
  const cadence = world.source.naturalCadenceMinutes;
  // The last applied weekly retrospective's hours to prefer and avoid weigh on every account's grid.
  const adjustments = await storedAdjustments(deps.db).current(plan.workspaceId);
  const result = placeBriefs({
    briefs: toPlace.map((brief) => ({ ...brief, day: brief.day })),
    scheduled: [...world.scheduled, ...kept.map((brief) => ({ accountId: brief.accountId, at: brief.slot! }))],
    bestTimes: new Map(
      [...bestTimes].map(([accountId, best]) => [
        accountId,
        { ...best.grid, lift: adjustGrid(best.grid.lift, adjustments) },
      ]),
    ),
    rules: world.rules,
    range,
    now,
    ...(cadence > 0 ? { naturalCadence: { maxMinutes: cadence, seed: seedOf(`${plan.id}:${week}`) } } : {}),
  });
  const reasons = new Map(
    result.placements.map((placement) => [
      placement.briefId,
      describePlacement(placement, bestTimes.get(placement.accountId)),
    ]),
  );
  await deps.db.transaction(async (tx) => {
    for (const placement of result.placements)
      await tx
        .update(planBriefs)
        .set({ slot: placement.at, placementReason: reasons.get(placement.briefId) ?? null })
        .where(eq(planBriefs.id, placement.briefId));
    for (const unplaced of result.unplaced)
      await tx
        .update(planBriefs)
        .set({ slot: null, placementReason: unplaced.message })
        .where(eq(planBriefs.id, unplaced.briefId));
  });
  await moveDraftPosts(deps, plan, toPlace, result.placements, actor);
  return {
    placed: result.placements.map((placement) => ({
      briefId: placement.briefId,
      slot: placement.at,
      local: placement.local,
      reason: reasons.get(placement.briefId) ?? '',
    })),
    unplaced: result.unplaced,
  };
}

/** A drafted brief placed now: its draft post gets the slot (through the post state machine). */
async function moveDraftPosts(
  deps: PlanDeps,
  plan: PlanRow,
  placed: readonly BriefRow[],
  placements: readonly { briefId: string; at: Date }[],
  actor: PostActor | null,
): Promise<void> {
  if (actor === null) return;
  const postOf = new Map(placed.map((brief) => [brief.id, brief.postId]));
  for (const placement of placements) {
    const postId = postOf.get(placement.briefId);
    if (postId) await movePost(deps, { workspaceId: plan.workspaceId, postId, slot: placement.at, actor });
  }
}

/** The plan checks over the plan's placed briefs (a drafted brief with its post's text, else its topic). */
export async function checkPlanBriefs(
  deps: PlanDeps,
  plan: PlanRow,
): Promise<{ check: string; briefIds: string[]; message: string }[]> {
  const briefs = (await listBriefRows(deps.db, plan.id)).filter(isLive);
  const zone = await zoneOf(deps.db, plan.workspaceId);
  const weeks = weeksOfMonth(plan.month);
  const range = { from: startOfDay(zone, weeks[0]!), to: startOfDay(zone, plusDays(weeks.at(-1)!, 7)) };
  const world = await loadWorld(deps, plan.workspaceId, briefs, range);
  const texts = await postTexts(deps, briefs);
  const pillarShares = Object.fromEntries(world.source.pillars.map((pillar) => [pillar.key, pillar.share]));
  const violations: PlanViolation[] = checkPlan(
    plannedPosts(briefs, (brief) => texts.get(brief.id) ?? brief.topic),
    { ...world.rules, pillarShares },
    { scheduled: world.scheduled },
  );
  const abPairs = await abPairKeys(deps.db, plan.id);
  // Without a strategy there are no shares to keep: the mix is shown, not judged. An A/B pair reads alike on purpose.
  return violations
    .filter((violation) => violation.check !== 'pillar_mix' || world.source.pillars.length > 0)
    .filter((violation) => violation.check !== 'similar_posts' || !abPairs.has(violation.postIds.join('|')))
    .map((violation) => ({ check: violation.check, briefIds: violation.postIds, message: violation.message }));
}

async function postTexts(deps: PlanDeps, briefs: readonly BriefRow[]): Promise<Map<string, string>> {
  const withPost = briefs.filter((brief) => brief.postId !== null);
  if (withPost.length === 0) return new Map();
  const rows = await deps.db
    .select({ id: posts.id, text: posts.content })
    .from(posts)
    .where(
      inArray(
        posts.id,
        withPost.map((brief) => brief.postId!),
      ),
    );
  const byPost = new Map(rows.map((row) => [row.id, row.text.text]));
  return new Map(withPost.map((brief) => [brief.id, byPost.get(brief.postId!) ?? brief.topic]));
}
