// Seeds the inbox list benchmark in plain SQL: 500 accounts on three networks, `items / 5` conversations
// (mixed statuses, classifications, assignees and tags) and five items in each.
import type pg from 'pg';

export type InboxSeed = { workspaceId: string; ownerId: string; memberId: string; items: number };

export async function seedInbox(client: pg.Client, seed: InboxSeed): Promise<number> {
  const conversations = Math.round(seed.items / 5);
  await client.query(
    `INSERT INTO social_accounts (workspace_id, network, external_id, handle, display_name, kind, tokens_ciphertext)
     SELECT $1, (ARRAY['mastodon','bluesky','facebook'])[1 + g % 3], 'bench-' || g, '@bench' || g, 'Bench ' || g, 'profile', 'unused'
     FROM generate_series(1, 500) g`,
    [seed.workspaceId],
  );
  await client.query(
    `WITH accounts AS (SELECT array_agg(id ORDER BY external_id) AS ids, array_agg(network ORDER BY external_id) AS networks
                       FROM social_accounts WHERE workspace_id = $1)
     INSERT INTO inbox_conversations (workspace_id, account_id, network, kind, conversation_key, contact_id, contact_handle,
       contact_name, status, snoozed_until, assignee_id, tags, sentiment, intent, priority, preview, last_item_at,
       unread_count, item_count, awaiting_since)
     SELECT $1, a.ids[1 + g % 500], a.networks[1 + g % 500], (ARRAY['comment','mention','message'])[1 + g % 3], 'c' || g,
       'contact' || (g % 5000), '@person' || (g % 5000), 'Person ' || (g % 5000),
       CASE WHEN g % 10 < 6 THEN 'open' WHEN g % 10 < 9 THEN 'done' ELSE 'snoozed' END,
       CASE WHEN g % 10 = 9 THEN now() + ((g % 2) * 2 - 1) * interval '1 day' END,
       CASE g % 4 WHEN 0 THEN $2 WHEN 1 THEN $3 END,
       CASE WHEN g % 7 = 0 THEN '{vip}'::text[] WHEN g % 11 = 0 THEN '{billing,refund}'::text[] ELSE '{}'::text[] END,
       (ARRAY['positive','neutral','negative'])[1 + g % 3], (ARRAY['question','complaint','praise','lead','spam','other'])[1 + g % 6],
       (ARRAY['low','normal','high','urgent'])[1 + g % 4], 'Latest words of conversation ' || g,
       now() - g * interval '7 seconds', g % 3, 5, CASE WHEN g % 2 = 0 THEN now() - g * interval '7 seconds' END
     FROM generate_series(1, $4::int) g, accounts a`,
    [seed.workspaceId, seed.ownerId, seed.memberId, conversations],
  );
  await client.query(
    `INSERT INTO inbox_items (workspace_id, conversation_id, account_id, remote_id, kind, direction, author_id, author_handle,
       author_name, text, remote_created_at, read_at)
     SELECT c.workspace_id, c.id, c.account_id, c.conversation_key || '-' || k, c.kind, CASE WHEN k = 4 THEN 'out' ELSE 'in' END,
       c.contact_id, c.contact_handle, c.contact_name, 'Item ' || k || ' of ' || c.conversation_key,
       c.last_item_at - (5 - k) * interval '1 minute', CASE WHEN k < 3 THEN now() END
     FROM inbox_conversations c, generate_series(1, 5) k WHERE c.workspace_id = $1`,
    [seed.workspaceId],
  );
  await client.query('ANALYZE social_accounts, inbox_conversations, inbox_items');
  return conversations;
}
