/**
 * Where other agents read the last applied retrospective's adjustments: the content agent's prompt
 * (topics to repeat and avoid) and placement (hours to prefer and avoid, as a change to the best-time
 * grid). `LearningAdjustmentsSource` is the seam; `storedAdjustments` reads `learning_adjustments`.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { learningAdjustments } from '@plume/db/schema/learning';
import { learningAdjustmentsSchema, type LearningAdjustments } from '@plume/contract/agents/learning-outputs';

export type CurrentAdjustments = LearningAdjustments & { week: string; appliedAt: Date };

export interface LearningAdjustmentsSource {
  current(workspaceId: string): Promise<CurrentAdjustments | null>;
}

export const noAdjustments: LearningAdjustmentsSource = { current: () => Promise.resolve(null) };

export function storedAdjustments(db: Pick<Database, 'select'>): LearningAdjustmentsSource {
  return {
    async current(workspaceId) {
      const [row] = await db.select().from(learningAdjustments).where(eq(learningAdjustments.workspaceId, workspaceId));
      if (!row) return null;
      const parsed = learningAdjustmentsSchema.safeParse(row.adjustments);
      return parsed.success ? { ...parsed.data, week: row.week, appliedAt: row.appliedAt } : null;
    },
  };
}

/** The adjustments as lines for a content prompt (empty when there is nothing to say). */
export function describeAdjustments(adjustments: CurrentAdjustments | null): string[] {
  if (adjustments === null) return [];
  const lines: string[] = [];
  if ((adjustments.topicsToRepeat ?? []).length > 0)
    lines.push(`Topics that did well lately (build on them): ${adjustments.topicsToRepeat?.join('; ')}.`);
  if ((adjustments.topicsToAvoid ?? []).length > 0)
    lines.push(`Topics that did poorly lately (avoid them): ${adjustments.topicsToAvoid?.join('; ')}.`);
  return lines;
}

/** How much a preferred (or avoided) hour's lift is raised (or lowered) for placement. */
export const PREFERRED_HOUR_FACTOR = 1.25;

/**
 * A best-time grid (`lift[weekday][hour]`) with the adjustments' hours applied: preferred hours × 1.25,
 * avoided hours ÷ 1.25, on every weekday. Placement still applies its rules (quiet hours, gap, caps).
 */
export function adjustGrid(lift: readonly (readonly number[])[], adjustments: CurrentAdjustments | null): number[][] {
  const prefer = new Set(adjustments?.preferHours ?? []);
  const avoid = new Set(adjustments?.avoidHours ?? []);
  return lift.map((day) =>
    day.map((value, hour) =>
      prefer.has(hour) ? value * PREFERRED_HOUR_FACTOR : avoid.has(hour) ? value / PREFERRED_HOUR_FACTOR : value,
    ),
  );
}
