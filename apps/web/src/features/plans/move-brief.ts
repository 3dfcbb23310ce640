/** The week board's moves as plain rules: what may move where, the PATCH it sends, and the board shown at once. */
import type { PlanBrief, PlanDetail } from '@plume/contract/planning/plan-schemas';
import { zonedInputToIso } from '../posts/schedule-time.ts';
import { dayLabel, monthLabel } from './plan-days.ts';

const MOVABLE_POSTS = new Set(['draft', 'in_review', 'approved', 'scheduled', 'rejected']);

/** A live brief whose post (if any) has not gone out or been cancelled. */
export function canMove(brief: PlanBrief): boolean {
  if (brief.state === 'replaced' || brief.state === 'rejected') return false;
  return brief.postState === null || MOVABLE_POSTS.has(brief.postState);
}

/** Why a drop is refused, in plain words; null when the move may be asked of the server. */
export function dropRefusal(brief: PlanBrief, target: { day: string; network: string }, month: string): string | null {
  if (!canMove(brief)) return 'This brief can no longer move: its post is past scheduling.';
  if (target.network !== brief.network)
    return `This brief is written for ${brief.accountHandle} on ${brief.network}: it can only move within the ${brief.network} row. Drop it and add a brief for the other account instead.`;
  if (!target.day.startsWith(month))
    return `${dayLabel(target.day)} is outside this plan's month (${monthLabel(month)}): pick a day in the month.`;
  return null;
}

export type MoveInput = { briefId: string; day: string; time: string };

/** The PATCH body: the day, and a time on it in the workspace's zone (none → the brief is unplaced). */
export function moveChanges(move: MoveInput, timeZone: string): { day: string; slot: string | null } {
  return { day: move.day, slot: move.time ? zonedInputToIso(`${move.day}T${move.time}`, timeZone) : null };
}

/** The plan as it will be once the move is accepted (the optimistic board; rolled back on refusal). */
export function planWithMove(plan: PlanDetail, move: MoveInput): PlanDetail {
  return {
    ...plan,
    briefs: plan.briefs.map((brief) =>
      brief.id === move.briefId
        ? { ...brief, day: move.day, slotLocal: move.time ? `${move.day} ${move.time}` : null }
        : brief,
    ),
  };
}
