import { and, eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueSchedules } from '@plume/core/automation/fire-due-schedules';
import { fireAutomationTrigger } from '@plume/core/automation/fire-trigger';
import { notifyAccountDisconnected } from '@plume/core/notifications/notify-events';
import { automationPostOrigins, automationRules, automationRuns } from '@plume/db/schema/automation';
import { notifications } from '@plume/db/schema/notifications';
import { socialAccounts } from '@plume/db/schema/social';
import { startAutomationKit, type AutomationKit } from '../../test-support/automation-kit.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.ts';

let kit: AutomationKit;
let receiver: WebhookReceiver;

beforeAll(async () => {
  kit = await startAutomationKit();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await kit.t.close();
  await receiver.close();
});

const runsOf = (ruleId: string) =>
  kit.t.db.select().from(automationRuns).where(eq(automationRuns.ruleId, ruleId)).orderBy(automationRuns.startedAt);
const turnOff = (ruleId: string) =>
  kit.t.db.update(automationRules).set({ enabled: false }).where(eq(automationRules.id, ruleId));

describe('firing a rule through its job', () => {
  it('stores nothing when no rule listens', async () => {
    const eventId = await kit.t.db.transaction((tx) =>
      fireAutomationTrigger(tx, { workspaceId: kit.workspace.id, trigger: 'plan.week_approved', data: {} }),
    );
    expect(eventId).toBeNull();
  });

  it('runs on a disconnected account: notifies and calls the signed webhook, and records each action', async () => {
    const rule = await kit.createRule({
      name: 'Disconnected accounts',
      trigger: { type: 'account.disconnected' },
      conditions: [{ field: 'network', operator: 'equals', value: 'mastodon' }],
      actions: [
        { type: 'notify', audience: 'managers', title: 'Reconnect {{handle}}', body: 'Because: {{reason}}' },
        { type: 'call_webhook', url: receiver.url },
      ],
    });
    const [account] = await kit.t.db.select().from(socialAccounts).where(eq(socialAccounts.id, kit.accountId));
    await kit.t.db.transaction((tx) => notifyAccountDisconnected(tx, { account: account!, reason: 'token revoked' }));
    // The same disconnection told twice is one event.
    await kit.t.db.transaction((tx) => notifyAccountDisconnected(tx, { account: account!, reason: 'token revoked' }));
    expect(await kit.runJobs(kit.services())).toBe(1);

    const [run] = await runsOf(rule.id);
    expect(run).toMatchObject({ status: 'succeeded', triggerType: 'account.disconnected', skipReason: null });
    expect(run!.input).toMatchObject({ network: 'mastodon', handle: '@bakery@example.test', reason: 'token revoked' });
    expect(run!.results.map((result) => [result.type, result.ok])).toEqual([
      ['notify', true],
      ['call_webhook', true],
    ]);
    expect(run!.durationMs).not.toBeNull();
    const told = await kit.t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.workspaceId, kit.workspace.id), eq(notifications.kind, 'automation')));
    expect(told.map((row) => row.title)).toEqual(['Reconnect @bakery@example.test']);
    expect(told[0]!.body).toBe('Because: token revoked');

    const call = receiver.received.at(-1)!;
    const verified = new Webhook(rule.signingSecret).verify(call.body, call.headers) as {
      type: string;
      data: { ruleId: string; event: Record<string, unknown> };
    };
    expect(verified.type).toBe('automation.rule_fired');
    expect(verified.data.ruleId).toBe(rule.id);
    expect(verified.data.event.handle).toBe('@bakery@example.test');
    await turnOff(rule.id);
  });

  it('records a failed action with its reason, and does not do the ones after it', async () => {
    receiver.respondWith(500, 'down');
    const rule = await kit.createRule({
      name: 'Budget',
      trigger: { type: 'llm.budget_threshold' },
      conditions: [{ field: 'threshold', operator: 'greater_than', value: 85 }],
      actions: [
        { type: 'call_webhook', url: receiver.url },
        { type: 'pause_autopilot', reason: 'Budget at {{threshold}} %' },
      ],
    });
    for (const threshold of [80, 90])
      await kit.t.db.transaction((tx) =>
        fireAutomationTrigger(tx, {
          workspaceId: kit.workspace.id,
          trigger: 'llm.budget_threshold',
          data: { period: 'monthly', threshold },
        }),
      );
    await kit.runJobs(kit.services());
    receiver.respondWith(204);
    const runs = await runsOf(rule.id);
    expect(runs).toHaveLength(1); // 80 % does not pass the condition
    expect(runs[0]!.status).toBe('failed');
    expect(runs[0]!.results[0]).toMatchObject({ ok: false, error: 'The webhook answered 500: down' });
    expect(runs[0]!.results[1]).toMatchObject({ ok: false, error: 'Not done: an earlier action failed.' });
    await turnOff(rule.id);
  });
});

describe('limits', () => {
  it('skips a run over the rule’s hourly limit or the workspace’s daily actions, with the reason', async () => {
    const rule = await kit.createRule({
      name: 'Every approval',
      trigger: { type: 'plan.week_approved' },
      actions: [{ type: 'notify', audience: 'managers', title: 'Week {{week}} approved' }],
    });
    const fire = (week: string) =>
      kit.t.db.transaction((tx) =>
        fireAutomationTrigger(tx, {
          workspaceId: kit.workspace.id,
          trigger: 'plan.week_approved',
          data: { week, approvedCount: 3, pendingCount: 0 },
        }),
      );
    for (const week of ['2026-11-02', '2026-11-09', '2026-11-16']) await fire(week);
    await kit.runJobs(kit.services({ ruleRunsPerHour: 2 }));
    let runs = await runsOf(rule.id);
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'skipped']);
    expect(runs[2]!.skipReason).toBe('Limit: this rule already ran 2 times in the last hour (at most 2).');

    await fire('2026-11-23');
    await kit.runJobs(kit.services({ actionsPerDay: 2 }));
    runs = await runsOf(rule.id);
    expect(runs.at(-1)!.skipReason).toMatch(
      /^Limit: the workspace’s rules already took \d+ actions in the last 24 hours \(at most 2\)\.$/,
    );
    const [stored] = await kit.t.db.select().from(automationRules).where(eq(automationRules.id, rule.id));
    expect(stored!.runCount).toBe(2);
    await turnOff(rule.id);
  });
});

describe('loop protection', () => {
  it('stops two rules that would set each other off', async () => {
    // Each rule writes a new post whenever a post is published: left alone, they would never stop.
    const body = (name: string) => ({
      name,
      trigger: { type: 'post.published' },
      actions: [{ type: 'generate_draft', topic: `${name} follow-up to {{text}}`, accountIds: [kit.accountId] }],
    });
    const first = await kit.createRule(body('First'));
    const second = await kit.createRule(body('Second'));
    const services = kit.services();
    await kit.publishFirstTarget(await kit.newPost('Our new bread'));
    await kit.runJobs(services);
    // Round 1: both rules ran for the person's post and each wrote a post of its own.
    const origins = async () => kit.t.db.select().from(automationPostOrigins);
    expect(await origins()).toHaveLength(2);

    // Round 2: the post the first rule wrote goes out: the first rule is skipped, the second runs.
    const [firstRun] = await runsOf(first.id);
    const firstPost = (await origins()).find((origin) => origin.runId === firstRun!.id)!.postId;
    await kit.publishFirstTarget(firstPost);
    await kit.runJobs(services);
    const firstRuns = await runsOf(first.id);
    expect(firstRuns.at(-1)).toMatchObject({ status: 'skipped' });
    expect(firstRuns.at(-1)!.skipReason).toMatch(/^Loop protection: this event came from this rule’s own actions/);
    const secondRuns = await runsOf(second.id);
    expect(secondRuns.at(-1)).toMatchObject({ status: 'succeeded', chain: [first.id, second.id] });

    // Round 3: the post that chain wrote goes out: both rules are in its chain, so neither runs.
    const chainPost = (await origins()).find((origin) => origin.runId === secondRuns.at(-1)!.id)!.postId;
    await kit.publishFirstTarget(chainPost);
    await kit.runJobs(services);
    expect((await runsOf(first.id)).at(-1)!.status).toBe('skipped');
    expect((await runsOf(second.id)).at(-1)!.status).toBe('skipped');
    expect(await origins()).toHaveLength(3);
    await turnOff(first.id);
    await turnOff(second.id);
  });

  it('turns off a rule that fires too often in a minute, and tells the admins', async () => {
    const rule = await kit.createRule({
      name: 'Noisy',
      trigger: { type: 'post.failed' },
      actions: [{ type: 'notify', audience: 'managers', title: 'Failed on {{handle}}' }],
    });
    for (let index = 0; index < 4; index += 1)
      await kit.t.db.transaction((tx) =>
        fireAutomationTrigger(tx, {
          workspaceId: kit.workspace.id,
          trigger: 'post.failed',
          data: { network: 'mastodon', handle: `@n${index}` },
        }),
      );
    await kit.runJobs(kit.services({ ruleBurstPerMinute: 3 }));
    const runs = await runsOf(rule.id);
    expect(runs.map((run) => run.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'skipped']);
    const [stored] = await kit.t.db.select().from(automationRules).where(eq(automationRules.id, rule.id));
    expect(stored).toMatchObject({ enabled: false });
    expect(stored!.pausedReason).toBe('Turned off: the rule fired 3 times within a minute (at most 3).');
    const told = await kit.t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.workspaceId, kit.workspace.id), sql`${notifications.title} LIKE '%was turned off'`));
    expect(told.map((row) => row.title)).toEqual(['The rule “Noisy” was turned off']);
  });
});

describe('schedules', () => {
  it('fires a due rule once, with the workspace’s weekday and hour, and moves its next time', async () => {
    const rule = await kit.createRule({
      name: 'Monday digest',
      trigger: { type: 'schedule', cron: '0 9 * * 1' },
      actions: [{ type: 'notify', audience: 'managers', title: 'Good {{weekday}} at {{hour}}:00' }],
    });
    // 2026-12-07 is a Monday; 08:00 UTC is 09:00 in Berlin (the kit's workspace zone).
    const due = new Date('2026-12-07T08:00:00Z');
    await kit.t.db.update(automationRules).set({ nextRunAt: due }).where(eq(automationRules.id, rule.id));
    const now = new Date('2026-12-07T08:00:30Z');
    expect(await fireDueSchedules(kit.t.db, now)).toBe(1);
    expect(await fireDueSchedules(kit.t.db, now)).toBe(0);
    await kit.runJobs(kit.services());
    const [run] = await runsOf(rule.id);
    expect(run!.input).toMatchObject({ weekday: 'monday', hour: 9, zone: 'Europe/Berlin' });
    expect(run!.results[0]).toMatchObject({ ok: true });
    const [stored] = await kit.t.db.select().from(automationRules).where(eq(automationRules.id, rule.id));
    expect(stored!.nextRunAt?.toISOString()).toBe('2026-12-14T08:00:00.000Z');
  });
});
