import { sql } from 'drizzle-orm';
import type { AnalyticsTotals } from '@plume/contract/analytics/analytics-schemas';

/**
 * Sums of a group of measured posts as SQL returns them. SUM of a column that is null on every row is
 * null, so a metric no post reported stays unknown instead of becoming 0.
 */
export type TotalsRow = {
  posts: number;
  engagements: number | null;
  impressions: number | null;
  views: number | null;
  rate_sum: number | null;
  rate_n: number;
};

/** The select list of a TotalsRow over `measured_posts`. */
export const totalsColumns = sql.raw(`count(*)::int AS posts,
  sum(engagements)::float8 AS engagements,
  sum(impressions)::float8 AS impressions,
  sum(views)::float8 AS views,
  sum(engagement_rate)::float8 AS rate_sum,
  count(engagement_rate)::int AS rate_n`);

export const emptyTotals = (): TotalsRow => ({
  posts: 0,
  engagements: null,
  impressions: null,
  views: null,
  rate_sum: null,
  rate_n: 0,
});

const plus = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/** Two groups as one (e.g. accounts into their network): unknown + unknown stays unknown. */
export function addTotals(a: TotalsRow, b: TotalsRow): TotalsRow {
  return {
    posts: a.posts + b.posts,
    engagements: plus(a.engagements, b.engagements),
    impressions: plus(a.impressions, b.impressions),
    views: plus(a.views, b.views),
    rate_sum: plus(a.rate_sum, b.rate_sum),
    rate_n: a.rate_n + b.rate_n,
  };
}

/** The answer's shape: the engagement rate is the mean of the rates the posts have. */
export function toTotals(row: TotalsRow): AnalyticsTotals {
  return {
    posts: row.posts,
    engagements: row.engagements,
    impressions: row.impressions,
    views: row.views,
    engagementRate: row.rate_n > 0 && row.rate_sum !== null ? row.rate_sum / row.rate_n : null,
  };
}
