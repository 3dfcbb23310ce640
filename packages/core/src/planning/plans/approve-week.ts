/**
 * "Approve the week": every drafted brief of the week but the exceptions has its post sent through
 * the ordinary approval path (submit, then approve), one post at a time through the state machine.
 * Whoever may not approve in this workspace leaves the posts in review, listed with the reason; a post
 * that fails its network's checks is listed too. Approving locks each post's content as usual.
 */
import { and, eq } from 'drizzle-orm';
import { planBriefs, type BriefState } from '@plume/db/schema/planning';
import { posts } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import {
  canApprove,
  getApprovalSettings,
  type ApprovalSettings,
  type PostActor,
} from '../../posts/approval-settings.ts';
import { actOnPost, type PostDeps } from '../../posts/manage-posts.ts';
import { daysOfWeek } from './plan-calendar.ts';
import { checkWeek } from './place-week.ts';
import { listBriefRows, type BriefRow, type PlanRow } from './plan-store.ts';
import { isLive } from './plan-world.ts';
import { emitWeekApproved } from '../../webhooks/emit-plan-events.ts';

export type ApproveWeekResult = {
  approved: string[];
  pending: { briefId: string; postId: string; message: string }[];
  skipped: string[];
};

function waitingFor(settings: ApprovalSettings): string {
  return settings.approvalMode === 'specific'
    ? 'Sent for review: one of the approvers named in the workspace settings must approve it.'
    : 'Sent for review: an admin of the workspace must approve it.';
}

async function stateOf(deps: PostDeps, workspaceId: string, postId: string) {
  const [row] = await deps.db
    .select({ state: posts.state })
    .from(posts)
    .where(and(eq(posts.workspaceId, workspaceId), eq(posts.id, postId)));
  return row?.state;
}

const briefStateFor = (postState: string | undefined): BriefState | null =>
  postState === 'scheduled' ? 'scheduled' : postState === 'approved' ? 'approved' : null;

async function approveOne(
  deps: PostDeps,
  input: { workspaceId: string; brief: BriefRow & { postId: string }; actor: PostActor; mayApprove: boolean },
): Promise<string | null> {
  const { workspaceId, brief, actor } = input;
  const act = (type: 'submit' | 'approve') =>
    actOnPost(deps, { workspaceId, postId: brief.postId, actor, action: { type } });
  let state = await stateOf(deps, workspaceId, brief.postId);
  if (state === 'draft') state = await act('submit');
  if (state === 'in_review' && input.mayApprove) state = await act('approve');
  const next = briefStateFor(state);
  if (next !== null)
    await deps.db.update(planBriefs).set({ state: next, updatedAt: new Date() }).where(eq(planBriefs.id, brief.id));
  return next === null ? (state ?? 'gone') : null;
}

export async function approveWeek(
  deps: PostDeps,
  input: {
    plan: PlanRow;
    week: string;
    except: readonly string[];
    actor: PostActor;
    /** Only submit for approval, never approve (the Execution agent's path). */
    submitOnly?: boolean;
  },
): Promise<ApproveWeekResult> {
  const { plan } = input;
  checkWeek(plan, input.week);
  const briefs = await listBriefRows(deps.db, plan.id);
  input.except.forEach((id, index) => {
    if (!briefs.some((brief) => brief.id === id))
      throw AppError.validation(`except.${index}`, 'Not a brief of this plan.');
  });
  const settings = await getApprovalSettings(deps.db, plan.workspaceId);
  const mayApprove = input.submitOnly !== true && canApprove(settings, input.actor);
  const days = new Set(daysOfWeek(input.week));
  const result: ApproveWeekResult = { approved: [], pending: [], skipped: [] };
  for (const brief of briefs) {
    if (!isLive(brief) || !days.has(brief.day) || brief.state !== 'drafted' || brief.postId === null) continue;
    if (input.except.includes(brief.id)) {
      result.skipped.push(brief.id);
      continue;
    }
    const withPost = { ...brief, postId: brief.postId };
    try {
      const left = await approveOne(deps, {
        workspaceId: plan.workspaceId,
        brief: withPost,
        actor: input.actor,
        mayApprove,
      });
      if (left === null) result.approved.push(brief.id);
      else
        result.pending.push({
          briefId: brief.id,
          postId: brief.postId,
          message: left === 'in_review' ? waitingFor(settings) : `Its post is ${left.replaceAll('_', ' ')}.`,
        });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.pending.push({ briefId: brief.id, postId: brief.postId, message: error.message });
    }
  }
  await emitWeekApproved(deps.db, { plan, week: input.week, ...result, actor: input.actor });
  return result;
}
