/**
 * The plan's pillar mix against the strategy's: each pillar's share of the plan's posts within
 * `tolerancePoints` percentage points of its share in the strategy. Strategy shares are normalised
 * by their sum, so fractions (0.4) and percentages (40) read alike; a pillar the strategy does not
 * name has a share of 0.
 */
import type { PlannedPost, PlanViolation } from './plan-types.ts';

export const PILLAR_MIX_TOLERANCE_POINTS = 10;

export function checkPillarMix(
  plan: readonly PlannedPost[],
  shares: Readonly<Record<string, number>>,
  tolerancePoints = PILLAR_MIX_TOLERANCE_POINTS,
): PlanViolation[] {
  if (plan.length === 0) return [];
  const total = Object.values(shares).reduce((sum, share) => sum + Math.max(0, share), 0);
  const pillars = new Set([...Object.keys(shares), ...plan.map((post) => post.pillar)]);
  const violations: PlanViolation[] = [];
  for (const pillar of pillars) {
    const posts = plan.filter((post) => post.pillar === pillar);
    const planned = (100 * posts.length) / plan.length;
    const wanted = total > 0 ? (100 * Math.max(0, shares[pillar] ?? 0)) / total : 0;
    if (Math.abs(planned - wanted) <= tolerancePoints + 1e-9) continue;
    violations.push({
      check: 'pillar_mix',
      postIds: posts.map((post) => post.id),
      message: `“${pillar}” is ${Math.round(planned)} % of the plan; the strategy asks for ${Math.round(wanted)} % (± ${tolerancePoints} points).`,
    });
  }
  return violations;
}
