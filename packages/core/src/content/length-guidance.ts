/**
 * Post lengths that tend to do well per network, in the network's own count. These are assumptions
 * taken from commonly cited industry guidance (Buffer, Hootsuite and Sprout Social length guides;
 * each network's "…more" truncation), not measured by Plume; the learning loop should replace them
 * with each workspace's own results.
 * - X: 71–100 characters is the often-quoted sweet spot; we accept up to half the limit.
 * - LinkedIn: 1,300–2,000 characters for thought-leadership posts; shorter updates from ~800 still do well.
 * - Facebook: posts under ~80 characters got the most engagement in BuzzSumo's studies; up to 250 is fine.
 * - Instagram: captions are cut after 125 characters; longer "micro-blog" captions up to ~500 work.
 * - Threads, Bluesky, Mastodon: short-form like X, with more room.
 * - Pinterest: descriptions of 100–500 (the limit shown); YouTube: a description of 200+ characters.
 */
import type { NetworkId } from '@plume/networks/contract';

export type LengthRange = { min: number; max: number };

export const IDEAL_LENGTH: Readonly<Record<NetworkId, LengthRange>> = {
  x: { min: 70, max: 140 },
  bluesky: { min: 70, max: 220 },
  threads: { min: 80, max: 300 },
  mastodon: { min: 80, max: 400 },
  linkedin: { min: 800, max: 2000 },
  facebook: { min: 40, max: 250 },
  instagram: { min: 125, max: 500 },
  tiktok: { min: 50, max: 300 },
  youtube: { min: 200, max: 1500 },
  pinterest: { min: 100, max: 500 },
  telegram: { min: 80, max: 1000 },
  discord: { min: 20, max: 800 },
  reddit: { min: 200, max: 2000 },
  google_business: { min: 100, max: 750 },
};

/**
 * How long a first line may be and still be seen whole: LinkedIn shows about 140 characters on mobile
 * before "…see more", Instagram 125; elsewhere 100–120 is our assumption for a line read at a glance.
 */
const FIRST_LINE_MAX: Partial<Record<NetworkId, number>> = {
  x: 100,
  linkedin: 140,
  instagram: 125,
  facebook: 120,
  threads: 100,
  bluesky: 100,
};

export function firstLineMax(network: NetworkId): number {
  return FIRST_LINE_MAX[network] ?? 120;
}
