-- Automation rules' post triggers (docs/automation.md): a target's `target_published` / `target_failed`
-- history row becomes an automation event and its run_automation job, in the transaction that wrote it,
-- when the workspace has an enabled rule for `post.published` / `post.failed`. A post a rule made carries
-- that rule's run (automation_post_origins), so the event does too (loop protection).
-- Hand-written: drizzle-kit does not generate triggers.
CREATE FUNCTION plume_post_events_to_automation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  queued integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM automation_rules WHERE enabled AND trigger_type IN ('post.published', 'post.failed')) THEN
    RETURN NULL;
  END IF;
  WITH events AS (
    INSERT INTO automation_events (workspace_id, trigger_type, data, caused_by_run_id, dedupe_key)
    SELECT p.workspace_id, e.trigger_type, jsonb_build_object(
        'postId', n.post_id, 'targetId', n.target_id, 'accountId', t.account_id, 'network', t.network,
        'handle', a.handle, 'text', coalesce(p.content ->> 'text', ''),
        'url', coalesce(t.remote_url, n.detail ->> 'url'), 'reason', t.failure_reason),
      o.run_id, 'post_event:' || n.id
    FROM new_events n
    CROSS JOIN LATERAL (SELECT CASE n.type WHEN 'target_published' THEN 'post.published'
      WHEN 'target_failed' THEN 'post.failed' END AS trigger_type) e
    JOIN posts p ON p.id = n.post_id
    JOIN post_targets t ON t.id = n.target_id
    JOIN social_accounts a ON a.id = t.account_id
    LEFT JOIN automation_post_origins o ON o.post_id = n.post_id
    WHERE e.trigger_type IS NOT NULL AND n.created_at >= now() AND EXISTS (
      SELECT 1 FROM automation_rules r
      WHERE r.workspace_id = p.workspace_id AND r.enabled AND r.trigger_type = e.trigger_type)
    ON CONFLICT DO NOTHING
    RETURNING id
  )
  SELECT count(*) INTO queued FROM graphile_worker.add_jobs(coalesce((
    SELECT array_agg(ROW('run_automation'::text, json_build_object('eventId', ev.id), NULL::text, now(), 5,
      'automation:' || ev.id, 0, NULL::text[])::graphile_worker.job_spec)
    FROM events ev), '{}'));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER post_events_to_automation AFTER INSERT ON post_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION plume_post_events_to_automation();
