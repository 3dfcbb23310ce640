/**
 * The models used for a task side by side, flagging the fastest (lowest median latency), the cheapest
 * (lowest cost per 1k tokens) and the best rated (highest average quality). Ties flag every model that
 * shares the best value; a model without a measurement for a column is never flagged for it.
 */
import type { Database } from '@plume/db/client';
import { readModelStats, type ModelStats } from './model-stats.ts';

export type ModelComparison = ModelStats & { fastest: boolean; cheapest: boolean; bestQuality: boolean };

/** Flags the fastest, cheapest and best-rated rows. */
export function flagBestModels(rows: readonly ModelStats[]): ModelComparison[] {
  const best = (values: Array<number | null>, pick: (a: number, b: number) => number) =>
    values.reduce<number | null>(
      (acc, value) => (value === null ? acc : acc === null ? value : pick(acc, value)),
      null,
    );
  const fastest = best(
    rows.map((row) => row.p50LatencyMs),
    Math.min,
  );
  const cheapest = best(
    rows.map((row) => row.costPer1kTokensMicros),
    Math.min,
  );
  const quality = best(
    rows.map((row) => row.avgQuality),
    Math.max,
  );
  return rows.map((row) => ({
    ...row,
    fastest: fastest !== null && row.p50LatencyMs === fastest,
    cheapest: cheapest !== null && row.costPer1kTokensMicros === cheapest,
    bestQuality: quality !== null && row.avgQuality === quality,
  }));
}

/** The workspace's models for a task over a period, compared. */
export async function compareModels(
  db: Database,
  input: { workspaceId: string; task: string; since: Date; until: Date },
): Promise<ModelComparison[]> {
  return flagBestModels(await readModelStats(db, input));
}
