/**
 * Stores what a read of one account's inbox returned (a poll's page or a webhook call's items), in one
 * transaction (docs/inbox.md, "Reading inboxes"):
 * - items are unique per account and remote id, so a poll and a webhook carrying the same item store it
 *   once; an item seen again with another text is updated (edited), one reported `gone` is marked deleted;
 * - new items join their conversation (account + conversationKey), created with the first item's author
 *   as the contact and linked to our post target by its remote id; counts, preview, last item time and
 *   awaiting_since move with the items really inserted, and a `done` conversation that gets a new
 *   incoming item opens again (a snoozed one stays snoozed until its time);
 * - then, in the same transaction, what follows a new item (after-store.ts).
 * Conversation rows are upserted (and so locked) in key order before items are inserted in remote id
 * order: two stores of the same account (a poll and a webhook) wait for each other instead of deadlocking,
 * and the second inserts nothing twice and counts nothing twice.
 */
import { sql } from 'drizzle-orm';
import type { InboxKind, ItemDirection } from '@plume/contract/inbox/inbox-enums';
import type { Database } from '@plume/db/client';
import type { InboxItemReading } from '@plume/networks/inbox-contract';
import { afterStore } from './after-store.ts';
import type { Executor, InboxAccount, StoredInboxItem } from './ingest-types.ts';

export type { Executor, InboxAccount, StoredInboxItem };
import { conversationDeltas, conversationSeeds } from './conversation-changes.ts';

export type StoreResult = {
  /** Items inserted now (not seen before), in remote id order. */
  created: StoredInboxItem[];
  /** Items seen before whose text changed. */
  edited: number;
  /** Items seen before that the network now reports gone (marked deleted). */
  gone: number;
  /** Conversations created now. */
  conversationsCreated: number;
};

type Existing = { id: string; remote_id: string; text: string; moderation: string; conversation_id: string };

/**
 * Stores `readings` in one transaction; `within` runs in it after the items (the poll job saves the
 * account's cursor there, so a crash never saves a cursor without its items or the reverse).
 */
export async function storeInboxItems(
  db: Database,
  account: InboxAccount,
  readings: readonly InboxItemReading[],
  within?: (tx: Executor) => Promise<void>,
): Promise<StoreResult> {
  return db.transaction(async (tx) => {
    const result = await storeInboxPage(tx, account, readings);
    await within?.(tx);
    return result;
  });
}

/** The same inside the caller's transaction. */
export async function storeInboxPage(
  tx: Executor,
  account: InboxAccount,
  readings: readonly InboxItemReading[],
): Promise<StoreResult> {
  const unique = [...new Map(readings.map((reading) => [reading.remoteId, reading])).values()];
  if (unique.length === 0) return { created: [], edited: 0, gone: 0, conversationsCreated: 0 };
  const existing = await existingItems(tx, account.id, unique);
  const changed = await updateSeen(tx, existing, unique);
  const fresh = unique
    .filter((reading) => !existing.has(reading.remoteId) && reading.gone !== true)
    .sort((a, b) => (a.remoteId < b.remoteId ? -1 : a.remoteId > b.remoteId ? 1 : 0));
  const conversations = fresh.length === 0 ? NONE : await upsertConversations(tx, account, fresh);
  const created = fresh.length === 0 ? [] : await insertItems(tx, account, fresh, conversations.ids);
  const byRemote = new Map(fresh.map((reading) => [reading.remoteId, reading]));
  const deltas = conversationDeltas(created.map((item) => ({ ...item, reading: byRemote.get(item.remoteId)! })));
  if (deltas.length > 0) await applyDeltas(tx, deltas);
  await afterStore(tx, account, {
    created,
    changedConversations: [...new Set([...changed.conversations, ...deltas.map((delta) => delta.id)])],
  });
  return {
    created,
    edited: changed.edited,
    gone: changed.gone,
    conversationsCreated: conversations.created,
  };
}

type Conversations = { ids: ReadonlyMap<string, string>; created: number };
const NONE: Conversations = { ids: new Map(), created: 0 };

async function existingItems(
  tx: Executor,
  accountId: string,
  readings: readonly InboxItemReading[],
): Promise<Map<string, Existing>> {
  const ids = JSON.stringify(readings.map((reading) => reading.remoteId));
  const result = await tx.execute<Existing>(sql`
    SELECT id, remote_id, text, moderation, conversation_id FROM inbox_items
    WHERE account_id = ${accountId} AND remote_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`);
  return new Map(result.rows.map((row) => [row.remote_id, row]));
}

/** Edits and deletions of items stored before; returns their conversations. */
async function updateSeen(
  tx: Executor,
  existing: ReadonlyMap<string, Existing>,
  readings: readonly InboxItemReading[],
): Promise<{ edited: number; gone: number; conversations: string[] }> {
  const updates: { id: string; text: string; gone: boolean; conversation: string }[] = [];
  let edited = 0;
  let gone = 0;
  for (const reading of readings) {
    const row = existing.get(reading.remoteId);
    if (row === undefined) continue;
    const isGone = reading.gone === true && row.moderation !== 'deleted';
    const isEdited = reading.gone !== true && reading.text !== row.text;
    if (!isGone && !isEdited) continue;
    if (isGone) gone += 1;
    else edited += 1;
    updates.push({
      id: row.id,
      text: isEdited ? reading.text : row.text,
      gone: isGone,
      conversation: row.conversation_id,
    });
  }
  if (updates.length > 0) {
    await tx.execute(sql`
      UPDATE inbox_items i SET text = u.text, moderation = CASE WHEN u.gone THEN 'deleted' ELSE i.moderation END
      FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS u(id uuid, text text, gone boolean)
      WHERE i.id = u.id`);
  }
  return { edited, gone, conversations: updates.map((update) => update.conversation) };
}

/** Creates the conversations new items open (or locks those they join); conversation key → id. */
async function upsertConversations(
  tx: Executor,
  account: InboxAccount,
  fresh: readonly InboxItemReading[],
): Promise<Conversations> {
  const seeds = conversationSeeds(fresh);
  const result = await tx.execute<{ id: string; conversation_key: string; inserted: boolean }>(sql`
    INSERT INTO inbox_conversations AS c (workspace_id, account_id, network, kind, conversation_key, post_remote_id,
      post_target_id, contact_id, contact_handle, contact_name, contact_avatar_url, last_item_at)
    SELECT ${account.workspaceId}, ${account.id}, ${account.network}, s.kind, s.key, s.post_remote_id,
      (SELECT t.id FROM post_targets t WHERE t.account_id = ${account.id} AND t.remote_id = s.post_remote_id
        ORDER BY t.published_at DESC NULLS LAST LIMIT 1),
      s.contact_id, s.contact_handle, s.contact_name, s.contact_avatar_url, s.first_at
    FROM jsonb_to_recordset(${JSON.stringify(seeds)}::jsonb) AS s(key text, kind text, post_remote_id text,
      contact_id text, contact_handle text, contact_name text, contact_avatar_url text, first_at timestamptz)
    ORDER BY s.key
    ON CONFLICT (account_id, conversation_key) DO UPDATE SET
      post_remote_id = coalesce(c.post_remote_id, EXCLUDED.post_remote_id),
      post_target_id = coalesce(c.post_target_id, EXCLUDED.post_target_id)
    RETURNING c.id, c.conversation_key, (c.xmax = 0) AS inserted`);
  return {
    ids: new Map(result.rows.map((row) => [row.conversation_key, row.id])),
    created: result.rows.filter((row) => row.inserted).length,
  };
}

async function insertItems(
  tx: Executor,
  account: InboxAccount,
  fresh: readonly InboxItemReading[],
  conversations: ReadonlyMap<string, string>,
): Promise<StoredInboxItem[]> {
  const rows = fresh.map((reading) => ({
    conversation_id: conversations.get(reading.conversationKey),
    remote_id: reading.remoteId,
    kind: reading.kind,
    direction: reading.fromAccount ? 'out' : 'in',
    parent_remote_id: reading.parentRemoteId,
    author_id: reading.author.id,
    author_handle: reading.author.handle,
    author_name: reading.author.displayName,
    author_avatar_url: reading.author.avatarUrl ?? null,
    text: reading.text,
    url: reading.url,
    rating: reading.rating ?? null,
    remote_created_at: reading.createdAt.toISOString(),
    meta: reading.meta,
  }));
  const result = await tx.execute<{
    id: string;
    conversation_id: string;
    remote_id: string;
    kind: InboxKind;
    direction: ItemDirection;
    author_handle: string;
    text: string;
    url: string | null;
    remote_created_at: Date | string;
  }>(sql`
    INSERT INTO inbox_items (workspace_id, conversation_id, account_id, remote_id, kind, direction, parent_remote_id,
      author_id, author_handle, author_name, author_avatar_url, text, url, rating, remote_created_at, meta)
    SELECT ${account.workspaceId}, r.conversation_id, ${account.id}, r.remote_id, r.kind, r.direction,
      r.parent_remote_id, r.author_id, r.author_handle, r.author_name, r.author_avatar_url, r.text, r.url, r.rating,
      r.remote_created_at, coalesce(r.meta, '{}'::jsonb)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(conversation_id uuid, remote_id text, kind text,
      direction text, parent_remote_id text, author_id text, author_handle text, author_name text,
      author_avatar_url text, text text, url text, rating smallint, remote_created_at timestamptz, meta jsonb)
    ORDER BY r.remote_id
    ON CONFLICT (account_id, remote_id) DO NOTHING
    RETURNING id, conversation_id, remote_id, kind, direction, author_handle, text, url, remote_created_at`);
  return result.rows
    .map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      remoteId: row.remote_id,
      kind: row.kind,
      direction: row.direction,
      authorHandle: row.author_handle,
      text: row.text,
      url: row.url,
      createdAt: new Date(row.remote_created_at),
    }))
    .sort((a, b) => (a.remoteId < b.remoteId ? -1 : a.remoteId > b.remoteId ? 1 : 0));
}

/** Moves each conversation's counts, preview, last item time, awaiting_since and status in one statement. */
async function applyDeltas(tx: Executor, deltas: ReturnType<typeof conversationDeltas>): Promise<void> {
  await tx.execute(sql`
    UPDATE inbox_conversations c SET
      item_count = c.item_count + d.added,
      unread_count = c.unread_count + d.incoming,
      preview = CASE WHEN d.latest_at >= c.last_item_at OR c.item_count = 0 THEN d.latest_text ELSE c.preview END,
      last_item_at = GREATEST(c.last_item_at, d.latest_at),
      awaiting_since = CASE WHEN d.latest_out IS NULL THEN LEAST(c.awaiting_since, d.first_in)
        ELSE LEAST(CASE WHEN c.awaiting_since > d.latest_out THEN c.awaiting_since END, d.first_in_after_out) END,
      status = CASE WHEN c.status = 'done' AND d.incoming > 0 THEN 'open' ELSE c.status END,
      updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb) AS d(id uuid, added int, incoming int,
      latest_at timestamptz, latest_text text, latest_out timestamptz, first_in timestamptz,
      first_in_after_out timestamptz)
    WHERE c.id = d.id`);
}
