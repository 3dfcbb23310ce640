/**
 * Every plan check at once (docs/planning.md "Placement and plan checks"): pillar mix, similar posts,
 * network text limits, and the slot rules. An empty answer is a plan that keeps the strategy.
 */
import type { TextLimit } from '@plume/networks/text/fit-text';
import type { ScheduledPost, SlotRules } from '../placement/placement-types.ts';
import { checkPillarMix } from './check-pillar-mix.ts';
import { checkSimilarPosts } from './check-similar-posts.ts';
import { checkSlots } from './check-slots.ts';
import { checkTextLimits, networkTextLimits } from './check-text-limits.ts';
import type { PlannedPost, PlanViolation } from './plan-types.ts';

export type PlanRules = SlotRules & {
  pillarShares: Readonly<Record<string, number>>;
  similarityThreshold?: number;
};

export function checkPlan(
  plan: readonly PlannedPost[],
  rules: PlanRules,
  context: { scheduled?: readonly ScheduledPost[]; textLimits?: ReadonlyMap<string, TextLimit> } = {},
): PlanViolation[] {
  return [
    ...checkPillarMix(plan, rules.pillarShares),
    ...checkSimilarPosts(plan, rules.similarityThreshold === undefined ? {} : { threshold: rules.similarityThreshold }),
    ...checkTextLimits(plan, context.textLimits ?? networkTextLimits()),
    ...checkSlots(plan, rules, context.scheduled ?? []),
  ];
}
