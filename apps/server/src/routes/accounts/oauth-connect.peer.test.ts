/**
 * The whole life of an OAuth account through Plume's own code against a real authorization server:
 * oidc-provider plays X's sign-in and token endpoints (PKCE S256, client_secret_basic, refresh token
 * rotation with reuse detection) and the X fake plays the API, accepting exactly the access tokens
 * oidc-provider says are live (introspection over HTTP). Connect → scheduled refresh (rotation) →
 * publish with the new token → a refused refresh disconnects with a reason and a mail → reconnect
 * updates the same account and never loses the refresh token.
 */
import { mailQueuedNotifications } from '@plume/core/notifications/mail-notification';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshAccountJob, refreshDueTokensJob } from '@plume/core/jobs/publishing-jobs';
import { createNetworkLimiter } from '@plume/core/publishing/network-limiter';
import { publishTarget, type PublishDeps } from '@plume/core/publishing/publish-target';
import { decryptTokens, encryptTokens } from '@plume/core/social/account-store';
import { refreshAccount, type TokenDeps } from '@plume/core/social/account-tokens';
import { mailOutbox } from '@plume/db/schema/platform';
import { postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import type { TokenSet } from '@plume/networks/contract';
import { AuthExpired } from '@plume/networks/provider-errors';
import { xProvider } from '@plume/networks/x/provider';
import { startXFake, type XFake } from '@plume/testing/fakes/x/x-fake';
import { startOAuthServer, type OAuthServer } from '@plume/testing/peers/oauth-server';
import { connectThroughSignIn, signInThroughPlume } from '../../test-support/connect-through-sign-in.ts';
import { createUser, createWorkspaceAs, type TestUser, type TestWorkspace } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

const PUBLIC_URL = 'https://plume.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/accounts/oauth/callback`;

let oidc: OAuthServer;
let fake: XFake;
let testApp: TestApp;
let owner: TestUser;
let workspace: TestWorkspace;
let accountId: string;
let tokenDeps: TokenDeps;
let publishDeps: PublishDeps;

/** What a resource server does with a bearer token: ask the authorization server who it acts for. */
async function liveSubject(token: string): Promise<string | undefined> {
  const answer = await oidc.introspect(token);
  return answer.active && answer.token_type === 'Bearer' ? answer.sub : undefined;
}

beforeAll(async () => {
  fake = await startXFake({ resolveBearer: liveSubject });
  // The sign-in name becomes the token's subject; X's fake user id makes /2/users/me answer for it.
  oidc = await startOAuthServer({
    redirectUris: [REDIRECT_URI],
    tokenEndpointAuthMethod: 'client_secret_basic',
    user: { id: fake.state.user.id, name: fake.state.user.name },
  });
  testApp = await createTestApp(
    {
      HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
      PUBLIC_URL,
      X_CLIENT_ID: oidc.client.clientId,
      X_CLIENT_SECRET: oidc.client.clientSecret,
      NETWORK_ENDPOINTS: JSON.stringify({
        x: { api: fake.server.url, authorize: oidc.authorizeUrl, token: oidc.tokenUrl },
      }),
    },
    { providers: [xProvider] },
  );
  owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
  workspace = await createWorkspaceAs(testApp.app, owner);
  const { context } = testApp;
  tokenDeps = {
    db: context.db,
    keyring: context.keyring,
    runtime: context.publishing.runtime,
    appUrl: context.publishing.appUrl,
  };
  publishDeps = {
    ...tokenDeps,
    media: context.publishing.media,
    limiter: createNetworkLimiter(),
    runnerId: 'peer-test',
    staleRunnerSeconds: 60,
  };
});

afterAll(async () => {
  // Every call Plume made reached a route the fake serves.
  expect(fake.server.unhandled.map((request) => `${request.method} ${request.path}`)).toEqual([]);
  await testApp.close();
  await Promise.all([fake.close(), oidc.close()]);
});

/** The browser signs in as X's fake user, so the token's subject is an X account. */
const signIn = () => ({ login: fake.state.user.id });

async function accountRow() {
  const [row] = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId));
  if (!row) throw new Error('account missing');
  return row;
}

async function storedTokens(): Promise<TokenSet> {
  return decryptTokens(testApp.context.keyring, (await accountRow()).tokensCiphertext);
}

/** Moves the access token's expiry to five minutes from now, in the clear column and the sealed tokens alike. */
async function expireSoon(): Promise<void> {
  const expiresAt = new Date(Date.now() + 5 * 60_000);
  const tokens = { ...(await storedTokens()), expiresAt };
  await testApp.db
    .update(socialAccounts)
    .set({ tokensCiphertext: encryptTokens(testApp.context.keyring, tokens), accessExpiresAt: expiresAt })
    .where(eq(socialAccounts.id, accountId));
}

/** Schedules a post for now on the account (through the API); returns its ids. */
async function schedulePost(text: string): Promise<{ postId: string; targetId: string }> {
  const created = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/posts`,
    headers: owner.headers,
    payload: { content: { text }, targets: [{ accountId }], scheduledAt: new Date().toISOString(), submit: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const post = created.json<{ id: string; targets: { id: string }[] }>();
  return { postId: post.id, targetId: post.targets[0]?.id ?? '' };
}

/** Schedules a post for now and runs its publish job; returns the job's outcome. */
async function publishNow(text: string): Promise<string> {
  const { targetId } = await schedulePost(text);
  return String(await publishTarget(publishDeps, targetId));
}

function postsOnX(text: string) {
  return [...fake.state.posts.values()].filter((post) => post.text === text);
}

describe('connecting X through its sign-in page (oidc-provider)', () => {
  it('signs in with PKCE and state, stores the account with sealed tokens and reads the identity with them', async () => {
    const connected = await connectThroughSignIn(testApp.app, { owner, workspace, network: 'x', browser: signIn() });
    expect(connected.authorizeUrl.origin).toBe(oidc.issuer);
    expect(connected.authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(connected.accountIds).toHaveLength(1);
    accountId = connected.accountIds[0] ?? '';

    const row = await accountRow();
    expect(row).toMatchObject({
      network: 'x',
      externalId: fake.state.user.id,
      handle: fake.state.user.username,
      status: 'connected',
    });
    const tokens = await storedTokens();
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(row.tokensCiphertext).not.toContain(tokens.accessToken);
    expect(row.tokensCiphertext).not.toContain(tokens.refreshToken);
    expect(await oidc.introspect(tokens.accessToken)).toMatchObject({
      active: true,
      sub: fake.state.user.id,
      client_id: oidc.client.clientId,
    });
    expect(Math.abs((row.accessExpiresAt?.getTime() ?? 0) - (Date.now() + 3600_000))).toBeLessThan(60_000);
    const me = fake.server.requests.filter((request) => request.path === '/2/users/me');
    expect(me.map((request) => request.bearer)).toEqual([tokens.accessToken]);

    const list = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${workspace.id}/accounts`,
      headers: owner.headers,
    });
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([accountId]);
    expect(list.body).not.toContain(tokens.accessToken);

    // The state is single-use: the same callback again connects nothing.
    const replay = await testApp.app.inject({ method: 'GET', url: connected.callbackPath, headers: owner.headers });
    expect(replay.headers.location).toMatch(/error=.*used/);
  });

  it('refreshes ahead of expiry from the scheduled job: the rotated refresh token is stored, and a post goes out with the new access token', async () => {
    const before = await storedTokens();
    const beforeRow = await accountRow();
    expect(await refreshDueTokensJob.run(tokenDeps, {})).toEqual({ due: 0 });
    await expireSoon();
    expect(await refreshDueTokensJob.run(tokenDeps, {})).toEqual({ due: 1 });
    const queued = await testApp.db.execute<{ key: string }>(
      sql`SELECT key FROM graphile_worker.jobs WHERE task_identifier = 'refresh_account'`,
    );
    expect(queued.rows.map((job) => job.key)).toEqual([`refresh:${accountId}`]);

    expect(await refreshAccountJob.run(tokenDeps, { accountId })).toBe('refreshed');
    const after = await storedTokens();
    const afterRow = await accountRow();
    expect(after.refreshToken).toEqual(expect.any(String));
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(afterRow.accessExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(afterRow.lastRefreshedAt!.getTime()).toBeGreaterThan(beforeRow.lastRefreshedAt!.getTime());
    // The job is idempotent: run again, the token is fresh and nothing is spent.
    expect(await refreshAccountJob.run(tokenDeps, { accountId })).toBe('refreshed');
    expect((await storedTokens()).refreshToken).toBe(after.refreshToken);

    const outcome = await publishNow('First post after rotation');
    expect(outcome).toBe('published');
    expect(postsOnX('First post after rotation')).toHaveLength(1);
    expect(fake.server.requests.filter((request) => request.path === '/2/tweets').at(-1)?.bearer).toBe(
      after.accessToken,
    );
  });

  it('refreshes once when two workers find the token due together (the lock keeps the rotated token from being spent twice)', async () => {
    const before = await storedTokens();
    await expireSoon();
    const [first, second] = await Promise.all([
      refreshAccount(tokenDeps, accountId),
      refreshAccount(tokenDeps, accountId),
    ]);
    expect(first.tokens.refreshToken).not.toBe(before.refreshToken);
    expect(second.tokens).toEqual(first.tokens);
    expect((await accountRow()).status).toBe('connected');
    // Had both spent the same refresh token, reuse detection would have revoked the grant.
    expect(await liveSubject(first.tokens.accessToken)).toBe(fake.state.user.id);
  });

  it('renews access when the API refuses the token while publishing (401, refresh under the lock, retry once)', async () => {
    // X refuses a token it considers revoked. (Revoking it at oidc-provider would take the grant's
    // refresh tokens along: RFC 7009 lets a server do that, and oidc-provider does.)
    const before = await storedTokens();
    fake.server.failNext({
      status: 401,
      body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
      match: (request) => request.path === '/2/tweets',
    });
    const outcome = await publishNow('Published after a 401');
    expect(outcome).toBe('published');
    expect(postsOnX('Published after a 401')).toHaveLength(1);
    const after = await storedTokens();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const sent = fake.server.requests.filter((request) => request.path === '/2/tweets').slice(-2);
    expect(sent.map((request) => request.bearer)).toEqual([before.accessToken, after.accessToken]);
  });
});

describe('losing access and reconnecting', () => {
  let waiting: { postId: string; targetId: string };

  it('refuses a replayed rotated refresh token; the refused refresh disconnects the account with a reason and mails the owner', async () => {
    waiting = await schedulePost('Waits for the reconnect');
    const spent = await storedTokens();
    await expireSoon();
    const current = (await refreshAccount(tokenDeps, accountId)).tokens;
    // A stale copy of the old refresh token comes back (a restored backup, a thief): X refuses it,
    // and reuse detection revokes the whole grant, the tokens Plume holds included.
    const stale = xProvider.oauth!.refresh(testApp.context.publishing.runtime.context('x'), spent, {});
    await expect(stale).rejects.toBeInstanceOf(AuthExpired);
    expect(await liveSubject(current.accessToken)).toBeUndefined();

    await expireSoon();
    expect(await refreshAccountJob.run(tokenDeps, { accountId })).toBe('disconnected');
    const row = await accountRow();
    expect(row.status).toBe('disconnected');
    expect(row.disconnectedReason).toMatch(/^X refused to renew access .*Reconnect the account\.$/);
    // The notification's mail is written by its job, as the worker would.
    await mailQueuedNotifications({ db: testApp.db, appUrl: testApp.config.publicUrl });
    const mails = await testApp.db.select().from(mailOutbox).where(eq(mailOutbox.to, owner.email));
    const mail = mails.find((candidate) => candidate.subject.includes('Reconnect'));
    expect(mail?.subject).toContain('(x)');
    expect(mail?.text).toContain(row.disconnectedReason ?? '');
    // The mail says what happens to posts due meanwhile: they fail and can be retried after reconnecting.
    expect(mail?.text).toMatch(/fail until you reconnect it.*retry them/s);
    expect(await refreshDueTokensJob.run(tokenDeps, {})).toEqual({ due: 0 });

    const calls = fake.server.requests.length;
    expect(await publishTarget(publishDeps, waiting.targetId)).toBe('failed');
    const [target] = await testApp.db.select().from(postTargets).where(eq(postTargets.id, waiting.targetId));
    expect(target?.failureKind).toBe('account_disconnected');
    expect(target?.failureReason).toContain('Reconnect the account');
    expect(fake.server.requests.length).toBe(calls);
  });

  it('reconnects through the sign-in page into the same account row with a working refresh token; the waiting post goes out', async () => {
    const revoked = await storedTokens();
    const again = await connectThroughSignIn(testApp.app, {
      owner,
      workspace,
      network: 'x',
      reconnectAccountId: accountId,
      browser: signIn(),
    });
    expect(again.accountIds).toEqual([accountId]);
    const row = await accountRow();
    expect(row).toMatchObject({ status: 'connected', disconnectedReason: null, disconnectedAt: null });
    const tokens = await storedTokens();
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.refreshToken).not.toBe(revoked.refreshToken);
    expect(await liveSubject(tokens.accessToken)).toBe(fake.state.user.id);
    const accounts = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.workspaceId, workspace.id));
    expect(accounts).toHaveLength(1);

    const retry = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/posts/${waiting.postId}/actions`,
      headers: owner.headers,
      payload: { type: 'retry' },
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(await publishTarget(publishDeps, waiting.targetId)).toBe('published');
    expect(postsOnX('Waits for the reconnect')).toHaveLength(1);
  });

  it('refuses a reconnect signed in as someone else: the account keeps its tokens and no other account is added', async () => {
    const before = await accountRow();
    const { back } = await signInThroughPlume(testApp.app, {
      owner,
      workspace,
      network: 'x',
      reconnectAccountId: accountId,
      browser: { login: 'someone_else' },
    });
    expect(back.searchParams.get('connected')).toBeNull();
    expect(back.searchParams.get('error')).toBe(
      `You signed in to X as someone_else, not as ${fake.state.user.username}. Sign in as ${fake.state.user.username} to reconnect it.`,
    );
    const accounts = await testApp.db.select().from(socialAccounts).where(eq(socialAccounts.workspaceId, workspace.id));
    expect(accounts.map((account) => account.id)).toEqual([accountId]);
    expect((await accountRow()).tokensCiphertext).toBe(before.tokensCiphertext);
  });

  it('keeps the stored refresh token when a reconnect brings none, and that token still renews access', async () => {
    const before = await storedTokens();
    oidc.setIssueRefreshTokens(false);
    try {
      await connectThroughSignIn(testApp.app, {
        owner,
        workspace,
        network: 'x',
        reconnectAccountId: accountId,
        browser: signIn(),
      });
    } finally {
      oidc.setIssueRefreshTokens(true);
    }
    const reconnected = await storedTokens();
    expect(reconnected.accessToken).not.toBe(before.accessToken);
    expect(reconnected.refreshToken).toBe(before.refreshToken);

    await expireSoon();
    const renewed = (await refreshAccount(tokenDeps, accountId)).tokens;
    expect(renewed.refreshToken).not.toBe(before.refreshToken);
    expect(await liveSubject(renewed.accessToken)).toBe(fake.state.user.id);
    expect((await accountRow()).status).toBe('connected');
  });
});
