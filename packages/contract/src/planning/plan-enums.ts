/** The words of plans and their briefs (docs/planning.md "Plans and the week board"). */

/** A month's plan: being drafted, in use, or kept for the record. */
export const PLAN_STATES = ['draft', 'active', 'archived'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/**
 * A brief's life: `brief` (an idea with a day), `drafted` (a draft post written for it), `approved`
 * (its post approved without a time), `scheduled` (approved with a time), `rejected` (its draft turned
 * down, the replacement not written yet), `replaced` (a replacement brief took its slot).
 */
export const BRIEF_STATES = ['brief', 'drafted', 'approved', 'rejected', 'replaced', 'scheduled'] as const;
export type BriefState = (typeof BRIEF_STATES)[number];

/** A week's draft generation as the job reports it. */
export const GENERATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type GenerationState = (typeof GENERATION_STATES)[number];
