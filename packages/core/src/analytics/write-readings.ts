/**
 * Settles claimed posts in one statement, whatever happened to each: a reading (a snapshot row, unique
 * per scheduled offset, and the latest numbers copied onto measured_posts with engagements and rate),
 * gone (marked, never read again), or moved (no reading; due again at `nextAt`). The input travels as
 * one JSON array, so a batch of any size is one round trip.
 */
import { sql } from 'drizzle-orm';
import {
  engagementRateOf,
  engagementsOf,
  POST_METRICS,
  type PostMetricValues,
} from '@plume/contract/analytics/metrics';
import type { Database } from '@plume/db/client';

export type Settlement =
  | {
      kind: 'reading';
      id: string;
      workspaceId: string;
      metrics: PostMetricValues;
      dueAt: Date | null;
      offsetMin: number | null;
      nextAt: Date | null;
      nextIndex: number | null;
    }
  | { kind: 'gone'; id: string; reason: string }
  | { kind: 'moved'; id: string; nextAt: Date | null; nextIndex: number | null };

const BIG = new Set(['impressions', 'reach', 'views']);
const columns = POST_METRICS.map((name) => ({ name, type: BIG.has(name) ? 'bigint' : 'integer' }));
const recordType = sql.raw(
  [
    'kind text, id uuid, workspace_id text, due_at timestamptz, offset_min integer, next_at timestamptz',
    'next_index smallint, reason text, engagements integer, engagement_rate real',
    ...columns.map((column) => `${column.name} ${column.type}`),
  ].join(', '),
);
const metricList = sql.raw(columns.map((column) => column.name).join(', '));
const inputMetricList = sql.raw(columns.map((column) => `i.${column.name}`).join(', '));
const latestSet = sql.raw(
  columns
    .map((column) => `${column.name} = CASE WHEN i.kind = 'reading' THEN i.${column.name} ELSE m.${column.name} END`)
    .join(', '),
);

/** Writes every settlement; `followers` is the account's latest follower count (for the engagement rate). */
export async function writeSettlements(
  db: Pick<Database, 'execute'>,
  settlements: readonly Settlement[],
  takenAt: Date,
  followers: number | null,
): Promise<void> {
  if (settlements.length === 0) return;
  const json = JSON.stringify(settlements.map((settlement) => rowOf(settlement, followers)));
  await db.execute(sql`
    WITH i AS (SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS x(${recordType})),
    snapshot AS (
      INSERT INTO post_metric_snapshots (measured_post_id, workspace_id, due_at, offset_min, taken_at, engagements, ${metricList})
      SELECT i.id, i.workspace_id, i.due_at, i.offset_min, ${takenAt}::timestamptz, i.engagements, ${inputMetricList}
      FROM i WHERE i.kind = 'reading'
      ON CONFLICT (measured_post_id, offset_min) WHERE offset_min IS NOT NULL DO NOTHING
    )
    UPDATE measured_posts m SET
      ${latestSet},
      engagements = CASE WHEN i.kind = 'reading' THEN i.engagements ELSE m.engagements END,
      engagement_rate = CASE WHEN i.kind = 'reading' THEN i.engagement_rate ELSE m.engagement_rate END,
      last_measured_at = CASE WHEN i.kind = 'reading' THEN ${takenAt}::timestamptz ELSE m.last_measured_at END,
      status = CASE WHEN i.kind = 'gone' THEN 'gone' ELSE m.status END,
      gone_reason = CASE WHEN i.kind = 'gone' THEN i.reason ELSE m.gone_reason END,
      gone_at = CASE WHEN i.kind = 'gone' THEN ${takenAt}::timestamptz ELSE m.gone_at END,
      next_snapshot_at = CASE WHEN i.kind = 'gone' THEN NULL ELSE i.next_at END,
      next_offset_index = CASE WHEN i.kind = 'gone' THEN NULL ELSE i.next_index END
    FROM i WHERE m.id = i.id`);
}

/** One settlement as a flat record of the statement's input columns. */
function rowOf(settlement: Settlement, followers: number | null): Record<string, unknown> {
  switch (settlement.kind) {
    case 'reading':
      return {
        kind: 'reading',
        id: settlement.id,
        workspace_id: settlement.workspaceId,
        due_at: settlement.dueAt,
        offset_min: settlement.offsetMin,
        next_at: settlement.nextAt,
        next_index: settlement.nextIndex,
        engagements: engagementsOf(settlement.metrics),
        engagement_rate: engagementRateOf(settlement.metrics, followers),
        ...settlement.metrics,
      };
    case 'gone':
      return { kind: 'gone', id: settlement.id, reason: settlement.reason };
    case 'moved':
      return { kind: 'moved', id: settlement.id, next_at: settlement.nextAt, next_index: settlement.nextIndex };
  }
}
