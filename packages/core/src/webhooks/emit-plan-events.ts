import type { Database } from '@plume/db/client';
import type { PostActor } from '../posts/approval-settings.ts';
import { fireAutomationTrigger } from '../automation/fire-trigger.ts';
import { emitWebhookEvent } from './emit-webhook-event.ts';

/**
 * `plan.week_approved`, after "Approve the week" went through its briefs (each post approved in its
 * own transaction, so the event follows them rather than sharing one). Nothing when no brief moved.
 */
export async function emitWeekApproved(
  db: Pick<Database, 'execute'>,
  input: {
    plan: { id: string; workspaceId: string };
    week: string;
    approved: readonly string[];
    pending: readonly { briefId: string }[];
    actor: PostActor;
  },
): Promise<void> {
  if (input.approved.length === 0 && input.pending.length === 0) return;
  await emitWebhookEvent(db, {
    workspaceId: input.plan.workspaceId,
    type: 'plan.week_approved',
    data: {
      workspaceId: input.plan.workspaceId,
      planId: input.plan.id,
      week: input.week,
      approvedBriefIds: [...input.approved],
      pendingBriefIds: input.pending.map((item) => item.briefId),
      actor: { id: input.actor.userId, name: input.actor.name },
    },
  });
  await fireAutomationTrigger(db, {
    workspaceId: input.plan.workspaceId,
    trigger: 'plan.week_approved',
    data: {
      planId: input.plan.id,
      week: input.week,
      approvedCount: input.approved.length,
      pendingCount: input.pending.length,
    },
  });
}
