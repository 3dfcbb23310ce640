/**
 * Crash safety of inbox replies: a real `plume worker` is killed with SIGKILL while it sends approved
 * replies to the Bluesky fake (answers slowed, so calls are in flight), then a new worker starts. Every
 * reply must end `sent` or `unconfirmed`, none may reach the network twice, and only a reply whose send
 * had started when the worker died may be unconfirmed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueSendReply } from '@plume/core/inbox/inbox-jobs-contract';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { encryptTokens } from '@plume/core/social/account-store';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { fakeCid } from '@plume/testing/fakes/bluesky-inbox-routes';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { plumeNodeArgs } from '../plume-command.ts';
import { repoRoot } from '../test-support/plume-child.ts';

const REPLIES = 8;
const ANSWER_DELAY_MS = 1500;
const DID = 'did:plc:alice123';

let database: TestDatabase;
let db: Database;
let fake: BlueskyFake;
let dataDir: string;
const secretKey = generateKey();

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  fake = await startBlueskyFake();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'plume-reply-crash-'));
});

afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
  await fake.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [...plumeNodeArgs, 'worker'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: {
      DATABASE_URL: database.url,
      PLUME_SECRET_KEY: secretKey,
      PLUME_DATA_DIR: dataDir,
      HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      WORKER_CONCURRENCY: '4',
      WORKER_STALE_SECONDS: '3',
      LOG_LEVEL: 'silent',
    },
  });
}

/** A signed-in Bluesky account on the fake, and one approved reply to its own comment per conversation. */
async function seedReplies(): Promise<{ replyIds: string[]; textOf: Map<string, string> }> {
  const session = await fetch(`${fake.url}/xrpc/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'alice.test', password: 'app-pass-1234' }),
  }).then((response) => response.json() as Promise<{ accessJwt: string; refreshJwt: string }>);
  const keyring = createKeyring(parseKey(secretKey));
  const workspaceId = randomUUID();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Crash', slug: `crash-${workspaceId}` });
  const [account] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network: 'bluesky',
      externalId: DID,
      handle: 'alice.test',
      displayName: 'Alice',
      kind: 'profile',
      metadata: { pdsUrl: fake.url, did: DID },
      tokensCiphertext: encryptTokens(keyring, { accessToken: session.accessJwt, refreshToken: session.refreshJwt }),
    })
    .returning({ id: socialAccounts.id });
  if (!account) throw new Error('account insert failed');
  const replyIds: string[] = [];
  const textOf = new Map<string, string>();
  for (let index = 0; index < REPLIES; index++) {
    const rootUri = `at://${DID}/app.bsky.feed.post/root${index}`;
    const remoteId = `at://did:plc:bob456/app.bsky.feed.post/c${index}`;
    const [conversation] = await db
      .insert(inboxConversations)
      .values({
        workspaceId,
        accountId: account.id,
        network: 'bluesky',
        kind: 'comment',
        conversationKey: remoteId,
        contactId: 'did:plc:bob456',
        contactHandle: 'bob.test',
        contactName: 'Bob',
        lastItemAt: new Date(),
      })
      .returning({ id: inboxConversations.id });
    if (!conversation) throw new Error('conversation insert failed');
    const [item] = await db
      .insert(inboxItems)
      .values({
        workspaceId,
        conversationId: conversation.id,
        accountId: account.id,
        remoteId,
        kind: 'comment',
        authorId: 'did:plc:bob456',
        authorHandle: 'bob.test',
        authorName: 'Bob',
        text: `Question ${index}?`,
        remoteCreatedAt: new Date(),
        meta: { cid: fakeCid(remoteId), rootUri, rootCid: fakeCid(rootUri) },
      })
      .returning({ id: inboxItems.id });
    if (!item) throw new Error('item insert failed');
    const text = `Crash reply ${index} ${randomUUID().slice(0, 8)}`;
    const [reply] = await db
      .insert(inboxReplies)
      .values({
        workspaceId,
        conversationId: conversation.id,
        itemId: item.id,
        text,
        state: 'approved',
        origin: 'person',
        approvedAt: new Date(),
        idempotencyKey: `crash-${index}`,
      })
      .returning({ id: inboxReplies.id });
    if (!reply) throw new Error('reply insert failed');
    await enqueueSendReply(db, reply.id);
    replyIds.push(reply.id);
    textOf.set(reply.id, text);
  }
  return { replyIds, textOf };
}

async function replyStates(ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: inboxReplies.id, state: inboxReplies.state })
    .from(inboxReplies)
    .where(inArray(inboxReplies.id, ids));
  return new Map(rows.map((row) => [row.id, row.state]));
}

/** How many createRecord requests carrying this text the fake received (counted on arrival). */
function requestsWith(text: string): number {
  return fake.server.requests.filter(
    (request) => request.path.endsWith('createRecord') && JSON.stringify(request.body ?? null).includes(text),
  ).length;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a worker killed while sending inbox replies', () => {
  it(
    'sends nothing twice and leaves only replies whose send had started unconfirmed',
    { timeout: 180_000 },
    async () => {
      const { replyIds, textOf } = await seedReplies();
      fake.server.setDelay(ANSWER_DELAY_MS);
      const first = startWorkerProcess();
      try {
        await waitFor(
          async () => replyIds.some((id) => requestsWith(textOf.get(id) ?? '') > 0),
          60_000,
          'a reply to reach the network',
        );
      } finally {
        first.kill('SIGKILL');
        await new Promise((resolve) => first.once('exit', resolve));
      }
      // A statement the process sent just before dying still commits on the server: let it land first.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const atKill = await replyStates(replyIds);
      const sendingAtKill = replyIds.filter((id) => atKill.get(id) === 'sending');
      const receivedAtKill = replyIds.filter((id) => requestsWith(textOf.get(id) ?? '') > 0);
      expect(receivedAtKill.length).toBeGreaterThan(0);
      // Received but unanswered when the process died: in flight, so `sending`.
      for (const id of receivedAtKill) expect(atKill.get(id), `reply ${id} at the kill`).toBe('sending');

      fake.server.setDelay(20);
      const second = startWorkerProcess();
      try {
        await waitFor(
          async () =>
            [...(await replyStates(replyIds)).values()].every((state) => ['sent', 'unconfirmed'].includes(state)),
          120_000,
          'every reply to settle',
        );
      } finally {
        second.kill('SIGTERM');
        await new Promise((resolve) => second.once('exit', resolve));
      }
      const final = await replyStates(replyIds);
      for (const id of replyIds) {
        const requests = requestsWith(textOf.get(id) ?? '');
        expect(requests, `reply ${id} (${final.get(id)}) reached the network ${requests} times`).toBeLessThanOrEqual(1);
        if (final.get(id) === 'sent') expect(requests).toBe(1);
        // Unconfirmed only when its send had started before the kill; never re-sent by the second worker.
        if (final.get(id) === 'unconfirmed') expect(sendingAtKill).toContain(id);
      }
      for (const id of receivedAtKill) expect(final.get(id)).toBe('unconfirmed');
      // The replies the first worker never claimed were sent, once, by the second.
      for (const id of replyIds.filter((reply) => atKill.get(reply) === 'approved')) expect(final.get(id)).toBe('sent');
      const copies = fake.posts().filter((record) => String(record.value['text']).startsWith('Crash reply'));
      expect(copies.length).toBe(new Set(copies.map((record) => String(record.value['text']))).size);
    },
  );
});
