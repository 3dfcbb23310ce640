import { kindOf } from '../features/post-features.ts';
import { createLevelTracker } from '../features/recent-level.ts';
import { inTimeOrder, logEngagementOf, type HistoryPost } from '../history/history-post.ts';
import { variance } from '../stats/summary-stats.ts';

/** Below this many measured posts the spread is not known well enough to use (the A/B test then leans on counts only). */
export const MIN_SPREAD_POSTS = 20;

/**
 * How much an account's posts vary from one to the next with nothing changed on purpose: the standard
 * deviation of log(1 + engagements) around the account's recent level of the same kind of post (as
 * best-time and what-works measure it). Reposts are left out (their engagement is someone else's);
 * posts with no level yet (the first few) too. Null with fewer than MIN_SPREAD_POSTS posts left.
 */
export function postToPostSpread(history: readonly HistoryPost[]): number | null {
  const posts = inTimeOrder(history);
  const tracker = createLevelTracker(posts);
  const residuals: number[] = [];
  for (const post of posts) {
    const kind = kindOf(post.text);
    if (kind === 'repost') continue;
    const level = tracker.levelAt(post.publishedAt, kind);
    const reference = level.sameKind ?? level.all;
    if (reference !== null) residuals.push(logEngagementOf(post) - reference);
  }
  return residuals.length < MIN_SPREAD_POSTS ? null : Math.sqrt(variance(residuals));
}
