/**
 * The inbox read against Mastodon's own adapter and fake (notifications over real HTTP): mentions become
 * items with their cursor saved, and the next read stores nothing twice.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readInbox, type InboxReadDeps } from '@plume/core/inbox/ingest/read-inbox';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { seedMastodonMention } from '@plume/testing/fakes/mastodon/inbox-routes';
import { connectMastodon } from '../test-support/connect-mastodon.ts';
import { createUser, createWorkspaceAs } from '../test-support/factories.ts';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';

let testApp: TestApp;
let fake: MastodonFake;
let accountId: string;
let deps: InboxReadDeps;

beforeAll(async () => {
  fake = await startMastodonFake();
  testApp = await createTestApp(
    { HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', PUBLIC_URL: 'http://plume.test' },
    { providers: [mastodonProvider] },
  );
  const owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
  const workspace = await createWorkspaceAs(testApp.app, owner);
  accountId = await connectMastodon(testApp.app, fake, owner, workspace);
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
  await fake.close();
});

it('says why a read is refused, then stores the mentions once, with the cursor saved', async () => {
  for (let index = 0; index < 3; index += 1) {
    const id = `90${index}`;
    seedMastodonMention(fake.state, {
      account: { id, username: `fan${index}`, acct: `fan${index}@other.example`, displayName: `Fan ${index}` },
      text: `@bakery hello ${index}`,
      inReplyToId: null,
      visibility: 'public',
      createdAt: new Date(Date.now() - (10 - index) * 60_000),
    });
  }
  // Connecting now asks for the inbox's scopes too; an account connected before the inbox has publishing's only.
  const inboxScopes = new Set(['read:notifications', 'read:statuses']);
  for (const token of fake.state.tokens.values()) {
    expect(token.scope.split(' ')).toEqual(expect.arrayContaining([...inboxScopes]));
    token.scope = token.scope
      .split(' ')
      .filter((scope) => !inboxScopes.has(scope))
      .join(' ');
  }
  // Such an account's read is refused, in words.
  expect(await readInbox(deps, accountId)).toMatchObject({ status: 'failed', created: 0 });
  const refused = await testApp.db.execute<{ last_error: string | null }>(
    sql`SELECT last_error FROM inbox_cursors WHERE account_id = ${accountId}`,
  );
  expect(refused.rows[0]?.last_error).toMatch(
    /^Mastodon refused to show this account's inbox: .*reconnecting the account/,
  );
  // Granted as reconnecting (which asks for read:notifications and read:statuses) does.
  for (const token of fake.state.tokens.values()) token.scope = `${token.scope} read:notifications read:statuses`;
  const first = await readInbox(deps, accountId);
  expect(first).toMatchObject({ status: 'read', created: 3 });
  const cursor = await testApp.db.execute<{ cursor: string | null; last_error: string | null }>(
    sql`SELECT cursor, last_error FROM inbox_cursors WHERE account_id = ${accountId}`,
  );
  expect(cursor.rows[0]?.last_error).toBeNull();
  expect(cursor.rows[0]?.cursor).not.toBeNull();
  expect(await readInbox(deps, accountId)).toMatchObject({ status: 'read', created: 0 });
  const items = await testApp.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM inbox_items`);
  expect(items.rows[0]?.n).toBe(3);
});
