import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { deliverWebhook, type WebhookDeps } from '@plume/core/webhooks/deliver-webhook';
import { emitWeekApproved } from '@plume/core/webhooks/emit-plan-events';
import { nominalSchedule } from '@plume/core/webhooks/webhook-schedule';
import {
  planWeekApprovedData,
  postStateChangedData,
  webhookPayloadSchema,
} from '@plume/contract/webhooks/webhook-events';
import { auditEvents } from '@plume/db/schema/audit';
import { notifications } from '@plume/db/schema/notifications';
import { webhookDeliveries, webhookEndpoints } from '@plume/db/schema/webhooks';
import {
  addMember,
  createUser,
  createWorkspaceAs,
  type TestUser,
  type TestWorkspace,
} from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.ts';

let testApp: TestApp;
let receiver: WebhookReceiver;
let owner: TestUser;
let editor: TestUser;
let workspace: TestWorkspace;
let deps: WebhookDeps;
const base = () => `/api/v1/workspaces/${workspace.id}/webhooks`;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  testApp = await createTestApp({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  owner = await createUser(testApp.app, testApp.db, { name: 'Olive Owner' });
  editor = await createUser(testApp.app, testApp.db, { name: 'Eddie Editor' });
  workspace = await createWorkspaceAs(testApp.app, owner);
  await addMember(testApp.app, workspace, owner, editor, 'editor');
  const { context } = testApp;
  deps = { db: context.db, keyring: context.keyring, http: context.publishing.http };
});

afterAll(async () => {
  await testApp.close();
  await receiver.close();
});

async function createEndpoint(eventTypes: string[]): Promise<{ id: string; secret: string }> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: base(),
    headers: owner.headers,
    payload: { url: receiver.url, description: 'CRM sync', eventTypes },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret: string }>();
}

/** What the worker would do: every pending delivery of the endpoint, once. */
async function deliverPending(endpointId: string): Promise<void> {
  const rows = await testApp.db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(sql`${webhookDeliveries.endpointId} = ${endpointId} AND ${webhookDeliveries.state} = 'pending'`);
  for (const row of rows) await deliverWebhook(deps, row.id);
}

const createDraft = (text: string) =>
  testApp.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.id}/posts`,
    headers: owner.headers,
    payload: { content: { text } },
  });

describe('webhook endpoints', () => {
  it('shows the whsec_ secret once: in the create answer, never in the list or the audit log', async () => {
    const created = await createEndpoint(['post.state_changed']);
    expect(created.secret).toMatch(/^whsec_/);
    const list = await testApp.app.inject({ method: 'GET', url: base(), headers: owner.headers });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.secret);
    expect(list.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(created.id);
    const audit = await testApp.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.id));
    expect(audit.map((row) => row.action)).toEqual(['webhook.created']);
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
  });

  it('refuses a private address at body/url in plain words, and an editor (admins manage webhooks)', async () => {
    for (const url of ['http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:9/x']) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: base(),
        headers: owner.headers,
        payload: { url, eventTypes: ['post.published'] },
      });
      expect(response.statusCode, url).toBe(400);
      const problem = response.json<{ errors: { path: string; message: string }[] }>();
      expect(problem.errors[0]?.path).toBe('body/url');
      expect(problem.errors[0]?.message).toMatch(/only calls public addresses.*HTTP_ALLOW_PRIVATE_HOSTS/);
    }
    const byEditor = await testApp.app.inject({
      method: 'POST',
      url: base(),
      headers: editor.headers,
      payload: { url: receiver.url, eventTypes: ['post.published'] },
    });
    expect(byEditor.statusCode).toBe(403);
  });
});

describe('delivery', () => {
  it("sends a post's state change through the outbox, signed so the reference library verifies it", async () => {
    const endpoint = await createEndpoint(['post.state_changed']);
    receiver.received.length = 0;
    const post = await createDraft('Hello webhooks');
    expect(post.statusCode).toBe(201);
    await deliverPending(endpoint.id);
    expect(receiver.received).toHaveLength(1);
    const [message] = receiver.received;
    if (message === undefined) throw new Error('nothing received');
    const payload = new Webhook(endpoint.secret).verify(message.body, message.headers);
    const parsed = webhookPayloadSchema('post.state_changed').parse(payload);
    const data = postStateChangedData.parse(parsed.data);
    expect(data).toMatchObject({ postId: post.json<{ id: string }>().id, from: null, to: 'draft' });
    expect(data.actor.name).toBe('Olive Owner');
    expect(message.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('a rotation signs with both secrets for 24 hours, then with the new one only', async () => {
    const endpoint = await createEndpoint(['post.state_changed']);
    const rotated = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/${endpoint.id}/rotate-secret`,
      headers: owner.headers,
    });
    expect(rotated.statusCode).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json<{ secret: string; previousSecretExpiresAt: string }>();
    expect(secret).not.toBe(endpoint.secret);
    const hours = (Date.parse(previousSecretExpiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    receiver.received.length = 0;
    await createDraft('During the overlap');
    await deliverPending(endpoint.id);
    const during = receiver.received.at(-1);
    if (during === undefined) throw new Error('nothing received');
    expect(during.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(during.body, during.headers)).toBeTruthy();
    expect(new Webhook(endpoint.secret).verify(during.body, during.headers)).toBeTruthy();

    await testApp.db
      .update(webhookEndpoints)
      .set({ previousSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await createDraft('After the overlap');
    await deliverPending(endpoint.id);
    const after = receiver.received.at(-1);
    if (after === undefined || after === during) throw new Error('nothing received after the overlap');
    expect(new Webhook(secret).verify(after.body, after.headers)).toBeTruthy();
    expect(() => new Webhook(endpoint.secret).verify(after.body, after.headers)).toThrow();
  });

  it('retries a failure on the schedule, logs the attempt, and a replay resends the same message id', async () => {
    const endpoint = await createEndpoint(['post.state_changed']);
    receiver.respondWith(500, 'database down');
    receiver.received.length = 0;
    await createDraft('Will fail first');
    await deliverPending(endpoint.id);
    const log = await testApp.app.inject({
      method: 'GET',
      url: `${base()}/${endpoint.id}/deliveries`,
      headers: owner.headers,
    });
    expect(log.statusCode).toBe(200);
    type Delivery = {
      id: string;
      messageId: string;
      state: string;
      attempts: number;
      nextAttemptAt: string | null;
      attemptLog: { status: number | null; responseExcerpt: string; ok: boolean }[];
    };
    const [failed] = log.json<{ items: Delivery[] }>().items;
    if (failed === undefined) throw new Error('no delivery');
    expect(failed).toMatchObject({ state: 'pending', attempts: 1 });
    expect(failed.attemptLog[0]).toMatchObject({ status: 500, responseExcerpt: 'database down', ok: false });
    const wait = Date.parse(failed.nextAttemptAt ?? '') - Date.now();
    expect(wait).toBeGreaterThan(3_000);
    expect(wait).toBeLessThan(6_000);
    const jobs = await testApp.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${`webhook:${failed.id}`} AND run_at > now()`,
    );
    expect(jobs.rows[0]?.n).toBe(1);

    receiver.respondWith(204);
    const replay = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/${endpoint.id}/deliveries/${failed.id}/replay`,
      headers: owner.headers,
    });
    expect(replay.statusCode).toBe(202);
    await deliverPending(endpoint.id);
    const ids = receiver.received.map((request) => request.headers['webhook-id']);
    expect(ids).toEqual([failed.messageId, failed.messageId]);
    const [done] = await testApp.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, failed.id));
    expect(done?.state).toBe('delivered');
  });

  it('a 410 turns the endpoint off and tells the admins; the test button reports the answer', async () => {
    const endpoint = await createEndpoint(['post.published']);
    receiver.respondWith(410, 'gone');
    const tested = await testApp.app.inject({
      method: 'POST',
      url: `${base()}/${endpoint.id}/test`,
      headers: owner.headers,
    });
    receiver.respondWith(204);
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({ type: 'webhook.test', state: 'failed', lastStatus: 410 });
    const [row] = await testApp.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row?.enabled).toBe(false);
    expect(row?.disabledReason).toMatch(/410 Gone/);
    const told = await testApp.db.select().from(notifications).where(eq(notifications.kind, 'webhook_disabled'));
    expect(told.map((item) => item.userId)).toEqual([owner.id]);
  });

  it('plan.week_approved reaches only the endpoints subscribed to it', async () => {
    const plans = await createEndpoint(['plan.week_approved']);
    const posts = await createEndpoint(['post.published']);
    receiver.received.length = 0;
    const planId = randomUUID();
    await emitWeekApproved(testApp.db, {
      plan: { id: planId, workspaceId: workspace.id },
      week: '2026-12-07',
      approved: ['brief-1'],
      pending: [{ briefId: 'brief-2' }],
      actor: { userId: owner.id, name: 'Olive Owner', role: 'owner', kind: 'user' },
    });
    await deliverPending(posts.id);
    expect(receiver.received).toHaveLength(0);
    await deliverPending(plans.id);
    const [message] = receiver.received;
    if (message === undefined) throw new Error('nothing received');
    const payload = webhookPayloadSchema('plan.week_approved').parse(
      new Webhook(plans.secret).verify(message.body, message.headers),
    );
    expect(planWeekApprovedData.parse(payload.data)).toMatchObject({
      planId,
      approvedBriefIds: ['brief-1'],
      pendingBriefIds: ['brief-2'],
    });
  });

  it('turns off an endpoint that failed for 5 days, and the schedule spans about 3 days', async () => {
    expect(nominalSchedule()).toHaveLength(10);
    expect(nominalSchedule().at(-1)).toBe(257_705);
    const endpoint = await createEndpoint(['post.state_changed']);
    await testApp.db
      .update(webhookEndpoints)
      .set({ failingSince: new Date(Date.now() - 5 * 86_400_000 - 60_000) })
      .where(eq(webhookEndpoints.id, endpoint.id));
    receiver.respondWith(503);
    await createDraft('Nobody listens');
    await deliverPending(endpoint.id);
    receiver.respondWith(204);
    const [row] = await testApp.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row?.enabled).toBe(false);
    expect(row?.disabledReason).toMatch(/for 5 days/);
    const turnedOn = await testApp.app.inject({
      method: 'PATCH',
      url: `${base()}/${endpoint.id}`,
      headers: owner.headers,
      payload: { enabled: true },
    });
    expect(turnedOn.json()).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });
});
