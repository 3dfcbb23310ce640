import { mailQueuedNotifications } from '@plume/core/notifications/mail-notification';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publishTarget } from '@plume/core/publishing/publish-target';
import { createKeyring, generateKey, parseKey } from '@plume/core/secrets/keyring';
import { notifications } from '@plume/db/schema/notifications';
import { mailOutbox } from '@plume/db/schema/platform';
import { postTargets, publishAttempts } from '@plume/db/schema/publishing';
import { networkAppRegistrations, networkThrottles, socialAccounts } from '@plume/db/schema/social';
import { connectMastodon } from '../../test-support/connect-mastodon.ts';
import {
  base,
  createScheduledPost,
  deps,
  editor,
  fake,
  owner,
  setUpPublishingFlow,
  targetRow,
  testApp,
  workspace,
  accountId,
  type PostDetail,
} from '../../test-support/publishing-flow-fixture.ts';

setUpPublishingFlow();

/** The failure notifications about a post (their link names it). */
async function troubleOf(postId: string) {
  return testApp.db
    .select({ userId: notifications.userId, title: notifications.title, inApp: notifications.inApp })
    .from(notifications)
    .where(and(eq(notifications.kind, 'post_failed'), like(notifications.link, `%/posts/${postId}`)));
}

describe('connecting Mastodon', () => {
  it('registers Plume on the server once, with PKCE, and lists the account without tokens', async () => {
    expect(fake.state.apps.size).toBe(1);
    const list = await testApp.app.inject({ method: 'GET', url: `${base()}/accounts`, headers: editor.headers });
    expect(list.statusCode).toBe(200);
    const [account] = list.json<{ items: Record<string, unknown>[] }>().items;
    expect(account).toMatchObject({
      id: accountId,
      network: 'mastodon',
      handle: expect.stringContaining('plume'),
      status: 'connected',
    });
    expect(fake.state.tokens.size).toBeGreaterThan(0);
    for (const token of fake.state.tokens.keys()) expect(list.body).not.toContain(token);
  });

  it('refuses a callback whose state was already used', async () => {
    const again = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/oauth/callback?state=00000000-0000-4000-8000-000000000000.forged&code=x`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(302);
    expect(again.headers.location).toMatch(/error=/);
  });
});

describe('publishing a target', () => {
  it('publishes once, stores the link, and a second run of the same job does nothing', async () => {
    const post = await createScheduledPost('Hello from the engine');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    expect(await publishTarget(deps, target.id)).toBe('published');
    expect(await publishTarget(deps, target.id)).toBe('target published');
    const statuses = [...fake.state.statuses.values()].filter((status) =>
      status.text.includes('Hello from the engine'),
    );
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.text).toContain('#plume');
    const detail = await testApp.app.inject({
      method: 'GET',
      url: `${base()}/posts/${post.id}`,
      headers: owner.headers,
    });
    const published = detail.json<PostDetail & { events: { type: string }[] }>();
    expect(published.state).toBe('published');
    expect(published.targets[0]?.remoteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/@plume\/\d+$/);
    expect(published.events.map((event) => event.type)).toContain('target_published');
  });

  it('counts a thread whose reply was refused as published, with a warning, and never sends the first part again', async () => {
    const created = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts`,
      headers: owner.headers,
      payload: {
        content: { text: 'Thread start', thread: [{ text: 'Thread reply', mediaIds: [] }] },
        targets: [{ accountId }],
        scheduledAt: new Date().toISOString(),
        submit: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json<PostDetail>().targets[0]!;
    fake.server.failNext({
      status: 422,
      body: { error: 'Validation failed: Text is spam' },
      match: (request) => request.path === '/api/v1/statuses' && JSON.stringify(request.body).includes('Thread reply'),
    });
    expect(await publishTarget(deps, target.id)).toBe('published');
    const row = await targetRow(target.id);
    expect(row).toMatchObject({ state: 'published', failureKind: 'partly_published', extra: [] });
    expect(row.remoteUrl).toMatch(/\/@plume\/\d+$/);
    expect(row.failureReason).toContain('but part 2 of the thread failed');
    expect(await publishTarget(deps, target.id)).toBe('target published');
    expect([...fake.state.statuses.values()].filter((status) => status.text.includes('Thread start'))).toHaveLength(1);
  });

  it('passes every link through the link hook just before publishing', async () => {
    const post = await createScheduledPost('Shortened https://plume.dev/a-very-long-article-address');
    const seen: { url: string; targetId: string }[] = [];
    const links = async (url: string, context: { targetId: string }) => {
      seen.push({ url, targetId: context.targetId });
      return 'https://s.plume.dev/1';
    };
    const target = post.targets[0]!;
    expect(await publishTarget({ ...deps, links }, target.id)).toBe('published');
    expect(seen).toEqual([{ url: 'https://plume.dev/a-very-long-article-address', targetId: target.id }]);
    const status = [...fake.state.statuses.values()].find((candidate) => candidate.text.startsWith('Shortened'));
    expect(status?.text).toContain('Shortened https://s.plume.dev/1');
  });

  it("holds a target back for its own server's app throttle only, not for another server's", async () => {
    const post = await createScheduledPost('Throttled elsewhere');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    const until = new Date(Date.now() + 120_000);
    // Another Mastodon server told Plume's app there to wait: this account's server is not concerned.
    await testApp.db.insert(networkThrottles).values({ network: 'mastodon', limitKey: 'other.example -', until });
    await testApp.db
      .insert(networkThrottles)
      .values({ network: 'mastodon', limitKey: `${new URL(fake.instanceUrl).host} -`, until });
    const calls = fake.server.requests.length;
    expect(await publishTarget(deps, target.id)).toBe('rate limited');
    expect(fake.server.requests.length).toBe(calls);
    expect((await targetRow(target.id)).nextAttemptAt?.getTime()).toBe(until.getTime());
    await testApp.db
      .delete(networkThrottles)
      .where(eq(networkThrottles.limitKey, `${new URL(fake.instanceUrl).host} -`));
    await testApp.db.update(postTargets).set({ nextAttemptAt: new Date() }).where(eq(postTargets.id, target.id));
    expect(await publishTarget(deps, target.id)).toBe('published');
    await testApp.db.delete(networkThrottles);
  });

  it('waits out a 429 for the time the network asks, on that account only', async () => {
    const post = await createScheduledPost('Rate limited first');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    fake.server.failNext({
      status: 429,
      headers: { 'retry-after': '120' },
      body: { error: 'Too many requests' },
      match: (request) => request.path === '/api/v1/statuses',
    });
    expect(await publishTarget(deps, target.id)).toBe('rate_limited');
    const row = await targetRow(target.id);
    expect(row.state).toBe('pending');
    const waitMs = (row.nextAttemptAt?.getTime() ?? 0) - Date.now();
    expect(waitMs).toBeGreaterThan(110_000);
    expect(waitMs).toBeLessThan(125_000);
    const [account] = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
    expect(account?.rateLimitedUntil?.getTime()).toBeGreaterThan(Date.now() + 100_000);
    // The job that runs early finds the account throttled and waits again, without calling the network.
    await testApp.db.update(postTargets).set({ nextAttemptAt: new Date() }).where(eq(postTargets.id, target.id));
    const calls = fake.server.requests.length;
    expect(await publishTarget(deps, target.id)).toBe('rate limited');
    expect(fake.server.requests.length).toBe(calls);
    await testApp.db.update(socialAccounts).set({ rateLimitedUntil: null }).where(eq(socialAccounts.id, accountId));
    await testApp.db.update(postTargets).set({ nextAttemptAt: new Date() }).where(eq(postTargets.id, target.id));
    expect(await publishTarget(deps, target.id)).toBe('published');
  });

  it('retries a 5xx with backoff and fails a refusal with the reason in words', async () => {
    const post = await createScheduledPost('Server trouble');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    fake.server.failNext({
      status: 503,
      body: { error: 'Service unavailable' },
      match: (request) => request.path === '/api/v1/statuses',
    });
    expect(await publishTarget(deps, target.id)).toBe('retry');
    const retrying = await targetRow(target.id);
    expect(retrying.retries).toBe(1);
    // The waiting target says why ("Last try: …"), never nothing.
    expect(retrying.failureReason).toMatch(/\w{3,}/);
    expect(retrying.state).toBe('pending');
    await testApp.db.update(postTargets).set({ nextAttemptAt: new Date() }).where(eq(postTargets.id, target.id));
    fake.server.failNext({
      status: 422,
      body: { error: 'Validation failed: Text character limit of 500 exceeded' },
      match: (request) => request.path === '/api/v1/statuses',
    });
    expect(await publishTarget(deps, target.id)).toBe('failed');
    const row = await targetRow(target.id);
    expect(row.state).toBe('failed');
    expect(row.failureReason).toContain('character limit');
    const detail = await testApp.app.inject({
      method: 'GET',
      url: `${base()}/posts/${post.id}`,
      headers: owner.headers,
    });
    expect(detail.json<PostDetail>().state).toBe('failed');
    // Retry puts the failed target back and it goes out.
    const retry = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts/${post.id}/actions`,
      headers: editor.headers,
      payload: { type: 'retry' },
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(await publishTarget(deps, target.id)).toBe('published');
  });

  it('marks a target unconfirmed when the connection drops after sending, and never sends it again', async () => {
    const post = await createScheduledPost('Dropped connection');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    fake.server.dropNext({ match: (request) => request.path === '/api/v1/statuses' });
    expect(await publishTarget(deps, target.id)).toBe('unknown');
    expect((await targetRow(target.id)).state).toBe('unconfirmed');
    expect(await publishTarget(deps, target.id)).toBe('target unconfirmed');
    expect(
      [...fake.state.statuses.values()].filter((status) => status.text.includes('Dropped connection')),
    ).toHaveLength(1);
    const confirm = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/posts/${post.id}/actions`,
      headers: editor.headers,
      payload: { type: 'confirm', published: true },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json<PostDetail>().state).toBe('published');
  });

  it('settles a target left publishing by a dead worker mid-call as unconfirmed, and never sends it', async () => {
    const post = await createScheduledPost('Claimed by a ghost');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    await testApp.db.update(postTargets).set({ state: 'publishing', attempts: 1 }).where(eq(postTargets.id, target.id));
    await testApp.db
      .insert(publishAttempts)
      .values({ targetId: target.id, attemptNo: 1, runnerId: 'worker-that-died', callStartedAt: new Date() });
    expect(await publishTarget(deps, target.id)).toBe('interrupted: unconfirmed');
    const row = await targetRow(target.id);
    expect(row.state).toBe('unconfirmed');
    expect(row.failureReason).toContain('“Not published — publish now”');
    // The owner is told once, in the app, where to check (the job running again adds nothing).
    expect(await publishTarget(deps, target.id)).toBe('target unconfirmed');
    const told = await troubleOf(post.id);
    expect(told).toEqual([
      { userId: owner.id, title: expect.stringMatching(/^Check whether a post went out on /), inApp: true },
    ]);
    expect(
      fake.server.requests.filter((request) => JSON.stringify(request.body ?? null).includes('Claimed by a ghost')),
    ).toHaveLength(0);
  });

  it('publishes, once, a target whose dead worker had claimed it but never started the call', async () => {
    const post = await createScheduledPost('Waiting for a slot');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    await testApp.db.update(postTargets).set({ state: 'publishing', attempts: 1 }).where(eq(postTargets.id, target.id));
    await testApp.db
      .insert(publishAttempts)
      .values({ targetId: target.id, attemptNo: 1, runnerId: 'worker-that-died' });
    expect(await publishTarget(deps, target.id)).toBe('published');
    expect(await publishTarget(deps, target.id)).toBe('target published');
    expect(
      [...fake.state.statuses.values()].filter((status) => status.text.includes('Waiting for a slot')),
    ).toHaveLength(1);
    const attempts = await testApp.db
      .select()
      .from(publishAttempts)
      .where(eq(publishAttempts.targetId, target.id))
      .orderBy(publishAttempts.attemptNo);
    expect(attempts.map((attempt) => [attempt.attemptNo, attempt.outcome, attempt.callStartedAt !== null])).toEqual([
      [1, 'not_sent', false],
      [2, 'published', true],
    ]);
  });

  it('disconnects the account and tells the owners when the token is refused and cannot be renewed', async () => {
    const post = await createScheduledPost('Token revoked');
    const target = post.targets[0];
    if (!target) throw new Error('no target');
    fake.server.failNext({
      status: 401,
      body: { error: 'The access token was revoked' },
      match: (request) => request.path === '/api/v1/statuses',
    });
    expect(await publishTarget(deps, target.id)).toBe('failed');
    const row = await targetRow(target.id);
    expect(row.failureKind).toBe('account_disconnected');
    const [account] = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
    expect(account?.status).toBe('disconnected');
    expect(account?.disconnectedReason).toMatch(/Reconnect/);
    // The notification's mail is written by its job, as the worker would.
    await mailQueuedNotifications({ db: testApp.db, appUrl: testApp.config.publicUrl });
    const mails = await testApp.db.select().from(mailOutbox).where(eq(mailOutbox.to, owner.email));
    expect(mails.some((mail) => mail.subject.includes('Reconnect'))).toBe(true);
    expect((await troubleOf(post.id)).map((item) => item.title)).toEqual([expect.stringMatching(/^A post failed on /)]);
    const retryFailed = () =>
      testApp.app.inject({
        method: 'POST',
        url: `${base()}/accounts/${accountId}/retry-failed`,
        headers: editor.headers,
      });
    expect((await retryFailed()).statusCode).toBe(409);
    // Reconnecting the same identity restores it.
    expect(await connectMastodon(testApp.app, fake, owner, workspace)).toBe(accountId);
    const [again] = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
    expect(again?.status).toBe('connected');
    // The post that failed meanwhile is counted on the account and retried on request, once.
    const listed = await testApp.app.inject({ method: 'GET', url: `${base()}/accounts`, headers: editor.headers });
    expect(
      listed
        .json<{ items: { id: string; failedWhileDisconnected: number }[] }>()
        .items.find((item) => item.id === accountId)?.failedWhileDisconnected,
    ).toBe(1);
    const retried = await retryFailed();
    expect(retried.json()).toEqual({ retried: 1, skipped: [] });
    expect((await targetRow(target.id)).state).toBe('pending');
    expect(await publishTarget(deps, target.id)).toBe('published');
    expect((await retryFailed()).json()).toEqual({ retried: 0, skipped: [] });
  });
});

describe('data restored without its secret key', () => {
  it('shows the account as needing reconnection with the reason, fails its posts with it, and a reconnect repairs it', async () => {
    // What a restore without the secret key leaves: tokens and the Mastodon app secret under a key this server lacks.
    const foreign = createKeyring(parseKey(generateKey()));
    await testApp.db
      .update(socialAccounts)
      .set({ tokensCiphertext: foreign.encrypt('{"accessToken":"lost"}') })
      .where(eq(socialAccounts.id, accountId));
    await testApp.db
      .update(networkAppRegistrations)
      .set({ clientSecretCiphertext: foreign.encrypt('lost-client-secret') });
    const because = new RegExp(
      `it was encrypted with the secret key ${foreign.currentKeyId}, which this Plume server does not have.*Reconnect the account`,
    );

    const listed = await testApp.app.inject({ method: 'GET', url: `${base()}/accounts`, headers: editor.headers });
    expect(listed.statusCode, listed.body).toBe(200);
    const shown = listed
      .json<{ items: { id: string; status: string; disconnectedReason: string | null }[] }>()
      .items.find((item) => item.id === accountId);
    expect(shown?.status).toBe('disconnected');
    expect(shown?.disconnectedReason).toMatch(because);

    const health = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/accounts/${accountId}/health`,
      headers: owner.headers,
    });
    expect(health.statusCode, health.body).toBe(200);
    expect(health.json<{ healthError: string }>().healthError).toMatch(because);

    const post = await createScheduledPost('Written before the restore');
    const target = post.targets[0]!;
    expect(await publishTarget(deps, target.id)).toBe('failed');
    const failed = await targetRow(target.id);
    expect(failed.failureKind).toBe('account_disconnected');
    expect(failed.failureReason).toMatch(because);

    // Reconnecting registers Plume on the server again (the old app secret is unreadable) and replaces the tokens.
    const apps = fake.state.apps.size;
    expect(await connectMastodon(testApp.app, fake, owner, workspace)).toBe(accountId);
    expect(fake.state.apps.size).toBe(apps + 1);
    const after = await testApp.app.inject({ method: 'GET', url: `${base()}/accounts`, headers: editor.headers });
    expect(
      after.json<{ items: { id: string; status: string }[] }>().items.find((item) => item.id === accountId)?.status,
    ).toBe('connected');
    const retried = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/accounts/${accountId}/retry-failed`,
      headers: editor.headers,
    });
    expect(retried.json()).toEqual({ retried: 1, skipped: [] });
    expect(await publishTarget(deps, target.id)).toBe('published');
  });
});
