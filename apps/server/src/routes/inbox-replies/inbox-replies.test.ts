import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInboxReply } from '@plume/core/inbox/replies/send-reply';
import { sweepInboxReplies } from '@plume/core/inbox/replies/sweep-replies';
import { auditEvents } from '@plume/db/schema/audit';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import {
  startInboxWorld,
  storeConversation,
  type InboxWorld,
  type StoredConversation,
} from '../../test-support/inbox-reply-world.ts';

type Reply = { id: string; state: string; origin: string; text: string; url: string | null; error: string | null };
type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
});

afterAll(async () => {
  await world.close();
});

const call = (method: 'POST' | 'PATCH', path: string, payload?: object, user = world.owner) =>
  world.t.app.inject({ method, url: `${world.base()}/inbox/${path}`, headers: user.headers, payload: payload ?? {} });

async function write(conversation: StoredConversation, text: string, send = false): Promise<Reply> {
  const response = await call('POST', `conversations/${conversation.conversationId}/replies`, {
    itemId: conversation.itemId,
    text,
    send,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Reply>();
}

const createdPosts = () =>
  world.bluesky.posts().filter((record) => (record.value['reply'] as object | undefined) !== undefined);

async function replyRow(id: string) {
  const [row] = await world.t.db.select().from(inboxReplies).where(eq(inboxReplies.id, id));
  if (!row) throw new Error('reply gone');
  return row;
}

async function queuedJob(replyId: string) {
  const jobs = await world.t.db.execute<{ task_identifier: string; run_at: Date }>(
    sql`SELECT task_identifier, run_at FROM graphile_worker.jobs WHERE key = ${`inbox-reply:${replyId}`}`,
  );
  return jobs.rows[0];
}

describe('a person’s reply, sent exactly once through Bluesky', () => {
  it('approves at once, sends with the thread’s root and parent refs, stores the outgoing item and answers the conversation', async () => {
    const conversation = await storeConversation(world);
    const reply = await write(conversation, 'Yes, we ship to Lyon in two days.', true);
    expect(reply).toMatchObject({ state: 'approved', origin: 'person' });
    expect(await queuedJob(reply.id)).toMatchObject({ task_identifier: 'send_inbox_reply' });

    const before = createdPosts().length;
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('sent');
    // The job run again (a retry after a crash of the queue, a duplicate) sends nothing.
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('skipped');
    const posted = createdPosts().slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.value).toMatchObject({
      text: 'Yes, we ship to Lyon in two days.',
      reply: { root: { uri: conversation.rootUri }, parent: { uri: conversation.remoteId } },
    });

    const row = await replyRow(reply.id);
    expect(row).toMatchObject({ state: 'sent', remoteId: posted[0]?.uri, sendAttempts: 1, error: null });
    expect(row.url).toContain('bsky');
    expect(row.attemptStartedAt).not.toBeNull();
    const items = await world.t.db
      .select()
      .from(inboxItems)
      .where(eq(inboxItems.conversationId, conversation.conversationId));
    expect(items.map((item) => [item.direction, item.text])).toEqual([
      ['in', 'Do you ship to Lyon?'],
      ['out', 'Yes, we ship to Lyon in two days.'],
    ]);
    const [stored] = await world.t.db
      .select()
      .from(inboxConversations)
      .where(eq(inboxConversations.id, conversation.conversationId));
    expect(stored).toMatchObject({ awaitingSince: null, itemCount: 2 });
    const audit = await world.t.db.select().from(auditEvents).where(eq(auditEvents.subjectId, reply.id));
    expect(audit.map((event) => event.action).sort()).toEqual(['inbox.reply_created', 'inbox.reply_sent']);
  });

  it('refuses what the network cannot take, at the field, and other workspaces’ items with 404', async () => {
    const conversation = await storeConversation(world);
    const long = await call('POST', `conversations/${conversation.conversationId}/replies`, {
      itemId: conversation.itemId,
      text: 'é'.repeat(301),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json<Problem>().errors?.[0]).toMatchObject({ path: 'body/text' });
    expect(long.json<Problem>().errors?.[0]?.message).toContain('300 graphemes');

    const message = await storeConversation(world, { kind: 'message' });
    const dm = await call('POST', `conversations/${message.conversationId}/replies`, {
      itemId: message.itemId,
      text: 'Hello',
    });
    expect(dm.statusCode).toBe(409);
    expect(dm.json<Problem>().detail).toContain('Bluesky does not let Plume answer direct messages');

    const other = await call('POST', `conversations/${message.conversationId}/replies`, {
      itemId: conversation.itemId,
      text: 'Hello',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json<Problem>().errors?.[0]?.path).toBe('body/itemId');

    const theirs = await call(
      'POST',
      `conversations/${conversation.conversationId}/replies`,
      { itemId: conversation.itemId, text: 'Hi' },
      world.outsider,
    );
    expect(theirs.statusCode).toBe(404);
    const viewer = await call(
      'POST',
      `conversations/${conversation.conversationId}/replies`,
      { itemId: conversation.itemId, text: 'Hi' },
      world.viewer,
    );
    expect(viewer.statusCode).toBe(403);
  });

  it('edits a draft, approves it, and refuses what its state does not allow', async () => {
    const conversation = await storeConversation(world);
    const draft = await write(conversation, 'First try');
    expect(draft.state).toBe('draft');
    expect(await queuedJob(draft.id)).toBeUndefined();
    const edited = await call('PATCH', `replies/${draft.id}`, { text: 'Second try' });
    expect(edited.json<Reply>()).toMatchObject({ state: 'draft', text: 'Second try' });
    const approved = await call('POST', `replies/${draft.id}/approve`);
    expect(approved.json<Reply>().state).toBe('approved');
    const again = await call('POST', `replies/${draft.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().detail).toBe(
      'This reply is approved and waiting to be sent, so it cannot be approved.',
    );
    const late = await call('PATCH', `replies/${draft.id}`, { text: 'Too late' });
    expect(late.statusCode).toBe(409);
    // Discarding an approved reply before its send starts removes its job; the job, had it run, sends nothing.
    const discarded = await call('POST', `replies/${draft.id}/discard`);
    expect(discarded.json<Reply>().state).toBe('discarded');
    expect(await queuedJob(draft.id)).toBeUndefined();
    expect(await sendInboxReply(world.sendDeps, draft.id)).toBe('skipped');
    const unknown = await call('POST', `replies/00000000-0000-4000-8000-000000000000/approve`);
    expect(unknown.statusCode).toBe(404);
  });
});

describe('when the network says no, or nothing', () => {
  it('a refusal is failed with the reason; edited and approved again, it goes out with a new key', async () => {
    const conversation = await storeConversation(world);
    const reply = await write(conversation, 'We ship everywhere', true);
    const keyBefore = (await replyRow(reply.id)).idempotencyKey;
    world.bluesky.server.failNext({
      status: 400,
      body: { error: 'InvalidRequest', message: 'Record/reply/parent not found' },
      match: (request) => request.path.endsWith('createRecord'),
    });
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('failed');
    const failed = await replyRow(reply.id);
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/^Bluesky refused the reply: /);
    const edited = await call('PATCH', `replies/${reply.id}`, { text: 'We ship to all of France' });
    expect(edited.json<Reply>()).toMatchObject({ state: 'draft', error: null });
    expect((await replyRow(reply.id)).idempotencyKey).not.toBe(keyBefore);
    await call('POST', `replies/${reply.id}/approve`);
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('sent');
  });

  it('a 429 puts it back, approved, with its job at the time the network asked', async () => {
    const conversation = await storeConversation(world);
    const reply = await write(conversation, 'Soon', true);
    world.bluesky.server.failNext({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      match: (request) => request.path.endsWith('createRecord'),
    });
    const before = createdPosts().length;
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('retry');
    expect(createdPosts()).toHaveLength(before);
    const row = await replyRow(reply.id);
    expect(row).toMatchObject({ state: 'approved', sendAttempts: 1 });
    expect(row.error).toContain('Bluesky asked us to slow down');
    const job = await queuedJob(reply.id);
    expect(new Date(job?.run_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 60_000);
  });

  it('no answer after sending is unconfirmed, never sent again; a person settles it', async () => {
    const conversation = await storeConversation(world);
    const reply = await write(conversation, 'On its way', true);
    // The PDS creates the record, then the connection drops before the answer.
    world.bluesky.server.dropNext({ match: (request) => request.path.endsWith('createRecord'), handle: true });
    const before = createdPosts().length;
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('unconfirmed');
    expect(createdPosts()).toHaveLength(before + 1);
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('skipped');
    expect(createdPosts()).toHaveLength(before + 1);
    const row = await replyRow(reply.id);
    expect(row.state).toBe('unconfirmed');
    expect(row.error).toContain('No answer came from Bluesky after the reply was sent');
    expect(await call('POST', `replies/${reply.id}/approve`).then((r) => r.statusCode)).toBe(409);

    const resolved = await call('POST', `replies/${reply.id}/resolve`, {
      outcome: 'sent',
      url: 'https://bsky.app/profile/alice.test/post/abc',
    });
    expect(resolved.json<Reply>()).toMatchObject({
      state: 'sent',
      url: 'https://bsky.app/profile/alice.test/post/abc',
    });
    const [stored] = await world.t.db
      .select({ awaitingSince: inboxConversations.awaitingSince })
      .from(inboxConversations)
      .where(eq(inboxConversations.id, conversation.conversationId));
    expect(stored?.awaitingSince).toBeNull();
    const twice = await call('POST', `replies/${reply.id}/resolve`, { outcome: 'not_sent' });
    expect(twice.statusCode).toBe(409);
  });

  it('the sweep turns a dead worker’s `sending` into unconfirmed and leaves a live worker’s alone', async () => {
    const conversation = await storeConversation(world);
    const dead = await write(conversation, 'Dead worker');
    const live = await write(conversation, 'Live worker');
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await world.t.db.execute(sql`
      INSERT INTO worker_heartbeats (worker_id, hostname, pid, last_seen_at, queue_worker_ids)
      VALUES ('live-runner', 'test', 1, now(), '{}')
      ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = now()`);
    for (const [id, runner] of [
      [dead.id, 'dead-runner'],
      [live.id, 'live-runner'],
    ] as const)
      await world.t.db
        .update(inboxReplies)
        .set({ state: 'sending', attemptStartedAt: longAgo, runnerId: runner })
        .where(eq(inboxReplies.id, id));
    const swept = await sweepInboxReplies({ db: world.t.db, staleRunnerSeconds: 60 });
    expect(swept.unconfirmed).toBe(1);
    expect((await replyRow(dead.id)).state).toBe('unconfirmed');
    expect((await replyRow(dead.id)).error).toContain('Sending was interrupted');
    expect((await replyRow(live.id)).state).toBe('sending');
    const audit = await world.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, dead.id), eq(auditEvents.action, 'inbox.reply_unconfirmed')));
    expect(audit).toHaveLength(1);
  });
});
