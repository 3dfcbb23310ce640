import type { RecentLevel } from '../features/recent-level.ts';
import type { PostFeatures } from '../features/post-features.ts';

/**
 * The numbers the regression sees. The recent level carries most of the signal (engagement drifts);
 * the rest adjusts for what the post is and when it goes out.
 */
export function featureRow(features: PostFeatures, level: RecentLevel, fallbackLevel: number): number[] {
  const all = level.all ?? fallbackLevel;
  const sameKind = level.sameKind ?? all;
  const angle = (2 * Math.PI * features.hour) / 24;
  return [
    sameKind,
    all,
    level.latest ?? sameKind,
    features.kind === 'repost' ? 1 : 0,
    features.kind === 'reply' ? 1 : 0,
    features.hasLink ? 1 : 0,
    features.hasMedia ? 1 : 0,
    features.isThread ? 1 : 0,
    Math.min(features.hashtagCount, 3),
    Math.min(features.mentionCount, 3),
    Math.log1p(features.length),
    Math.sin(angle),
    Math.cos(angle),
    Math.sin(2 * angle),
    Math.cos(2 * angle),
    features.weekday >= 5 ? 1 : 0,
    features.hasCallToAction ? 1 : 0,
    features.isFirstPerson ? 1 : 0,
    features.hasQuote ? 1 : 0,
    features.hasQuestion ? 1 : 0,
  ];
}
