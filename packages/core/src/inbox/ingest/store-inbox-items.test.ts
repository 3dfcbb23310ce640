/**
 * Storing inbox readings on a real PostgreSQL: dedupe across a poll and a webhook (also when both store at
 * once), conversation counts, edits and deletions, awaiting_since, reopening, the post link, and what
 * follows in the same transaction (webhook event, live signal, classification job).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { postTargets, posts } from '@plume/db/schema/publishing';
import { webhookEndpoints } from '@plume/db/schema/webhooks';
import type { InboxItemReading } from '@plume/networks/inbox-contract';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { seedAccount, seedWorkspace } from '../../reports/report-test-fixture.ts';
import { INBOX_CHANNEL } from '../inbox-live.ts';
import { storeInboxItems, type InboxAccount } from './store-inbox-items.ts';

let database: TestDatabase;
let db: Database;
let account: InboxAccount;
let quiet: InboxAccount;
const ws = 'ws-inbox-store';
const otherWs = 'ws-inbox-quiet';

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 6 });
  await seedWorkspace(db, ws, 'Europe/Paris');
  await seedWorkspace(db, otherWs, 'UTC');
  account = { id: await seedAccount(db, ws, '@bakery@social.example'), workspaceId: ws, network: 'mastodon' };
  quiet = { id: await seedAccount(db, otherWs, '@quiet@social.example'), workspaceId: otherWs, network: 'mastodon' };
  await db.insert(webhookEndpoints).values({
    workspaceId: ws,
    url: 'https://hooks.example/plume',
    eventTypes: ['inbox.item_created'],
    secretCiphertext: 'unused',
  });
});

afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

let sequence = 0;
function reading(overrides: Partial<InboxItemReading> & { conversationKey: string }): InboxItemReading {
  sequence += 1;
  return {
    remoteId: `item-${sequence}`,
    kind: 'comment',
    parentRemoteId: null,
    postRemoteId: null,
    author: { id: 'fan-1', handle: '@fan@other.example', displayName: 'A Fan' },
    text: `Comment ${sequence}`,
    createdAt: new Date(Date.UTC(2026, 11, 7, 10, sequence)),
    url: `https://social.example/items/${sequence}`,
    fromAccount: false,
    meta: {},
    ...overrides,
  };
}

const ours = { id: 'me', handle: '@bakery@social.example', displayName: 'Bakery' };

async function conversation(key: string, of: InboxAccount = account) {
  const result = await db.execute<{
    id: string;
    kind: string;
    item_count: number;
    unread_count: number;
    preview: string;
    last_item_at: string;
    awaiting_since: string | null;
    status: string;
    contact_handle: string;
    post_target_id: string | null;
  }>(sql`SELECT * FROM inbox_conversations WHERE account_id = ${of.id} AND conversation_key = ${key}`);
  const row = result.rows[0]!;
  // Raw queries answer instants as text.
  return {
    ...row,
    last_item_at: new Date(row.last_item_at),
    awaiting_since: row.awaiting_since === null ? null : new Date(row.awaiting_since),
  };
}

const count = async (query: ReturnType<typeof sql>) =>
  Number((await db.execute<{ n: number }>(query)).rows[0]?.n ?? Number.NaN);

describe('storing new items', () => {
  it('creates the conversation with its contact and counts, and what follows in the same transaction', async () => {
    const listener = await db.$client.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.payload ?? ''));
    await listener.query(`LISTEN ${INBOX_CHANNEL}`);
    onTestFinished(() => listener.release());
    const jobsBefore = await count(sql`SELECT count(*)::int AS n FROM graphile_worker.jobs`);

    const first = reading({ conversationKey: 'c-new', text: 'Do you ship to Lyon?' });
    const second = reading({ conversationKey: 'c-new', text: '  And   on Sundays?  ', author: { ...first.author } });
    const result = await storeInboxItems(db, account, [second, first]);

    expect(result.created.map((item) => item.remoteId)).toEqual([first.remoteId, second.remoteId].sort());
    expect(result.conversationsCreated).toBe(1);
    const row = await conversation('c-new');
    expect(row).toMatchObject({
      kind: 'comment',
      item_count: 2,
      unread_count: 2,
      preview: 'And on Sundays?',
      status: 'open',
      contact_handle: '@fan@other.example',
    });
    expect(row.awaiting_since).toEqual(first.createdAt);
    expect(row.last_item_at).toEqual(second.createdAt);

    const messages = await db.execute<{ payload: { type: string; data: Record<string, unknown> } }>(
      sql`SELECT payload FROM webhook_messages WHERE workspace_id = ${ws} ORDER BY payload->'data'->>'excerpt'`,
    );
    expect(messages.rows.map((message) => message.payload.data)).toEqual([
      expect.objectContaining({ excerpt: '  And   on Sundays?  ', conversationId: row.id, kind: 'comment' }),
      expect.objectContaining({ excerpt: 'Do you ship to Lyon?', authorHandle: '@fan@other.example' }),
    ]);
    const classify = await db.execute<{ payload: { itemIds: string[] } }>(
      sql`SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE t.identifier = 'classify_inbox_items' ORDER BY j.id`,
    );
    expect(classify.rows.at(-1)?.payload.itemIds.sort()).toEqual(result.created.map((item) => item.id).sort());
    // deliver_webhook (2) and classify_inbox_items (1)
    expect(await count(sql`SELECT count(*)::int AS n FROM graphile_worker.jobs`)).toBe(jobsBefore + 3);
    await expect.poll(() => heard).toEqual([JSON.stringify({ workspaceId: ws, conversationId: row.id })]);
  });

  it('writes no webhook message for a workspace without an endpoint', async () => {
    await storeInboxItems(db, quiet, [reading({ conversationKey: 'q-1' })]);
    expect(await count(sql`SELECT count(*)::int AS n FROM webhook_messages WHERE workspace_id = ${otherWs}`)).toBe(0);
    expect((await conversation('q-1', quiet)).item_count).toBe(1);
  });
});

describe('deduplicating', () => {
  it('stores an item once when a poll and a webhook both carry it, one after the other', async () => {
    const items = [reading({ conversationKey: 'c-dup' }), reading({ conversationKey: 'c-dup' })];
    const poll = await storeInboxItems(db, account, items);
    const webhook = await storeInboxItems(db, account, [items[1]!, reading({ conversationKey: 'c-dup' })]);
    expect(poll.created).toHaveLength(2);
    expect(webhook.created).toHaveLength(1);
    expect(await conversation('c-dup')).toMatchObject({ item_count: 3, unread_count: 3 });
    expect(await count(sql`SELECT count(*)::int AS n FROM inbox_items WHERE remote_id = ${items[1]!.remoteId}`)).toBe(
      1,
    );
  });

  it('stores and counts once when both store the same page at the same time', async () => {
    const items = Array.from({ length: 20 }, (_, index) => reading({ conversationKey: `c-race-${index % 3}` }));
    const results = await Promise.all([
      storeInboxItems(db, account, items),
      storeInboxItems(db, account, [...items].reverse()),
    ]);
    expect(results[0].created.length + results[1].created.length).toBe(20);
    const counts = await Promise.all([0, 1, 2].map((index) => conversation(`c-race-${index}`)));
    expect(counts.map((row) => row.item_count)).toEqual([7, 7, 6]);
  });

  it('updates an edited text and marks an item the network reports gone as deleted, counting nothing', async () => {
    const item = reading({ conversationKey: 'c-edit', text: 'Typo' });
    const other = reading({ conversationKey: 'c-edit' });
    await storeInboxItems(db, account, [item, other]);
    const again = await storeInboxItems(db, account, [
      { ...item, text: 'Fixed' },
      { ...other, gone: true },
      reading({ conversationKey: 'c-never-seen', gone: true }),
    ]);
    expect(again).toMatchObject({ created: [], edited: 1, gone: 1 });
    const rows = await db.execute<{ remote_id: string; text: string; moderation: string }>(
      sql`SELECT remote_id, text, moderation FROM inbox_items WHERE remote_id IN (${item.remoteId}, ${other.remoteId}) ORDER BY remote_id`,
    );
    expect(rows.rows.map((row) => [row.text, row.moderation])).toEqual(
      [item, other].map((one) => (one === item ? ['Fixed', 'visible'] : [other.text, 'deleted'])),
    );
    expect((await conversation('c-edit')).item_count).toBe(2);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM inbox_conversations WHERE conversation_key = 'c-never-seen'`),
    ).toBe(0);
  });
});

describe('conversation state', () => {
  it('clears awaiting_since when the account answers, and sets it again on the next incoming item', async () => {
    const question = reading({ conversationKey: 'c-wait', kind: 'message' });
    await storeInboxItems(db, account, [question]);
    expect((await conversation('c-wait')).awaiting_since).toEqual(question.createdAt);
    const answer = reading({ conversationKey: 'c-wait', kind: 'message', author: ours, fromAccount: true });
    await storeInboxItems(db, account, [answer]);
    expect(await conversation('c-wait')).toMatchObject({ awaiting_since: null, item_count: 2, unread_count: 1 });
    const followUp = reading({ conversationKey: 'c-wait', kind: 'message' });
    await storeInboxItems(db, account, [followUp]);
    expect((await conversation('c-wait')).awaiting_since).toEqual(followUp.createdAt);
  });

  it('takes the first other person as the contact of a thread the account opened', async () => {
    const mine = reading({ conversationKey: 'c-mine', kind: 'message', author: ours, fromAccount: true });
    const theirs = reading({ conversationKey: 'c-mine', kind: 'message' });
    await storeInboxItems(db, account, [mine, theirs]);
    expect(await conversation('c-mine')).toMatchObject({ contact_handle: '@fan@other.example', unread_count: 1 });
    expect((await conversation('c-mine')).awaiting_since).toEqual(theirs.createdAt);
  });

  it('opens a done conversation on a new incoming item; a snoozed one stays snoozed', async () => {
    await storeInboxItems(db, account, [reading({ conversationKey: 'c-done' }), reading({ conversationKey: 'c-zz' })]);
    await db.execute(sql`UPDATE inbox_conversations SET status = 'done' WHERE conversation_key = 'c-done'`);
    await db.execute(
      sql`UPDATE inbox_conversations SET status = 'snoozed', snoozed_until = now() + interval '1 hour' WHERE conversation_key = 'c-zz'`,
    );
    await storeInboxItems(db, account, [reading({ conversationKey: 'c-done', author: ours, fromAccount: true })]);
    expect((await conversation('c-done')).status).toBe('done');
    await storeInboxItems(db, account, [reading({ conversationKey: 'c-done' }), reading({ conversationKey: 'c-zz' })]);
    expect((await conversation('c-done')).status).toBe('open');
    expect((await conversation('c-zz')).status).toBe('snoozed');
  });

  it("links the conversation to our post target by the post's remote id", async () => {
    const [post] = await db
      .insert(posts)
      .values({ workspaceId: ws, content: { text: 'Bread', mediaIds: [], thread: [], hashtags: [] } })
      .returning();
    const [target] = await db
      .insert(postTargets)
      .values({ postId: post!.id, workspaceId: ws, accountId: account.id, network: 'mastodon', remoteId: '1099' })
      .returning();
    await storeInboxItems(db, account, [reading({ conversationKey: 'c-post', postRemoteId: '1099' })]);
    await storeInboxItems(db, account, [reading({ conversationKey: 'c-other-post', postRemoteId: '4242' })]);
    expect((await conversation('c-post')).post_target_id).toBe(target!.id);
    expect((await conversation('c-other-post')).post_target_id).toBeNull();
  });
});
