/**
 * Records many `published` outcomes in one transaction of four statements, whatever their number:
 * the attempts closed, the targets (locked in id order) published with their history events, then their
 * posts summarized (record-outcome.ts `summarizePosts`) and the measurable ones scheduled for snapshots. Same writes as `recordOutcome` for one
 * published target; other outcomes are rarer and keep the one-target path.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { PublishResult } from '@plume/networks/contract';
import { SYSTEM_ACTOR } from './post-events.ts';
import { summarizePosts } from './record-outcome.ts';
import { insertMeasuredPostsBatch } from '../analytics/insert-measured-posts-batch.ts';
import type { PostFeatures } from '../analytics/post-features.ts';

export interface PublishedItem {
  targetId: string;
  attemptId: string;
  result: PublishResult;
  warning?: string;
  durationMs: number;
  /** The published post's features, when its network can be measured: its snapshots get scheduled. */
  measure?: PostFeatures;
}

export async function recordPublishedBatch(db: Database, items: readonly PublishedItem[]): Promise<void> {
  if (items.length === 0) return;
  const input = JSON.stringify(
    items.map((item) => ({
      target_id: item.targetId,
      attempt_id: item.attemptId,
      duration_ms: item.durationMs,
      remote_id: item.result.remoteId,
      url: item.result.url,
      extra: item.result.extra,
      warning: item.warning ?? null,
    })),
  );
  // The ids as arrays too: rows are then read by their keys (a join with the JSON alone scanned whole tables).
  const targetIds = `{${items.map((item) => item.targetId).join(',')}}`;
  const attemptIds = `{${items.map((item) => item.attemptId).join(',')}}`;
  await db.transaction(async (tx) => {
    const published = await tx.execute<{ post_id: string }>(sql`
      WITH input AS (
        SELECT * FROM json_to_recordset(${input}::json)
          AS i(target_id uuid, attempt_id uuid, duration_ms real, remote_id text, url text, extra jsonb, warning text)
      ),
      attempts AS (
        UPDATE publish_attempts a
        SET outcome = 'published', finished_at = now(), duration_ms = input.duration_ms, detail = input.warning
        FROM input WHERE a.id = ANY(${attemptIds}::uuid[]) AND a.id = input.attempt_id
      ),
      locked AS (
        SELECT t.id, t.post_id, t.state, t.network FROM post_targets t
        WHERE t.id = ANY(${targetIds}::uuid[]) ORDER BY t.id FOR UPDATE
      ),
      -- Truth wins: even a target the sweep had marked unconfirmed is published when the answer arrives.
      targets AS (
        UPDATE post_targets t SET
          state = 'published', remote_id = input.remote_id, remote_url = input.url, extra = input.extra,
          published_at = now(), next_attempt_at = NULL, updated_at = now(),
          failure_kind = CASE WHEN input.warning IS NULL THEN NULL ELSE 'partly_published' END,
          failure_reason = input.warning
        FROM input, locked WHERE t.id = ANY(${targetIds}::uuid[]) AND t.id = input.target_id AND locked.id = t.id
        RETURNING t.id
      ),
      events AS (
        INSERT INTO post_events (post_id, target_id, actor_id, actor_name, type, from_state, to_state, detail)
        SELECT locked.post_id, locked.id, ${SYSTEM_ACTOR.id}::text, ${SYSTEM_ACTOR.name}::text, 'target_published',
          locked.state, 'published',
          jsonb_build_object('network', locked.network, 'url', input.url)
            || CASE WHEN input.warning IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('warning', input.warning) END
        FROM locked JOIN input ON input.target_id = locked.id JOIN targets ON targets.id = locked.id
      )
      SELECT DISTINCT post_id FROM locked`);
    await insertMeasuredPostsBatch(
      tx,
      items.flatMap((item) =>
        item.measure === undefined ? [] : [{ targetId: item.targetId, features: item.measure }],
      ),
    );
    await summarizePosts(
      tx,
      published.rows.map((row) => row.post_id),
    );
  });
}
