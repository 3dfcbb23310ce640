/**
 * When a failed delivery is tried again (docs/webhooks.md): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h,
 * 14 h, 30 h after each failure (±10 % jitter) — 10 attempts over about 3 days (71.6 h), then it fails.
 */
const DELAYS_SECONDS = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 50_400, 108_000] as const;

/** Attempts of one delivery round before it is given up. */
export const MAX_WEBHOOK_ATTEMPTS = DELAYS_SECONDS.length + 1;

/** An endpoint failing without a single delivered message for this long is turned off. */
export const DISABLE_AFTER_FAILING_DAYS = 5;

/** How long the old secret keeps signing after a rotation. */
export const SECRET_ROTATION_OVERLAP_HOURS = 24;

/**
 * The wait after attempt `attempt` (1-based) failed, or null when that was the last one.
 * @example retryDelayAfter(1, () => 0.5) // 5000
 */
export function retryDelayAfter(attempt: number, random: () => number = Math.random): number | null {
  const seconds = DELAYS_SECONDS[attempt - 1];
  if (seconds === undefined) return null;
  return Math.round(seconds * 1000 * (0.9 + random() * 0.2));
}

/** The schedule without jitter, in seconds after the first attempt (for docs and tests). */
export function nominalSchedule(): number[] {
  let at = 0;
  return [0, ...DELAYS_SECONDS.map((seconds) => (at += seconds))];
}
