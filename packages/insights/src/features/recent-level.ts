import { logEngagementOf, type HistoryPost } from '../history/history-post.ts';
import { median } from '../stats/summary-stats.ts';
import { kindOf, type PostKind } from './post-features.ts';

/** Only results of posts at least this much older than the post being predicted are used. */
export const MIN_RESULT_AGE_MS = 24 * 60 * 60 * 1000;

/** The account's recent level of log(1 + engagements), from posts at least 24 h older. */
export type RecentLevel = {
  /** Median over the last `window` eligible posts; null when there are fewer than 3. */
  all: number | null;
  /** The same over eligible posts of the same kind (repost / reply / original); null when fewer than 3. */
  sameKind: number | null;
  /** Median over the last 5 eligible posts of the same kind: reacts faster to a change. */
  latest: number | null;
  /** How many eligible posts the level rests on. */
  basedOn: number;
};

export type LevelTracker = { levelAt(instant: Date, kind: PostKind): RecentLevel };

type Entry = { time: number; log: number; kind: PostKind };

/**
 * Answers "what was the account's recent level at time t?" using only posts published at least
 * 24 h before t: engagement drifts a lot over months, and a post's own result (or that of its
 * neighbours still collecting) must never leak into its prediction.
 */
export function createLevelTracker(history: readonly HistoryPost[], window = 25): LevelTracker {
  const entries: Entry[] = history
    .map((post) => ({ time: post.publishedAt.getTime(), log: logEngagementOf(post), kind: kindOf(post.text) }))
    .sort((a, b) => a.time - b.time);
  return {
    levelAt(instant, kind) {
      const cutoff = instant.getTime() - MIN_RESULT_AGE_MS;
      let low = 0;
      let high = entries.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((entries[middle]?.time ?? 0) <= cutoff) low = middle + 1;
        else high = middle;
      }
      const all: number[] = [];
      const same: number[] = [];
      for (let i = low - 1; i >= 0 && (all.length < window || same.length < window) && low - i <= 20 * window; i -= 1) {
        const entry = entries[i];
        if (!entry) break;
        if (all.length < window) all.push(entry.log);
        if (entry.kind === kind && same.length < window) same.push(entry.log);
      }
      return {
        all: all.length >= 3 ? median(all) : null,
        sameKind: same.length >= 3 ? median(same) : null,
        latest: same.length >= 3 ? median(same.slice(0, 5)) : null,
        basedOn: low,
      };
    },
  };
}
