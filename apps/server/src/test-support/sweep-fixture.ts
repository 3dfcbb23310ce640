import type { FastifyInstance } from 'fastify';
import type { Database } from '@plume/db/client';
import { contentDrafts, contentRevisions } from '@plume/db/schema/content';
import { notifications } from '@plume/db/schema/notifications';
import { agentRuns } from '@plume/db/schema/agents';
import { mediaGenerations } from '@plume/db/schema/media';
import { socialAccounts } from '@plume/db/schema/social';
import { inboxExample, insertSweepInbox, insertSweepSavedReply } from './inbox-fixture.ts';
import { inboxReplyExample, insertInboxReplySweep } from './inbox-reply-sweep-fixture.ts';
import { insertPlan, planExample } from './plan-sweep-fixture.ts';
import { addMember, createUser, createWorkspaceAs, uniqueEmail, type TestUser } from './factories.ts';
import type { RouteExample, SweepFixture } from './route-sweep.ts';
import { strategyExamples } from './strategy-examples.ts';
import { insertSweepWebhook, webhookExample } from './webhook-sweep-fixture.ts';
import { automationExample, insertSweepRule } from './automation-sweep-fixture.ts';
import { insertMediaStudioSweep, mediaStudioExample } from './media-studio-sweep-fixture.ts';
import { insertMediaTemplateSweep, mediaTemplateExample } from './media-template-sweep-fixture.ts';

export type StandardSweepFixture = SweepFixture & {
  owner: TestUser;
  viewer: TestUser;
  outsider: TestUser;
  params: Record<string, string>;
};

async function post(app: FastifyInstance, user: TestUser, url: string, payload: object): Promise<string> {
  const response = await app.inject({ method: 'POST', url, headers: user.headers, payload });
  if (response.statusCode !== 201) throw new Error(`POST ${url} failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/**
 * The usual cast for `registerRouteSweep`: an owner (created first, so also instance admin), a viewer
 * member, an outsider with a workspace of their own, and real ids of the workspace's sub-resources
 * (`memberId` = the viewer's membership, a pending `invitationId`, an `apiKeyId`). A later feature
 * adds its own ids: `{ ...fixture, params: { ...fixture.params, postId } }`.
 */
export async function createSweepFixture(app: FastifyInstance, db: Database): Promise<StandardSweepFixture> {
  const owner = await createUser(app, db, { name: 'Sweep Owner' });
  const viewer = await createUser(app, db, { name: 'Sweep Viewer' });
  const outsider = await createUser(app, db, { name: 'Sweep Outsider' });
  const workspace = await createWorkspaceAs(app, owner);
  await createWorkspaceAs(app, outsider);
  await addMember(app, workspace, owner, viewer, 'viewer');

  const members = await app.inject({
    method: 'GET',
    url: `/api/v1/workspaces/${workspace.id}/members`,
    headers: owner.headers,
  });
  const memberId = members
    .json<{ items: Array<{ id: string; userId: string }> }>()
    .items.find((item) => item.userId === viewer.id)?.id;
  if (!memberId) throw new Error(`viewer membership missing: ${members.body}`);
  const base = `/api/v1/workspaces/${workspace.id}`;
  const invitationId = await post(app, owner, `${base}/invitations`, {
    email: uniqueEmail('sweep-invitee'),
    role: 'editor',
  });
  const apiKeyId = await post(app, owner, `${base}/api-keys`, { name: 'Sweep key', scopes: ['read'] });

  const postId = await post(app, owner, `${base}/posts`, { content: { text: 'Sweep post' } });
  const mediaId = await uploadPixel(app, owner, `${base}/media`);
  const accountId = await insertAccountWithSlot(app, db, owner, workspace.id);
  const { draftId, revisionId } = await insertContentDraft(db, workspace.id);
  const pullId = await pullModel(app, owner);
  const notificationId = await insertNotification(db, workspace.id, owner.id);
  // An admin's "Generate now" leaves a real (empty) weekly report.
  const reportId = await post(app, owner, `${base}/reports/weekly`, {});
  const competitorId = await post(app, owner, `${base}/competitors`, {
    network: 'bluesky',
    handle: 'sweep.bsky.social',
  });
  // A queued agent run (no worker in the sweep: it stays queued, so cancelling it succeeds).
  const [run] = await db
    .insert(agentRuns)
    .values({ workspaceId: workspace.id, kind: 'intelligence', input: { kind: 'intelligence' } })
    .returning({ id: agentRuns.id });
  const runId = run?.id ?? '';
  const [failed] = await db
    .insert(agentRuns)
    .values({ workspaceId: workspace.id, kind: 'intelligence', input: { kind: 'intelligence' }, state: 'failed' })
    .returning({ id: agentRuns.id });
  const failedRunId = failed?.id ?? '';
  const plan = await insertPlan(app, owner, workspace.id, accountId);
  const { webhookId, deliveryId } = await insertSweepWebhook(app, db, owner, workspace.id);
  const inbox = await insertSweepInbox(db, workspace.id, accountId, owner.id);
  const inboxReplies = await insertInboxReplySweep(db, workspace.id, accountId);
  const ruleId = await insertSweepRule(app, owner, workspace.id);
  const savedReplyId = await insertSweepSavedReply(db, workspace.id);
  const mediaStudio = await insertMediaStudioSweep(db, workspace.id, mediaId);
  const mediaTemplates = await insertMediaTemplateSweep(db, workspace.id);
  const [slideshow] = await db
    .insert(mediaGenerations)
    .values({ workspaceId: workspace.id, kind: 'slideshow', request: { slides: [{ mediaId }] } })
    .returning({ id: mediaGenerations.id });

  return {
    owner,
    viewer,
    outsider,
    workspaceId: workspace.id,
    params: {
      memberId,
      invitationId,
      apiKeyId,
      postId,
      mediaId,
      accountId,
      draftId,
      revisionId,
      pullId,
      reportId,
      competitorId,
      runId,
      planId: plan.planId,
      briefId: plan.briefId,
      week: plan.week,
      modelName: 'llama3.2:3b',
      webhookId,
      deliveryId,
      ...inbox,
      itemId: inboxReplies.itemId,
      replyId: inboxReplies.replyId,
      ruleId,
      savedReplyId,
      ...mediaStudio,
      ...mediaTemplates,
      slideshowId: slideshow?.id ?? '',
    },
    example: (route): RouteExample | undefined => {
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/media/slideshows')
        return { body: { slides: [{ mediaId, caption: 'Sweep slide' }] } };
      // The OAuth callback answers with a redirect into the web app, never a 2xx.
      if (route.key === 'GET /api/v1/accounts/oauth/callback') return { skip: ['control'] };
      // A pending pick only exists mid-way through a real OAuth sign-in with several accounts.
      if (route.key === 'GET /api/v1/workspaces/{workspaceId}/pending-connections/{pendingId}')
        return { skip: ['control'] };
      // A real post of the workspace (a draft: each post's own answer says it is not unconfirmed).
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/posts/resolve-unconfirmed')
        return { body: { postIds: [postId], resolution: 'republish' } };
      // The live stream never ends by itself; its 200 is read over real HTTP in notifications.test.ts.
      if (route.key === 'GET /api/v1/workspaces/{workspaceId}/notifications/stream') return { skip: ['control'] };
      // A real notification of the owner, so marking it read succeeds. Viewers read their own notifications too.
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/notifications/{notificationId}/read')
        return { params: { notificationId }, skip: ['viewer'] };
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/notifications/read-all') return { skip: ['viewer'] };
      // An agent run's live stream ends only when the run does; its 200 is read in agent-runs.test.ts.
      if (route.key === 'GET /api/v1/workspaces/{workspaceId}/agent-runs/{runId}/stream') return { skip: ['control'] };
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/agent-runs') return { body: { kind: 'intelligence' } };
      // A failed run, so resuming it succeeds.
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/agent-runs/{runId}/resume')
        return { params: { runId: failedRunId } };
      // Insights: the fixture's account; predicting stores nothing, so a viewer may ask.
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/insights/predict')
        return { body: { accountIds: [accountId], text: 'Sweep draft' }, skip: ['viewer'] };
      if (route.key === 'GET /api/v1/workspaces/{workspaceId}/insights/best-times') return { query: { accountId } };
      // A one-post history in the generic format for the fixture's Mastodon account.
      if (route.key === 'POST /api/v1/workspaces/{workspaceId}/accounts/{accountId}/analytics/import')
        return {
          query: { dryRun: 'true' },
          body: { csv: 'published_at,network,text,likes,reposts,replies\n2026-03-01T09:30:00Z,mastodon,Hi,1,2,3' },
        };
      // The zip of the fixture's file (ids are a comma-separated list the sweep cannot build from the pattern).
      if (route.key === 'GET /api/v1/workspaces/{workspaceId}/media/archive') return { query: { ids: mediaId } };
      // A network's signed call: the signature is checked over the raw bytes before any parsing (inbox-hooks.test.ts).
      if (route.key === 'POST /api/v1/hooks/inbox/{network}') return { skip: ['malformed-json'] };
      const strategyExample = strategyExamples[route.key];
      if (strategyExample) return strategyExample;
      const webhook = webhookExample(route.key) ?? inboxExample(route.key);
      if (webhook) return webhook;
      const inboxReply = inboxReplyExample(route.key, inboxReplies);
      if (inboxReply) return inboxReply;
      const mediaTemplate = mediaTemplateExample(route.key);
      if (mediaTemplate) return mediaTemplate;
      const automation = automationExample(route.key);
      if (automation) return automation;
      const mediaStudioInput = mediaStudioExample(route.key, mediaStudio, mediaId);
      if (mediaStudioInput) return mediaStudioInput;
      return planExample(route.key, plan, accountId);
    },
  };
}

/**
 * An account row as connecting would leave it (the sweep never publishes, so no network is needed),
 * with one posting slot so `slots/next` has an answer.
 */
async function insertAccountWithSlot(
  app: FastifyInstance,
  db: Database,
  owner: TestUser,
  workspaceId: string,
): Promise<string> {
  const [account] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network: 'mastodon',
      externalId: 'sweep-1',
      handle: '@sweep@example.test',
      displayName: 'Sweep',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  if (!account) throw new Error('account insert returned no row');
  const url = `/api/v1/workspaces/${workspaceId}/accounts/${account.id}/slots`;
  const response = await app.inject({
    method: 'PUT',
    url,
    headers: owner.headers,
    payload: { slots: [{ weekday: 1, time: '09:00' }] },
  });
  if (response.statusCode !== 200) throw new Error(`PUT ${url} failed: ${response.statusCode} ${response.body}`);
  return account.id;
}

/** A notification for the owner, as a failure would leave it. */
async function insertNotification(db: Database, workspaceId: string, userId: string): Promise<string> {
  const [row] = await db
    .insert(notifications)
    .values({
      workspaceId,
      userId,
      kind: 'post_failed',
      title: 'Sweep failure',
      body: 'Sweep',
      link: null,
      inApp: true,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('notification insert returned no row');
  return row.id;
}

/** A 1×1 PNG, uploaded as a user would (multipart). */
async function uploadPixel(app: FastifyInstance, user: TestUser, url: string): Promise<string> {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const boundary = 'sweep-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pixel.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { ...user.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** A finished model pull (the sweep's app talks to a fake Ollama), so the pull routes have a real id. */
async function pullModel(app: FastifyInstance, owner: TestUser): Promise<string> {
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/ollama/models/install',
    headers: owner.headers,
    payload: { name: 'gemma2:2b', force: true },
  });
  if (started.statusCode !== 202) throw new Error(`pull failed: ${started.statusCode} ${started.body}`);
  const pullId = started.json<{ pullId: string }>().pullId;
  for (let attempt = 0; attempt < 100; attempt++) {
    const poll = await app.inject({ method: 'GET', url: `/api/v1/ollama/pulls/${pullId}`, headers: owner.headers });
    if (poll.json<{ status: string }>().status !== 'running') return pullId;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the sweep pull did not finish');
}

/** A content draft with one revision, as generation leaves it (the sweep's fake model answers in echo, not variants). */
async function insertContentDraft(db: Database, workspaceId: string): Promise<{ draftId: string; revisionId: string }> {
  const [draft] = await db
    .insert(contentDrafts)
    .values({ workspaceId, brief: { topic: 'Sweep' } })
    .returning({ id: contentDrafts.id });
  if (!draft) throw new Error('draft insert returned no row');
  const [revision] = await db
    .insert(contentRevisions)
    .values({ draftId: draft.id, seq: 1, variant: 1, network: 'mastodon', text: 'Sweep draft', source: 'generated' })
    .returning({ id: contentRevisions.id });
  if (!revision) throw new Error('revision insert returned no row');
  return { draftId: draft.id, revisionId: revision.id };
}
