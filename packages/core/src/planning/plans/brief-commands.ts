/**
 * Adding, editing, moving and dropping a plan's briefs. A move to another time is checked against the
 * slot rules (cadence, daily cap, quiet hours, minimum gap) with the plan's other briefs and the posts
 * already scheduled, and refused with the rule's words when it breaks one; the brief's post follows.
 */
import { and, eq } from 'drizzle-orm';
import type { ContentType } from '@plume/contract/content/content-enums';
import { planBriefs } from '@plume/db/schema/planning';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import type { PostActor } from '../../posts/approval-settings.ts';
import { checkSlots } from '../checks/check-slots.ts';
import { localInstant } from '../placement/slot-calendar.ts';
import { briefStateOfPost, movePost, withdrawPost } from './brief-posts.ts';
import { isRealDay, mondayOf, monthOf, weekRange } from './plan-calendar.ts';
import { findBrief, listBriefRows, type BriefRow, type PlanRow } from './plan-store.ts';
import { isLive, loadWorld, plannedPosts, zoneOf, type PlanDeps } from './plan-world.ts';

export type BriefFields = {
  day: string;
  accountId: string;
  pillar: string;
  topic: string;
  format: ContentType;
  notes?: string | undefined;
};
export type BriefChanges = Partial<Omit<BriefFields, 'notes'>> & {
  notes?: string | null | undefined;
  slot?: string | null | undefined;
};

function checkDay(plan: PlanRow, day: string): void {
  if (!isRealDay(day)) throw AppError.validation('day', 'Not a real date.');
  if (monthOf(day) !== plan.month) throw AppError.validation('day', `Pick a day in ${plan.month}, the plan's month.`);
}

async function accountOf(deps: PlanDeps, workspaceId: string, accountId: string) {
  const [account] = await deps.db
    .select({ id: socialAccounts.id, network: socialAccounts.network })
    .from(socialAccounts)
    .where(and(eq(socialAccounts.workspaceId, workspaceId), eq(socialAccounts.id, accountId)));
  if (!account) throw AppError.validation('accountId', 'No such account in this workspace.');
  return account;
}

export async function addBrief(deps: PlanDeps, plan: PlanRow, fields: BriefFields): Promise<BriefRow> {
  checkDay(plan, fields.day);
  const account = await accountOf(deps, plan.workspaceId, fields.accountId);
  const [row] = await deps.db
    .insert(planBriefs)
    .values({
      ...fields,
      notes: fields.notes || null,
      planId: plan.id,
      workspaceId: plan.workspaceId,
      network: account.network,
    })
    .returning();
  if (!row) throw new Error('brief insert returned no row');
  return row;
}

/** The slot, checked: on the brief's day in the workspace's zone, in the future, and within the slot rules. */
async function checkedSlot(deps: PlanDeps, plan: PlanRow, moved: BriefRow, slot: Date): Promise<void> {
  const zone = await zoneOf(deps.db, plan.workspaceId);
  if (localInstant(zone, slot).dayKey !== moved.day)
    throw AppError.validation('slot', `This time is not on ${moved.day} in the workspace's time zone (${zone}).`);
  if (slot.getTime() <= Date.now()) throw AppError.validation('slot', 'This time is in the past.');
  const briefs = (await listBriefRows(deps.db, plan.id)).map((brief) =>
    brief.id === moved.id ? { ...moved, slot } : brief,
  );
  const world = await loadWorld(deps, plan.workspaceId, briefs.filter(isLive), weekRange(zone, mondayOf(moved.day)));
  const broken = checkSlots(
    plannedPosts(briefs, () => ''),
    world.rules,
    world.scheduled,
  ).filter((violation) => violation.postIds.includes(moved.id));
  if (broken.length > 0) throw AppError.conflict(broken.map((violation) => violation.message).join(' '));
}

export async function updateBrief(
  deps: PlanDeps,
  input: { plan: PlanRow; briefId: string; changes: BriefChanges; actor: PostActor },
): Promise<BriefRow> {
  const { plan, changes } = input;
  const brief = await findBrief(deps.db, plan, input.briefId);
  if (!isLive(brief)) throw AppError.conflict('This brief was rejected or replaced; edit its replacement instead.');
  if (changes.day !== undefined) checkDay(plan, changes.day);
  let network = brief.network;
  if (changes.accountId !== undefined && changes.accountId !== brief.accountId) {
    if (brief.postId !== null)
      throw AppError.conflict('Its draft is written for the other account: drop the brief and add a new one.');
    network = (await accountOf(deps, plan.workspaceId, changes.accountId)).network;
  }
  const { slot: slotText, ...given } = changes;
  // Empty notes are no notes.
  const fields = given.notes === undefined ? given : { ...given, notes: given.notes || null };
  const dayMoved = changes.day !== undefined && changes.day !== brief.day;
  // A new day without a time unplaces the brief: its old time was on the old day.
  const slot = slotText === undefined ? (dayMoved ? null : brief.slot) : slotText === null ? null : new Date(slotText);
  const moved: BriefRow = { ...brief, ...fields, network, slot };
  if (slot !== null && slot.getTime() !== brief.slot?.getTime()) await checkedSlot(deps, plan, moved, slot);
  const slotChanged = (slot?.getTime() ?? null) !== (brief.slot?.getTime() ?? null);
  let state = brief.state;
  if (slotChanged && brief.postId !== null) {
    await movePost(deps, { workspaceId: plan.workspaceId, postId: brief.postId, slot, actor: input.actor });
    state = (await briefStateOfPost(deps.db, plan.workspaceId, brief.postId)) ?? state;
  }
  const [row] = await deps.db
    .update(planBriefs)
    .set({
      ...fields,
      network,
      slot,
      state,
      ...(slotChanged ? { placementReason: slot === null ? null : 'Moved by hand.' } : {}),
      updatedAt: new Date(),
    })
    .where(eq(planBriefs.id, brief.id))
    .returning();
  return row ?? moved;
}

/** Drops a brief; its draft post, if any, is withdrawn (cancelled) through the state machine. */
export async function dropBrief(
  deps: PlanDeps,
  input: { plan: PlanRow; briefId: string; actor: PostActor },
): Promise<void> {
  const brief = await findBrief(deps.db, input.plan, input.briefId);
  if (brief.postId !== null && isLive(brief))
    await withdrawPost(deps, {
      workspaceId: input.plan.workspaceId,
      postId: brief.postId,
      actor: input.actor,
      reason: 'Dropped from the plan.',
      canReject: false,
    });
  await deps.db.transaction(async (tx) => {
    if (brief.replacesId !== null)
      await tx
        .update(planBriefs)
        .set({ replacedById: null, state: 'rejected', updatedAt: new Date() })
        .where(eq(planBriefs.id, brief.replacesId));
    await tx.delete(planBriefs).where(eq(planBriefs.id, brief.id));
  });
}
