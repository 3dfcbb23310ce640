/**
 * What the dry run replays: the events of one trigger in a window, read from where Plume already
 * keeps them (post history, inbox items, notifications, viral alerts, the schedule's own times), with
 * the same data the live trigger carries. At most SOURCE_LIMIT events, newest first.
 */
import { sql } from 'drizzle-orm';
import type { AutomationTrigger } from '@plume/contract/automation/automation-triggers';
import type { Database } from '@plume/db/client';
import { cronRunsBetween, scheduleData } from './cron-schedule.ts';

export const SOURCE_LIMIT = 1000;

export type PastEvent = {
  at: Date;
  source: 'post_event' | 'inbox_item' | 'notification' | 'plan_approval' | 'schedule';
  summary: string;
  data: Record<string, unknown>;
};

type Window = { workspaceId: string; from: Date; to: Date; zone: string; cron?: string | undefined };
type Row = { at: Date | string; summary: string; data: Record<string, unknown> };

async function rows(db: Pick<Database, 'execute'>, query: ReturnType<typeof sql>): Promise<Row[]> {
  return (await db.execute<Row>(query)).rows;
}

export async function pastEvents(
  db: Pick<Database, 'execute'>,
  trigger: AutomationTrigger,
  window: Window,
): Promise<PastEvent[]> {
  const from = window.from.toISOString();
  const to = window.to.toISOString();
  const ws = window.workspaceId;
  const shape = (source: PastEvent['source']) => (row: Row) => ({ ...row, at: new Date(row.at), source });
  switch (trigger) {
    case 'schedule':
      return cronRunsBetween(window.cron ?? '', window.zone, window.from, window.to, SOURCE_LIMIT)
        .reverse()
        .map((at) => ({ at, source: 'schedule', summary: 'The schedule’s time', data: scheduleData(at, window.zone) }));
    case 'post.published':
    case 'post.failed': {
      const type = trigger === 'post.published' ? 'target_published' : 'target_failed';
      return (
        await rows(
          db,
          sql`
        SELECT n.created_at AS at, a.handle || ' (' || t.network || ')' AS summary, jsonb_build_object(
          'postId', n.post_id, 'targetId', n.target_id, 'accountId', t.account_id, 'network', t.network,
          'handle', a.handle, 'text', coalesce(p.content ->> 'text', ''),
          'url', coalesce(t.remote_url, n.detail ->> 'url'), 'reason', t.failure_reason) AS data
        FROM post_events n JOIN posts p ON p.id = n.post_id JOIN post_targets t ON t.id = n.target_id
        JOIN social_accounts a ON a.id = t.account_id
        WHERE p.workspace_id = ${ws} AND n.type = ${type} AND n.created_at > ${from}::timestamptz AND n.created_at <= ${to}::timestamptz
        ORDER BY n.created_at DESC LIMIT ${SOURCE_LIMIT}`,
        )
      ).map(shape('post_event'));
    }
    case 'inbox.item_created':
      return (
        await rows(
          db,
          sql`
        SELECT i.received_at AS at, i.author_handle || ' on ' || c.network AS summary, jsonb_build_object(
          'itemId', i.id, 'conversationId', i.conversation_id, 'accountId', i.account_id, 'network', c.network,
          'kind', i.kind, 'intent', i.intent, 'sentiment', i.sentiment, 'text', i.text,
          'authorHandle', i.author_handle) AS data
        FROM inbox_items i JOIN inbox_conversations c ON c.id = i.conversation_id
        WHERE i.workspace_id = ${ws} AND i.direction = 'in' AND i.received_at > ${from}::timestamptz AND i.received_at <= ${to}::timestamptz
        ORDER BY i.received_at DESC LIMIT ${SOURCE_LIMIT}`,
        )
      ).map(shape('inbox_item'));
    case 'account.disconnected':
      return (
        await rows(
          db,
          sql`
        SELECT DISTINCT ON (n.dedupe_key) n.created_at AS at, n.title AS summary, jsonb_build_object(
          'accountId', a.id, 'network', a.network, 'handle', a.handle, 'reason', n.body) AS data
        FROM notifications n LEFT JOIN social_accounts a ON a.id::text = split_part(n.dedupe_key, ':', 2)
        WHERE n.workspace_id = ${ws} AND n.kind = 'account_disconnected' AND n.created_at > ${from}::timestamptz AND n.created_at <= ${to}::timestamptz
        ORDER BY n.dedupe_key, n.created_at LIMIT ${SOURCE_LIMIT}`,
        )
      ).map(shape('notification'));
    case 'llm.budget_threshold':
      return (
        await rows(
          db,
          sql`
        SELECT DISTINCT ON (n.dedupe_key) n.created_at AS at, n.title AS summary, jsonb_build_object(
          'period', CASE split_part(n.dedupe_key, ':', 2) WHEN 'day' THEN 'daily' ELSE 'monthly' END,
          'threshold', nullif(reverse(split_part(reverse(n.dedupe_key), ':', 1)), '')::int) AS data
        FROM notifications n
        WHERE n.workspace_id = ${ws} AND n.kind = 'budget_alert' AND n.created_at > ${from}::timestamptz AND n.created_at <= ${to}::timestamptz
        ORDER BY n.dedupe_key, n.created_at LIMIT ${SOURCE_LIMIT}`,
        )
      ).map(shape('notification'));
    case 'analytics.viral_alert':
      return (
        await rows(
          db,
          sql`
        SELECT pa.created_at AS at, a.handle || ' (' || m.network || '): ' || pa.direction AS summary, jsonb_build_object(
          'direction', pa.direction, 'network', m.network, 'handle', a.handle, 'text', m.text,
          'postId', t.post_id, 'engagements', pa.engagements, 'expected', pa.expected, 'ageMinutes', pa.age_minutes) AS data
        FROM post_alerts pa JOIN measured_posts m ON m.id = pa.measured_post_id
        JOIN social_accounts a ON a.id = m.account_id LEFT JOIN post_targets t ON t.id = m.target_id
        WHERE m.workspace_id = ${ws} AND pa.created_at > ${from}::timestamptz AND pa.created_at <= ${to}::timestamptz
        ORDER BY pa.created_at DESC LIMIT ${SOURCE_LIMIT}`,
        )
      ).map(shape('notification'));
    case 'plan.week_approved':
      // Approvals are remembered where something listened: an automation rule's event or a webhook message.
      return (
        await rows(
          db,
          sql`
        SELECT DISTINCT ON (data ->> 'planId', data ->> 'week') at, 'Week of ' || (data ->> 'week') AS summary, data
        FROM (
          SELECT created_at AS at, data FROM automation_events
          WHERE workspace_id = ${ws} AND trigger_type = 'plan.week_approved'
          UNION ALL
          SELECT created_at, jsonb_build_object('planId', payload #>> '{data,planId}', 'week', payload #>> '{data,week}',
            'approvedCount', jsonb_array_length(payload #> '{data,approvedBriefIds}'),
            'pendingCount', jsonb_array_length(payload #> '{data,pendingBriefIds}'))
          FROM webhook_messages WHERE workspace_id = ${ws} AND type = 'plan.week_approved'
        ) e
        WHERE at > ${from}::timestamptz AND at <= ${to}::timestamptz
        ORDER BY data ->> 'planId', data ->> 'week', at LIMIT ${SOURCE_LIMIT}`,
        )
      ).map(shape('plan_approval'));
  }
}
