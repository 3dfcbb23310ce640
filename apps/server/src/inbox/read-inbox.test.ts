/**
 * Reading inboxes against a feed over real HTTP and a real PostgreSQL: the sweep queues a keyed job per due
 * account, a read pages through the feed storing each page with its cursor, a second read stores nothing
 * twice (even when the network sends items again), and a 429 backs off for its Retry-After.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueInboxReads, wakeSnoozedConversations } from '@plume/core/inbox/ingest/queue-inbox-reads';
import { readInbox, type InboxReadDeps } from '@plume/core/inbox/ingest/read-inbox';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../test-support/connect-mastodon.ts';
import { createUser, createWorkspaceAs } from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { feedProvider, startInboxFeed, type InboxFeed } from '../test-support/inbox-feed-fake.ts';

let testApp: TestApp;
let mastodon: MastodonFake;
let feed: InboxFeed;
let accountId: string;
let deps: InboxReadDeps;
const MIN_POLL_SEC = 120;

beforeAll(async () => {
  mastodon = await startMastodonFake();
  feed = await startInboxFeed();
  testApp = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [feedProvider(feed, { pageSize: 2, minPollSec: MIN_POLL_SEC })] },
  );
  const owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
  const workspace = await createWorkspaceAs(testApp.app, owner);
  accountId = await connectMastodon(testApp.app, mastodon, owner, workspace);
  const { context } = testApp;
  deps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
    limiter: createNetworkLimiter(),
  };
});

afterAll(async () => {
  await testApp.close();
  await feed.server.close();
  await mastodon.close();
});

beforeEach(async () => {
  feed.server.reset();
  await testApp.db.execute(sql`DELETE FROM analytics_read_limits`);
});

async function cursorRow() {
  const result = await testApp.db.execute<{
    cursor: string | null;
    next_read_at: string;
    last_error: string | null;
    items_read: number;
  }>(sql`SELECT cursor, next_read_at, last_error, items_read FROM inbox_cursors WHERE account_id = ${accountId}`);
  const row = result.rows[0]!;
  return { ...row, nextInSec: (new Date(row.next_read_at).getTime() - Date.now()) / 1000 };
}

const itemCount = async () =>
  (await testApp.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM inbox_items`)).rows[0]!.n;

function addItems(count: number, conversation = 'thread-a') {
  for (let index = 0; index < count; index += 1) {
    const id = feed.items.length + 1;
    feed.items.push({ id, conversation, author: `fan${id}`, text: `Hello ${id}` });
  }
}

describe('queueing reads', () => {
  it('creates the cursor, queues one keyed job per due account, and not again while it is claimed', async () => {
    expect(await queueInboxReads(deps)).toEqual({ queued: 1 });
    const jobs = await testApp.db.execute<{ key: string }>(
      sql`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'read_inbox'`,
    );
    expect(jobs.rows).toEqual([{ key: `read_inbox:${accountId}` }]);
    expect(await queueInboxReads(deps)).toEqual({ queued: 0 });
    expect((await cursorRow()).nextInSec).toBeGreaterThan(500);
    await testApp.db.execute(sql`DELETE FROM graphile_worker._private_jobs`);
  });
});

describe('reading', () => {
  it('pages through the feed, storing each page with its cursor, then waits minPollSec', async () => {
    addItems(5);
    const result = await readInbox(deps, accountId);
    expect(result).toMatchObject({ status: 'read', pages: 3, created: 5 });
    expect(feed.server.requests.map((request) => request.query.get('since'))).toEqual([null, '2', '4']);
    const row = await cursorRow();
    expect(row).toMatchObject({ cursor: '5', last_error: null, items_read: 5 });
    expect(row.nextInSec).toBeGreaterThan(MIN_POLL_SEC - 5);
    expect(row.nextInSec).toBeLessThanOrEqual(MIN_POLL_SEC);
    const conversation = await testApp.db.execute<{ item_count: number; unread_count: number }>(
      sql`SELECT item_count, unread_count FROM inbox_conversations WHERE conversation_key = 'thread-a'`,
    );
    expect(conversation.rows).toEqual([{ item_count: 5, unread_count: 5 }]);
  });

  it('stores nothing twice on the next read, even when the network sends old items again', async () => {
    const before = await itemCount();
    expect(await readInbox(deps, accountId)).toMatchObject({ status: 'read', pages: 1, created: 0 });
    expect(feed.server.requests.at(-1)?.query.get('since')).toBe('5');
    addItems(1, 'thread-b');
    feed.replayOnce();
    expect(await readInbox(deps, accountId)).toMatchObject({ created: 1 });
    expect(await itemCount()).toBe(before + 1);
    // The replay paged through everything again and ended at the newest item.
    expect((await cursorRow()).cursor).toBe('6');
  });

  it('backs off for the Retry-After of a 429, in words, and keeps the cursor', async () => {
    const cursorBefore = (await cursorRow()).cursor;
    feed.server.failNext({ status: 429, headers: { 'retry-after': '300' }, body: { error: 'Too many requests' } });
    const result = await readInbox(deps, accountId);
    expect(result).toMatchObject({ status: 'failed', pages: 0 });
    const row = await cursorRow();
    expect(row.cursor).toBe(cursorBefore);
    expect(row.last_error).toBe('Mastodon asked Plume to read less often; the inbox is read again in 5 minutes.');
    expect(row.nextInSec).toBeGreaterThan(290);
    // The wait is remembered for every worker: an immediate read does not call the network.
    const calls = feed.server.requests.length;
    expect(await readInbox(deps, accountId)).toMatchObject({ status: 'waiting' });
    expect(feed.server.requests).toHaveLength(calls);
  });

  it('says in words when the network does not answer, and clears it after the next good read', async () => {
    await testApp.db.execute(sql`DELETE FROM analytics_read_limits`);
    feed.server.failNext({ status: 503, body: { error: 'maintenance' }, times: 10 });
    expect(await readInbox(deps, accountId)).toMatchObject({ status: 'failed' });
    expect((await cursorRow()).last_error).toMatch(/^Mastodon did not answer .*tries again in 5 minutes\.$/);
    feed.server.reset();
    expect(await readInbox(deps, accountId)).toMatchObject({ status: 'read' });
    expect((await cursorRow()).last_error).toBeNull();
  });
});

describe('snoozed conversations', () => {
  it('open again once their time has passed, and not before', async () => {
    await testApp.db.execute(sql`UPDATE inbox_conversations SET status = 'snoozed',
      snoozed_until = CASE conversation_key WHEN 'thread-a' THEN now() - interval '1 second' ELSE now() + interval '1 hour' END`);
    expect(await wakeSnoozedConversations(testApp.db)).toEqual({ opened: 1 });
    const rows = await testApp.db.execute<{ conversation_key: string; status: string }>(
      sql`SELECT conversation_key, status FROM inbox_conversations ORDER BY conversation_key`,
    );
    expect(rows.rows).toEqual([
      { conversation_key: 'thread-a', status: 'open' },
      { conversation_key: 'thread-b', status: 'snoozed' },
    ]);
  });
});
