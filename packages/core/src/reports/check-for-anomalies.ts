/**
 * Viral and failure-of-reach alerts. The snapshot collector calls checkForAnomalies after writing a
 * batch of readings: each post's latest reading is compared with its account's expected curve at that
 * age (insights' anomaly model over the account's last measured posts), in one query per batch. A post
 * raises at most one alert per direction (post_alerts' primary key), whoever calls twice.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import { postAlerts, type PostAlertDirection } from '@plume/db/schema/reports';
import { buildExpectedCurve, classifySnapshot, type MeasuredPost } from '@plume/insights/index';
import { excerpt } from '../notifications/notify-events.ts';
import { fireAutomationTrigger } from '../automation/fire-trigger.ts';
import { notify } from '../notifications/notify.ts';

type Executor = Pick<Tx, 'select' | 'insert' | 'execute'>;

/** Only early readings raise alerts: after three days a post's curve has mostly flattened. */
export const ALERT_MAX_AGE_MIN = 3 * 24 * 60;
/** How many of the account's latest posts train its curve (the model keeps the latest 60 anyway). */
const CURVE_POSTS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = {
  id: string;
  workspace_id: string;
  network: string;
  handle: string;
  text: string;
  remote_url: string | null;
  post_id: string | null;
  age_min: number;
  engagements: number;
  history: { publishedAt: string; snapshots: { offsetMin: number; engagements: number }[] }[];
};

export type RaisedAlert = { measuredPostId: string; direction: PostAlertDirection; ratio: number | null };

export async function checkForAnomalies(tx: Executor, measuredPostIds: readonly string[]): Promise<RaisedAlert[]> {
  const ids = [...new Set(measuredPostIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  const idArray = `{${ids.join(',')}}`;
  const result = await tx.execute<Row>(sql`
    WITH batch AS (
      SELECT m.id, m.workspace_id, m.account_id, m.network, a.handle, m.text, m.remote_url, t.post_id,
             floor(extract(epoch FROM (s.taken_at - m.published_at)) / 60)::int AS age_min, s.engagements
      FROM measured_posts m
      JOIN social_accounts a ON a.id = m.account_id
      LEFT JOIN post_targets t ON t.id = m.target_id
      JOIN LATERAL (
        SELECT taken_at, engagements FROM post_metric_snapshots
        WHERE measured_post_id = m.id AND engagements IS NOT NULL ORDER BY taken_at DESC LIMIT 1
      ) s ON true
      WHERE m.id = ANY(${idArray}::uuid[]) AND m.status = 'active'
        AND s.taken_at - m.published_at <= make_interval(mins => ${ALERT_MAX_AGE_MIN})
    ),
    history AS (
      SELECT acc.account_id, json_agg(json_build_object('publishedAt', h.published_at, 'snapshots', h.snapshots)) AS posts
      FROM (SELECT DISTINCT account_id FROM batch) acc
      CROSS JOIN LATERAL (
        SELECT p.published_at, (
          SELECT coalesce(json_agg(json_build_object('offsetMin', s.offset_min, 'engagements', s.engagements)), '[]'::json)
          FROM post_metric_snapshots s
          WHERE s.measured_post_id = p.id AND s.offset_min IS NOT NULL AND s.engagements IS NOT NULL
        ) AS snapshots
        FROM measured_posts p
        WHERE p.account_id = acc.account_id AND p.status = 'active' AND NOT (p.id = ANY(${idArray}::uuid[]))
        ORDER BY p.published_at DESC LIMIT ${CURVE_POSTS}
      ) h
      GROUP BY acc.account_id
    )
    SELECT b.id, b.workspace_id, b.network, b.handle, b.text, b.remote_url, b.post_id, b.age_min, b.engagements,
           coalesce(h.posts, '[]'::json) AS history
    FROM batch b LEFT JOIN history h ON h.account_id = b.account_id`);
  const hits = result.rows.flatMap((row) => {
    const history: MeasuredPost[] = row.history.map((post) => ({
      publishedAt: new Date(post.publishedAt),
      snapshots: post.snapshots,
    }));
    const verdict = classifySnapshot(buildExpectedCurve(history), {
      ageMinutes: row.age_min,
      engagements: row.engagements,
    });
    if (verdict.verdict !== 'viral' && verdict.verdict !== 'failure') return [];
    return [{ row, direction: verdict.verdict, classification: verdict }];
  });
  if (hits.length === 0) return [];
  const inserted = await tx
    .insert(postAlerts)
    .values(
      hits.map((hit) => ({
        measuredPostId: hit.row.id,
        direction: hit.direction,
        ageMinutes: hit.row.age_min,
        engagements: hit.row.engagements,
        expected: hit.classification.expected,
      })),
    )
    .onConflictDoNothing()
    .returning({ measuredPostId: postAlerts.measuredPostId, direction: postAlerts.direction });
  const raised: RaisedAlert[] = [];
  for (const hit of hits) {
    if (!inserted.some((row) => row.measuredPostId === hit.row.id && row.direction === hit.direction)) continue;
    await notify(tx, {
      workspaceId: hit.row.workspace_id,
      kind: 'viral_alert',
      audience: { type: 'members', minimumRole: 'editor' },
      ...alertWords(hit.row, hit.direction, hit.classification.expected, hit.classification.actions),
      link:
        hit.row.post_id === null
          ? `/w/${hit.row.workspace_id}/analytics`
          : `/w/${hit.row.workspace_id}/posts/${hit.row.post_id}`,
      dedupeKey: `viral_alert:${hit.row.id}:${hit.direction}`,
    });
    await fireAutomationTrigger(tx, {
      workspaceId: hit.row.workspace_id,
      trigger: 'analytics.viral_alert',
      data: {
        direction: hit.direction,
        network: hit.row.network,
        handle: hit.row.handle,
        text: hit.row.text,
        postId: hit.row.post_id,
        engagements: hit.row.engagements,
        expected: hit.classification.expected,
        ageMinutes: hit.row.age_min,
      },
      dedupeKey: `viral_alert:${hit.row.id}:${hit.direction}`,
    });
    raised.push({ measuredPostId: hit.row.id, direction: hit.direction, ratio: hit.classification.ratio });
  }
  return raised;
}

export function formatAge(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

function alertWords(row: Row, direction: PostAlertDirection, expected: number | null, actions: readonly string[]) {
  const where = `${row.handle} (${row.network})`;
  const usual =
    expected === null
      ? ''
      : ` Posts of this account usually have about ${Math.round(expected).toLocaleString('en')} at that age.`;
  const reading = `${excerpt(row.text, 120)} has ${row.engagements.toLocaleString('en')} engagements after ${formatAge(row.age_min)}.${usual}`;
  const link = row.remote_url === null ? '' : ` See it on the network: ${row.remote_url}`;
  const suggested = actions.length > 0 ? ` Suggested: ${actions.join(' ')}` : '';
  return direction === 'viral'
    ? { title: `A post is taking off on ${where}`, body: `${reading}${suggested}${link}` }
    : { title: `A post is reaching far fewer people than usual on ${where}`, body: `${reading}${suggested}${link}` };
}
