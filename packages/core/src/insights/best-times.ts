/**
 * "Best times" for the schedule picker: the account's best free hours between two instants, ranked by
 * what its history says (shrunk toward the public-data prior while history is short), away from the
 * times its approved, scheduled and publishing posts already take.
 */
import { hourPriorFor } from '@plume/insights/best-time/hour-prior';
import { suggestFreeTimes } from '@plume/insights/index';
import type { Database } from '@plume/db/client';
import { occupiedMinutes } from '../scheduling/posting-slots.ts';
import { formatWall, utcToWall } from '../scheduling/zoned-time.ts';
import { accountModels } from './account-models.ts';

export type BestTimeSuggestion = { at: Date; local: string; hour: number; lift: number };

export type BestTimes = {
  accountId: string;
  timezone: string;
  suggestions: BestTimeSuggestion[];
  /** 0–1: the share of the ranking that rests on the account's own posts. */
  confidence: number;
  confidenceLabel: 'low' | 'medium' | 'high';
  historyPosts: number;
  /** Where the rest comes from, said whenever the prior carries more than 30 % of the answer. */
  prior: { share: number; source: string } | null;
};

export async function findBestTimes(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; zone: string; accountId: string; from: Date; to: Date; count?: number },
): Promise<BestTimes> {
  const models = await accountModels(db, input);
  const taken = await occupiedMinutes(db, {
    workspaceId: input.workspaceId,
    accountIds: [input.accountId],
    from: new Date(input.from.getTime() - 2 * 3_600_000),
    to: new Date(input.to.getTime() + 2 * 3_600_000),
  });
  const busy = [...taken].map((minute) => new Date(minute * 60_000));
  const free = suggestFreeTimes(models.bestTime, { from: input.from, to: input.to, busy, count: input.count ?? 5 });
  const { confidence } = models.bestTime;
  return {
    accountId: input.accountId,
    timezone: input.zone,
    suggestions: free.map((item) => ({
      at: item.at,
      local: formatWall(utcToWall(input.zone, item.at)),
      hour: item.hour,
      lift: item.lift,
    })),
    confidence,
    confidenceLabel: models.bestTime.confidenceLabel,
    historyPosts: models.history.length,
    prior:
      confidence < 0.7
        ? { share: 1 - confidence, source: hourPriorFor(models.network).source.split(';')[0] ?? '' }
        : null,
  };
}
