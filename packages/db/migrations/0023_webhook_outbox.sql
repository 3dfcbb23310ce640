-- Outgoing webhooks' transactional outbox for post events (docs/webhooks.md). Every change of a post or
-- of one of its targets writes a post_events row in the transaction that makes it; this trigger turns
-- the rows a statement wrote into webhook messages, one delivery per subscribed endpoint and its
-- deliver_webhook job, in that same transaction. Hand-written: drizzle-kit does not generate triggers.
CREATE FUNCTION plume_post_events_to_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  queued integer;
BEGIN
  -- Most instances have no webhook at all: one index probe per statement, then nothing.
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled) THEN
    RETURN NULL;
  END IF;
  WITH events AS (
    SELECT n.*, p.workspace_id,
      t.account_id, t.network, t.remote_id, t.remote_url, t.published_at, t.failure_kind, t.failure_reason,
      to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      CASE
        WHEN n.type = 'target_published' THEN 'post.published'
        WHEN n.type = 'target_failed' THEN 'post.failed'
        WHEN n.type = 'target_unconfirmed' THEN 'post.unconfirmed'
        WHEN n.type = 'target_deleted' THEN 'post.deleted'
        WHEN n.target_id IS NULL AND n.to_state IS NOT NULL AND n.to_state IS DISTINCT FROM n.from_state
          THEN 'post.state_changed'
      END AS event_type
    FROM new_events n
    JOIN posts p ON p.id = n.post_id
    LEFT JOIN post_targets t ON t.id = n.target_id
    -- Only events this transaction wrote: a restore copies old rows in, and must not send them again.
    WHERE n.created_at >= now()
  ),
  subscribed AS (
    SELECT 'msg_' || replace(gen_random_uuid()::text, '-', '') AS message_id, e.*
    FROM events e
    WHERE e.event_type IS NOT NULL AND EXISTS (
      SELECT 1 FROM webhook_endpoints w
      WHERE w.workspace_id = e.workspace_id AND w.enabled AND e.event_type = ANY (w.event_types))
  ),
  messages AS (
    INSERT INTO webhook_messages (id, workspace_id, type, payload)
    SELECT s.message_id, s.workspace_id, s.event_type, jsonb_build_object(
      'type', s.event_type,
      'timestamp', s.at,
      'data', CASE s.event_type
        WHEN 'post.state_changed' THEN jsonb_build_object(
          'workspaceId', s.workspace_id, 'postId', s.post_id, 'from', s.from_state, 'to', s.to_state,
          'actor', jsonb_build_object('id', s.actor_id, 'name', s.actor_name), 'at', s.at)
        WHEN 'post.published' THEN jsonb_build_object(
          'workspaceId', s.workspace_id, 'postId', s.post_id, 'targetId', s.target_id,
          'accountId', s.account_id, 'network', s.network, 'remoteId', s.remote_id,
          'url', coalesce(s.remote_url, s.detail ->> 'url'),
          'publishedAt', to_char(s.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        WHEN 'post.deleted' THEN jsonb_build_object(
          'workspaceId', s.workspace_id, 'postId', s.post_id, 'targetId', s.target_id,
          'accountId', s.account_id, 'network', s.network, 'remoteId', s.remote_id,
          'actor', jsonb_build_object('id', s.actor_id, 'name', s.actor_name), 'deletedAt', s.at)
        ELSE jsonb_build_object(
          'workspaceId', s.workspace_id, 'postId', s.post_id, 'targetId', s.target_id,
          'accountId', s.account_id, 'network', s.network, 'failureKind', s.failure_kind,
          'reason', s.failure_reason)
      END)
    FROM subscribed s
    RETURNING id, workspace_id, type
  ),
  deliveries AS (
    INSERT INTO webhook_deliveries (message_id, endpoint_id, next_attempt_at)
    SELECT m.id, w.id, now()
    FROM messages m
    JOIN webhook_endpoints w ON w.workspace_id = m.workspace_id AND w.enabled AND m.type = ANY (w.event_types)
    RETURNING id
  )
  -- One add_jobs call for the whole statement: a job per delivery, keyed so a replay moves it.
  SELECT count(*) INTO queued FROM graphile_worker.add_jobs(coalesce((
    SELECT array_agg(ROW('deliver_webhook'::text, json_build_object('deliveryId', d.id), NULL::text, now(), 3,
      'webhook:' || d.id, 0, NULL::text[])::graphile_worker.job_spec)
    FROM deliveries d), '{}'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER post_events_to_webhooks AFTER INSERT ON post_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION plume_post_events_to_webhooks();
