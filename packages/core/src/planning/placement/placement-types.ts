/**
 * What the Execution agent's placement reads and answers. Everything is plain data: the caller loads
 * the strategy, the scheduled posts and the best times; placement itself touches no database.
 *
 * These types are local on purpose: the strategy (cadence, caps, quiet hours, gap) belongs to the
 * planning/strategy module and the briefs to the Content agent; this module only needs these fields.
 */

/** One brief to place. `day` (`YYYY-MM-DD`, the workspace's calendar) pins it to a day; without it any day of the range will do. */
export type PlacementBrief = {
  id: string;
  network: string;
  accountId: string;
  pillar: string;
  day?: string;
};

/** A post already scheduled (or publishing) on an account: placement keeps clear of it. */
export type ScheduledPost = { accountId: string; at: Date };

/**
 * How good each hour is for an account: `lift[weekday][hour]` in the workspace's zone (weekday
 * 0 = Sunday, as posting slots count), 1 = the account's typical hour, 1.3 = 30 % more engagement.
 * `confidence` (0–1) is the share resting on the account's own posts rather than on public priors.
 */
export type BestTimeGrid = { lift: readonly (readonly number[])[]; confidence: number };

/** Quiet hours as wall-clock minutes of the day; `from` > `to` wraps past midnight (22:00–07:00). */
export type QuietHours = { fromMinute: number; toMinute: number };

/** The rules a plan keeps. Shared by placement and the plan checks so both read the same numbers. */
export type SlotRules = {
  zone: string;
  /** Posts per account per calendar week (Monday to Sunday in `zone`), by network id. */
  cadencePerWeek: Readonly<Record<string, number>>;
  /** Most posts of one account on one calendar day in `zone`. */
  postsPerDayPerAccount: number;
  quietHours: readonly QuietHours[];
  /** Two posts of one account are at least this many minutes apart. */
  minGapMinutes: number;
};

export type PlacementInput = {
  briefs: readonly PlacementBrief[];
  scheduled: readonly ScheduledPost[];
  /** By account id; an account without a grid treats every hour alike. */
  bestTimes: ReadonlyMap<string, BestTimeGrid>;
  rules: SlotRules;
  /** The range to fill, usually one week: instants `from` ≤ t < `to`. */
  range: { from: Date; to: Date };
  /** Nothing is placed at or before this instant. */
  now: Date;
  /**
   * Natural cadence: each time moves by up to ± `maxMinutes` (never across a rule), from a seeded
   * generator so a plan can be re-created exactly. Absent: every post is on the hour.
   */
  naturalCadence?: { maxMinutes: number; seed: number };
};

export type Placement = {
  briefId: string;
  accountId: string;
  network: string;
  at: Date;
  /** `YYYY-MM-DD HH:mm` in the workspace's zone. */
  local: string;
  /** The hour's expected lift and how much of it rests on the account's own history. */
  lift: number;
  confidence: number;
  /** Minutes the natural cadence moved this post from the hour (0 without it); shown as such, never hidden. */
  naturalOffsetMinutes: number;
};

export type UnplacedReason =
  'day_outside_range' | 'no_time_left' | 'quiet_hours' | 'cadence_reached' | 'daily_cap_reached' | 'no_gap';

export type Unplaced = { briefId: string; reason: UnplacedReason; message: string };

export type PlacementResult = { placements: Placement[]; unplaced: Unplaced[] };
