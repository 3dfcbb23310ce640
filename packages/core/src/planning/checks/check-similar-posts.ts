/**
 * No two posts within a month of each other more alike than the threshold (text-similarity.ts: word-pair
 * Jaccard). 0.5 means more than half of the two posts' word pairs are shared: a reworded copy, not two
 * posts on one topic. Pairs are compared across networks too: a follower of both accounts sees both.
 */
import type { PlannedPost, PlanViolation } from './plan-types.ts';
import { jaccard, shinglesOf, wordsOf } from './text-similarity.ts';

export const SIMILARITY_THRESHOLD = 0.5;
export const SIMILARITY_WINDOW_DAYS = 30;

export function checkSimilarPosts(
  plan: readonly PlannedPost[],
  options: { threshold?: number; windowDays?: number } = {},
): PlanViolation[] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const windowMs = (options.windowDays ?? SIMILARITY_WINDOW_DAYS) * 86_400_000;
  const words = plan.map((post) => wordsOf(post.text));
  const pairs = words.map((list) => shinglesOf(list, 2));
  const singles = words.map((list) => shinglesOf(list, 1));
  const violations: PlanViolation[] = [];
  for (let i = 0; i < plan.length; i += 1) {
    for (let j = i + 1; j < plan.length; j += 1) {
      const a = plan[i]!;
      const b = plan[j]!;
      if (Math.abs(a.at.getTime() - b.at.getTime()) >= windowMs) continue;
      const short = words[i]!.length < 2 || words[j]!.length < 2;
      const score = short ? jaccard(singles[i]!, singles[j]!) : jaccard(pairs[i]!, pairs[j]!);
      if (score <= threshold) continue;
      violations.push({
        check: 'similar_posts',
        postIds: [a.id, b.id],
        message: `Two posts read almost alike (similarity ${score.toFixed(2)}, the limit is ${threshold}).`,
      });
    }
  }
  return violations;
}
