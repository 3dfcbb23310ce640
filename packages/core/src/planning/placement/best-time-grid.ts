/**
 * Best-time grids from what insights already knows. Insights learns lift per local hour (not per
 * weekday), so its answer fills every weekday alike; a caller with weekday data builds the grid itself.
 */
import type { BestTime } from '@plume/insights/best-time/learn-best-time';
import { hourPriorFor } from '@plume/insights/best-time/hour-prior';
import type { BestTimeGrid } from './placement-types.ts';

/** One lift per hour (0–23), the same on every weekday. */
export function gridFromHourLifts(lifts: readonly number[], confidence: number): BestTimeGrid {
  const day = Array.from({ length: 24 }, (_, hour) => lifts[hour] ?? 1);
  return { lift: Array.from({ length: 7 }, () => day), confidence };
}

/** An account's learned best time (its history shrunk toward the public prior). */
export function gridFromBestTime(bestTime: Pick<BestTime, 'hours' | 'confidence'>): BestTimeGrid {
  const lifts = new Array<number>(24).fill(1);
  for (const effect of bestTime.hours) lifts[effect.hour] = effect.lift;
  return gridFromHourLifts(lifts, bestTime.confidence);
}

/** The public-data prior for a network, for an account with no history: confidence 0. */
export function priorGrid(network: string): BestTimeGrid {
  return gridFromHourLifts(hourPriorFor(network).hourLift.map(Math.exp), 0);
}
