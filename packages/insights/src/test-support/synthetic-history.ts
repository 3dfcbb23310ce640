import type { HistoryPost } from '../history/history-post.ts';

/** A small deterministic pseudo-random generator (mulberry32), so synthetic histories are repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SyntheticOptions = {
  posts: number;
  start?: Date;
  /** Hours between posts (default 7: every hour of the day comes round). */
  everyHours?: number;
  /** Log engagement of a plain post at post i (the drift). */
  level?: (index: number) => number;
  /** Extra log engagement for a post at this UTC hour. */
  hourEffect?: (hour: number) => number;
  mediaEffect?: number;
  noise?: number;
  seed?: number;
};

/**
 * An account's history with known structure: level drift, an hour effect, a media effect and
 * noise, all on the log(1 + engagements) scale. Every third post has media.
 */
export function syntheticHistory(options: SyntheticOptions): HistoryPost[] {
  const random = seededRandom(options.seed ?? 7);
  const start = (options.start ?? new Date('2025-01-06T00:00:00Z')).getTime();
  const step = (options.everyHours ?? 7) * 3_600_000;
  return Array.from({ length: options.posts }, (_, index) => {
    const publishedAt = new Date(start + index * step);
    const hasMedia = index % 3 === 0;
    const noise = (random() + random() + random() - 1.5) * (options.noise ?? 0.4);
    const log =
      (options.level?.(index) ?? 3) +
      (options.hourEffect?.(publishedAt.getUTCHours()) ?? 0) +
      (hasMedia ? (options.mediaEffect ?? 0) : 0) +
      noise;
    const engagements = Math.max(0, Math.round(Math.expm1(log)));
    return {
      publishedAt,
      network: 'mastodon',
      text: `Post number ${index}`,
      likes: Math.round(engagements * 0.7),
      reposts: Math.round(engagements * 0.2),
      replies: engagements - Math.round(engagements * 0.7) - Math.round(engagements * 0.2),
      hasMedia,
    };
  });
}
