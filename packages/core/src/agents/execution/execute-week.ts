/**
 * One week of the Execution agent (no model call): place the week's briefs at the best free times
 * (placeWeek: learned best times or the prior, cadence, caps, quiet hours, gap, natural cadence), submit
 * its drafts for approval (approveWeek's submit path, never approving), and at level `auto_schedule`
 * approve and schedule what the guardrails allow (autoScheduleWeek). Each automatic action is audited.
 */
import type { ExecutionWeek } from '@plume/contract/agents/execution-output';
import { recordAudit } from '../../audit/record-audit.ts';
import { autoScheduleWeek, AUTOPILOT_POST_ACTOR } from '../../planning/autopilot/auto-schedule.ts';
import { AUTOPILOT_ACTOR, getAutopilot } from '../../planning/autopilot/autopilot-store.ts';
import { approveWeek } from '../../planning/plans/approve-week.ts';
import { placeWeek } from '../../planning/plans/place-week.ts';
import { daysOfWeek } from '../../planning/plans/plan-calendar.ts';
import { listBriefRows, type PlanRow } from '../../planning/plans/plan-store.ts';
import { isLive, type PlanDeps } from '../../planning/plans/plan-world.ts';
import { getApprovalSettings } from '../../posts/approval-settings.ts';
import type { ExecutionInput } from './execution-input.ts';

const NOT_SUBMITTED =
  'Not submitted: this workspace needs no approval, so submitting would schedule it. Approve the week to schedule it.';

async function draftedBriefs(deps: PlanDeps, plan: PlanRow, week: string) {
  const days = new Set(daysOfWeek(week));
  return (await listBriefRows(deps.db, plan.id))
    .filter((brief) => isLive(brief) && days.has(brief.day) && brief.state === 'drafted')
    .map((brief) => ({ briefId: brief.id, message: NOT_SUBMITTED }));
}

const nothing = (week: string, level: ExecutionWeek['level'], stopped: string): ExecutionWeek => ({
  week,
  level,
  placed: [],
  notPlaced: [],
  submitted: [],
  notSubmitted: [],
  autoScheduled: [],
  held: [],
  stopped,
});

export async function executeWeek(
  deps: PlanDeps,
  input: { plan: PlanRow; week: string; runId: string; trigger: ExecutionInput['trigger']; now: Date },
): Promise<ExecutionWeek> {
  const { plan, week, runId } = input;
  const workspaceId = plan.workspaceId;
  const settings = await getAutopilot(deps.db, workspaceId);
  if (input.trigger === 'autopilot' && settings.level === 'off')
    return nothing(week, settings.level, 'The autopilot is off: nothing runs by itself.');

  // With the autopilot as the actor, drafted briefs without a time (the Content agent's) are placed too.
  const placed = await placeWeek(deps, plan, week, input.now, AUTOPILOT_POST_ACTOR);
  const audit = (action: string, subjectType: string, subjectId: string, data: Record<string, unknown>) =>
    recordAudit(deps.db, workspaceId, AUTOPILOT_ACTOR, action, subjectType, subjectId, {
      ...data,
      week,
      runId,
      trigger: input.trigger,
    });
  if (placed.placed.length + placed.unplaced.length > 0)
    await audit('autopilot.placed', 'plan', plan.id, {
      placed: placed.placed.map((item) => ({ briefId: item.briefId, at: item.slot.toISOString(), why: item.reason })),
      notPlaced: placed.unplaced.map((item) => ({ briefId: item.briefId, why: item.message })),
    });

  // Without approval rules a submit schedules the post: the agent only submits where a person approves.
  const needsApproval = (await getApprovalSettings(deps.db, workspaceId)).approvalMode !== 'none';
  const submitted = needsApproval
    ? await approveWeek(deps, { plan, week, except: [], actor: AUTOPILOT_POST_ACTOR, submitOnly: true })
    : { approved: [], pending: [], skipped: [] };
  const notSubmitted = needsApproval ? [] : await draftedBriefs(deps, plan, week);
  for (const item of submitted.pending)
    await audit('autopilot.submitted', 'post', item.postId, { briefId: item.briefId, outcome: item.message });

  const auto =
    settings.level === 'auto_schedule'
      ? await autoScheduleWeek(deps, { plan, week, settings, now: input.now, runId })
      : { scheduled: [], held: [], stopped: null };
  return {
    week,
    level: settings.level,
    placed: placed.placed.map((item) => ({
      briefId: item.briefId,
      slot: item.slot.toISOString(),
      local: item.local,
      reason: item.reason,
    })),
    notPlaced: placed.unplaced,
    submitted: submitted.pending,
    notSubmitted,
    autoScheduled: auto.scheduled,
    held: auto.held,
    stopped: auto.stopped,
  };
}
