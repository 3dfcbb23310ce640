/**
 * The publishing dispatcher against a real Mastodon fake and PostgreSQL: it holds a target due soon,
 * fires it at its due instant, leaves nothing to its job; a job for a held target leaves it alone; a
 * dispatcher that dies leaves its targets to their jobs, which publish them once; an edited or
 * unscheduled post is re-checked when it would fire.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createPublishDispatcher,
  type DispatchOptions,
  type PublishDispatcher,
} from '@plume/core/publishing/dispatcher';
import { createPublishingBatches } from '@plume/core/publishing/publishing-batches';
import { publishTarget } from '@plume/core/publishing/publish-target';
import { posts, publishAttempts } from '@plume/db/schema/publishing';
import { workerHeartbeats } from '@plume/db/schema/platform';
import {
  accountId,
  base,
  deps,
  fake,
  owner,
  setUpPublishingFlow,
  targetRow,
  testApp,
  type PostDetail,
} from '../../test-support/publishing-flow-fixture.ts';

setUpPublishingFlow();

let running: PublishDispatcher[] = [];
afterEach(async () => {
  for (const dispatcher of running) dispatcher.abandon();
  running = [];
});

/** A dispatcher for a runner with a live heartbeat (or none when `alive` is false). */
async function dispatcherFor(options: Partial<DispatchOptions> = {}, alive = true) {
  const runnerId = `dispatch-${randomUUID().slice(0, 8)}`;
  if (alive) await testApp.db.insert(workerHeartbeats).values({ workerId: runnerId, hostname: 'test', pid: 1 });
  const dispatcher = createPublishDispatcher(
    { ...deps, runnerId, batches: createPublishingBatches(testApp.db, runnerId) },
    { lookaheadMs: 20_000, ...options },
  );
  running.push(dispatcher);
  return { dispatcher, runnerId };
}

/** A post due in `ms` (far enough past the dispatcher's minimum lead that a slow machine still holds it). */
async function scheduleIn(ms: number, text: string): Promise<{ postId: string; targetId: string; due: number }> {
  const due = Date.now() + ms;
  const created = await testApp.app.inject({
    method: 'POST',
    url: `${base()}/posts`,
    headers: owner.headers,
    payload: { content: { text }, targets: [{ accountId }], scheduledAt: new Date(due).toISOString(), submit: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const post = created.json<PostDetail>();
  expect(post.state).toBe('scheduled');
  const targetId = post.targets[0]?.id;
  if (targetId === undefined) throw new Error('no target');
  // The API keeps whole milliseconds; read the stored instant back.
  const [row] = await testApp.db.select({ at: posts.scheduledAt }).from(posts).where(eq(posts.id, post.id));
  return { postId: post.id, targetId, due: row?.at?.getTime() ?? due };
}

/** The publish calls the fake received whose text contains `text`, with when they arrived. */
function callsWith(text: string) {
  return fake.server.requests.filter(
    (request) => request.path === '/api/v1/statuses' && JSON.stringify(request.body ?? null).includes(text),
  );
}

async function jobRunAt(targetId: string): Promise<Date | null> {
  const rows = await testApp.db.execute<{ run_at: Date }>(
    sql`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`publish:${targetId}`}`,
  );
  const at = rows.rows[0]?.run_at;
  return at === undefined ? null : new Date(at);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the publishing dispatcher', () => {
  it('holds a target due soon, prepared, and sends it at its due instant, leaving no job behind', async () => {
    const text = `Dispatched ${randomUUID()}`;
    const { targetId, postId, due } = await scheduleIn(4000, text);
    const { dispatcher, runnerId } = await dispatcherFor();
    expect(await dispatcher.tick()).toBe(1);
    expect(dispatcher.heldCount()).toBe(1);
    const held = await targetRow(targetId);
    // Held, not claimed: nothing is started, the post still shows as scheduled.
    expect(held).toMatchObject({ state: 'pending', heldBy: runnerId, attempts: 0 });
    expect(held.heldUntil?.getTime()).toBe(due + 300_000);
    expect((await jobRunAt(targetId))?.getTime()).toBe(due + 300_000);
    const [post] = await testApp.db.select({ state: posts.state }).from(posts).where(eq(posts.id, postId));
    expect(post?.state).toBe('scheduled');

    await until(async () => (await targetRow(targetId)).state === 'published', 'the target to be published');
    await dispatcher.settled();
    const calls = callsWith(text);
    expect(calls).toHaveLength(1);
    const lateness = (calls[0]?.receivedAt ?? 0) - due;
    expect(lateness).toBeGreaterThanOrEqual(-5);
    expect(lateness).toBeLessThan(1000);
    const attempts = await testApp.db.select().from(publishAttempts).where(eq(publishAttempts.targetId, targetId));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ outcome: 'published', runnerId });
    expect(attempts[0]?.callStartedAt).not.toBeNull();
    expect(await targetRow(targetId)).toMatchObject({ heldBy: null, heldUntil: null });
    await until(async () => (await jobRunAt(targetId)) === null, 'the finished job to be removed');
  });

  it('a job for a held target leaves it to the dispatcher, which sends it once', async () => {
    const text = `Held ${randomUUID()}`;
    const { targetId, due } = await scheduleIn(4000, text);
    const { dispatcher } = await dispatcherFor();
    expect(await dispatcher.tick()).toBe(1);
    // The job, run early (an edit or a restart put it back at the due time): it leaves the target.
    expect(await publishTarget(deps, targetId)).toBe('held by the dispatcher');
    expect((await jobRunAt(targetId))?.getTime()).toBe(due + 300_000);
    await until(async () => (await targetRow(targetId)).state === 'published', 'the target to be published');
    await dispatcher.settled();
    expect(await publishTarget(deps, targetId)).toBe('target published');
    expect(callsWith(text)).toHaveLength(1);
  });

  it('when its process dies, the job publishes the held target once: at the end of the hold, or at once when the heartbeat stopped', async () => {
    const lapsed = `Lapsed ${randomUUID()}`;
    const orphan = `Orphan ${randomUUID()}`;
    const first = await scheduleIn(4000, lapsed);
    const second = await scheduleIn(4000, orphan);
    const { dispatcher, runnerId } = await dispatcherFor({ leaseAfterDueMs: 1000 });
    expect(await dispatcher.tick()).toBe(2);
    dispatcher.abandon();
    // Its job was moved to the end of the hold, when it runs.
    expect((await jobRunAt(first.targetId))?.getTime()).toBe(first.due + 1000);
    await until(async () => Date.now() > first.due + 1000, 'the hold to end', 10_000);
    expect(callsWith(lapsed)).toHaveLength(0);
    expect(await publishTarget(deps, first.targetId)).toBe('published');
    // The other one: the heartbeat stopped, so its job (run early, by the sweep say) does not wait for the hold.
    await testApp.db.delete(workerHeartbeats).where(eq(workerHeartbeats.workerId, runnerId));
    expect(await publishTarget(deps, second.targetId)).toBe('published');
    for (const text of [lapsed, orphan]) expect(callsWith(text)).toHaveLength(1);
  });

  it('re-checks the post when it fires: an edited post goes out as edited, through its job; an unscheduled one not at all', async () => {
    const before = `Before edit ${randomUUID()}`;
    const after = `After edit ${randomUUID()}`;
    const withdrawn = `Withdrawn ${randomUUID()}`;
    const edited = await scheduleIn(4000, before);
    const unscheduled = await scheduleIn(4000, withdrawn);
    const { dispatcher } = await dispatcherFor();
    expect(await dispatcher.tick()).toBe(2);
    // Changed after it was prepared (the store's own writes, as an edit and an unschedule make them).
    await testApp.db
      .update(posts)
      .set({ content: { text: after, mediaIds: [], thread: [], hashtags: [] } })
      .where(eq(posts.id, edited.postId));
    await testApp.db.update(posts).set({ state: 'draft' }).where(eq(posts.id, unscheduled.postId));
    await until(async () => Date.now() > edited.due + 300, 'the due instant');
    await dispatcher.settled();
    expect(callsWith(before)).toHaveLength(0);
    expect(callsWith(withdrawn)).toHaveLength(0);
    // Given back to their jobs, due now.
    for (const { targetId } of [edited, unscheduled]) {
      await until(async () => (await targetRow(targetId)).heldBy === null, 'the hold to be given back');
      expect((await targetRow(targetId)).state).toBe('pending');
      expect((await jobRunAt(targetId))?.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect(await publishTarget(deps, edited.targetId)).toBe('published');
    expect(await publishTarget(deps, unscheduled.targetId)).toBe('post draft');
    expect(callsWith(after)).toHaveLength(1);
    expect(callsWith(withdrawn)).toHaveLength(0);
  });

  it('gives back what it holds when it stops', async () => {
    const { targetId } = await scheduleIn(5000, `Stopped ${randomUUID()}`);
    const { dispatcher } = await dispatcherFor();
    expect(await dispatcher.tick()).toBe(1);
    await dispatcher.stop();
    expect(await targetRow(targetId)).toMatchObject({ state: 'pending', heldBy: null, heldUntil: null });
    expect(await jobRunAt(targetId)).not.toBeNull();
  });
});
