/**
 * Rejection produces a replacement (seed 002): the rejected draft's post is withdrawn through the state
 * machine, a replacement brief takes the same day, account and slot, and its draft is written with the
 * reviewer's reason in the prompt. The emergency replacement does the same to a post already scheduled:
 * it is unscheduled (and cancelled) first, and the replacement fills its slot.
 */
import { eq } from 'drizzle-orm';
import { planBriefs } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import { canApprove, getApprovalSettings, type PostActor } from '../../posts/approval-settings.ts';
import { withdrawPost } from './brief-posts.ts';
import { draftBrief, type DraftDeps, type DraftWorkspace } from './draft-brief.ts';
import { findBrief, type BriefRow, type PlanRow } from './plan-store.ts';

export type ReplaceInput = {
  plan: PlanRow;
  briefId: string;
  reason: string;
  actor: PostActor;
  workspace: DraftWorkspace;
  /** Pull a scheduled post (emergency) rather than reject a draft. */
  emergency: boolean;
};

async function postState(deps: DraftDeps, postId: string) {
  const [row] = await deps.db.select({ state: posts.state }).from(posts).where(eq(posts.id, postId));
  return row?.state;
}

async function checkReplaceable(deps: DraftDeps, brief: BriefRow, emergency: boolean): Promise<string> {
  if (brief.state === 'rejected' || brief.state === 'replaced')
    throw AppError.conflict('This brief was replaced already; act on its replacement.');
  if (brief.postId === null) throw AppError.conflict('This brief has no draft yet: edit or drop it instead.');
  const state = await postState(deps, brief.postId);
  if (emergency && state !== 'scheduled')
    throw AppError.conflict('Only a scheduled post can be pulled; reject a draft instead.');
  if (!emergency && !['draft', 'in_review', 'approved', 'scheduled'].includes(state ?? ''))
    throw AppError.conflict(`Its post is ${state ?? 'gone'}: it can no longer be rejected.`);
  return brief.postId;
}

/** @returns the rejected brief and its replacement (drafted, unless the model failed: then the error is thrown after both are saved). */
export async function replaceBrief(
  deps: DraftDeps,
  input: ReplaceInput,
): Promise<{ rejected: BriefRow; replacement: BriefRow }> {
  const { plan } = input;
  const brief = await findBrief(deps.db, plan, input.briefId);
  const postId = await checkReplaceable(deps, brief, input.emergency);
  const settings = await getApprovalSettings(deps.db, plan.workspaceId);
  await withdrawPost(deps, {
    workspaceId: plan.workspaceId,
    postId,
    actor: input.actor,
    reason: input.reason,
    canReject: canApprove(settings, input.actor),
  });
  const replacement = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planBriefs)
      .values({
        planId: plan.id,
        workspaceId: plan.workspaceId,
        day: brief.day,
        network: brief.network,
        accountId: brief.accountId,
        pillar: brief.pillar,
        topic: brief.topic,
        visualBrief: brief.visualBrief,
        format: brief.format,
        notes: brief.notes,
        slot: brief.slot,
        placementReason: input.emergency
          ? 'Fills the slot of a scheduled post that was pulled.'
          : 'Takes the slot of a rejected draft.',
        replacesId: brief.id,
      })
      .returning();
    if (!row) throw new Error('replacement insert returned no row');
    await tx
      .update(planBriefs)
      .set({ state: 'replaced', replacedById: row.id, rejectionReason: input.reason, updatedAt: new Date() })
      .where(eq(planBriefs.id, brief.id));
    return row;
  });
  await draftBrief(deps, {
    plan,
    brief: replacement,
    workspace: input.workspace,
    actor: input.actor,
    rejectedBecause: input.reason,
  });
  return {
    rejected: await findBrief(deps.db, plan, brief.id),
    replacement: await findBrief(deps.db, plan, replacement.id),
  };
}
