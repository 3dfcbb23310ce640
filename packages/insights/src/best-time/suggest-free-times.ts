import { zonedParts } from '../time/zoned-time.ts';
import type { BestTime } from './learn-best-time.ts';

export type FreeTimeOptions = {
  from: Date;
  to: Date;
  /** Times already taken (scheduled posts, posting slots in use) on this account. */
  busy: readonly Date[];
  /** How many suggestions (default 3). */
  count?: number;
  /** No suggestion closer than this to a busy time or to another suggestion (default 60). */
  minGapMinutes?: number;
};

export type FreeTimeSuggestion = { at: Date; hour: number; lift: number };

const QUARTER_MS = 15 * 60_000;
/** Suggestions look at most this far ahead (two weeks of candidate hours). */
const MAX_HORIZON_MS = 14 * 24 * 60 * 60_000;

/**
 * The best free times between `from` and `to`: whole hours in the account's zone, ranked by the
 * learned lift (earliest first among equals), at least `minGapMinutes` from any busy time and from
 * each other.
 * @example suggestFreeTimes(bestTime, { from: now, to: nextWeek, busy: scheduledTimes })
 */
export function suggestFreeTimes(bestTime: BestTime, options: FreeTimeOptions): FreeTimeSuggestion[] {
  const count = options.count ?? 3;
  const gapMs = (options.minGapMinutes ?? 60) * 60_000;
  const start = Math.ceil(options.from.getTime() / QUARTER_MS) * QUARTER_MS;
  const end = Math.min(options.to.getTime(), start + MAX_HORIZON_MS);
  const busy = options.busy.map((instant) => instant.getTime());
  const candidates: FreeTimeSuggestion[] = [];
  for (let time = start; time <= end; time += QUARTER_MS) {
    const at = new Date(time);
    const { hour, minute } = zonedParts(at, bestTime.zone);
    if (minute !== 0) continue;
    if (busy.some((taken) => Math.abs(taken - time) < gapMs)) continue;
    candidates.push({ at, hour, lift: bestTime.liftAt(at) });
  }
  candidates.sort((a, b) => b.lift - a.lift || a.at.getTime() - b.at.getTime());
  const chosen: FreeTimeSuggestion[] = [];
  for (const candidate of candidates) {
    if (chosen.length >= count) break;
    if (chosen.some((taken) => Math.abs(taken.at.getTime() - candidate.at.getTime()) < gapMs)) continue;
    chosen.push(candidate);
  }
  return chosen;
}
