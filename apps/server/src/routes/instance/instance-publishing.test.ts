import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDueTokensJob } from '@plume/core/jobs/publishing-jobs';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { publishTarget, type PublishDeps } from '@plume/core/publishing/publish-target';
import { pausePublishing } from '@plume/core/publishing/publishing-pause';
import { rebuildPublishJobs } from '@plume/core/publishing/rebuild-publish-jobs';
import { sweepPublishing } from '@plume/core/publishing/sweep';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { mastodonProvider } from '@plume/networks/mastodon/provider';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

let testApp: TestApp;
let fake: MastodonFake;
let admin: TestUser;
let member: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let deps: PublishDeps;

beforeAll(async () => {
  fake = await startMastodonFake();
  testApp = await createTestApp({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' }, { providers: [mastodonProvider] });
  // The first user to sign up is the instance admin.
  admin = await createUser(testApp.app, testApp.db, { name: 'Ida Admin' });
  member = await createUser(testApp.app, testApp.db, { name: 'Max Member' });
  workspace = await createWorkspaceAs(testApp.app, admin);
  await addMember(testApp.app, workspace, admin, member, 'admin');
  accountId = await connectMastodon(testApp.app, fake, admin, workspace);
  const { context } = testApp;
  deps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
    media: context.publishing.media,
    limiter: createNetworkLimiter(),
    runnerId: 'test-runner',
    staleRunnerSeconds: 60,
  };
});

afterAll(async () => {
  await testApp.close();
  await fake.close();
});

const status = (user: TestUser) =>
  testApp.app.inject({ method: 'GET', url: '/api/v1/instance/publishing', headers: user.headers });
const resume = (user: TestUser) =>
  testApp.app.inject({ method: 'POST', url: '/api/v1/instance/publishing/resume', headers: user.headers });

async function scheduledTarget(text: string, minutesAgo = 0): Promise<{ postId: string; targetId: string }> {
  const created = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/posts`,
    headers: admin.headers,
    payload: { content: { text }, targets: [{ accountId }], scheduledAt: new Date().toISOString(), submit: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const post = created.json<{ id: string; targets: { id: string }[] }>();
  if (minutesAgo > 0)
    await testApp.db
      .update(posts)
      .set({ scheduledAt: new Date(Date.now() - minutesAgo * 60_000) })
      .where(eq(posts.id, post.id));
  return { postId: post.id, targetId: post.targets[0]?.id ?? '' };
}

async function jobsFor(targetId: string): Promise<{ run_at: Date }[]> {
  const result = await testApp.db.execute<{ run_at: Date }>(
    sql`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`publish:${targetId}`}`,
  );
  return result.rows;
}

const sent = (text: string) =>
  fake.server.requests.filter((request) => JSON.stringify(request.body ?? null).includes(text)).length;

describe('the publishing switch', () => {
  it('tells every signed-in user whether publishing runs, and lets only the instance admin resume it', async () => {
    expect((await status(member)).json()).toMatchObject({ paused: false, pausedAt: null, reason: null });
    await pausePublishing(testApp.db, { reason: 'Restored from a backup.', by: 'plume restore' });
    const paused = await status(member);
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({
      paused: true,
      reason: 'Restored from a backup.',
      changedBy: 'plume restore',
      pausedAt: expect.any(String),
    });

    // A workspace admin is not the instance admin.
    const refused = await resume(member);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('instance admin') });
    expect((await status(admin)).json()).toMatchObject({ paused: true });
    expect((await testApp.app.inject({ method: 'POST', url: '/api/v1/instance/publishing/resume' })).statusCode).toBe(
      401,
    );

    const resumed = await resume(admin);
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ paused: false, changedBy: 'Ida Admin', queued: expect.any(Number) });
    expect((await status(member)).json()).toMatchObject({ paused: false });
  });

  it('calls no network while paused: due posts stay pending, nothing is reported overdue, and resuming sends them once', async () => {
    await pausePublishing(testApp.db, { reason: 'Maintenance', by: 'test' });
    const due = await scheduledTarget('Due while paused');
    const overdue = await scheduledTarget('Overdue while paused', 10);
    expect(await publishTarget(deps, due.targetId)).toBe('publishing paused');
    expect(await publishTarget(deps, overdue.targetId)).toBe('publishing paused');
    expect((await sweepPublishing(deps)).overdue).toBe(0);
    // Tokens are not refreshed either: the original instance may still use them.
    await testApp.db
      .update(socialAccounts)
      .set({ accessExpiresAt: new Date(Date.now() + 60_000) })
      .where(eq(socialAccounts.id, accountId));
    expect(await refreshDueTokensJob.run(deps, {})).toEqual({ due: 0, paused: true });
    for (const { targetId } of [due, overdue]) {
      const [row] = await testApp.db.select().from(postTargets).where(eq(postTargets.id, targetId));
      expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    }
    expect(sent('Due while paused') + sent('Overdue while paused')).toBe(0);

    // The jobs of targets that fell due while paused were used up; resuming puts them back.
    await testApp.db.execute(sql`SELECT graphile_worker.remove_job(${`publish:${due.targetId}`})`);
    expect(await jobsFor(due.targetId)).toEqual([]);
    const resumed = await resume(admin);
    expect(resumed.json<{ queued: number }>().queued).toBeGreaterThanOrEqual(1);
    expect(await jobsFor(due.targetId)).toHaveLength(1);
    expect(await publishTarget(deps, due.targetId)).toBe('published');
    expect(await publishTarget(deps, overdue.targetId)).toBe('published');
    expect([sent('Due while paused'), sent('Overdue while paused')]).toEqual([1, 1]);
    await testApp.db.update(socialAccounts).set({ accessExpiresAt: null }).where(eq(socialAccounts.id, accountId));
  });
});

describe('rebuilding the publishing jobs', () => {
  it('gives every pending target without a job one at its time, once, and leaves the rest alone', async () => {
    const later = await scheduledTarget('Due later');
    const at = new Date(Date.now() + 3_600_000);
    await testApp.db.update(posts).set({ scheduledAt: at }).where(eq(posts.id, later.postId));
    const kept = await scheduledTarget('Job kept');
    const keptJob = await jobsFor(kept.targetId);
    // As after a restore: the queue lost this target's job.
    await testApp.db.execute(sql`DELETE FROM graphile_worker._private_jobs WHERE key = ${`publish:${later.targetId}`}`);

    expect(await rebuildPublishJobs(testApp.db)).toBe(1);
    expect((await jobsFor(later.targetId)).map((job) => new Date(job.run_at).getTime())).toEqual([at.getTime()]);
    expect(await jobsFor(kept.targetId)).toEqual(keptJob);
    expect(await rebuildPublishJobs(testApp.db)).toBe(0);
    const total = await testApp.db.execute<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE key IN (${`publish:${later.targetId}`}, ${`publish:${kept.targetId}`})`,
    );
    expect(total.rows[0]?.count).toBe(2);
  });
});
